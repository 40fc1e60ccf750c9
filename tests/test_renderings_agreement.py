"""The same contract as Markdown, Word and PDF gets the same statuses (issue 10, Deliver 9).

Every labelled corpus text is rendered at test time as a DOCX and as a PDF (tests/markdown_render.py:
heading styles, list paragraphs, tables, text flowing in the page width under a running header and a page
footer), then the three files are reviewed. Across the corpus at least 95 % of the statuses of each
rendering must equal the Markdown's, and no document may lose more than three of its 24 requirements.
The corpus is read from ../shared/corpus where it lies; with CI=true its absence is a failure.
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import CORPUS
from tests.markdown_render import parse, render_docx, render_pdf
from vendorcheck.api import review_file

MIN_AGREEMENT = 0.95
MAX_DIFFERENCES_PER_DOCUMENT = 3


@pytest.fixture(scope="module")
def statuses(tmp_path_factory) -> dict[str, dict[str, dict[str, str]]]:
    """document -> format -> requirement -> status."""
    if not CORPUS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"corpus missing: {CORPUS}")
        pytest.skip("../shared/corpus is not beside the project")
    folder = tmp_path_factory.mktemp("renderings")
    out: dict[str, dict[str, dict[str, str]]] = {}
    for source in sorted((CORPUS / "texts").glob("*.md")):
        blocks = parse(source.read_text(encoding="utf-8"))
        docx, pdf = folder / f"{source.stem}.docx", folder / f"{source.stem}.pdf"
        render_docx(blocks, docx, source.stem[:3])
        render_pdf(blocks, pdf, source.stem[:3])
        out[source.stem] = {
            fmt: {f.requirement: f.status.value for f in review_file(path).findings}
            for fmt, path in (("md", source), ("docx", docx), ("pdf", pdf))
        }
    return out


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_each_rendering_agrees_with_the_markdown(statuses, fmt):
    same = total = 0
    worst: list[tuple[str, list[str]]] = []
    for document, by_format in statuses.items():
        differing = [req for req, status in by_format["md"].items() if by_format[fmt].get(req) != status]
        same += len(by_format["md"]) - len(differing)
        total += len(by_format["md"])
        if len(differing) > MAX_DIFFERENCES_PER_DOCUMENT:
            worst.append((document, differing))
    assert total >= 24 * 20
    assert same / total >= MIN_AGREEMENT, f"{fmt}: {same}/{total}"
    assert not worst, worst


def test_the_renderings_are_real_documents_of_the_same_contract(tmp_path):
    """The renderer keeps the words: headings, list items and table cells survive into each format."""
    from vendorcheck.ingest import load

    source = tmp_path / "contrat.md"
    source.write_text(
        "# Article 1 – Objet\n\nLe **Prestataire** héberge les données\nen France.\n\n"
        "- il notifie toute violation sous 24 heures ;\n- il restitue les données.\n\n"
        "| Donnée | Durée |\n|---|---|\n| Dossier patient | 20 ans |\n",
        encoding="utf-8",
    )
    blocks = parse(source.read_text(encoding="utf-8"))
    render_docx(blocks, tmp_path / "c.docx", "Contrat")
    render_pdf(blocks, tmp_path / "c.pdf", "Contrat")
    for path in (tmp_path / "c.docx", tmp_path / "c.pdf"):
        words = " ".join(load(path).text.split())
        for expected in (
            "Objet",
            "Le Prestataire héberge les données en France.",
            "notifie toute violation sous 24 heures",
            "Dossier patient",
            "20 ans",
        ):
            assert expected in words, (path.suffix, expected)
