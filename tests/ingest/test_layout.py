"""Running lines, page numbers and unwrapping on page texts, without going through a PDF."""

from __future__ import annotations

from vendorcheck.ingest.layout import strip_running_lines, tidy_pages, unwrap

BODY = "Le Prestataire héberge les données de santé du Cabinet dans ses centres de données situés en"


def test_running_lines_with_changing_numbers_are_removed():
    titles = ["Objet", "Durée", "Prix", "Fin"]
    pages = [
        [f"Contrat n° 12 – version du {n}/2/2026", f"Article {n} – {title}", f"Texte sur {title}.", f"Page {n} sur 4"]
        for n, title in enumerate(titles, start=1)
    ]
    assert strip_running_lines(pages) == [
        [f"Article {n} – {title}", f"Texte sur {title}."] for n, title in enumerate(titles, start=1)
    ]


def test_repeated_lines_in_the_middle_of_pages_are_content():
    pages = [["Titre", "a", "b", "c", "Le Cabinet reste propriétaire des données.", "d", "e", "f", "pied"]] * 3
    kept = strip_running_lines(pages)[0]
    assert "Le Cabinet reste propriétaire des données." in kept
    assert "Titre" not in kept and "pied" not in kept


def test_page_number_must_match_the_page():
    assert strip_running_lines([["Texte du contrat.", "- 1 -"]]) == [["Texte du contrat."]]
    assert strip_running_lines([["Disponibilité garantie :", "98"]]) == [["Disponibilité garantie :", "98"]]


def test_unwrap_joins_lines_cut_by_the_page_width_only():
    text = "\n".join(
        [
            "Article 6 – Lieux d’hébergement",
            "6.1 " + BODY,
            "France, dans deux centres de données à Rennes et à Nantes.",
            "6.2 Liste des sites :",
            "a) Rennes (site principal) ;",
            "b) Nantes (site de secours).",
            "Les sauvegardes sont conservées",
            "à Nantes.",
        ]
    )
    assert unwrap(text, width=len(BODY)) == "\n".join(
        [
            "Article 6 – Lieux d’hébergement",
            "6.1 " + BODY + " France, dans deux centres de données à Rennes et à Nantes.",
            "6.2 Liste des sites :",
            "a) Rennes (site principal) ;",
            "b) Nantes (site de secours).",
            "Les sauvegardes sont conservées à Nantes.",
        ]
    )


def test_unwrap_never_changes_offsets():
    text = BODY + "\n24 heures après en avoir pris connaissance.\nArticle 7 – Instructions"
    out = unwrap(text, width=len(BODY))
    assert len(out) == len(text)
    assert out == BODY + " 24 heures après en avoir pris connaissance.\nArticle 7 – Instructions"


def test_pages_joined_by_a_space_when_a_paragraph_runs_over():
    pages = tidy_pages([BODY * 1 + "\n" + BODY + "\n" + BODY, "France et à Nantes.\nArticle 2 – Objet", "Fin."])
    assert pages[0].endswith(BODY + " ")
    assert pages[1].endswith("Article 2 – Objet\n\n")
    assert pages[2] == "Fin."
