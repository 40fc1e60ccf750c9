"""Writing to the register: runs, processing outcomes, file locations and their suppliers.

Every function works inside the caller's transaction (`Register.transaction()`): the batch records one
document per transaction, so an interruption leaves each document either fully recorded or absent.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, selectinload

from vendorcheck.hds.names import core_key
from vendorcheck.register.models import (
    DocumentFile,
    DocumentRow,
    ErrorRow,
    EvidenceRow,
    FindingRow,
    ReviewRow,
    Run,
    Supplier,
)
from vendorcheck.register.records import RETRIED_CODES, UNEXPECTED_CODE, Failure, FileRef, Outcome, ReviewKey

_CHUNK = 500  # bound on IN (...) lists


def now() -> datetime:
    return datetime.now(UTC)


def supplier_key(name: str) -> str:
    """'Doctolib SAS', 'DOCTOLIB' and 'doctolib/' share one key: a folder name, a contract's party and a
    declaration meet on the HDS module's comparable form of company names."""
    return core_key(name)[:200] or "?"


def start_run(session: Session, root: str, key: ReviewKey, jobs: int) -> Run:
    run = Run(
        root=root,
        started_at=now(),
        status="running",
        rules_version=key.rules_version,
        snapshot=key.snapshot,
        health_data=key.health_data,
        lang=key.lang,
        jobs=jobs,
        total=0,
        reviewed=0,
        skipped=0,
        failed=0,
    )
    session.add(run)
    session.flush()
    return run


def abandon_dead_runs(session: Session) -> int:
    """Mark `abandoned` the runs still `running`: called under the batch lock, which a live run holds, so
    their process died without closing them (SIGKILL, power cut). What they recorded stays recorded."""
    result = session.execute(update(Run).where(Run.status == "running").values(status="abandoned", finished_at=now()))
    return result.rowcount or 0


def latest_running(session: Session) -> Run | None:
    """The most recent run still marked `running`: the one holding the lock, when another process asks."""
    return session.scalars(select(Run).where(Run.status == "running").order_by(Run.id.desc()).limit(1)).first()


def finish_run(
    session: Session, run_id: int, status: str, *, total: int, reviewed: int, skipped: int, failed: int
) -> None:
    run = session.get_one(Run, run_id)
    run.status, run.finished_at = status, now()
    run.total, run.reviewed, run.skipped, run.failed = total, reviewed, skipped, failed


def still_valid(session: Session, hashes: Iterable[str], key: ReviewKey) -> dict[str, DocumentRow]:
    """Documents whose latest outcome was obtained with `key` and need not be processed again.

    A retryable failure (a crash, not a property of the file) never counts as done.
    """
    wanted = sorted(set(hashes))
    latest: dict[int, ReviewRow] = {}
    documents: dict[int, DocumentRow] = {}
    for i in range(0, len(wanted), _CHUNK):
        rows = session.execute(
            select(DocumentRow, ReviewRow)
            .join(ReviewRow, ReviewRow.document_id == DocumentRow.id)
            .where(DocumentRow.sha256.in_(wanted[i : i + _CHUNK]))
            .order_by(ReviewRow.id)
            .options(selectinload(ReviewRow.error))
        ).all()
        for document, review in rows:
            documents[document.id] = document
            latest[document.id] = review
    done: dict[str, DocumentRow] = {}
    for document_id, review in latest.items():
        same = (review.rules_version, review.snapshot, review.health_data, review.lang) == (
            key.rules_version,
            key.snapshot,
            key.health_data,
            key.lang,
        )
        retry = review.error is not None and (review.error.retryable or review.error.code in RETRIED_CODES)
        if same and not retry:
            done[documents[document_id].sha256] = documents[document_id]
    return done


def record(session: Session, run_id: int, key: ReviewKey, outcome: Outcome, files: list[FileRef]) -> None:
    """Store one outcome (review with findings and evidence, declaration, or failure) and link its files."""
    document = _document(session, outcome) if outcome.sha256 else None
    failure = outcome.failure
    if failure is not None and document is not None and _failed_alike_before(session, document, key, failure):
        failure = failure.repeated(outcome.path)
    # The version the worker actually used: if the rules changed on disk during the run, the next run
    # sees the mismatch and reviews the document again.
    rules_version = outcome.review.rules_version if outcome.review else key.rules_version
    row = ReviewRow(
        run_id=run_id,
        document=document,
        path=outcome.path,
        outcome=outcome.label,
        rules_version=rules_version,
        snapshot=key.snapshot,
        health_data=key.health_data,
        lang=key.lang,
        page_count=outcome.page_count,
        seconds=outcome.seconds,
        created_at=now(),
    )
    if outcome.review is not None:
        row.verdict = outcome.review.verdict.value
        row.data = outcome.review.model_dump(mode="json")
        row.findings = [
            FindingRow(
                requirement=f.requirement,
                title=f.title,
                citation=f.citation,
                status=f.status.value,
                severity=f.severity.value,
                confidence=f.confidence,
                message=f.message,
                evidence=[
                    EvidenceRow(quote=e.quote, start=e.start, end=e.end, page=e.page, line=e.line, section=e.section)
                    for e in f.evidence
                ],
            )
            for f in outcome.review.findings
        ]
    elif outcome.declaration is not None:
        row.data = outcome.declaration
    if failure is not None:
        row.error = ErrorRow(
            code=failure.code, message_fr=failure.message_fr, message_en=failure.message_en, retryable=failure.retryable
        )
    session.add(row)
    link(session, run_id, document, files)


def _failed_alike_before(session: Session, document: DocumentRow, key: ReviewKey, failure: Failure) -> bool:
    """Whether the document's previous attempt, with the same rules and options, failed with this same
    unexpected error: a second identical crash is deterministic, not bad luck."""
    if not (failure.retryable and failure.code == UNEXPECTED_CODE) or document.id is None:
        return False
    previous = session.scalars(
        select(ReviewRow)
        .where(ReviewRow.document_id == document.id)
        .order_by(ReviewRow.id.desc())
        .limit(1)
        .options(selectinload(ReviewRow.error))
    ).first()
    return (
        previous is not None
        and previous.error is not None
        and (previous.rules_version, previous.snapshot, previous.health_data, previous.lang)
        == (key.rules_version, key.snapshot, key.health_data, key.lang)
        and previous.error.code == failure.code
        and previous.error.message_en == failure.message_en
    )


def _document(session: Session, outcome: Outcome) -> DocumentRow:
    document = session.scalar(select(DocumentRow).where(DocumentRow.sha256 == outcome.sha256))
    if document is None:
        document = DocumentRow(sha256=outcome.sha256, kind=outcome.kind, name=Path(outcome.path).name, created_at=now())
        session.add(document)
    # A later outcome may detect the vendor where a failed one could not.
    document.vendor_name = outcome.vendor_name or document.vendor_name
    document.vendor_siren = outcome.vendor_siren or document.vendor_siren
    return document


def link(session: Session, run_id: int, document: DocumentRow | None, files: list[FileRef]) -> None:
    """Record where `document` lies and which supplier owns each copy: the sub-folder's supplier; for a
    loose file, the vendor detected in the document, else the file's own name, so that nothing found is
    left out of the register."""
    for ref in files:
        owner = ref.folder or (document.vendor_name if document else None) or Path(ref.path).stem
        supplier = supplier_for(session, owner)
        located = session.scalar(select(DocumentFile).where(DocumentFile.path == ref.path))
        if located is None:
            located = DocumentFile(path=ref.path, root=ref.root)
            session.add(located)
        located.root, located.document, located.supplier, located.run_id = ref.root, document, supplier, run_id


def supplier_for(session: Session, name: str) -> Supplier:
    key = supplier_key(name)
    supplier = session.scalar(select(Supplier).where(Supplier.key == key))
    if supplier is None:
        supplier = Supplier(key=key, name=name.strip(), created_at=now())
        session.add(supplier)
        session.flush()
    return supplier


def prune(session: Session, root: str, run_id: int) -> int:
    """Forget the locations under `root` that a complete run no longer found (files deleted or moved).
    Their documents and reviews stay: the register keeps history, only the current picture changes."""
    result = session.execute(delete(DocumentFile).where(DocumentFile.root == root, DocumentFile.run_id != run_id))
    return result.rowcount or 0
