"""Markdown variant of the addendum: for e-mail, a wiki, or re-reading by `vendorcheck review`."""

from __future__ import annotations

from typing import TextIO

from vendorcheck.addendum.model import Addendum
from vendorcheck.addendum.wording import annex_heading, article_heading, legal_basis, quotation


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
            lines += [line for replaced in article.replaced for line in (f"> {quotation(replaced, addendum.lang)}", "")]
        lines += [article.body, ""]
    lines += [addendum.closing, "", addendum.signatures, ""]
    for annex in addendum.annexes:
        lines += [f"## {annex_heading(annex, addendum)}", "", annex.body, ""]
    out.write("\n".join(lines))
