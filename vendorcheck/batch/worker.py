"""The work of one batch process: review one contract or parse one declaration, and never raise.

The rule pack, the compiled matchers and the spaCy pipelines are cached per process by the engine, so a
worker pays for them once and then reuses them for every document it is given.
"""

from __future__ import annotations

import signal
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING

from vendorcheck.batch.lifeline import die_with_parent
from vendorcheck.errors import VendorcheckError
from vendorcheck.ingest.options import OcrMode
from vendorcheck.models import Document, Language
from vendorcheck.register.records import DocumentKind, Failure, Outcome
from vendorcheck.review import Review

if TYPE_CHECKING:
    from vendorcheck.rulebook import RulePack


@dataclass(frozen=True)
class Job:
    path: str
    sha256: str
    kind: DocumentKind
    redline_to: str | None = None  # where to write the annotated copy of a Word contract (batch --redline)


@dataclass(frozen=True)
class WorkerSettings:
    health_data: bool
    lang: Language
    rules_dir: str | None = None
    today: date | None = None  # reference date of the contract's HDS check
    ocr: OcrMode = "auto"
    ocr_jobs: int = 1  # pages of one scan recognised at once; the batch's shared slots bound the total


_settings = WorkerSettings(health_data=True, lang="fr")


def start(settings: WorkerSettings, slots: AbstractContextManager | None = None, *, child: bool = True) -> None:
    """Pool initializer (and in-process set-up for `--jobs 1`). `slots`: the batch's semaphore of
    Tesseract processes, so that the pages of one long scan spread over every core while the other
    workers are idle, without more recognisers than cores when they are all busy."""
    global _settings
    from vendorcheck.ingest.ocr import share_slots

    share_slots(slots)
    if child:
        die_with_parent()  # a batch killed with SIGKILL must not leave workers reviewing for nobody
        # Ctrl-C reaches the whole process group; the parent alone decides to stop, and lets the
        # documents under way finish so that their results are recorded rather than lost.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _settings = settings


def process(job: Job) -> Outcome:
    started = perf_counter()
    try:
        outcome = _declaration(job) if job.kind == "declaration" else _contract(job)
    except VendorcheckError as exc:
        outcome = Outcome(path=job.path, sha256=job.sha256, kind=job.kind, failure=Failure.from_error(exc))
    except Exception as exc:  # a defect must cost one document, not the batch
        outcome = Outcome(path=job.path, sha256=job.sha256, kind=job.kind, failure=Failure.unexpected(job.path, exc))
    outcome.seconds = perf_counter() - started
    return outcome


def _contract(job: Job) -> Outcome:
    from vendorcheck.api import review as review_document
    from vendorcheck.ingest import load
    from vendorcheck.rulebook import load_rules

    rules = load_rules(Path(_settings.rules_dir) if _settings.rules_dir else None)
    document = load(job.path, {"ocr": _settings.ocr, "ocr_jobs": _settings.ocr_jobs})
    review = review_document(
        document, health_data=_settings.health_data, lang=_settings.lang, rules=rules, today=_settings.today
    )
    if job.redline_to and document.format == "docx":
        review = _with_redline(job, document, review, rules)
    name, siren = contracting_vendor(review)
    return Outcome(
        path=job.path,
        sha256=review.document.sha256,
        kind="contract",
        review=review,
        vendor_name=name,
        vendor_siren=siren,
    )


def _with_redline(job: Job, document: Document, review: Review, rules: RulePack) -> Review:
    """Write the annotated copy of a Word contract beside the exports. The review is kept whatever
    happens: the redline is an extra, the review is the batch's work; a failed copy is a warning of the
    review that the register keeps."""
    from vendorcheck.addendum.redline import write_annotated

    failure = write_annotated(Path(job.path), document, review, Path(job.redline_to or ""), rules=rules)
    return review if failure is None else review.noted(failure)


def _declaration(job: Job) -> Outcome:
    from vendorcheck.declarations import parse_declaration

    declaration = parse_declaration(job.path)
    return Outcome(
        path=job.path,
        sha256=job.sha256,
        kind="declaration",
        declaration=declaration.model_dump(mode="json"),
        vendor_name=declaration.vendor.name,
        vendor_siren=declaration.vendor.siren,
    )


def contracting_vendor(review: Review) -> tuple[str | None, str | None]:
    """The supplier named in a contract: the processor party, else the first party that is not the
    practice. (None, None) when the engine found no party."""
    parties = [p for p in review.parties if p.role == "processor"] or [
        p for p in review.parties if p.role != "controller"
    ]
    return (parties[0].name, parties[0].siren) if parties else (None, None)
