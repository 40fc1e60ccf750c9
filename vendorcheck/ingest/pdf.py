"""PDF text layer, one pass per page, with page numbers kept.

Two engines produce the same list of page texts, then share one clean-up (`layout.tidy_pages`).
`pdfium` (PDFium through pypdfium2) is the default: on the benchmark it extracts a 30-page contract
many times faster than pdfplumber's `extract_text` (figures in docs/ingestion.md), which is what keeps
a whole review cheaper than a bare pdfplumber text dump. `pdfplumber` stays available for layouts
where its layout-aware reading order is preferable.

Pages without a text layer (scanned, or a scanned annex in a typed contract) are rendered by PDFium and
read by OCR (`ingest/ocr.py`) unless OCR is turned off; their text then takes the page's place, so the
same clean-up and page numbering apply to both.
"""

from __future__ import annotations

import io
from pathlib import Path

from vendorcheck import errors
from vendorcheck.i18n import Message, message
from vendorcheck.ingest.assemble import assemble
from vendorcheck.ingest.cleanup import clean_extracted
from vendorcheck.ingest.controls import strip_controls
from vendorcheck.ingest.layout import tidy_pages
from vendorcheck.ingest.ocr import Reading, recognise_pages
from vendorcheck.ingest.options import IngestOptions
from vendorcheck.ingest.recognised import merge_readings, write_searchable_pdf
from vendorcheck.limits import MAX_PAGE_PARSE_BYTES
from vendorcheck.memory import give_back, heap_in_use
from vendorcheck.models import Document

MIN_SCAN_DPI, MAX_SCAN_DPI = 150, 400  # below, text is too small for Tesseract; above, only slower


def load_pdf(path: Path, data: bytes, options: IngestOptions) -> Document:
    read = _pages_pdfium if options.pdf_engine == "pdfium" else _pages_pdfplumber
    raw = read(path, data, options)
    if not raw:
        raise errors.CorruptPdf(path, detail=message("ingest.errors.no_page"))
    pages = [strip_controls(clean_extracted(page)) for page in raw]
    visible = [len("".join(page.split())) for page in pages]
    textless = [number for number, chars in enumerate(visible, start=1) if chars < options.min_text_chars_per_page]
    if options.ocr == "never" and sum(visible) < options.min_text_chars_per_page * len(pages):
        raise errors.ScannedPdf(path)
    wanted = {"never": [], "auto": textless, "always": list(range(1, len(pages) + 1))}[options.ocr]
    readings = _recognise(path, data, wanted, options)
    recognised = merge_readings(path, pages, readings)
    if options.ocr_output is not None:
        write_searchable_pdf(options.ocr_output, len(pages), readings, source_pdf=data)
    blank = [number for number in textless if not (readings.get(number) and readings[number].words)]
    warnings = [_blank_pages_warning(blank, recognised=bool(readings))] if blank else []
    return assemble(
        path,
        data,
        "pdf",
        tidy_pages(pages),
        unit="page",
        separator="",
        page_count=len(pages),
        warnings=warnings,
        recognised=recognised,
    )


def _recognise(path: Path, data: bytes, numbers: list[int], options: IngestOptions) -> dict[int, Reading]:
    """OCR of the given pages (1-based), each rendered by PDFium at `ocr_dpi` as it is needed."""
    if not numbers:
        return {}
    if len(numbers) > options.max_ocr_pages:
        raise errors.ImageTooLarge(
            path,
            detail=message("ingest.errors.pages_to_read", count=len(numbers)),
            limit=message("ingest.errors.pages", count=options.max_ocr_pages),
        )
    import pypdfium2 as pdfium

    settings = options.ocr_settings()
    pdf = pdfium.PdfDocument(data)

    def render(number: int):  # noqa: ANN202 - a PIL image
        page = pdf[number - 1]
        width, height = page.get_size()
        # A page drawn 5 m wide must not become a 3-gigapixel bitmap: the longest side is bounded.
        scale = min(_scan_dpi(page) or options.ocr_dpi, MAX_SCAN_DPI) / 72
        scale = min(scale, settings.max_side / max(width, height, 1))
        image = page.render(scale=scale, grayscale=True).to_pil()
        page.close()
        return image

    try:
        return recognise_pages(path, ((n, lambda n=n: render(n)) for n in numbers), len(numbers), settings)
    finally:
        pdf.close()


def _scan_dpi(page) -> float | None:  # noqa: ANN001 - a pypdfium2 page
    """The resolution of the scan that fills the page, if the page is one: rendering it at its own
    resolution reads better than resampling it (on the PACS scan at 200 dpi, 24/24 statuses kept
    against 23/24 when rendered at 300 dpi, and 25 % faster)."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    best = None
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = image.get_bounds()
        if (right - left) * (top - bottom) >= 0.5 * width * height:
            pixels_wide = image.get_px_size()[0]
            best = max(best or 0, pixels_wide * 72 / max(right - left, 1))
    return max(best, MIN_SCAN_DPI) if best else None


def _blank_pages_warning(pages: list[int], *, recognised: bool) -> Message:
    """A partly scanned contract (a typed cover page, scanned annexes) is reviewed, but says so."""
    shown = ", ".join(map(str, pages[:10])) + (" …" if len(pages) > 10 else "")
    key = "ingest.blank_pages.recognised" if recognised else "ingest.blank_pages.not_read"
    return message(key, count=len(pages), pages=shown)


def _pages_pdfium(path: Path, data: bytes, options: IngestOptions) -> list[str]:
    """The text layer of every page, each page checked before its text is read (see `_parse_page`)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise errors.EncryptedPdf(path) from exc
        raise errors.CorruptPdf(path, detail=_pdfium_reason(exc)) from exc
    pages: list[str] = []
    characters = 0
    try:
        for index in range(len(pdf)):
            page = _parse_page(path, pdf, index)
            textpage = page.get_textpage()
            try:
                _check_page(path, index + 1, textpage.count_chars(), options)
                pages.append(textpage.get_text_bounded())
            finally:
                textpage.close()
                page.close()
            characters += len(pages[-1])
            options.check_length(path, characters)  # stop at the page that crosses the bound
    except pdfium.PdfiumError as exc:
        raise errors.CorruptPdf(path, detail=_pdfium_reason(exc)) from exc
    finally:
        pdf.close()
    return pages


def _parse_page(path: Path, pdf, index: int):  # noqa: ANN001, ANN202 - pypdfium2 document and page
    """Page `index`, refused if parsing it took more than MAX_PAGE_PARSE_BYTES.

    PDFium tells a page's number of characters only once it has built the page's text layer, which costs
    about 90 bytes a character on top of the 12 of parsing: a 40 kB file showing 20 million characters on
    one page took 3 GB. What parsing allocated is measured instead (C heap, see vendorcheck.memory), so
    the text layer is built only for a page that cannot cost more than a few hundred megabytes.
    """
    before = heap_in_use()
    page = pdf[index]
    grown = (heap_in_use() or 0) - before if before is not None else 0
    if grown > MAX_PAGE_PARSE_BYTES:
        page.close()
        give_back()
        raise errors.PageTooDense(path, wording="page_content", page=index + 1, limit=MAX_PAGE_PARSE_BYTES // 1048576)
    return page


def _check_page(path: Path, number: int, characters: int, options: IngestOptions) -> None:
    if characters > options.max_page_chars:
        raise errors.PageTooDense(path, page=number, count=characters, limit=options.max_page_chars)


_PDFIUM_REASONS = {2: "file", 3: "format", 5: "security", 6: "page"}  # FPDF_ERR_* codes


def _pdfium_reason(exc: Exception) -> Message:
    """PDFium's error code in words (its own message is English and names PDFium)."""
    return message(f"ingest.errors.pdfium.{_PDFIUM_REASONS.get(getattr(exc, 'err_code', None), 'unknown')}")


def _pages_pdfplumber(path: Path, data: bytes, options: IngestOptions) -> list[str]:
    """The text of every page by pdfplumber; bounds are checked on each page once read (pdfplumber has
    no cheaper measure: `pdf_engine="pdfplumber"` is for trusted files whose layout needs it)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = []
            characters = 0
            for number, page in enumerate(pdf.pages, start=1):
                pages.append(page.extract_text() or "")
                page.close()  # frees the page's cached objects: memory stays flat on long contracts
                _check_page(path, number, len(pages[-1]), options)
                characters += len(pages[-1])
                options.check_length(path, characters)
            return pages
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise errors.EncryptedPdf(path) from exc
        raise errors.CorruptPdf(path, detail=type(cause).__name__) from exc
    except (PDFSyntaxError, PSException) as exc:
        raise errors.CorruptPdf(path, detail=type(exc).__name__) from exc
