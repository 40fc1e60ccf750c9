"""Dated snapshots of the HDS list: shipped ones (read-only, in the package) and imported ones.

Imported snapshots live in `$VENDORCHECK_HOME/hds` (default `~/.local/share/vendorcheck/hds`, or under
`$XDG_DATA_HOME`). Files are written atomically (temporary file + rename), so an interrupted or refused
import never leaves a half-written snapshot behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from vendorcheck.errors import RegistryError
from vendorcheck.hds.models import HdsEntry, Snapshot, SnapshotInfo
from vendorcheck.i18n import message


def data_home() -> Path:
    """Root of vendorcheck's user data: $VENDORCHECK_HOME, else $XDG_DATA_HOME/vendorcheck."""
    if os.environ.get("VENDORCHECK_HOME"):
        return Path(os.environ["VENDORCHECK_HOME"]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "vendorcheck"


def user_dir() -> Path:
    return data_home() / "hds"


def shipped_files() -> list[Path]:
    folder = resources.files("vendorcheck.hds").joinpath("snapshots")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".json"))


def user_files() -> list[Path]:
    folder = user_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def content_hash(entries: list[HdsEntry]) -> str:
    """Hash of the entries in a canonical order: the same list imported twice hashes the same."""
    canonical = sorted(json.dumps(e.model_dump(mode="json"), sort_keys=True, ensure_ascii=False) for e in entries)
    return hashlib.sha256("\n".join(canonical).encode("utf-8")).hexdigest()


def new_snapshot(
    entries: list[HdsEntry],
    *,
    list_date: date,
    source: str,
    partial: bool = False,
    note: str | None = None,
    imported_at: datetime | None = None,
) -> Snapshot:
    digest = content_hash(entries)
    info = SnapshotInfo(
        id=f"{list_date.isoformat()}-{digest[:8]}",
        list_date=list_date,
        source=source,
        imported_at=imported_at or datetime.now().astimezone(),
        content_hash=digest,
        entry_count=len(entries),
        partial=partial,
        note=note,
    )
    return Snapshot(info=info, entries=entries)


def read_snapshot(path: Path, *, shipped: bool) -> Snapshot:
    """The snapshot in `path`, parsed once per file version: every review consults the list, and an
    imported official list holds hundreds of entries per file. Callers must not modify it."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise RegistryError(path, detail=message("hds.errors.unreadable_snapshot", kind=type(exc).__name__)) from exc
    return _parse_snapshot(path, stat.st_mtime_ns, stat.st_size, shipped)


@lru_cache(maxsize=64)
def _parse_snapshot(path: Path, mtime_ns: int, size: int, shipped: bool) -> Snapshot:
    del mtime_ns, size  # part of the cache key only
    try:
        snapshot = Snapshot.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError) as exc:
        raise RegistryError(path, detail=message("hds.errors.unreadable_snapshot", kind=type(exc).__name__)) from exc
    snapshot.info.shipped = shipped
    return snapshot


def all_snapshots() -> list[Snapshot]:
    """Every snapshot, shipped first then imported, each group oldest first."""
    shipped = [read_snapshot(p, shipped=True) for p in shipped_files()]
    imported = [read_snapshot(p, shipped=False) for p in user_files()]
    key = lambda s: (s.info.list_date, s.info.imported_at)  # noqa: E731
    return sorted(shipped, key=key) + sorted(imported, key=key)


def list_snapshots() -> list[SnapshotInfo]:
    return [s.info for s in all_snapshots()]


def current_snapshot() -> Snapshot:
    """The newest imported snapshot, else the newest shipped one: an official list the operator
    imported always beats the partial compilation shipped with vendorcheck."""
    snapshots = all_snapshots()
    if not snapshots:
        raise RegistryError(detail=message("hds.errors.no_snapshot"))
    return snapshots[-1]


def get_snapshot(snapshot: Snapshot | str | None) -> Snapshot:
    """A Snapshot as is, one chosen by id (or unique id prefix), or the current one."""
    if snapshot is None:
        return current_snapshot()
    if isinstance(snapshot, Snapshot):
        return snapshot
    snapshots = all_snapshots()
    found = [s for s in snapshots if s.info.id == snapshot] or [s for s in snapshots if s.info.id.startswith(snapshot)]
    if len(found) != 1:
        known = ", ".join(s.info.id for s in snapshots)
        problem = "unknown_snapshot" if not found else "ambiguous_snapshot"
        raise RegistryError(detail=message(f"hds.errors.{problem}", snapshot=snapshot, known=known))
    return found[0]


def save_snapshot(snapshot: Snapshot) -> Path:
    """Write an imported snapshot atomically; returns its path."""
    folder = user_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{snapshot.info.id}.json"
        payload = snapshot.model_dump_json(indent=1, exclude={"info": {"shipped"}})
        fd, tmp = tempfile.mkstemp(prefix=".import-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(payload)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise RegistryError(folder, detail=message("hds.errors.cannot_write", reason=exc.strerror or exc)) from exc
    return target
