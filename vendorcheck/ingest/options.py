"""Ingestion settings, resolved once at the entry point instead of passed down as keyword arguments."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from vendorcheck import errors
from vendorcheck.limits import MAX_DOCUMENT_CHARS, MAX_FILE_BYTES, MAX_PAGE_CHARS

if TYPE_CHECKING:
    from vendorcheck.ingest.ocr import OcrSettings

PdfEngine = Literal["pdfium", "pdfplumber"]
OcrMode = Literal["auto", "always", "never"]


def _default_ocr_jobs() -> int:
    # Tesseract runs one page per process; beyond 4 a practice's laptop runs out of memory, not cores.
    return max(1, min(4, os.cpu_count() or 1))


class IngestOptions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    max_bytes: int = Field(MAX_FILE_BYTES, description="Largest input file accepted.")
    max_document_chars: int = Field(MAX_DOCUMENT_CHARS, description="Most characters of text in one document.")
    max_page_chars: int = Field(MAX_PAGE_CHARS, description="Most characters on one PDF page.")
    pdf_engine: PdfEngine = Field("pdfium", description="Text layer used for PDFs.")
    docx_max_uncompressed: int = Field(
        200 * 1024 * 1024, description="Largest total uncompressed size of a DOCX archive."
    )
    docx_max_ratio: int = Field(100, description="Largest compression ratio of a DOCX member.")
    min_text_chars_per_page: int = Field(
        20, description="A PDF page with fewer visible characters has no text layer (scanned)."
    )
    ocr: OcrMode = Field(
        "auto",
        description="auto: recognise the pages without a text layer and images; always: every page; "
        "never: refuse scans and images.",
    )
    ocr_languages: str = Field("fra+eng", description="Tesseract languages, in its `-l` syntax.")
    ocr_dpi: int = Field(300, ge=72, le=600, description="Resolution at which PDF pages are rendered for OCR.")
    ocr_jobs: int = Field(default_factory=_default_ocr_jobs, ge=1, description="Pages recognised in parallel.")
    ocr_page_timeout: float = Field(120.0, gt=0, description="Longest recognition of one page, in seconds.")
    ocr_output: Path | None = Field(None, description="Write the document as a searchable PDF to this file.")
    tesseract_cmd: str = Field(
        default_factory=lambda: os.environ.get("VENDORCHECK_TESSERACT", "tesseract"),
        description="The Tesseract program (VENDORCHECK_TESSERACT).",
    )
    max_image_pixels: int = Field(
        89_478_485,
        description="Largest page image, in pixels, checked before decoding (decompression bombs); "
        "Pillow's own warning threshold, above a 50-megapixel phone photo.",
    )
    max_ocr_pages: int = Field(500, description="Most pages recognised in one document (multi-page TIFF bombs).")

    @classmethod
    def resolve(cls, value: IngestOptions | dict[str, Any] | None) -> IngestOptions:
        if value is None:
            return cls()
        if isinstance(value, IngestOptions):
            return value
        return cls(**value)

    def check_length(self, path: Path, characters: int) -> None:
        """Refuse a document whose text has more than `max_document_chars` characters (TooManyCharacters):
        loaders call it as soon as they know, before the text is cleaned, structured and reviewed."""
        if characters > self.max_document_chars:
            raise errors.TooManyCharacters(path, count=characters, limit=self.max_document_chars)

    def ocr_settings(self) -> OcrSettings:
        """The recogniser's settings (`ocr.OcrSettings`) drawn from these options."""
        from vendorcheck.ingest.ocr import OcrSettings

        return OcrSettings(
            command=self.tesseract_cmd,
            languages=self.ocr_languages,
            jobs=self.ocr_jobs,
            page_timeout=self.ocr_page_timeout,
            searchable_pdf=self.ocr_output is not None,
        )
