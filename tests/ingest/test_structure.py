"""Sections from numbering and headings; language per document."""

from __future__ import annotations

import pytest

from vendorcheck.ingest import load
from vendorcheck.structure import detect_language, is_heading, split_sections

from .conftest import ROOT, SAMPLES


def numbers(text: str) -> list[tuple[str | None, int]]:
    return [(s.number, s.level) for s in split_sections(text)]


def test_french_articles_clauses_and_annexes():
    text = "\n".join(
        [
            "Article 5 – Sous-traitance",
            "5.1 Le Prestataire ne recourt à aucun tiers.",
            "5.2 Toute exception est écrite.",
            "ARTICLE 6 : DURÉE",
            "Le contrat dure un an.",
            "Annexe 2 – Liste des sous-traitants",
            "Article premier – Définitions",
        ]
    )
    assert numbers(text) == [
        ("Article 5", 1),
        ("5.1", 2),
        ("5.2", 2),
        ("Article 6", 1),
        ("Annexe 2", 1),
        ("Article premier", 1),
    ]


def test_english_clauses_and_markdown_headings():
    text = "\n".join(
        [
            "# Data Processing Addendum",
            "## Clause 7 - Obligations",
            "Clause 7.7. Use of sub-processors",
            "### Security",
            "Text.",
            "## 8. Assistance",
            "Appendix A: Technical measures",
        ]
    )
    assert numbers(text) == [(None, 1), ("Clause 7", 1), ("Clause 7.7", 2), (None, 3), ("8", 1), ("Appendix A", 1)]


def test_section_spans_its_sub_clauses_until_the_next_article():
    text = "Article 5 – Objet\n5.1 Un.\n5.2 Deux.\nArticle 6 – Durée\nTrois."
    article5 = split_sections(text)[0]
    assert text[article5.start : article5.end] == "Article 5 – Objet\n5.1 Un.\n5.2 Deux.\n"


@pytest.mark.parametrize(
    "line",
    [
        "article 21 restant due.",  # a wrapped PDF line that starts with a cited article
        "Section 5 shall apply to any transfer.",
        "24 heures après en avoir pris connaissance.",
        "2 heures à chaque demande",
        "Article 12 de la loi du 6 janvier 1978, qui s’applique au traitement, prévoit que le responsable doit "
        "informer les personnes concernées de leurs droits avant toute collecte de leurs données personnelles.",
    ],
)
def test_lines_that_are_not_headings(line):
    assert not is_heading(line)


@pytest.mark.parametrize(
    ("path", "language"),
    [
        (SAMPLES / "pacs-radiologie-hebergement.md", "fr"),
        (SAMPLES / "saas-agenda-cgu-faibles.md", "fr"),
        (SAMPLES / "dpa-cloud-backup-en.md", "en"),
        (SAMPLES / "pacs-radiologie-hebergement.docx", "fr"),
    ],
)
def test_language_of_the_samples(path, language):
    assert load(path).language == language


def test_language_of_the_labelled_corpus():
    """The corpus labels give each document's language: detection must agree on every one."""
    import json

    corpus = ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not beside the project")
    for label in sorted((corpus / "labels").glob("*.json")):
        expected = json.loads(label.read_text(encoding="utf-8"))["language"]
        text = (corpus / "texts" / f"{label.stem}.md").read_text(encoding="utf-8")
        assert detect_language(text) == expected, label.stem


def test_short_mixed_text_defaults_to_french():
    assert detect_language("Contrat SaaS – DPA") == "fr"
