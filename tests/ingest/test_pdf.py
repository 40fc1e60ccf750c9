"""PDF ingestion: page numbers, running lines, hyphenation and unwrapping, with both text engines."""

from __future__ import annotations

import re

import pytest

from vendorcheck import errors
from vendorcheck.ingest import load
from vendorcheck.text import fold_typography

from .conftest import SAMPLES

SAMPLE_PDF = SAMPLES / "pacs-radiologie-hebergement.pdf"
ENGINES = ["pdfium", "pdfplumber"]


@pytest.fixture(scope="module")
def renderings():
    """The sample read once per engine (pdfplumber needs seconds for ten pages)."""
    return {engine: load(SAMPLE_PDF, {"pdf_engine": engine}) for engine in ENGINES}


@pytest.fixture(params=ENGINES)
def sample(request, renderings):
    return renderings[request.param]


def page_of(document, phrase: str) -> int:
    offset = document.text.index(phrase)
    return document.location(offset)


@pytest.mark.parametrize(
    ("phrase", "page"),
    [
        ("Entre les soussignés", 1),
        ("3.7 Obligations et droits du Cabinet", 2),
        ("15.3 Le Cabinet désigne comme référent", 6),
        ("16.3 Des pénalités s’appliquent", 7),
        ("Fait à Rennes, le 12 février 2026", 9),
        ("Annexe 2 – Liste des Sous-traitants ultérieurs autorisés", 10),
        ("rssi@armor-imagerie.fr", 10),
    ],
)
def test_phrase_maps_to_its_page(sample, phrase, page):
    assert page_of(sample, phrase) == page


def test_every_page_starts_where_its_text_starts(sample):
    assert sample.page_count == 10
    assert len(sample.unit_starts) == 10
    assert sample.unit_starts[0] == 0
    assert sample.location(len(sample.text) - 1) == 10


def test_running_header_footer_and_page_numbers_are_dropped(sample):
    assert "Page 3 / 10" not in sample.text
    assert "Confidentiel – paraphe" not in sample.text
    assert "Contrat d’hébergement PACS n° AIC-2026-0158" not in sample.text
    # The contract number itself, in the body on page 1, stays.
    assert sample.text.count("AIC-2026-0158") == 1


def test_hyphenated_line_breaks_are_rejoined(sample):
    for word in ("accidentelle", "radiologues", "chiffrement", "investigations", "complémentaires"):
        assert word in sample.text
    assert "\x02" not in sample.text
    assert not re.search(r"[a-zé]-\n[a-zé]", sample.text)


def test_compound_hyphen_at_a_line_end_is_kept(sample):
    # "Sous-" ends a line on page 4; "Soustraitants" would break every sub-processor cue.
    assert "de ses Sous-traitants ultérieurs" in sample.text
    assert "oustrait" not in sample.text


def test_word_split_across_pages_is_whole_on_the_first_page(sample):
    offset = sample.text.index("organisationnelles appropriées, de sorte que")
    assert sample.location(offset) == 5
    assert sample.location(offset + len("organisationnelles")) == 5
    assert sample.location(sample.text.index("appropriées, de sorte que")) == 6


def test_sentence_running_over_a_page_break_stays_one_line(sample):
    phrase = "formation annuelle à la protection des données de santé."
    offset = sample.text.index(phrase)
    assert sample.location(offset) == 4
    assert sample.location(offset + len(phrase) - 1) == 5


def test_wrapped_lines_are_unwrapped_but_items_and_headings_keep_their_line(sample):
    assert (
        "\n5.2 L’Hébergeur s’engage sur les résultats suivants, qui constituent des obligations du Service :\n"
        in sample.text
    )
    assert (
        "\nb) intégrité : chaque objet DICOM reçu fait l’objet d’un contrôle d’intégrité par empreinte"
        in fold_typography(sample.text).replace("'", "’")
    )
    assert "\nArticle 6 – Lieux d’hébergement et transferts\n" in sample.text
    # Unwrapping swaps "\n" for " ": no line of the body is left cut at the page width mid-sentence.
    assert "délai maximal de 24 heures après en avoir pris connaissance" in sample.text


def test_curly_quotes_kept_verbatim_and_folded_one_for_one(sample):
    assert "l’Hébergeur" in sample.text
    view = fold_typography(sample.text)
    assert len(view) == len(sample.text)
    assert "l'Hébergeur" in view and "’" not in view and "«" not in view


def test_sections_follow_the_numbering(sample):
    numbers = [s.number for s in sample.sections]
    assert numbers[:3] == ["Article 1", "Article 2", "2.1"]
    assert "Annexe 2" in numbers and "16.3" in numbers
    article = next(s for s in sample.sections if s.number == "Article 16")
    assert sample.text[article.start :].startswith("Article 16 – Niveaux de service")
    assert "16.3 Des pénalités" in sample.text[article.start : article.end]
    assert "Article 17" not in sample.text[article.start : article.end]


def test_language_is_french(sample):
    assert sample.language == "fr"


def test_ligature_glyphs_become_letters(make_pdf):
    path = make_pdf([["Le certi\ufb01cat de conformité est valable trois ans a\ufb01n de garantir la con\ufb01ance."]])
    document = load(path)
    assert "certificat de conformité" in document.text and "afin" in document.text
    assert "\ufb01" not in document.text


def test_two_page_document_drops_repeated_header_and_page_numbers(make_pdf):
    body = ["Article 1 – Objet", "Le présent contrat organise l’hébergement des données du Cabinet."]
    path = make_pdf(
        [body, ["Article 2 – Durée", "Le contrat est conclu pour trois ans."]],
        header="Contrat d’hébergement – version 3",
        footer="{n}",
    )
    document = load(path)
    assert "version 3" not in document.text
    assert not re.search(r"^\d$", document.text, re.MULTILINE)
    assert document.location(document.text.index("Article 2")) == 2


def test_bare_number_that_is_not_the_page_number_is_kept(make_pdf):
    path = make_pdf([["Annexe 1 – Niveaux de service", "Disponibilité garantie en pourcentage :", "99"]])
    assert "\n99" in load(path).text


def test_page_without_text_gives_a_warning(make_pdf):
    text_page = ["Article 1 – Objet du contrat", "Le Prestataire héberge les données de santé du Cabinet."] * 4
    document = load(make_pdf([text_page, [], text_page]))
    assert document.page_count == 3
    assert document.warnings and "(2)" in document.warnings[0].text("fr")


def test_blank_document_is_refused_as_scanned_when_ocr_is_off(make_pdf):
    with pytest.raises(errors.ScannedPdf):
        load(make_pdf([[], ["3"]]), {"ocr": "never"})


def test_both_engines_read_the_same_words_outside_tables(renderings):
    """Reading order differs inside tables (pdfplumber interleaves the lines of neighbouring cells, so
    a cell's hyphenated word meets the next cell's text); elsewhere both engines give the same words."""
    pdfium, plumber = renderings["pdfium"], renderings["pdfplumber"]
    words = re.compile(r"\w+")
    for page in (1, 2, 3, 4, 5, 6, 8, 9):  # pages 7 and 10 hold the two tables
        assert sorted(words.findall(page_text(plumber, page))) == sorted(words.findall(page_text(pdfium, page)))


def page_text(document, page: int) -> str:
    starts = document.unit_starts + [len(document.text)]
    return document.text[starts[page - 1] : starts[page]]
