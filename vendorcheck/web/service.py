"""What the pages ask of the library: review an upload, build the addendum, render the report."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from vendorcheck.errors import DeclarationError
from vendorcheck.review import Review
from vendorcheck.text import ascii_slug
from vendorcheck.web.settings import WebSettings
from vendorcheck.web.uploads import ReviewForm

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def review_upload(form: ReviewForm, settings: WebSettings) -> Review:
    """Review the uploaded contract, cross-checked with the vendor's declaration when one was sent.

    The contract's type is sniffed from its bytes; the client's file names only label the messages.
    """
    from vendorcheck.api import review
    from vendorcheck.ingest import IngestOptions, load_bytes
    from vendorcheck.rulebook import load_rules

    options = IngestOptions(max_bytes=settings.max_upload_bytes)
    document = load_bytes(Path(form.contract.label), form.contract.path.read_bytes(), options)
    declaration = form.declaration
    try:
        return review(
            document,
            health_data=form.health_data,
            lang=form.lang,
            rules=load_rules(settings.rules_dir),
            declaration=declaration.path if declaration else None,
        )
    except DeclarationError as exc:
        # The reader names the file it was given, our private copy: name the doctor's file instead.
        raise DeclarationError(declaration.label if declaration else None, form.lang, **exc.details) from None


def declaration_template() -> bytes:
    """The questionnaire a practice sends its suppliers (XLSX), made in a private folder then deleted."""
    from vendorcheck.declarations import write_template

    with tempfile.TemporaryDirectory(prefix="vendorcheck-template-") as folder:
        return write_template(Path(folder) / "declaration.xlsx", "xlsx").read_bytes()


def addendum_docx(review: Review) -> bytes:
    from vendorcheck.addendum import build_addendum

    return build_addendum(review, lang=review.lang, fmt="docx")


def redline_docx(review: Review, docx: bytes, settings: WebSettings) -> bytes:
    """The uploaded Word contract annotated with the review's fixes, comments in the page's language."""
    from vendorcheck.addendum.redline import redline_docx as annotate
    from vendorcheck.rulebook import load_rules

    return annotate(
        docx,
        name=review.document.name,
        lang=review.lang,
        health_data=review.health_data,
        rules=load_rules(settings.rules_dir),
    ).content


def report_html(review: Review) -> str:
    from vendorcheck.render.html import render

    out = io.StringIO()
    render(review, out)
    return out.getvalue()


def download_name(review: Review, prefix: str, suffix: str) -> str:
    """'avenant-contrat-hebergeur.docx': ASCII only, so it is safe in a Content-Disposition header."""
    slug = ascii_slug(Path(review.document.name).stem)
    return f"{prefix}-{slug or 'contrat'}{suffix}"
