"""Finding the documents of a batch: every file under DIR, its supplier folder, its kind and its hash.

Layout: `DIR/<supplier>/...` puts every file below a sub-folder under that supplier; files lying
directly in DIR are "loose" and are grouped later by the vendor detected in them. Every file that is
not obvious clutter is kept, even in a format vendorcheck cannot read: it then becomes an error row
naming the reason, which is what the practice needs to know ("this contract was not checked"). Files
that are not contracts at all (a README, a note, an image without text) are kept with the reason they
are skipped (`vendorcheck.batch.triage`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from vendorcheck.batch.triage import skip_reason
from vendorcheck.errors import NotRegularFile, OutsideFolder, UnreadableFile
from vendorcheck.files import open_regular
from vendorcheck.register.records import DocumentKind, Failure, FileRef

# Vendor declarations (issue 3's template) come as data files; everything else is read as a contract.
DECLARATION_SUFFIXES = {".yaml", ".yml", ".json", ".xlsx"}
# Never contracts: Windows metadata (hidden files and Office `~$` lock files are skipped by their prefix).
_CLUTTER_NAMES = {"thumbs.db", "desktop.ini"}


class Found(BaseModel):
    ref: FileRef
    kind: DocumentKind
    sha256: str | None = None
    failure: Failure | None = None  # the file could not even be read to be hashed
    skipped: str | None = None  # not a document to review: the catalogue key of the reason


def discover(root: Path, exclude: Iterable[Path] = ()) -> list[Found]:
    """Every candidate file under `root`, in path order, hashed.

    root (Path): the folder given to `vendorcheck batch`.
    exclude (Iterable[Path]): folders or files to leave out (the output folder, the SQLite register).
    RETURNS (list[Found]): one entry per file; unreadable files carry a `failure` instead of a hash.
    """
    root = root.resolve()
    skipped = {p.resolve() for p in exclude}
    found: list[Found] = []
    for path in sorted(root.rglob("*")):
        if _is_clutter(path, root) or _inside(path, skipped):
            continue
        outside = _outside_target(path, root)
        if not (outside or path.is_file()):
            continue
        relative = path.relative_to(root)
        folder = relative.parts[0] if len(relative.parts) > 1 else None
        kind: DocumentKind = "declaration" if path.suffix.lower() in DECLARATION_SUFFIXES else "contract"
        ref = FileRef(path=str(path), root=str(root), folder=folder)
        if outside:  # recorded, so the practice knows this document was not checked, and never opened
            refused = OutsideFolder(path, target=outside)
            found.append(Found(ref=ref, kind=kind, failure=Failure.from_error(refused)))
            continue
        reason = skip_reason(path) if kind == "contract" else None
        if reason:
            found.append(Found(ref=ref, kind=kind, skipped=reason))
            continue
        try:
            found.append(Found(ref=ref, kind=kind, sha256=file_sha256(path)))
        except OSError as exc:
            unreadable = UnreadableFile(path, detail=exc.strerror or type(exc).__name__)
            found.append(Found(ref=ref, kind=kind, failure=Failure.from_error(unreadable)))
        except NotRegularFile as exc:  # replaced by a FIFO since it was listed
            found.append(Found(ref=ref, kind=kind, failure=Failure.from_error(exc)))
    return found


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open_regular(path) as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _outside_target(path: Path, root: Path) -> str | None:
    """Where a symbolic link leads when that is outside `root` (a batch never leaves its folder: a link
    to /etc or to another practice's share is not read), else None. `rglob` does not descend into linked
    folders, so only the last part of a path can be a link."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link or a loop: no file to read, skipped like a folder
        return None
    return None if target == root or root in target.parents else str(target)


def _is_clutter(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return (
        any(part.startswith(".") for part in parts) or path.name.startswith("~$") or path.name.lower() in _CLUTTER_NAMES
    )


def _inside(path: Path, excluded: set[Path]) -> bool:
    return any(path == e or e in path.parents for e in excluded)
