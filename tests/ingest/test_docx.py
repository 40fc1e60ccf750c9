"""DOCX ingestion: Word numbering recomputed, tables and paragraphs in reading order, tracked changes."""

from __future__ import annotations

import pytest

from vendorcheck.ingest import load

from .conftest import SAMPLES

SAMPLE_DOCX = SAMPLES / "pacs-radiologie-hebergement.docx"


def para(text: str, *, num: tuple[int, int] | None = None, style: str | None = None) -> str:
    """One `w:p` with a single run; `num=(numId, ilvl)` numbers it directly."""
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + (
        f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else ""
    )
    return f'<w:p><w:pPr>{props}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def lvl(ilvl: int, fmt: str, text: str, *, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


CLAUSES = (
    '<w:abstractNum w:abstractNumId="1">'
    + lvl(0, "decimal", "Article %1 –")
    + lvl(1, "decimal", "%1.%2")
    + lvl(2, "lowerLetter", "%3)")
    + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
)


@pytest.fixture(scope="module")
def sample():
    return load(SAMPLE_DOCX)


def lines(document) -> list[str]:
    return document.text.split("\n")


def test_word_numbering_gives_article_clause_and_item_labels(sample):
    text = lines(sample)
    assert "Article 5 – Description des prestations et résultats attendus" in text
    assert any(line.startswith("5.2 L’Hébergeur s’engage sur les résultats suivants") for line in text)
    assert any(line.startswith("d) auditabilité : ") or line.startswith("d) auditabilité\u00a0:") for line in text)
    # Letters restart under each clause, annexes have their own list.
    assert any(line.startswith("a) disponibilité") for line in text)
    assert "Annexe 2 – Liste des Sous-traitants ultérieurs autorisés" in text
    assert any(line.startswith("h) Plan de réversibilité") for line in text)


def test_same_text_as_the_markdown_outside_typography_and_tables(sample):
    from vendorcheck.text import fold_typography

    markdown = fold_typography(load(SAMPLES / "pacs-radiologie-hebergement.md").text.replace("**", ""))
    expected = [
        line.removeprefix("## ").removeprefix("# ")
        for line in markdown.split("\n")
        if line.strip() and not line.startswith("|")
    ]
    got = [line for line in fold_typography(sample.text).split("\n") if " | " not in line]
    assert got == expected


def test_tables_are_rows_of_cells_in_reading_order(sample):
    text = lines(sample)
    header = text.index("Indicateur | Niveau garanti | Fréquence de mesure")
    assert text[header + 1] == "Disponibilité du Service en heures ouvrées | 99,8\u00a0% | mensuelle"
    assert text[header - 1].startswith("16.1 L’Hébergeur garantit")
    assert text[header + 6].startswith("16.2 La disponibilité")


def test_paragraph_numbers_locate_text(sample):
    offset = sample.text.index("15.3 Le Cabinet désigne comme référent")
    paragraph = sample.location(offset)
    assert lines(sample)[paragraph - 1].startswith("15.3 Le Cabinet désigne")
    assert sample.unit == "paragraph"


def test_page_header_is_not_body_text(sample):
    assert "Contrat d’hébergement PACS n° AIC-2026-0158 —" not in sample.text


def test_non_breaking_spaces_are_kept_and_folded(sample):
    from vendorcheck.text import fold_typography

    assert "99,8\u00a0%" in sample.text
    assert "99,8 %" in fold_typography(sample.text)


def test_tracked_insertions_are_read_and_deletions_are_not(make_docx):
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Le Prestataire notifie toute violation dans un délai de </w:t></w:r>'
        '<w:del w:id="1" w:author="A"><w:r><w:delText>cinq jours ouvrés</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t>24 heures</w:t></w:r></w:ins>'
        "<w:r><w:t>.</w:t></w:r></w:p>"
    )
    assert load(make_docx(body)).text == "Le Prestataire notifie toute violation dans un délai de 24 heures."


def test_content_controls_fields_and_hyperlinks_are_read(make_docx):
    body = (
        "<w:sdt><w:sdtPr/><w:sdtContent>" + para("Article 1 – Objet") + "</w:sdtContent></w:sdt>"
        '<w:p><w:r><w:t xml:space="preserve">Liste publiée sur </w:t></w:r>'
        "<w:hyperlink><w:r><w:t>le site</w:t></w:r></w:hyperlink>"
        '<w:fldSimple w:instr="PAGE"><w:r><w:t xml:space="preserve"> (page 3)</w:t></w:r></w:fldSimple>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>REF x</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>, annexe 2</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:tab/><w:t>fin</w:t></w:r></w:p>'
    )
    assert load(make_docx(body)).text == "Article 1 – Objet\nListe publiée sur le site (page 3), annexe 2\tfin"


def test_list_instances_continue_unless_restarted(make_docx):
    numbering = (
        '<w:abstractNum w:abstractNumId="7">' + lvl(0, "lowerLetter", "%1)") + "</w:abstractNum>"
        '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="5"><w:abstractNumId w:val="7"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    body = (
        para("un", num=(3, 0))
        + para("deux", num=(3, 0))
        + para("trois", num=(4, 0))
        + para("encore un", num=(5, 0))
        + para("pas numéroté", num=(0, 0))
    )
    assert lines(load(make_docx(body, numbering=numbering))) == [
        "a) un",
        "b) deux",
        "c) trois",
        "a) encore un",
        "pas numéroté",
    ]


def test_numbering_from_heading_styles_and_legal_format(make_docx):
    numbering = (
        '<w:abstractNum w:abstractNumId="1">'
        + lvl(0, "upperRoman", "Article %1", extra='<w:pStyle w:val="Titre1"/>')
        + lvl(1, "decimal", "%1.%2", extra='<w:pStyle w:val="Titre2"/><w:isLgl/>')
        + '</w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="1"/></w:num>'
    )
    styles = (
        '<w:style w:type="paragraph" w:styleId="Titre1"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr>'
        "</w:pPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="Titre2"><w:basedOn w:val="Titre1"/><w:pPr><w:numPr>'
        '<w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Clause"><w:basedOn w:val="Titre2"/></w:style>'
    )
    body = (
        para("Objet", style="Titre1")
        + para("Champ", style="Titre2")
        + para("Durée", style="Clause")
        + para("Prix", style="Titre1")
        + para("Montant", style="Titre2")
    )
    assert lines(load(make_docx(body, numbering=numbering, styles=styles))) == [
        "Article I Objet",
        "1.1 Champ",
        "1.2 Durée",
        "Article II Prix",
        "2.1 Montant",
    ]


def test_deeper_levels_restart_after_a_higher_item(make_docx):
    body = (
        para("Objet", num=(1, 0))
        + para("Champ", num=(1, 1))
        + para("images", num=(1, 2))
        + para("comptes rendus", num=(1, 2))
        + para("Durée", num=(1, 1))
        + para("trois ans", num=(1, 2))
        + para("Prix", num=(1, 0))
        + para("Montant", num=(1, 1))
    )
    assert lines(load(make_docx(body, numbering=CLAUSES))) == [
        "Article 1 – Objet",
        "1.1 Champ",
        "a) images",
        "b) comptes rendus",
        "1.2 Durée",
        "a) trois ans",
        "Article 2 – Prix",
        "2.1 Montant",
    ]


def test_merged_and_nested_table_cells(make_docx):
    def cell(content: str, merge: str = "") -> str:
        props = f"<w:tcPr>{merge}</w:tcPr>" if merge else ""
        return f"<w:tc>{props}{content}</w:tc>"

    table = (
        "<w:tbl>"
        "<w:tr>" + cell(para("Sous-traitant"), '<w:gridSpan w:val="2"/>') + cell(para("Lieu")) + "</w:tr>"
        "<w:tr>"
        + cell(para("Ouest Datacentres"), '<w:vMerge w:val="restart"/>')
        + cell(para("Rennes"))
        + cell(para("France") + para("(Bretagne)"))
        + "</w:tr>"
        "<w:tr>"
        + cell(para(""), "<w:vMerge/>")
        + cell(para("Nantes"))
        + cell("<w:tbl><w:tr>" + cell(para("France")) + cell(para("site de secours")) + "</w:tr></w:tbl>" + para(""))
        + "</w:tr>"
        "</w:tbl>"
    )
    assert lines(load(make_docx(para("Annexe 2 – Sous-traitants") + table))) == [
        "Annexe 2 – Sous-traitants",
        "Sous-traitant | Lieu",
        "Ouest Datacentres | Rennes | France (Bretagne)",
        "Nantes | France | site de secours",
    ]


def test_text_boxes_and_fallback_copies_are_not_read_twice(make_docx):
    box = (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><w:txbxContent>' + para("Cachet") + "</w:txbxContent>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
        + para("Cachet")
        + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = f"<w:p>{box}<w:r><w:t>Article 1 – Objet</w:t></w:r></w:p>"
    assert load(make_docx(body)).text == "Article 1 – Objet"


def test_level_restart_and_numbering_style_links(make_docx):
    """`w:lvlRestart w:val="0"`: lettered items keep counting across clauses; a list defined through a
    numbering style (`w:numStyleLink`) borrows that style's levels."""
    numbering = (
        '<w:abstractNum w:abstractNumId="1">'
        + lvl(0, "decimal", "%1.")
        + lvl(1, "lowerLetter", "(%2)", extra='<w:lvlRestart w:val="0"/>')
        + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="ListeContrat"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    )
    styles = (
        '<w:style w:type="numbering" w:styleId="ListeContrat"><w:pPr><w:numPr><w:numId w:val="1"/>'
        "</w:numPr></w:pPr></w:style>"
    )
    body = (
        para("Objet", num=(1, 0))
        + para("images", num=(1, 1))
        + para("Durée", num=(1, 0))
        + para("comptes rendus", num=(1, 1))
        + para("Prix", num=(2, 0))
    )
    assert lines(load(make_docx(body, numbering=numbering, styles=styles))) == [
        "1. Objet",
        "(a) images",
        "2. Durée",
        "(b) comptes rendus",
        "3. Prix",
    ]


def test_total_uncompressed_size_is_bounded():
    from vendorcheck import errors

    with pytest.raises(errors.DocxBomb):
        load(SAMPLE_DOCX, {"docx_max_uncompressed": 10_000})
