"""The golden cases: which stored review is rendered how, and how each output is read for comparison.

The inputs are reviews saved as JSON (`reviews/`), so that these tests judge the renderers alone: a
change of detection changes no golden file until the reviews are regenerated on purpose.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

from tests.conftest import ROOT
from vendorcheck.review import Review

GOLDEN = Path(__file__).resolve().parent
REVIEWS = GOLDEN / "reviews"
OUTPUTS = GOLDEN / "outputs"
SAMPLES = ROOT / "samples"
# The reviews rendered, and the sample each is made from (contract, language, declaration or None).
SOURCES = {
    "saas-fr": ("contracts/saas-agenda-cgu-faibles.md", "fr", None),
    "dpa-en": ("contracts/dpa-cloud-backup-en.md", "en", None),
    "pacs-declaration-fr": (
        "contracts/pacs-radiologie-hebergement.md",
        "fr",
        "declarations/armor-imagerie-contradictoire.xlsx",
    ),
}
REPORTS = {"text": "txt", "md": "md", "html": "html", "json": "json"}
ADDENDA = {"md": "md", "html": "html", "docx": "docx.txt"}
ADDENDUM_REVIEWS = ("saas-fr", "dpa-en")
# Fixed in every stored review: nothing in a golden file depends on the day it was made.
CREATED_AT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def load_review(name: str) -> Review:
    return Review.model_validate_json((REVIEWS / f"{name}.json").read_text(encoding="utf-8"))


def cases() -> list[tuple[str, str, Path]]:
    """(review, format, golden file) for every output compared."""
    out = [(name, fmt, OUTPUTS / f"{name}.report.{suffix}") for name in SOURCES for fmt, suffix in REPORTS.items()]
    out += [
        (name, fmt, OUTPUTS / f"{name}.addendum.{suffix}")
        for name in ADDENDUM_REVIEWS
        for fmt, suffix in ADDENDA.items()
    ]
    return out


def render(name: str, fmt: str, golden: Path) -> str:
    """The output compared with `golden`: a report or an addendum rendered from the stored review."""
    review = load_review(name)
    if ".addendum." in golden.name:
        from vendorcheck.addendum import draft, write

        content = write(draft(review, lang=review.lang), fmt)
        return docx_text(content) if fmt == "docx" else content.decode("utf-8")
    from vendorcheck.render import render as render_report

    out = io.StringIO()
    render_report(review, fmt, out)
    return out.getvalue()


def docx_text(content: bytes) -> str:
    """A Word document as text: each paragraph with its style, table rows, footer and properties. The
    creation and modification times, the only volatile parts, are left out."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(content))
    lines = []
    for block in document.element.body:
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(block, document)
            lines.append(f"[{paragraph.style.name}] {paragraph.text}")
        elif tag == "tbl":
            lines += ["| " + " | ".join(cell.text for cell in row.cells) + " |" for row in Table(block, document).rows]
    lines += [f"(footer) {p.text}" for section in document.sections for p in section.footer.paragraphs]
    properties = document.core_properties
    lines.append(f"(title: {properties.title}; subject: {properties.subject}; language: {properties.language})")
    return "\n".join(lines) + "\n"


def normalise(text: str) -> str:
    """Paths of the machine the reviews were made on never reach an output; the rest is compared as is."""
    return re.sub(r"[ \t]+\n", "\n", text)
