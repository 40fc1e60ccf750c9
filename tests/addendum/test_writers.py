"""DOCX, Markdown and HTML layouts of the same addendum."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.addendum.conftest import synthetic_review
from vendorcheck.addendum import Addendum, build_addendum, draft, write
from vendorcheck.errors import OptionError
from vendorcheck.ingest import load
from vendorcheck.models import Evidence, Status

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
QUOTE = "Le Prestataire peut recourir librement à tout sous-traitant."


@pytest.fixture(scope="module")
def addendum() -> Addendum:
    review = synthetic_review(
        {
            "GDPR-28-2": Status.non_compliant,
            "GDPR-33-2": Status.missing,
            "CSP-R1111-11-3": Status.partial,
            "GDPR-28-3-c": Status.missing,
        },
        evidence={"GDPR-28-2": [Evidence(quote=QUOTE, start=0, end=len(QUOTE), page=2, section="Article 4")]},
    )
    return draft(review, parties={"processor": {"name": "Santé <Cloud> & Cie"}})


def test_docx_uses_real_styles_and_article_numbering(addendum: Addendum) -> None:
    import docx

    document = docx.Document(io.BytesIO(write(addendum, "docx")))
    styles = [p.style.name for p in document.paragraphs]
    assert styles[:2] == ["Title", "Subtitle"]
    assert {"Heading 1", "List Bullet", "Quote", "Legal Basis", "Normal"} <= set(styles)
    numbered = [
        p
        for p in document.paragraphs
        if p._p.pPr is not None and p._p.pPr.numPr is not None and p.style.name == "Heading 1"
    ]
    assert [p.text for p in numbered] == [a.title for a in addendum.articles]
    assert len({p._p.pPr.numPr.numId.val for p in numbered}) == 1  # one list: Word renumbers on edits
    numbering = document.part.numbering_part.element
    assert any(lvl.get(f"{W}val") == "Article %1 –" for lvl in numbering.iter(f"{W}lvlText"))
    bookmarks = [b.get(f"{W}name") for b in document.element.body.iter(f"{W}bookmarkStart")]
    assert bookmarks == ["vc_GDPR_28_3_c", "vc_GDPR_28_2", "vc_GDPR_33_2", "vc_CSP_R1111_11_3"]
    highlighted = [r.text for p in document.paragraphs for r in p.runs if r.font.highlight_color]
    assert "[Nom du cabinet]" in highlighted
    assert any(QUOTE in p.text and p.style.name == "Quote" for p in document.paragraphs)
    assert len(document.tables) == 4  # signatures and the three annexes
    assert document.core_properties.language == "fr-FR"


def test_docx_reads_back_with_its_article_numbers(addendum: Addendum, tmp_path: Path) -> None:
    path = tmp_path / "avenant.docx"
    path.write_bytes(write(addendum, "docx"))
    document = load(path)
    for article in addendum.articles:
        assert f"Article {article.number} – {article.title}" in document.text
    assert [s.number for s in document.sections if s.number and s.number.startswith("Article")][:3] == [
        "Article 1",
        "Article 2",
        "Article 3",
    ]
    assert "Santé <Cloud> & Cie" in document.text


def test_markdown_layout(addendum: Addendum) -> None:
    text = write(addendum, "md").decode("utf-8")
    assert text.startswith("# Avenant n° [n°] au [intitulé du contrat]\n")
    headings = [line for line in text.splitlines() if line.startswith("## Article")]
    assert headings == [f"## Article {a.number} – {a.title}" for a in addendum.articles]
    assert "*Fondement : RGPD, art. 28(2) et 28(3)(d)*" in text
    assert "## Annexe 3 – Sous-traitants ultérieurs autorisés" in text


def test_html_is_escaped_and_marks_fields(addendum: Addendum) -> None:
    html = write(addendum, "html").decode("utf-8")
    assert "Santé &lt;Cloud&gt; &amp; Cie" in html and "<Cloud>" not in html
    assert html.count('class="article" data-requirement=') == len(addendum.clauses)
    assert "<mark>[Nom du cabinet]</mark>" in html
    assert html.count("<section") == len(addendum.articles) + len(addendum.annexes)
    assert "<link" not in html and "<script" not in html  # self-contained, nothing fetched


def test_same_text_in_every_format(addendum: Addendum) -> None:
    markdown = write(addendum, "md").decode("utf-8")
    html = write(addendum, "html").decode("utf-8")
    for article in addendum.clauses:
        first_words = article.body.split("\n")[0][:60]
        assert first_words in markdown
        assert first_words.replace("'", "&#x27;") in html


def test_unknown_format_is_refused() -> None:
    with pytest.raises(OptionError, match="pdf"):
        build_addendum(synthetic_review(), fmt="pdf")
    with pytest.raises(OptionError, match="de"):
        build_addendum(synthetic_review(), lang="de")  # type: ignore[arg-type]
