"""HDS verdicts of the register's suppliers: assessed after each batch, re-assessed by `register recheck`.

Who is assessed is decided from what the register knows, best evidence first: the SIREN or name the
vendor declared, then the processor named in its contracts, then the supplier's folder name. Every
assessment is a new row stamped with its snapshot, so the verdict history shows when a status changed.
A supplier whose folder holds several declarations that disagree is assessed against each, in file
order, and keeps the worst verdict with the conflict stated: the result never depends on which worker
finished first.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from vendorcheck.declarations.models import VendorDeclaration
from vendorcheck.hds.models import HdsClaim
from vendorcheck.hds.verdicts import EXPIRY_WARNING_DAYS
from vendorcheck.models import Language
from vendorcheck.register.models import DocumentFile, HdsVerdictRow, ReviewRow, Supplier
from vendorcheck.register.store import now

if TYPE_CHECKING:
    from vendorcheck.hds.models import Snapshot


class Identity(BaseModel):
    query: str  # SIREN when known: an identifier match beats a name match
    name: str
    siren: str | None = None
    service: str | None = None
    claim: HdsClaim | None = None  # what the vendor's declaration states about its certificate
    path: str | None = None  # the declaration it comes from


class RecheckLine(BaseModel):
    supplier: str
    before: str | None
    after: str
    summary: str
    expires_on: date | None
    expiring: bool  # expired, or expires within EXPIRY_WARNING_DAYS

    @property
    def changed(self) -> bool:
        return self.before != self.after


def snapshot_label() -> str:
    """The id of the HDS snapshot verdicts are given against: part of a review's resume key."""
    from vendorcheck.hds import current_snapshot

    return current_snapshot().info.id


def identities(session: Session, supplier: Supplier) -> list[Identity]:
    """Whom to look for in the HDS list: the vendor's declarations when its folder holds some (one
    identity each, in path order), else the processor its contracts name, else the supplier's own name."""
    declared: dict[str, Identity] = {}
    names: list[str] = []
    sirens: list[str] = []
    for located in sorted(supplier.files, key=lambda f: f.path):
        document = located.document
        if document is None:
            continue
        latest = session.scalar(
            select(ReviewRow).where(ReviewRow.document_id == document.id).order_by(ReviewRow.id.desc()).limit(1)
        )
        if latest is not None and latest.outcome == "declaration" and latest.data:
            declaration = VendorDeclaration.model_validate(latest.data)
            vendor = declaration.vendor
            declared[located.path] = Identity(
                query=vendor.siren or vendor.name,
                name=vendor.name,
                siren=vendor.siren,
                service=declaration.service,
                claim=declaration.claim(),
                path=located.path,
            )
        if document.vendor_siren:
            sirens.append(document.vendor_siren)
        if document.vendor_name:
            names.append(document.vendor_name)
    if declared:
        return _distinct(list(declared.values()))
    siren = (sirens[0] if sirens else None) or supplier.siren
    name = names[0] if names else supplier.name
    return [Identity(query=siren or name, name=name, siren=siren)]


def _distinct(found: list[Identity]) -> list[Identity]:
    """Copies of one declaration (same statements, another file name) count once."""
    kept: list[Identity] = []
    for item in found:
        facts = item.model_dump(exclude={"path"}) | {
            "claim": item.claim.model_dump(exclude={"origin"}) if item.claim else None
        }
        if not any(
            facts
            == k.model_dump(exclude={"path"}) | {"claim": k.claim.model_dump(exclude={"origin"}) if k.claim else None}
            for k in kept
        ):
            kept.append(item)
    return kept


def assess_supplier(
    session: Session,
    supplier: Supplier,
    *,
    run_id: int | None,
    today: date | None = None,
    snapshot: Snapshot | None = None,
) -> HdsVerdictRow:
    from vendorcheck.hds import assess
    from vendorcheck.hds.messages import reason, verdict_of

    candidates = identities(session, supplier)
    assessed = [
        (who, assess(who.query, service=who.service, today=today, snapshot=snapshot, claim=who.claim))
        for who in candidates
    ]
    # Worst verdict first; equal verdicts keep the file order. Deterministic whatever the order of arrival.
    who, assessment = min(assessed, key=lambda pair: pair[1].verdict.rank)
    if len(assessed) > 1:
        files = [PurePath(w.path or w.name).name for w, _ in assessed]
        reasons = [
            *assessment.reasons,
            reason("declarations_conflict", files=files, kept=PurePath(who.path or who.name).name),
        ]
        assessment = assessment.model_copy(update={"reasons": reasons, "verdict": verdict_of(reasons)})
    supplier.siren = who.siren or supplier.siren
    supplier.service = who.service or supplier.service
    row = HdsVerdictRow(
        supplier=supplier,
        run_id=run_id,
        assessed_at=now(),
        snapshot=assessment.snapshot_id,
        snapshot_date=assessment.snapshot_date,
        query=who.query,
        service=who.service,
        verdict=assessment.verdict.value,
        entity=assessment.entry.legal_entity if assessment.entry else None,
        expires_on=assessment.expiry_date,
        source=assessment.source,
        data=assessment.model_dump(mode="json"),
    )
    session.add(row)
    return row


def assess_suppliers(session: Session, run_id: int, *, root: str, health_data: bool, today: date | None = None) -> int:
    """Assess every supplier with a document under `root`; none when the practice hosts no health data
    with them (the HDS obligation of CSP L.1111-8 applies only to health data)."""
    if not health_data:
        return 0
    from vendorcheck.hds import current_snapshot

    snapshot = current_snapshot()
    suppliers = session.scalars(select(Supplier).join(DocumentFile).where(DocumentFile.root == root).distinct())
    count = 0
    for supplier in suppliers:
        assess_supplier(session, supplier, run_id=run_id, today=today, snapshot=snapshot)
        count += 1
    return count


def recheck(session: Session, *, lang: Language = "fr", today: date | None = None) -> list[RecheckLine]:
    """Re-assess every supplier already assessed once, against the current snapshot (after `hds import`)."""
    from vendorcheck.hds import current_snapshot
    from vendorcheck.hds.messages import headline
    from vendorcheck.hds.models import HdsAssessment

    snapshot = current_snapshot()
    day = today or date.today()
    lines: list[RecheckLine] = []
    for supplier in session.scalars(select(Supplier).where(Supplier.hds_verdicts.any()).order_by(Supplier.name)):
        before = supplier.hds_verdicts[-1].verdict
        row = assess_supplier(session, supplier, run_id=None, today=day, snapshot=snapshot)
        assessment = HdsAssessment.model_validate(row.data)
        lines.append(
            RecheckLine(
                supplier=supplier.name,
                before=before,
                after=row.verdict,
                summary=headline(assessment, lang),
                expires_on=row.expires_on,
                expiring=expiring(row.expires_on, day),
            )
        )
    return lines


def expiring(expires_on: date | None, today: date) -> bool:
    """Expired, or expiring within EXPIRY_WARNING_DAYS: ask the supplier for its renewed certificate."""
    return expires_on is not None and (expires_on - today).days <= EXPIRY_WARNING_DAYS
