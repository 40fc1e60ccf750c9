"""Character-level clean-up: ligatures, PDFium's hyphen marker, line-end hyphens, one-for-one folding."""

from __future__ import annotations

import pytest

from vendorcheck.ingest.cleanup import clean_extracted, join_hyphenated_lines, vocabulary
from vendorcheck.text import fold_typography


def test_ligatures_soft_hyphens_bom_and_line_ends():
    raw = "\ufeffLa con\ufb01dentialit\u00e9 et l\u2019e\ufb03cacit\u00e9 du sous-trai\u00adtant\r\nsont garanties\r"
    assert clean_extracted(raw) == "La confidentialité et l’efficacité du sous-traitant\nsont garanties\n"


def test_pdfium_hyphen_marker_becomes_a_line_end_hyphen():
    assert clean_extracted("héber\x02gement") == "héber-\ngement"


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("l’héber-\ngement des données", set(), "l’hébergement des données"),
        ("le sous-\ntraitant ultérieur", set(), "le sous-traitant ultérieur"),  # head that always takes a hyphen
        ("ci-\naprès dénommé", set(), "ci-après dénommé"),
        ("the sub-\nprocessor", {"sub-processor"}, "the sub-processor"),
        ("the sub-\nprocessor", {"subprocessor"}, "the subprocessor"),  # the document's own spelling wins
        ("une auto-\nrisation écrite", {"autorisation"}, "une autorisation écrite"),
        ("la région Île-de-\nFrance", set(), "la région Île-de-France"),  # capital after: compound, kept
        ("période 2024-\n2025", set(), "période 2024-\n2025"),  # digits are not words: left alone
        ("Article 5 -\nObjet", set(), "Article 5 -\nObjet"),  # a spaced dash is punctuation, not a split word
    ],
)
def test_line_end_hyphens(text, known, expected):
    assert join_hyphenated_lines(text, known) == expected


def test_vocabulary_keeps_compounds_whole():
    assert {"sous-traitant", "données"} <= vocabulary(["Le Sous-traitant traite des données."])


def test_analysis_view_folds_typography_one_for_one():
    text = "« l’Hébergeur » notifie\u00a0: 24\u202fheures – “sans délai”\tici"
    view = fold_typography(text)
    assert view == '" l\'Hébergeur " notifie : 24 heures - "sans délai" ici'
    assert len(view) == len(text)
