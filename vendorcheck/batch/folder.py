"""`review_folder`: a practice's folder reviewed into its register, then the register exported."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel

from vendorcheck.batch.runner import BatchOptions, BatchResult, Progress
from vendorcheck.i18n import Message, message


class ProgressDisplay(Progress, AbstractContextManager, Protocol):
    """A progress report the batch starts and stops itself (`batch.progress.RichProgress`)."""


class FolderRun(BaseModel):
    """What a batch did: the counts, the exports written and the register filled (shown without password)."""

    result: BatchResult
    written: list[Path]
    register_url: str | Message


def review_folder(
    directory: Path,
    *,
    output: Path,
    db: str | None,
    formats: str,
    options: BatchOptions,
    progress: ProgressDisplay | None = None,
) -> FolderRun:
    """Review every document of `directory` into the register at `db` (the default one when None) and
    write the exports named in `formats` into `output`. Ctrl-C stops it cleanly: `result.interrupted`."""
    from vendorcheck.batch.runner import run_batch
    from vendorcheck.errors import FileMissing, OptionError
    from vendorcheck.register import Register, default_register
    from vendorcheck.register.db import display_url
    from vendorcheck.register.export import export, parse_formats
    from vendorcheck.register.summary import build_dashboard

    if not directory.exists():
        raise FileMissing(directory)
    if not directory.is_dir():
        raise OptionError(directory, detail=message("batch.errors.not_a_folder"))
    wanted = parse_formats(formats)
    location = db or str(default_register())
    with Register(location) as register:
        # The register and the exports may sit inside the folder; they are not suppliers' documents.
        options = options.model_copy(update={"exclude": [*options.exclude, output, *_sqlite_files(location)]})
        # The progress display starts with the reviews, after every check of the arguments.
        with progress if progress is not None else nullcontext():
            result = run_batch(directory, register, options, progress)
        with register.transaction() as session:
            dashboard = build_dashboard(session, options.lang)
        written = export(dashboard, output, wanted)
        return FolderRun(result=result, written=written, register_url=display_url(register.url))


def default_jobs() -> int:
    """Each worker holds the spaCy pipelines and a document in memory; beyond 4 the disk and the register
    writer, not the CPU, limit a practice's laptop."""
    return max(1, min(4, os.cpu_count() or 1))


def _sqlite_files(location: str) -> list[Path]:
    if "://" in location:
        return []
    base = Path(location)
    return [base, *(base.with_name(base.name + suffix) for suffix in ("-journal", "-wal", "-shm"))]
