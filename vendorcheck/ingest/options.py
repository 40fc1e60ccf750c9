"""Ingestion settings, resolved once at the entry point instead of passed down as keyword arguments."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PdfEngine = Literal["pdfium", "pdfplumber"]


class IngestOptions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    max_bytes: int = Field(50 * 1024 * 1024, description="Largest input file accepted.")
    pdf_engine: PdfEngine = Field("pdfium", description="Text layer used for PDFs.")
    docx_max_uncompressed: int = Field(
        200 * 1024 * 1024, description="Largest total uncompressed size of a DOCX archive."
    )
    docx_max_ratio: int = Field(100, description="Largest compression ratio of a DOCX member.")
    min_text_chars_per_page: int = Field(
        20, description="Below this average a PDF is treated as scanned (no text layer)."
    )

    @classmethod
    def resolve(cls, value: IngestOptions | dict[str, Any] | None) -> IngestOptions:
        if value is None:
            return cls()
        if isinstance(value, IngestOptions):
            return value
        return cls(**value)
