"""Control characters are dropped as a file is read, line breaks written as controls become line breaks,
and every location stays exact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.hostile import CONTROLLED_CLAUSE, CONTROLS, pdf, text_page
from vendorcheck.ingest import load
from vendorcheck.ingest.controls import strip_controls

LEFT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def test_each_control_character_is_dropped_or_becomes_a_line_break() -> None:
    assert strip_controls(f"a{CONTROLS}b") == "a\n\n\nb"  # vertical tab, form feed and NEL break the line
    assert strip_controls("Article 5\tDurée\r\n") == "Article 5\tDurée\r\n"  # tab, LF and CR are text
    assert strip_controls("données\ud800") == "données"  # a lone surrogate cannot even be written out


def test_text_file_loses_its_controls_and_keeps_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "contrat.md"
    path.write_text(f"# Contrat\n\n{CONTROLLED_CLAUSE}\n\nArticle 2 – Durée\n", encoding="utf-8")
    document = load(path)
    assert not LEFT.search(document.text)
    assert "Le prestataire traite les données uniquement\nsur instruction\ndocumentée du client." in document.text
    assert document.line(document.text.index("Article 2")) == 7  # two line breaks gained, as the file shows


def test_pdf_text_layer_loses_its_controls_and_keeps_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "contrat.pdf"
    pages = [
        ["Article 1 - Objet", "Le prestataire\x01 traite les donn\x1bees du client."],
        ["Article 2 - Duree", "Le contrat\x0bprend effet\x7f a la signature."],
    ]
    path.write_bytes(pdf([text_page(lines) for lines in pages]))
    document = load(path)
    assert not LEFT.search(document.text)
    assert "Le prestataire traite les donnees du client." in document.text
    assert document.location(document.text.index("prend effet")) == 2


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_text_of_nothing_but_controls_is_empty(tmp_path: Path, suffix: str) -> None:
    from vendorcheck.errors import EmptyFile

    path = tmp_path / f"vide{suffix}"
    path.write_text("\x01\x1b\x7f\ufffe\x9f", encoding="utf-8")
    with pytest.raises(EmptyFile):
        load(path)
