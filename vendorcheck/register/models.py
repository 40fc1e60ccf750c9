"""The supplier register's tables, as SQLAlchemy 2 ORM classes.

These classes describe the schema reached after the last migration of `migrations.py`; the migrations,
not `create_all`, build the database, and a test compares the two so they never drift apart.

One row of `reviews` is one attempt at processing a document (a contract review, a parsed vendor
declaration, or a failure), stamped with everything that decides whether it is still valid: rules
version, HDS snapshot, health-data option and language. History is never overwritten; the current state
of a document is its latest attempt.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Supplier(Base):
    __tablename__ = "suppliers"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)  # normalised name: folder and vendor names meet here
    name: Mapped[str] = mapped_column(String(300))
    siren: Mapped[str | None] = mapped_column(String(9))
    service: Mapped[str | None] = mapped_column(String(40))  # HDS service type, from the vendor's declaration
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    files: Mapped[list[DocumentFile]] = relationship(back_populates="supplier")
    hds_verdicts: Mapped[list[HdsVerdictRow]] = relationship(back_populates="supplier", order_by="HdsVerdictRow.id")


class DocumentRow(Base):
    """A file content, identified by its SHA-256: two copies of one contract are one document."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # contract | declaration
    name: Mapped[str] = mapped_column(String(300))
    vendor_name: Mapped[str | None] = mapped_column(String(300))  # detected: groups loose files by supplier
    vendor_siren: Mapped[str | None] = mapped_column(String(9))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    reviews: Mapped[list[ReviewRow]] = relationship(back_populates="document", order_by="ReviewRow.id")


class Run(Base):
    """One `vendorcheck batch` invocation; `status` stays `interrupted` when it was stopped early."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    root: Mapped[str] = mapped_column(String(1000))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(20))  # running | interrupted | complete
    rules_version: Mapped[str] = mapped_column(String(40))
    snapshot: Mapped[str | None] = mapped_column(String(40))
    health_data: Mapped[bool] = mapped_column(Boolean)
    lang: Mapped[str] = mapped_column(String(2))
    jobs: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer, default=0)
    reviewed: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)


class DocumentFile(Base):
    """Where a document currently lies, and which supplier it belongs to."""

    __tablename__ = "document_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(1000), unique=True)
    root: Mapped[str] = mapped_column(String(1000))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))  # None: file could not be read
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"))  # last run that saw it

    document: Mapped[DocumentRow | None] = relationship()
    supplier: Mapped[Supplier] = relationship(back_populates="files")


class ReviewRow(Base):
    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    path: Mapped[str] = mapped_column(String(1000))
    outcome: Mapped[str] = mapped_column(String(20))  # reviewed | declaration | failed
    rules_version: Mapped[str] = mapped_column(String(40))
    snapshot: Mapped[str | None] = mapped_column(String(40))
    health_data: Mapped[bool] = mapped_column(Boolean)
    lang: Mapped[str] = mapped_column(String(2))
    verdict: Mapped[str | None] = mapped_column(String(30))
    page_count: Mapped[int | None] = mapped_column(Integer)
    seconds: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the full Review, or the parsed declaration

    document: Mapped[DocumentRow | None] = relationship(back_populates="reviews")
    findings: Mapped[list[FindingRow]] = relationship(
        back_populates="review", order_by="FindingRow.id", cascade="all, delete-orphan"
    )
    error: Mapped[ErrorRow | None] = relationship(back_populates="review", cascade="all, delete-orphan")


class FindingRow(Base):
    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    requirement: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    citation: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20))
    severity: Mapped[str] = mapped_column(String(10))
    confidence: Mapped[float] = mapped_column(Float)
    message: Mapped[str] = mapped_column(Text)

    review: Mapped[ReviewRow] = relationship(back_populates="findings")
    evidence: Mapped[list[EvidenceRow]] = relationship(
        back_populates="finding", order_by="EvidenceRow.id", cascade="all, delete-orphan"
    )


class EvidenceRow(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), index=True)
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    line: Mapped[int | None] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(String(300))

    finding: Mapped[FindingRow] = relationship(back_populates="evidence")


class ErrorRow(Base):
    __tablename__ = "errors"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), unique=True)
    code: Mapped[str] = mapped_column(String(10))
    message_fr: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str] = mapped_column(Text)
    retryable: Mapped[bool] = mapped_column(Boolean)  # a crash, not a property of the file: the next run retries

    review: Mapped[ReviewRow] = relationship(back_populates="error")


class HdsVerdictRow(Base):
    """One HDS assessment of a supplier, against one dated snapshot of the certified-hosts list."""

    __tablename__ = "hds_verdicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"), index=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))  # None: `register recheck`
    assessed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    snapshot: Mapped[str] = mapped_column(String(40))
    snapshot_date: Mapped[date] = mapped_column(Date)
    query: Mapped[str] = mapped_column(String(300))
    service: Mapped[str | None] = mapped_column(String(40))
    verdict: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str | None] = mapped_column(String(300))
    expires_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # the full assessment: reasons are worded at export time

    supplier: Mapped[Supplier] = relationship(back_populates="hds_verdicts")
