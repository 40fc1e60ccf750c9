"""OCR readings turned into parts of a Document: page texts, the record of recognised pages, and the
searchable PDF written for `--ocr-output`."""

from __future__ import annotations

from pathlib import Path

from vendorcheck import errors
from vendorcheck.i18n import message
from vendorcheck.ingest.cleanup import clean_extracted
from vendorcheck.ingest.ocr import Reading
from vendorcheck.models import RecognisedPage

# Fewer words than this, read by OCR alone, is a logo, a stamp or a blank sheet, not a contract to review.
MIN_WORDS = 20


def merge_readings(path: Path, pages: list[str], readings: dict[int, Reading]) -> list[RecognisedPage]:
    """Put each reading's text in place of its page (1-based) in `pages`; the recognised pages' record.

    Raises NothingRecognised when OCR was the only source of text and read (almost) nothing."""
    typed = any(page.strip() for number, page in enumerate(pages, start=1) if number not in readings)
    if readings and not typed and sum(reading.words for reading in readings.values()) < MIN_WORDS:
        raise errors.NothingRecognised(path)
    for number, reading in readings.items():
        pages[number - 1] = clean_extracted(reading.text)
    return [
        RecognisedPage(page=number, confidence=reading.confidence, rotation=reading.rotation, skew=reading.skew)
        for number, reading in sorted(readings.items())
        if reading.words
    ]


def write_searchable_pdf(
    target: Path, page_count: int, readings: dict[int, Reading], source_pdf: bytes | None = None
) -> None:
    """One PDF: recognised pages as Tesseract rendered them (image + invisible text), the others copied
    untouched from `source_pdf`, in the original order."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    source = pdfium.PdfDocument(source_pdf) if source_pdf is not None else None
    try:
        for number in range(1, page_count + 1):
            reading = readings.get(number)
            if reading is not None and reading.pdf is not None:
                page = pdfium.PdfDocument(reading.pdf)
                out.import_pages(page, [0])
                page.close()
            elif source is not None:
                out.import_pages(source, [number - 1])
        try:
            out.save(target)
        except OSError as exc:
            raise errors.OptionError(target, detail=message("ingest.errors.ocr_output", reason=exc.strerror)) from exc
    finally:
        out.close()
        if source is not None:
            source.close()
