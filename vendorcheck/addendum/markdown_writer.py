"""Markdown variant of the addendum: for e-mail, a wiki, or re-reading by `vendorcheck review`."""

from __future__ import annotations

from vendorcheck.addendum.model import Addendum, Replaced
from vendorcheck.addendum.wording import annex_heading, article_heading, legal_basis, quotation
from vendorcheck.escaping import markdown_text


def write_markdown(addendum: Addendum) -> str:
    out = [f"# {addendum.title}", "", f"*{addendum.subtitle}*", "", addendum.parties, "",
           f"## {addendum.preamble_title}", "", addendum.preamble, ""]
    for article in addendum.articles:
        out += [f"## {article_heading(article, addendum)}", ""]
        if article.citation:
            out += [f"*{legal_basis(article, addendum)}*", ""]
        if article.lead:
            out += [article.lead, ""]
            # The contract's own words: shown as text, never run as HTML or Markdown.
            out += [line for replaced in article.replaced
                     for line in (f"> {quotation(_inert(replaced), addendum.lang)}", "")]
        out += [article.body, ""]
    out += [addendum.closing, "", addendum.signatures, ""]
    for annex in addendum.annexes:
        out += [f"## {annex_heading(annex, addendum)}", "", annex.body, ""]
    return "\n".join(out)


def _inert(replaced: Replaced) -> Replaced:
    return Replaced(quote=markdown_text(replaced.quote), where=markdown_text(replaced.where))
