"""The Markdown, DOCX and PDF renderings of one contract give the same review, with exact locations.

The DOCX and PDF are made from the Markdown by scripts/render_samples.py, each the way office tools
make them (Word numbering and tables; PDF running lines, hyphenation, curly quotes), so any status
that differs comes from extraction, not from the contract.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vendorcheck.api import review_file
from vendorcheck.models import Status

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "contracts" / "pacs-radiologie-hebergement"
FORMATS = ["md", "docx", "pdf"]


@pytest.fixture(scope="module")
def reviews():
    return {fmt: review_file(SAMPLE.with_suffix(f".{fmt}")) for fmt in FORMATS}


def statuses(review) -> dict[str, Status]:
    return {f.requirement: f.status for f in review.findings}


def test_all_requirements_are_assessed(reviews):
    assert len(statuses(reviews["md"])) >= 24


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_statuses_as_the_markdown(reviews, fmt):
    expected, got = statuses(reviews["md"]), statuses(reviews[fmt])
    differing = {rid: (expected[rid].value, got.get(rid)) for rid in expected if got.get(rid) != expected[rid]}
    assert not differing, differing


def test_pdf_evidence_is_on_the_page_it_names(reviews):
    """Checked against pdfplumber's own page texts, an extractor independent of the one in use."""
    import pdfplumber

    with pdfplumber.open(SAMPLE.with_suffix(".pdf")) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    quotes = [e for f in reviews["pdf"].findings for e in f.evidence]
    assert quotes
    for evidence in quotes:
        # Words, not a string: the two extractors read a table's cells in different orders. The first
        # words only, since a quote may run over onto the next page.
        head = set(words(evidence.quote)[:8])
        assert head <= set(words(pages[evidence.page - 1])), (evidence.page, evidence.quote)


def test_docx_evidence_names_its_paragraph(reviews):
    from vendorcheck.ingest import load

    document = load(SAMPLE.with_suffix(".docx"))
    paragraphs = document.text.split("\n")
    for evidence in (e for f in reviews["docx"].findings for e in f.evidence):
        assert evidence.quote.split("\n")[0] in paragraphs[evidence.page - 1]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())
