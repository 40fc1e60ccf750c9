"""The Markdown subset of the clause templates."""

from __future__ import annotations

from vendorcheck.addendum.markup import Block, Span, blocks, fields, plain, spans


def test_blocks() -> None:
    text = (
        "Premier paragraphe\nsur deux lignes.\n\n- point a\n  suite du point a\n- point b\n> citée\n\n"
        "### Intertitre\n| A | B |\n|---|---|\n| 1 | [2] |\n\nFin."
    )
    assert blocks(text) == [
        Block("p", "Premier paragraphe sur deux lignes."),
        Block("li", "point a suite du point a"),
        Block("li", "point b"),
        Block("quote", "citée"),
        Block("h", "Intertitre"),
        Block("table", rows=(("A", "B"), ("1", "[2]")), header=True),
        Block("p", "Fin."),
    ]


def test_a_table_without_separator_has_no_header() -> None:
    (table,) = blocks("| Pour le Cabinet | Pour le Prestataire |\n| Signature : | Signature : |")
    assert not table.header and len(table.rows) == 2


def test_inline_bold_and_fill_in_fields() -> None:
    assert spans("Entre **[Nom du cabinet]** et [Nom](https://x) [lieu].") == [
        Span("Entre "),
        Span("[Nom du cabinet]", bold=True, field=True),
        Span(" et [Nom](https://x) "),
        Span("[lieu]", field=True),
        Span("."),
    ]
    assert fields("le [date], à [lieu]") == ["[date]", "[lieu]"]
    assert plain("**Entre** les soussignés") == "Entre les soussignés"
