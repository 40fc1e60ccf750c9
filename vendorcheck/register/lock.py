"""One batch at a time per register: an operating-system lock that dies with the process holding it.

Two runs writing one register at once would each take the other's files for deleted ones when they
prune the locations they did not see. The lock is held for the whole run and released by the system
when its process ends, however it ends (Ctrl-C, crash, SIGKILL): a run found `running` by the next
holder of the lock is known to be dead, and is marked `abandoned` rather than left running forever.

SQLite: `flock` on a hidden file beside the database (never on the database itself: on NFS `flock` is
emulated with the same byte-range locks SQLite takes). PostgreSQL: a session advisory lock, released by
the server when the connection drops, so it works between the computers of a group of practices.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text

# Any constant: the first key of PostgreSQL's two-part advisory lock, the second being the schema's hash.
_PG_LOCK_CLASS = 0x5643  # "VC"


class LockHeld(Exception):
    """Another live process holds the register's batch lock."""


def lock_path(database: Path) -> Path:
    """The lock file of a SQLite register: hidden, so a batch whose folder holds the register skips it."""
    return database.with_name(f".{database.name}.lock")


@contextmanager
def batch_lock(engine: Engine) -> Iterator[None]:
    """Hold the register's batch lock for the duration of the block; raise LockHeld at once if
    another process holds it (waiting could last hours, behind a run nobody is watching)."""
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if not database or database == ":memory:":  # a private in-memory register: nobody to share it
            yield
            return
        with _file_lock(lock_path(Path(database))):
            yield
    elif engine.dialect.name == "postgresql":
        with _advisory_lock(engine):
            yield
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        yield


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _lock_descriptor(descriptor)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock; the file stays, deleting it would race


def _lock_descriptor(descriptor: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            raise LockHeld from exc
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        raise LockHeld from exc


@contextmanager
def _advisory_lock(engine: Engine) -> Iterator[None]:
    with engine.connect() as connection:
        # Keyed by schema: registers in two schemas of one database do not exclude each other.
        key = {"kind": _PG_LOCK_CLASS}
        taken = connection.execute(text("SELECT pg_try_advisory_lock(:kind, hashtext(current_schema()))"), key).scalar()
        connection.commit()
        if not taken:
            raise LockHeld
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:kind, hashtext(current_schema()))"), key)
            connection.commit()
