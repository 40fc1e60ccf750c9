"""Plain text and Markdown: encodings, format sniffing, line locations."""

from __future__ import annotations

import pytest

from vendorcheck import errors
from vendorcheck.ingest import IngestOptions, load, load_bytes

CLAUSE = "Le Prestataire notifie au Cabinet toute violation de données dans un délai de 24 heures."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_encodings_french_offices_produce(tmp_path, encoding):
    path = tmp_path / "contrat.txt"
    path.write_bytes(CLAUSE.encode(encoding))
    document = load(path)
    assert document.text == CLAUSE
    assert document.format == "text"


def test_markdown_keeps_its_markup_and_gets_sections(tmp_path):
    path = tmp_path / "dpa.md"
    path.write_text("# DPA\n\n## Article 9 – Violations\n\n" + CLAUSE + "\n", encoding="utf-8")
    document = load(path)
    assert document.format == "markdown"
    assert document.text.startswith("# DPA\n")
    assert [s.number for s in document.sections] == [None, "Article 9"]


def test_text_has_lines_not_pages(tmp_path):
    path = tmp_path / "contrat.txt"
    path.write_text("Article 1 – Objet\n" + CLAUSE, encoding="utf-8")
    document = load(path)
    offset = document.text.index("Le Prestataire")
    assert document.location(offset) is None
    assert document.line(offset) == 2


def test_text_saved_from_a_pdf_is_kept_as_written_and_read_with_its_hyphens_rejoined(tmp_path):
    from vendorcheck.engine.clauses import reading_view

    written = "Le Prestataire assure l’héber-\ngement et la sauvegarde des don\u00adnées.\u200b"
    path = tmp_path / "contrat.txt"
    path.write_text(written, encoding="utf-8")
    document = load(path)
    assert document.text == written  # evidence offsets and lines are the file's own
    view = reading_view(document.text)
    assert len(view) == len(written)
    assert "l'hébergement" in view and "données" in view


def test_upload_bytes_are_sniffed_by_content(tmp_path):
    """A PDF uploaded under a wrong name is still read as a PDF, never as text."""
    with pytest.raises(errors.CorruptPdf):
        load_bytes(tmp_path / "contrat.txt", b"%PDF-1.7\nnot really a pdf", IngestOptions())


def test_size_limit_is_an_option(tmp_path):
    path = tmp_path / "contrat.txt"
    with path.open("wb") as sparse:  # 3.5 MB on paper, nothing on disk
        sparse.truncate(3_670_016)
    with pytest.raises(errors.TooLarge) as caught:
        load(path, {"max_bytes": 1_048_576})
    assert "(3.5 Mo, limite 1 Mo)" in str(caught.value)


def test_unknown_option_is_refused():
    with pytest.raises(ValueError):
        IngestOptions.resolve({"max_byte": 1})
