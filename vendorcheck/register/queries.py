"""Reading one supplier's history from the register: every review of its documents, every HDS verdict."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from vendorcheck.errors import RegisterError
from vendorcheck.i18n import message
from vendorcheck.models import Language
from vendorcheck.register.models import ReviewRow, Supplier
from vendorcheck.register.store import supplier_key


class ReviewEvent(BaseModel):
    at: datetime
    document: str
    outcome: str
    verdict: str | None
    rules_version: str
    snapshot: str | None
    error: str | None


class HdsEvent(BaseModel):
    at: datetime
    snapshot_date: date
    verdict: str
    entity: str | None
    expires_on: date | None
    source: str


class SupplierHistory(BaseModel):
    name: str
    siren: str | None
    paths: list[str]
    reviews: list[ReviewEvent]
    hds: list[HdsEvent]


def find_supplier(session: Session, name: str) -> Supplier:
    """The supplier named `name` (any spelling with the same normalised key), or a RegisterError listing them."""
    supplier = session.scalar(select(Supplier).where(Supplier.key == supplier_key(name)))
    if supplier is None:
        known = ", ".join(session.scalars(select(Supplier.name).order_by(Supplier.name)))
        raise RegisterError(
            detail=message(
                "register.errors.unknown_supplier", name=name, known=known or message("register.errors.none")
            )
        )
    return supplier


def supplier_history(session: Session, name: str, lang: Language = "fr") -> SupplierHistory:
    supplier = find_supplier(session, name)
    document_ids = {f.document_id for f in supplier.files if f.document_id is not None}
    paths = sorted(f.path for f in supplier.files)
    rows = session.scalars(
        select(ReviewRow)
        .where(ReviewRow.document_id.in_(document_ids) | ReviewRow.path.in_(paths))
        .order_by(ReviewRow.id)
    ).all()
    reviews = [
        ReviewEvent(
            at=row.created_at,
            document=row.document.name if row.document else row.path,
            outcome=row.outcome,
            verdict=row.verdict,
            rules_version=row.rules_version,
            snapshot=row.snapshot,
            error=_error_text(row, lang),
        )
        for row in rows
    ]
    hds = [
        HdsEvent(
            at=v.assessed_at,
            snapshot_date=v.snapshot_date,
            verdict=v.verdict,
            entity=v.entity,
            expires_on=v.expires_on,
            source=v.source,
        )
        for v in supplier.hds_verdicts
    ]
    return SupplierHistory(name=supplier.name, siren=supplier.siren, paths=paths, reviews=reviews, hds=hds)


def _error_text(row: ReviewRow, lang: Language) -> str | None:
    if row.error is None:
        return None
    return getattr(row.error, f"message_{lang}")
