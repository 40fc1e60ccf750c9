"""Data of the HDS check: list entries, dated snapshots, vendor claims and the assessment.

Quotes of a contract are the core `Evidence`; the texts of an assessment are written by `hds.messages`."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from vendorcheck.hds.identifiers import normalise_siren
from vendorcheck.models import Evidence, Language

Referential = Literal["2018", "2024"]


class HdsEntry(BaseModel):
    """One certificate as a list shows it. Unknown facts stay None: nothing is guessed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    legal_entity: str = Field(min_length=2)
    trade_names: list[str] = Field(default_factory=list)
    former_names: list[str] = Field(default_factory=list, description="Names the entity was listed under before")
    siren: str | None = None
    certificate_number: str | None = None
    certifying_body: str | None = None
    issued_on: date | None = None
    valid_until: date | None = None
    activities: list[int] = Field(default_factory=list, description="R.1111-9 activities; empty = not stated")
    referential: Referential | None = None
    products_excluded: list[str] = Field(
        default_factory=list, description="Products or plans the source says are outside the scope"
    )
    source: str | None = Field(None, description="Where this entry comes from; the snapshot's source if None")
    source_date: str | None = Field(
        None,
        pattern=r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$",
        description="Date of the source or of the fact it reports (YYYY, YYYY-MM or "
        "YYYY-MM-DD: sources rarely give the day)",
    )
    secondary: bool = Field(False, description="The facts come from a third party, not the host or the list")
    note: str | None = None

    @field_validator("siren")
    @classmethod
    def _siren(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        try:
            return normalise_siren(value)
        except ValueError:
            raise PydanticCustomError("siren_checksum", "invalid SIREN/SIRET: {value}", {"value": value}) from None

    @field_validator("activities")
    @classmethod
    def _activities(cls, value: list[int]) -> list[int]:
        bad = [n for n in value if n not in range(1, 7)]
        if bad:
            raise PydanticCustomError("activity_range", "activities are numbered 1 to 6: {bad}", {"bad": bad})
        return sorted(set(value))

    @model_validator(mode="after")
    def _dates_in_order(self) -> HdsEntry:
        if self.issued_on and self.valid_until and self.valid_until < self.issued_on:
            raise PydanticCustomError("dates_order", "valid_until is before issued_on", {})
        return self


class SnapshotInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    list_date: date = Field(description="Date of the list itself (when it was read on the source)")
    source: str
    imported_at: datetime
    content_hash: str = Field(description="sha256 of the canonical JSON of the entries")
    entry_count: int
    partial: bool = Field(False, description="Known not to hold every certified host")
    shipped: bool = Field(False, description="Shipped with vendorcheck (read-only), not imported by the user")
    note: str | None = None


class Snapshot(BaseModel):
    model_config = ConfigDict(extra="forbid")

    info: SnapshotInfo
    entries: list[HdsEntry]


class Reason(BaseModel):
    """One reason behind a verdict, written in both languages. `code` is stable (tests, exports)."""

    code: str
    fr: str
    en: str

    def text(self, lang: Language) -> str:
        return getattr(self, lang)


class Inconsistency(BaseModel):
    """A contradiction between the vendor's declaration, the contract and the HDS list."""

    topic: Literal["entity", "hosting_locations", "sub_processors", "transfers", "breach_delay", "hds"]
    reason: Reason
    declared: str | None = None
    contract: list[Evidence] = Field(default_factory=list)
    listed: str | None = None


class HdsClaim(BaseModel):
    """What the vendor itself states (certificate or attestation text, declaration), to be checked."""

    origin: str = Field(description="The document the claim comes from")
    entity: str | None = None
    siren: str | None = None
    certificate_number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    valid_until: date | None = None
    activities: list[int] = Field(default_factory=list)
    invented_activities: list[str] = Field(default_factory=list)
    referential: Referential | None = None
    hosts: list[str] = Field(default_factory=list, description="HDS hosts the vendor says it relies on")
    marketing_terms: list[str] = Field(default_factory=list)
    mentions_agrement: bool = False


class HdsVerdict(StrEnum):
    """Ordered worst first: the verdict of an assessment is the worst problem found."""

    vendor_unidentified = "vendor_unidentified"
    ambiguous = "ambiguous"
    invalid_identifier = "invalid_identifier"
    hosted_at_hds_host_but_vendor_uncertified = "hosted_at_hds_host_but_vendor_uncertified"
    issuer_not_accredited = "issuer_not_accredited"
    not_found = "not_found"
    expired = "expired"
    entity_mismatch = "entity_mismatch"
    activities_insufficient = "activities_insufficient"
    subcontractor_uncertified = "subcontractor_uncertified"
    product_not_covered = "product_not_covered"
    claim_inconsistent = "claim_inconsistent"
    outdated_referential = "outdated_referential"
    validity_unknown = "validity_unknown"
    partially_certified = "partially_certified"
    expiring_soon = "expiring_soon"
    certified = "certified"

    @property
    def rank(self) -> int:
        """0 is the worst."""
        return list(HdsVerdict).index(self)

    @property
    def is_clear(self) -> bool:
        """Verdicts a practice can rely on as they stand (expiring soon still needs a follow-up)."""
        return self in (HdsVerdict.certified, HdsVerdict.expiring_soon)

    @property
    def holds_certificate(self) -> bool:
        """A valid certificate, whatever its scope: a host's activities are then compared with its role."""
        return self.is_clear or self is HdsVerdict.partially_certified


class MatchInfo(BaseModel):
    kind: Literal["siren", "certificate_number", "legal_name", "trade_name", "former_name", "fuzzy", "related"]
    score: float = Field(ge=0, le=100)
    matched: str = Field(description="The name or identifier of the entry that matched")


class Candidate(BaseModel):
    entry: HdsEntry
    match: MatchInfo


class HdsAssessment(BaseModel):
    """The HDS verdict on one vendor, with everything a report must cite."""

    query: str
    verdict: HdsVerdict
    reasons: list[Reason]
    today: date
    snapshot_id: str
    snapshot_date: date
    snapshot_source: str
    snapshot_partial: bool
    entry: HdsEntry | None = None
    match: MatchInfo | None = None
    candidates: list[Candidate] = Field(default_factory=list)
    service: str | None = None
    required_activities: list[int] = Field(default_factory=list)
    missing_activities: list[int] = Field(default_factory=list)
    host: HdsAssessment | None = None
    claim: HdsClaim | None = None
    inconsistencies: list[Inconsistency] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def source(self) -> str:
        """Where the matched entry comes from (the snapshot's source when there is no entry)."""
        if self.entry and self.entry.source:
            dated = f" ({self.entry.source_date})" if self.entry.source_date else ""
            return self.entry.source + dated
        return self.snapshot_source

    @computed_field  # type: ignore[prop-decorator]
    @property
    def expiry_date(self) -> date | None:
        return self.entry.valid_until if self.entry else None

    @property
    def codes(self) -> list[str]:
        return [r.code for r in self.reasons]


class RejectedRow(BaseModel):
    line: int = Field(description="Line of the file (CSV, HTML, JSON) or row of the sheet (XLSX)")
    errors: list[Reason]
    raw: dict[str, str] = Field(default_factory=dict)


class EntryChange(BaseModel):
    key: str
    legal_entity: str
    fields: list[str]


class SnapshotDiff(BaseModel):
    previous_id: str | None
    added: list[HdsEntry] = Field(default_factory=list)
    removed: list[HdsEntry] = Field(default_factory=list)
    changed: list[EntryChange] = Field(default_factory=list)
    expired: list[HdsEntry] = Field(default_factory=list)


class ImportReport(BaseModel):
    path: str
    format: str
    columns: dict[str, str] = Field(default_factory=dict, description="File column -> entry field")
    ignored_columns: list[str] = Field(default_factory=list)
    rows: int = 0
    lines: int | None = Field(None, description="Lines of a CSV file the data rows span, compared with `rows`")
    accepted: int = 0
    rejected: list[RejectedRow] = Field(default_factory=list)
    suspicious: list[Reason] = Field(
        default_factory=list, description="Why the list as a whole looks damaged (truncated, lines lost)"
    )
    stored: SnapshotInfo | None = None
    unchanged: bool = Field(False, description="Same entries as the current snapshot: nothing stored")
    diff: SnapshotDiff | None = None
