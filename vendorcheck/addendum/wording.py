"""Strings every writer prints the same way: article headings, legal bases and cited stipulations."""

from __future__ import annotations

from vendorcheck.addendum.model import Addendum, Annex, Article, Replaced
from vendorcheck.i18n import t


def article_heading(article: Article, addendum: Addendum) -> str:
    return f"{addendum.labels['article']} {article.number} – {article.title}"


def annex_heading(annex: Annex, addendum: Addendum) -> str:
    return f"{addendum.labels['annex']} {annex.number} – {annex.title}"


def legal_basis(article: Article, addendum: Addendum) -> str:
    return t("addendum.legal_basis", addendum.lang, label=addendum.labels["legal_basis"], citation=article.citation)


def quotation(replaced: Replaced, lang: str) -> str:
    """The replaced stipulation: quote marks, then where it stands in the contract."""
    quoted = t("addendum.quotation", lang, quote=replaced.quote)  # type: ignore[arg-type]
    return quoted + (f" ({replaced.where})" if replaced.where else "")
