"""Strings every writer prints the same way: article headings, legal bases and cited stipulations."""

from __future__ import annotations

from vendorcheck.addendum.model import Addendum, Annex, Article, Replaced

QUOTE_MARKS = {"fr": ("« ", " »"), "en": ("“", "”")}


def article_heading(article: Article, addendum: Addendum) -> str:
    return f"{addendum.labels['article']} {article.number} – {article.title}"


def annex_heading(annex: Annex, addendum: Addendum) -> str:
    return f"{addendum.labels['annex']} {annex.number} – {annex.title}"


def legal_basis(article: Article, addendum: Addendum) -> str:
    colon = " : " if addendum.lang == "fr" else ": "  # French typography puts a space before the colon
    return f"{addendum.labels['legal_basis']}{colon}{article.citation}"


def quotation(replaced: Replaced, lang: str) -> str:
    """The replaced stipulation: quote marks, then where it stands in the contract."""
    opening, closing = QUOTE_MARKS.get(lang, QUOTE_MARKS["en"])
    return f"{opening}{replaced.quote}{closing}" + (f" ({replaced.where})" if replaced.where else "")
