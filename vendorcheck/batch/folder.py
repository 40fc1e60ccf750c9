"""`review_folder`: a practice's folder reviewed into its register, then the register exported."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel

from vendorcheck.batch.runner import BatchOptions, BatchResult, Progress
from vendorcheck.i18n import Message, message

REDLINE_FOLDER = "contrats-annotes"  # inside the output folder, which the batch never reads as suppliers' files


class ProgressDisplay(Progress, AbstractContextManager, Protocol):
    """A progress report the batch starts and stops itself (`batch.progress.RichProgress`)."""


class FolderRun(BaseModel):
    """What a batch did: the counts, the exports written and the register filled (shown without password)."""

    result: BatchResult
    written: list[Path]
    register_url: str | Message
    annotated_folder: Path | None = None  # with `redline`: where the annotated Word contracts are
    annotated: int | None = None  # how many annotated contracts that folder holds


def review_folder(
    directory: Path,
    *,
    output: Path,
    db: str | None,
    formats: str,
    options: BatchOptions,
    progress: ProgressDisplay | None = None,
    redline: bool = False,
) -> FolderRun:
    """Review every document of `directory` into the register at `db` (the default one when None) and
    write the exports named in `formats` into `output`; with `redline`, the annotated copy of every Word
    contract too (`output/contrats-annotes/<supplier>/<name>-annote.docx`). Ctrl-C stops it cleanly:
    `result.interrupted`. The output folder is checked before any review: the exports are written at the
    end of a run that may last hours."""
    from vendorcheck.batch.runner import run_batch
    from vendorcheck.errors import FileMissing, OptionError
    from vendorcheck.files import check_output
    from vendorcheck.register import Register, default_register
    from vendorcheck.register.db import display_url
    from vendorcheck.register.export import export, parse_formats
    from vendorcheck.register.summary import build_dashboard

    if not directory.exists():
        raise FileMissing(directory)
    if not directory.is_dir():
        raise OptionError(directory, detail=message("batch.errors.not_a_folder"))
    wanted = parse_formats(formats)
    check_output(output, folder=True)
    location = db or str(default_register())
    annotated_folder = (output / REDLINE_FOLDER).resolve() if redline else options.redline_dir
    with Register(location) as register:
        # The register and the exports may sit inside the folder; they are not suppliers' documents.
        exclude = [*options.exclude, output, *_sqlite_files(location)]
        options = options.model_copy(update={"exclude": exclude, "redline_dir": annotated_folder})
        # The progress display starts with the reviews, after every check of the arguments.
        with progress if progress is not None else nullcontext():
            result = run_batch(directory, register, options, progress)
        with register.transaction() as session:
            dashboard = build_dashboard(session, options.lang)
        written = export(dashboard, output, wanted)
        return FolderRun(
            result=result,
            written=written,
            register_url=display_url(register.url),
            annotated_folder=annotated_folder,
            annotated=_count_annotated(annotated_folder),
        )


def default_jobs() -> int:
    """Each worker holds the spaCy pipelines and a document in memory; beyond 4 the disk and the register
    writer, not the CPU, limit a practice's laptop."""
    return max(1, min(4, os.cpu_count() or 1))


def _count_annotated(folder: Path | None) -> int | None:
    if folder is None:
        return None
    return len(list(folder.rglob("*-annote.docx"))) if folder.is_dir() else 0


def _sqlite_files(location: str) -> list[Path]:
    if "://" in location:
        return []
    base = Path(location)
    return [base, *(base.with_name(base.name + suffix) for suffix in ("-journal", "-wal", "-shm"))]
