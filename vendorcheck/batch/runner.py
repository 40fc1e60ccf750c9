"""`run_batch`: discover, skip what is already done, review the rest in parallel, record as results arrive.

Consistency under Ctrl-C: the first Ctrl-C only asks to stop; no new document is started, the ones under
way finish and are recorded, and the run is marked `interrupted`. Each document is recorded in its own
transaction, so even a second Ctrl-C (immediate stop) leaves every document either fully recorded or
absent. A re-run skips the documents whose hash, rules version, HDS snapshot and options are unchanged.
"""

from __future__ import annotations

import signal
import threading
from collections import defaultdict
from datetime import date
from pathlib import Path
from time import perf_counter
from types import FrameType
from typing import Protocol

from pydantic import BaseModel

from vendorcheck.batch.discover import Found, discover
from vendorcheck.batch.pool import Task, outcomes
from vendorcheck.batch.triage import skipped_after_review
from vendorcheck.batch.worker import Job, WorkerSettings, process
from vendorcheck.ingest.options import OcrMode
from vendorcheck.models import Language
from vendorcheck.register import Register, store
from vendorcheck.register.hds import assess_suppliers, snapshot_label
from vendorcheck.register.records import FileRef, Outcome, ReviewKey


class BatchOptions(BaseModel):
    jobs: int = 1
    health_data: bool = True
    lang: Language = "fr"
    rules_dir: Path | None = None
    exclude: list[Path] = []
    today: date | None = None  # reference date of HDS expiry checks; the system date when None
    ocr: OcrMode = "auto"  # scans and photos: see IngestOptions.ocr
    redline_dir: Path | None = None  # where the annotated copy of each Word contract goes (batch --redline)


class SkippedFile(BaseModel):
    """A file of the folder that is not a document to review, and why (`batch.skip.*` catalogue key)."""

    path: str
    reason: str


class BatchResult(BaseModel):
    run_id: int
    files: int
    documents: int  # distinct contents: copies of one document are reviewed once
    reviewed: int
    skipped: int
    failed: int
    pages: int  # of the PDFs reviewed: a DOCX has no pages until a word processor lays it out
    seconds: float
    interrupted: bool
    not_documents: list[SkippedFile] = []  # READMEs, notes, images without text: listed, not reviewed


class Progress(Protocol):
    """What the batch reports while it runs (the CLI draws a rich progress bar)."""

    def start(self, total: int, skipped: int) -> None: ...
    def advance(self, outcome: Outcome) -> None: ...
    def stopping(self) -> None: ...


class _StopRequest:
    """First Ctrl-C: set a flag the loop checks between documents. Second: stop at once."""

    def __init__(self, progress: Progress | None) -> None:
        self.requested = False
        self._progress = progress
        self._previous: object = None

    def __call__(self) -> bool:
        return self.requested

    def _on_sigint(self, _signum: int, _frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        if self._progress:
            self._progress.stopping()

    def __enter__(self) -> _StopRequest:
        if threading.current_thread() is threading.main_thread():  # signals reach the main thread only
            self._previous = signal.signal(signal.SIGINT, self._on_sigint)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)  # type: ignore[arg-type]


def run_batch(
    root: Path,
    register: Register,
    options: BatchOptions | None = None,
    progress: Progress | None = None,
    *,
    task: Task = process,
) -> BatchResult:
    """Review every contract and declaration under `root` and record the outcomes in `register`.

    root (Path): the suppliers' folder (one sub-folder per supplier, or loose files).
    register (Register): where outcomes, suppliers and HDS verdicts are stored.
    options (BatchOptions): parallelism, review options, folders to leave out.
    progress (Progress): optional observer of the run.
    task (Task): the per-document function run in the workers; tests substitute a faulty one.
    RETURNS (BatchResult): counts for this run; `interrupted` when stopped by Ctrl-C.
    Raises RegisterBusy when another batch is writing `register` (one run at a time: see register/lock.py).
    """
    with register.batch_lock():
        return _run(root, register, options or BatchOptions(), progress, task)


def _run(root: Path, register: Register, options: BatchOptions, progress: Progress | None, task: Task) -> BatchResult:
    from vendorcheck.rulebook import load_rules

    started = perf_counter()
    root = root.resolve()
    rules = load_rules(options.rules_dir)  # a broken rule file stops here, before any document
    # The HDS snapshot only matters when health data is hosted: otherwise no verdict depends on it.
    key = ReviewKey(
        rules_version=rules.version,
        snapshot=snapshot_label() if options.health_data else None,
        health_data=options.health_data,
        lang=options.lang,
    )
    found = discover(root, options.exclude)
    not_documents = [SkippedFile(path=f.ref.path, reason=f.skipped) for f in found if f.skipped]
    found = [f for f in found if not f.skipped]
    copies: dict[str, list[Found]] = defaultdict(list)
    for item in found:
        if item.sha256:
            copies[item.sha256].append(item)

    with register.transaction() as session:
        store.abandon_dead_runs(session)  # a live run would hold the lock we hold
        run_id = store.start_run(session, str(root), key, options.jobs).id
        for item in found:
            if item.failure:  # unreadable: recorded at once, nothing to hand to a worker
                store.record(session, run_id, key, _unreadable(item), [item.ref])
        done = store.still_valid(session, copies, key)
        # A Word contract already reviewed but whose annotated copy is missing is reviewed again to write it.
        done = {sha: d for sha, d in done.items() if not _redline_missing(root, copies[sha][0], options)}
        for sha256, document in done.items():
            store.link(session, run_id, document, [c.ref for c in copies[sha256]])

    jobs = [
        Job(
            path=items[0].ref.path,
            sha256=sha256,
            kind=items[0].kind,
            redline_to=str(target) if (target := redline_target(root, items[0], options)) else None,
        )
        for sha256, items in copies.items()
        if sha256 not in done
    ]
    counts = {"reviewed": 0, "failed": sum(1 for f in found if f.failure), "pages": 0}
    if progress:
        progress.start(len(jobs), len(done))
    settings = WorkerSettings(
        health_data=options.health_data,
        lang=options.lang,
        rules_dir=str(options.rules_dir) if options.rules_dir else None,
        today=options.today,
        ocr=options.ocr,
        ocr_jobs=options.jobs,
    )
    status = "interrupted"
    with _StopRequest(progress) as stop:
        try:
            for outcome in outcomes(jobs, settings, workers=options.jobs, stop=stop, task=task):
                # A file edited since it was hashed comes back with another hash: it is still this one file.
                refs = [c.ref for c in copies.get(outcome.sha256 or "", [])] or [_ref(found, outcome.path)]
                with register.transaction() as session:
                    store.record(session, run_id, key, outcome, refs)  # recorded: not read again next run
                reason = skipped_after_review(Path(outcome.path), outcome.failure.code if outcome.failure else None)
                if reason:
                    not_documents.append(SkippedFile(path=outcome.path, reason=reason))
                else:
                    counts["failed" if outcome.failure else "reviewed"] += 1
                counts["pages"] += outcome.page_count or 0
                if progress:
                    progress.advance(outcome)
            if not stop():
                status = "complete"
        except KeyboardInterrupt:
            pass  # second Ctrl-C: what is recorded stays recorded; the run is closed below
        finally:
            with register.transaction() as session:
                if status == "complete":
                    store.prune(session, str(root), run_id)
                    assess_suppliers(
                        session, run_id, root=str(root), health_data=options.health_data, today=options.today
                    )
                store.finish_run(
                    session,
                    run_id,
                    status,
                    total=len(found),
                    reviewed=counts["reviewed"],
                    skipped=len(done),
                    failed=counts["failed"],
                )
    return BatchResult(
        run_id=run_id,
        files=len(found),
        documents=len(copies),
        reviewed=counts["reviewed"],
        skipped=len(done),
        failed=counts["failed"],
        pages=counts["pages"],
        seconds=perf_counter() - started,
        interrupted=status != "complete",
        not_documents=not_documents,
    )


def redline_target(root: Path, item: Found, options: BatchOptions) -> Path | None:
    """`REDLINE_DIR/<supplier folder>/<name>-annote.docx` for a Word contract when redlines are wanted."""
    path = Path(item.ref.path)
    if options.redline_dir is None or item.kind != "contract" or path.suffix.lower() != ".docx":
        return None
    try:
        relative = path.relative_to(root)
    except ValueError:  # reached through a link that leads out of the folder
        relative = Path(path.name)
    return options.redline_dir / relative.with_name(f"{path.stem}-annote.docx")


def _redline_missing(root: Path, item: Found, options: BatchOptions) -> bool:
    target = redline_target(root, item, options)
    return target is not None and not target.is_file()


def _unreadable(item: Found) -> Outcome:
    return Outcome(path=item.ref.path, sha256=None, kind=item.kind, failure=item.failure)


def _ref(found: list[Found], path: str) -> FileRef:
    return next(f.ref for f in found if f.ref.path == path)
