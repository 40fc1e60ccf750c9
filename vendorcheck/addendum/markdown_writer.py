"""Markdown variant of the addendum: for e-mail, a wiki, or re-reading by `vendorcheck review`."""

from __future__ import annotations

from typing import TextIO

from vendorcheck.addendum.model import Addendum, Replaced
from vendorcheck.addendum.wording import annex_heading, article_heading, legal_basis, quotation
from vendorcheck.escaping import markdown_text


def render(addendum: Addendum, out: TextIO) -> None:
    lines = [
        f"# {addendum.title}",
        "",
        f"*{addendum.subtitle}*",
        "",
        addendum.parties,
        "",
        f"## {addendum.preamble_title}",
        "",
        addendum.preamble,
        "",
    ]
    for article in addendum.articles:
        lines += [f"## {article_heading(article, addendum)}", ""]
        if article.citation:
            lines += [f"*{legal_basis(article, addendum)}*", ""]
        if article.lead:
            lines += [article.lead, ""]
            # The contract's own words: shown as text, never run as HTML or Markdown.
            lines += [
                line
                for replaced in article.replaced
                for line in (f"> {quotation(_inert(replaced), addendum.lang)}", "")
            ]
        lines += [article.body, ""]
    lines += [addendum.closing, "", addendum.signatures, ""]
    for annex in addendum.annexes:
        lines += [f"## {annex_heading(annex, addendum)}", "", annex.body, ""]
    out.write("\n".join(lines))


def _inert(replaced: Replaced) -> Replaced:
    return Replaced(quote=markdown_text(replaced.quote), where=markdown_text(replaced.where))
