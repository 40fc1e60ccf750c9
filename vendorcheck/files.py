"""The files users name: read as regular files only, never blocking, never beyond a size bound; written
only where writing will work, checked before any analysis.

A FIFO given as a contract or a declaration would block the read until some other program writes to it,
and a device such as /dev/zero would never end. Every reader of a user's file opens it here: the file is
opened without blocking, its type checked on the open descriptor (so it cannot be swapped in between),
and its size checked before a byte is read. An output (`-o`) in a folder that does not exist or cannot be
written used to fail after a review of several minutes: `check_output` says so before.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from vendorcheck import errors
from vendorcheck.escaping import one_line
from vendorcheck.i18n import message

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_KINDS = ((stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"))


@contextmanager
def open_regular(path: str | Path) -> Iterator[BinaryIO]:
    """The file opened for reading, if it is a regular file.

    Raises NotRegularFile for a FIFO, a device or a socket, IsADirectoryError for a folder, and the
    system's OSError otherwise (missing file, permissions), for the caller to word in its own terms.
    """
    path = Path(path)
    # stat first: opening some devices has effects (a tape rewinds, a terminal becomes ours).
    _check_regular(path, path.stat().st_mode)
    stream = os.fdopen(os.open(path, _OPEN_FLAGS), "rb")
    with stream:
        _check_regular(path, os.fstat(stream.fileno()).st_mode)
        yield stream


class Oversized(Exception):
    """A file over its size bound (`size` bytes), found before reading it or, if it grew, while reading it."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def read_bounded(path: str | Path, max_bytes: int | None) -> bytes:
    """The bytes of a regular file (`open_regular`), its size checked before reading: raises Oversized
    over `max_bytes`, and open_regular's errors, for the caller to word in its own terms."""
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if max_bytes is not None and size > max_bytes:
            raise Oversized(size)
        data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:  # grew while being read
        raise Oversized(len(data))
    return data


def read_regular(path: str | Path, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file, refused with TooLarge before reading when over `max_bytes`.

    Every failure is a one-line InputError naming the file (see `reading`), TooLarge included.
    """
    with reading(path):
        try:
            return read_bounded(path, max_bytes)
        except Oversized as exc:
            raise errors.TooLarge(path, size=megabytes(exc.size), limit=megabytes(max_bytes or 0)) from exc


@contextmanager
def reading(path: str | Path) -> Iterator[None]:
    """Reading `path` (through `open_regular`) inside this block fails with a one-line InputError naming
    it: FileMissing, UnreadableFile (a folder, permissions, I/O error) or NotRegularFile."""
    try:
        yield
    except FileNotFoundError as exc:
        raise errors.FileMissing(path) from exc
    except IsADirectoryError as exc:
        raise errors.UnreadableFile(path, detail=message("ingest.errors.folder")) from exc
    except OSError as exc:
        raise errors.UnreadableFile(path, detail=exc.strerror or type(exc).__name__) from exc


def _check_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    kind = next((name for test, name in _KINDS if test(mode)), "other")
    raise errors.NotRegularFile(path, wording=f"not_regular_{kind}")


def megabytes(size: int) -> str:
    """'3.5' for a size in bytes: the figure of size messages (VC-E004)."""
    return f"{size / 1048576:.1f}".rstrip("0").rstrip(".")


def check_output(path: Path, *, folder: bool = False) -> None:
    """Raise OutputUnwritable unless the file `path` (or, with `folder`, the folder `path`, created with its
    parents if need be) can be written: its folder exists, is a folder and may be written to."""
    if not folder and path.is_dir():
        raise errors.OutputUnwritable(path, wording="output_is_folder")
    target = path if folder else path.parent
    existing = next(p for p in (target, *target.parents) if p.exists() or p == p.parent)
    if not folder and existing != target:
        raise errors.OutputUnwritable(path, wording="output_missing", folder=one_line(str(target)))
    if not existing.is_dir():
        raise errors.OutputUnwritable(path, wording="output_not_folder", folder=one_line(str(existing)))
    writable = os.access(existing, os.W_OK | os.X_OK) and (folder or not path.exists() or os.access(path, os.W_OK))
    if not writable:
        raise errors.OutputUnwritable(path, wording="output_denied", folder=one_line(str(existing)))
