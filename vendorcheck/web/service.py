"""What the pages ask of the library: review an upload, build the addendum, render the report."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

from vendorcheck.models import Review
from vendorcheck.web.settings import WebSettings
from vendorcheck.web.uploads import ReviewForm

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def review_upload(form: ReviewForm, settings: WebSettings) -> Review:
    """Review the uploaded contract. Its type is sniffed from its bytes; the label only names it in messages."""
    from vendorcheck.api import review
    from vendorcheck.ingest import IngestOptions, load_bytes
    from vendorcheck.rulebook import load_rules

    options = IngestOptions(max_bytes=settings.max_upload_bytes)
    document = load_bytes(Path(form.contract.label), form.contract.path.read_bytes(), options)
    return review(document, health_data=form.health_data, lang=form.lang, rules=load_rules(settings.rules_dir))


def addendum_docx(review: Review) -> bytes:
    from vendorcheck.addendum import build_addendum

    return build_addendum(review, lang=review.lang, fmt="docx")


def report_html(review: Review) -> str:
    from vendorcheck.render.html import render

    out = io.StringIO()
    render(review, out)
    return out.getvalue()


def download_name(review: Review, prefix: str, suffix: str) -> str:
    """'avenant-contrat-hebergeur.docx': ASCII only, so it is safe in a Content-Disposition header."""
    stem = Path(review.document.name).stem
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_stem).strip("-").lower()[:60]
    return f"{prefix}-{slug or 'contrat'}{suffix}"
