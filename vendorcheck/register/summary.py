"""The current picture of the register, per supplier: what every exporter (XLSX, CSV, HTML) renders.

A supplier's contractual set is all its current documents. For each requirement the set is judged as a
whole: a clause present in any document (often the DPA next to the general terms) satisfies it, except
that a clause contradicting it anywhere wins, because conflicting clauses leave the practice exposed
until an addendum settles which one applies.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from vendorcheck.hds.messages import headline, verdict_label
from vendorcheck.hds.models import HdsAssessment
from vendorcheck.i18n import location
from vendorcheck.models import Finding, Language, Severity, Status, Verdict
from vendorcheck.ranking import overall_rank
from vendorcheck.register.models import DocumentFile, FindingRow, HdsVerdictRow, ReviewRow, Supplier
from vendorcheck.register.store import now
from vendorcheck.verdict import overall_verdict

Overall = Literal["signable", "verify_certification", "signable_with_addendum", "not_signable", "unchecked"]

# Which finding speaks for the supplier when its documents disagree (lower wins); see the module docstring.
_PRECEDENCE = {
    Status.non_compliant: 0,
    Status.present: 1,
    Status.partial: 2,
    Status.missing: 3,
    Status.not_applicable: 4,
}


class Cell(BaseModel):
    status: Status
    severity: Severity
    message: str
    document: str  # the document whose finding decided the cell


class HdsInfo(BaseModel):
    verdict: str
    label: str  # the verdict in a few words
    summary: str  # one line naming the entity and the date of the list
    entity: str | None
    expires_on: date | None
    snapshot: str | None
    source: str | None
    assessed_at: datetime
    ok: bool
    partial_list: bool = False  # assessed against a list known to be partial: absence proves nothing


class DocumentLine(BaseModel):
    name: str
    paths: list[str]
    kind: str
    outcome: str
    verdict: Verdict | None
    pages: int | None
    reviewed_at: datetime


class EvidenceLine(BaseModel):
    supplier: str
    document: str
    requirement: str
    status: Status
    severity: Severity
    where: str
    quote: str
    message: str


class ErrorLine(BaseModel):
    supplier: str
    path: str
    code: str
    message: str


class SupplierLine(BaseModel):
    name: str
    overall: Overall
    hds: HdsInfo | None
    counts: dict[str, int]  # violations by severity: blocking, major, minor
    cells: dict[str, Cell]
    documents: list[DocumentLine]
    errors: int


class Requirement(BaseModel):
    id: str
    title: str
    citation: str


class Dashboard(BaseModel):
    generated_at: datetime
    lang: Language
    requirements: list[Requirement]
    suppliers: list[SupplierLine]
    evidence: list[EvidenceLine]
    errors: list[ErrorLine]
    rules_versions: list[str]


def build_dashboard(session: Session, lang: Language = "fr") -> Dashboard:
    """Read the current state of every supplier: latest outcome of each current document, latest HDS verdict."""
    files = session.scalars(
        select(DocumentFile).options(selectinload(DocumentFile.supplier), selectinload(DocumentFile.document))
    ).all()
    latest = _latest_reviews(session, files)
    by_supplier: dict[int, list[DocumentFile]] = defaultdict(list)
    for located in files:
        by_supplier[located.supplier_id].append(located)

    suppliers: list[SupplierLine] = []
    evidence: list[EvidenceLine] = []
    errors: list[ErrorLine] = []
    requirements: dict[str, Requirement] = {}
    for located in sorted(by_supplier.values(), key=lambda group: group[0].supplier.name.casefold()):
        supplier = located[0].supplier
        copies: dict[int, list[str]] = defaultdict(list)  # review id -> paths of the copies it covers
        reviews: dict[int, ReviewRow] = {}
        for located_file in located:
            row = latest.get(_review_key(located_file))
            if row is None:
                continue
            reviews[row.id] = row
            copies[row.id].append(located_file.path)
            if row.error is not None:
                errors.append(
                    ErrorLine(
                        supplier=supplier.name,
                        path=located_file.path,
                        code=row.error.code,
                        message=getattr(row.error, f"message_{lang}"),
                    )
                )
        for row in reviews.values():
            for f in row.findings:
                requirements.setdefault(
                    f.requirement, Requirement(id=f.requirement, title=f.title, citation=f.citation)
                )
                evidence.extend(_evidence_lines(supplier.name, row, f, lang))
        suppliers.append(_supplier_line(supplier, list(reviews.values()), copies, lang))
    versions = sorted({r.rules_version for r in latest.values() if r.outcome == "reviewed"})
    return Dashboard(
        generated_at=now(),
        lang=lang,
        requirements=_ordered(requirements, lang),
        suppliers=suppliers,
        evidence=evidence,
        errors=errors,
        rules_versions=versions,
    )


def chase_order(suppliers: list[SupplierLine]) -> list[SupplierLine]:
    """Worst first (`ranking.OVERALL`), then by blocking and major gaps: the order a practice chases them in."""
    return sorted(
        suppliers, key=lambda s: (overall_rank(s.overall), -s.counts["blocking"], -s.counts["major"], s.name.casefold())
    )


def _review_key(located: DocumentFile) -> tuple[str, int | str]:
    return ("document", located.document_id) if located.document_id is not None else ("path", located.path)


def _latest_reviews(session: Session, files: list[DocumentFile]) -> dict[tuple[str, int | str], ReviewRow]:
    """The latest outcome of each current document (or, for an unreadable file, of its path)."""
    by_document = (
        select(func.max(ReviewRow.id)).where(ReviewRow.document_id.is_not(None)).group_by(ReviewRow.document_id)
    )
    by_path = select(func.max(ReviewRow.id)).where(ReviewRow.document_id.is_(None)).group_by(ReviewRow.path)
    ids = set(session.scalars(by_document)) | set(session.scalars(by_path))
    rows = session.scalars(
        select(ReviewRow)
        .where(ReviewRow.id.in_(ids))
        .options(
            selectinload(ReviewRow.findings).selectinload(FindingRow.evidence),
            selectinload(ReviewRow.error),
            selectinload(ReviewRow.document),
        )
    ).all()
    wanted = {_review_key(f) for f in files}
    out: dict[tuple[str, int | str], ReviewRow] = {}
    for row in rows:
        key = ("document", row.document_id) if row.document_id is not None else ("path", row.path)
        if key in wanted:
            out[key] = row
    return out


def _finding(row: FindingRow) -> Finding:
    return Finding(
        requirement=row.requirement,
        title=row.title,
        citation=row.citation,
        status=Status(row.status),
        severity=Severity(row.severity),
        confidence=row.confidence,
        message=row.message,
    )


def _supplier_line(
    supplier: Supplier, reviews: list[ReviewRow], copies: dict[int, list[str]], lang: Language
) -> SupplierLine:
    names = {r.id: r.document.name if r.document else r.path for r in reviews}
    chosen: dict[str, tuple[Finding, str]] = {}
    for review in reviews:
        for f in map(_finding, review.findings):
            best = chosen.get(f.requirement)
            if best is None or _PRECEDENCE[f.status] < _PRECEDENCE[best[0].status]:
                chosen[f.requirement] = (f, names[review.id])
    assessment = HdsAssessment.model_validate(supplier.hds_verdicts[-1].data) if supplier.hds_verdicts else None
    # The rule of a single contract's review: the findings, then what the HDS check forbids or leaves to verify.
    overall: Overall = overall_verdict([f for f, _ in chosen.values()], assessment).value if chosen else "unchecked"
    counts = {s.value: 0 for s in Severity}
    for f, _ in chosen.values():
        if f.is_violation:
            counts[f.severity.value] += 1
    documents = [
        DocumentLine(
            name=names[r.id],
            paths=sorted(copies[r.id]),
            kind=r.document.kind if r.document else "contract",
            outcome=r.outcome,
            verdict=Verdict(r.verdict) if r.verdict else None,
            pages=r.page_count,
            reviewed_at=r.created_at,
        )
        for r in reviews
    ]
    return SupplierLine(
        name=supplier.name,
        overall=overall,
        hds=_hds(supplier, assessment, lang),
        counts=counts,
        cells={
            req: Cell(status=f.status, severity=f.severity, message=f.message, document=doc)
            for req, (f, doc) in chosen.items()
        },
        documents=documents,
        errors=sum(1 for r in reviews if r.error is not None),
    )


def _hds(supplier: Supplier, assessment: HdsAssessment | None, lang: Language) -> HdsInfo | None:
    if assessment is None:
        return None
    last: HdsVerdictRow = supplier.hds_verdicts[-1]
    return HdsInfo(
        verdict=last.verdict,
        label=verdict_label(assessment.verdict, lang, partial_list=assessment.snapshot_partial),
        summary=headline(assessment, lang),
        entity=last.entity,
        expires_on=last.expires_on,
        snapshot=last.snapshot_date.isoformat(),
        source=last.source,
        assessed_at=last.assessed_at,
        ok=assessment.verdict.is_clear,
        partial_list=assessment.snapshot_partial,
    )


def _evidence_lines(supplier: str, row: ReviewRow, finding: FindingRow, lang: Language) -> list[EvidenceLine]:
    unit = (row.data or {}).get("document", {}).get("unit", "page")
    name = row.document.name if row.document else row.path
    return [
        EvidenceLine(
            supplier=supplier,
            document=name,
            requirement=finding.requirement,
            status=Status(finding.status),
            severity=Severity(finding.severity),
            where=" · ".join(p for p in (location(unit, e.page, e.line, lang), _short(e.section)) if p),
            quote=e.quote,
            message=finding.message,
        )
        for e in finding.evidence
    ]


def _ordered(requirements: dict[str, Requirement], lang: Language) -> list[Requirement]:
    """In the order of the texts (GDPR Art. 28(2), 28(3) intro, (a) to (h), last subparagraph, 28(4),
    33(2), then CSP R.1111-11 1° to 14°), titled in `lang` from the shipped rules when they know the id."""
    from vendorcheck.rulebook import load_rules

    titles = {r.id: r.title.get(lang) for r in load_rules().rules}
    ordered = sorted(requirements.values(), key=lambda r: requirement_order(r.id))
    return [r.model_copy(update={"title": titles.get(r.id, r.title)}) for r in ordered]


def requirement_order(requirement: str) -> tuple:
    """Sort key: GDPR before CSP, numbers as numbers, the intro of a paragraph first and its last
    subparagraph last."""
    words = {"INTRO": "", "LAST": "~"}
    parts = [int(p) if p.isdigit() else words.get(p.strip("-"), p.casefold()) for p in re.split(r"(\d+)", requirement)]
    return (0 if requirement.startswith("GDPR") else 1, parts)


def _short(section: str | None, width: int = 60) -> str | None:
    """Section labels can be a whole numbered paragraph; a location needs only its beginning."""
    return section if section is None or len(section) <= width else section[: width - 1].rstrip() + "…"
