"""PDF text layer, one pass per page, with page numbers kept.

Two engines produce the same list of page texts, then share one clean-up (`layout.tidy_pages`).
`pdfium` (PDFium through pypdfium2) is the default: on the benchmark it extracts a 30-page contract
many times faster than pdfplumber's `extract_text` (figures in docs/ingestion.md), which is what keeps
a whole review cheaper than a bare pdfplumber text dump. `pdfplumber` stays available for layouts
where its layout-aware reading order is preferable.
"""

from __future__ import annotations

import io
from pathlib import Path

from vendorcheck import errors
from vendorcheck.ingest.assemble import assemble
from vendorcheck.ingest.cleanup import clean_extracted
from vendorcheck.ingest.layout import tidy_pages
from vendorcheck.ingest.options import IngestOptions
from vendorcheck.models import Document


def load_pdf(path: Path, data: bytes, options: IngestOptions) -> Document:
    raw = _pages_pdfium(path, data) if options.pdf_engine == "pdfium" else _pages_pdfplumber(path, data)
    if not raw:
        raise errors.CorruptPdf(path, detail="aucune page")
    pages = [clean_extracted(page) for page in raw]
    visible = [len("".join(page.split())) for page in pages]
    if sum(visible) < options.min_text_chars_per_page * len(pages):
        raise errors.ScannedPdf(path)
    blank = [number for number, chars in enumerate(visible, start=1) if chars < options.min_text_chars_per_page]
    warnings = [_blank_pages_warning(blank)] if blank else []
    return assemble(path, data, "pdf", tidy_pages(pages), unit="page", separator="",
                    page_count=len(pages), warnings=warnings)


def _blank_pages_warning(pages: list[int]) -> str:
    """A partly scanned contract (a typed cover page, scanned annexes) is reviewed, but says so."""
    shown = ", ".join(map(str, pages[:10])) + (" …" if len(pages) > 10 else "")
    return (f"{len(pages)} page(s) sans couche texte ({shown}) : probablement scannées, leur contenu n'a pas "
            "été analysé ; faites-les passer par un logiciel d'OCR.")


def _pages_pdfium(path: Path, data: bytes) -> list[str]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise errors.EncryptedPdf(path) from exc
        raise errors.CorruptPdf(path, detail=_pdfium_reason(exc)) from exc
    pages = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise errors.CorruptPdf(path, detail=_pdfium_reason(exc)) from exc
    finally:
        pdf.close()
    return pages


_PDFIUM_REASONS = {2: "fichier illisible", 3: "structure PDF invalide", 5: "protection non prise en charge",
                   6: "page illisible"}


def _pdfium_reason(exc: Exception) -> str:
    """PDFium's error code in words (its own message is English and names PDFium)."""
    return _PDFIUM_REASONS.get(getattr(exc, "err_code", None), "erreur de lecture")


def _pages_pdfplumber(path: Path, data: bytes) -> list[str]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = []
            for page in pdf.pages:
                pages.append(page.extract_text() or "")
                page.close()  # frees the page's cached objects: memory stays flat on long contracts
            return pages
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise errors.EncryptedPdf(path) from exc
        raise errors.CorruptPdf(path, detail=type(cause).__name__) from exc
    except (PDFSyntaxError, PSException) as exc:
        raise errors.CorruptPdf(path, detail=type(exc).__name__) from exc
