"""Data exchanged between the pipeline stages: Document, Evidence, Finding, Party; statuses and severities."""

from __future__ import annotations

import bisect
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from vendorcheck.i18n import Language, Message

SourceFormat = Literal["pdf", "docx", "text", "markdown", "image"]
LocationUnit = Literal["page", "paragraph", "line"]


class Status(StrEnum):
    present = "present"
    partial = "partial"
    non_compliant = "non_compliant"
    missing = "missing"
    not_applicable = "not_applicable"

    @property
    def is_violation(self) -> bool:
        return self in (Status.partial, Status.non_compliant, Status.missing)


class Severity(StrEnum):
    blocking = "blocking"
    major = "major"
    minor = "minor"


class Verdict(StrEnum):
    """Overall opinion on a contract, as French practitioners phrase it."""

    signable = "signable"
    verify_certification = "verify_certification"  # clauses in order; the HDS certification is to be checked
    signable_with_addendum = "signable_with_addendum"
    not_signable = "not_signable"


class Section(BaseModel):
    """A numbered part of the document ("Article 5", "5.2", "Annexe 2", a Markdown heading)."""

    model_config = ConfigDict(frozen=True)

    number: str | None
    title: str
    level: int
    start: int
    end: int

    @property
    def label(self) -> str:
        return self.title


class RecognisedPage(BaseModel):
    """A page whose text was read by OCR, with how sure the recogniser was of it."""

    model_config = ConfigDict(frozen=True)

    page: int
    confidence: float = Field(ge=0.0, le=100.0, description="Mean word confidence, weighted by word length.")
    rotation: int = Field(0, description="Quarter turn applied before reading, degrees clockwise.")
    skew: float = Field(0.0, description="Skew straightened, degrees.")


class Document(BaseModel):
    """Extracted text of one file, with every character mapped back to its page or paragraph.

    `unit_starts[i]` is the offset in `text` where location unit i+1 (page, paragraph or line)
    begins, so `location(offset)` is a binary search.
    """

    name: str
    path: str | None = None
    format: SourceFormat
    sha256: str
    text: str
    unit: LocationUnit
    unit_starts: list[int]
    page_count: int | None = None
    sections: list[Section] = Field(default_factory=list)
    language: Language = "fr"
    warnings: list[Message] = Field(default_factory=list)  # written in the review's language
    recognised: list[RecognisedPage] = Field(default_factory=list)  # pages read by OCR; their text is in `text`

    @model_validator(mode="after")
    def _units_are_sorted(self) -> Document:
        if any(b < a for a, b in zip(self.unit_starts, self.unit_starts[1:], strict=False)):
            raise ValueError("unit_starts must be sorted")
        return self

    def location(self, offset: int) -> int | None:
        """Page (PDF) or paragraph (DOCX) number, 1-based, of a character; None for plain text."""
        if self.unit == "line" or not self.unit_starts:
            return None
        return max(1, bisect.bisect_right(self.unit_starts, offset))

    def line(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def quote(self, start: int, end: int, *, opened_before: int | None = None) -> Evidence:
        """`text[start:end]` verbatim, with where a reader finds it: page (or paragraph), line and section.
        The one way every part quotes a document; `opened_before` as in `section_at`."""
        section = self.section_at(start, opened_before=opened_before)
        return Evidence(
            quote=self.text[start:end],
            start=start,
            end=end,
            page=self.location(start),
            line=self.line(start),
            section=section.label if section else None,
        )

    def section_at(self, offset: int, *, opened_before: int | None = None) -> Section | None:
        """The innermost section containing `offset`; with `opened_before`, only sections whose heading
        starts before that offset (a quote that is itself a numbered clause is located by its parent)."""
        best: Section | None = None
        for section in self.sections:
            if opened_before is not None and section.start >= opened_before:
                continue
            if section.start <= offset < section.end and (best is None or section.level >= best.level):
                best = section
        return best


class Evidence(BaseModel):
    """A verbatim quote: `quote == document.text[start:end]` always holds."""

    quote: str
    start: int
    end: int
    page: int | None = None
    line: int | None = None
    section: str | None = None


class Finding(BaseModel):
    requirement: str
    title: str
    citation: str
    status: Status
    severity: Severity
    confidence: float = Field(ge=0.0, le=1.0)
    message: str
    advice: str = ""
    flags: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    unverified: bool = False
    ocr_confidence: float | None = Field(
        None,
        ge=0.0,
        le=100.0,
        description="Set when the finding rests on text read by OCR: the recognition confidence of that text.",
    )

    @property
    def is_violation(self) -> bool:
        return self.status.is_violation


class Party(BaseModel):
    name: str
    role: Literal["controller", "processor", "unknown"] = "unknown"
    siren: str | None = None
    evidence: Evidence | None = None


class Signal(BaseModel):
    """One reason to think a name is the vendor, with where it is written."""

    kind: str = Field(
        description="parties | defined_role | statement | operator | legal | provided_by | signature "
        "| signature_role | alias | title | controller"
    )
    weight: float
    start: int
    end: int


class VendorIdentity(BaseModel):
    """The vendor a contract names, or why none is named."""

    name: str | None = Field(None, description="As written, its legal form kept (None: not identified)")
    aliases: list[str] = Field(default_factory=list, description="Other names the text gives it")
    siren: str | None = None
    confidence: float = Field(0.0, ge=0.0, le=1.0)
    evidence: Evidence | None = Field(None, description="Where the name is written with its role")
    signals: list[Signal] = Field(default_factory=list)
    unidentified_because: str | None = Field(None, description="none | weak | ambiguous | template")

    @property
    def identified(self) -> bool:
        return self.name is not None


class DocumentInfo(BaseModel):
    name: str
    sha256: str
    format: SourceFormat
    language: Language
    unit: LocationUnit
    page_count: int | None = None
    characters: int
    warnings: list[str] = Field(default_factory=list)
    recognised: list[RecognisedPage] = Field(default_factory=list)
