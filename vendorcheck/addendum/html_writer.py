"""HTML variant of the addendum: one self-contained page (inline CSS) to preview, print or e-mail."""

from __future__ import annotations

from html import escape
from typing import TextIO

from vendorcheck.addendum.markup import blocks, spans
from vendorcheck.addendum.model import Addendum
from vendorcheck.addendum.wording import annex_heading, article_heading, legal_basis, quotation

CSS = """
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: 11pt; line-height: 1.45; color: #111;
       max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; text-align: center; margin-bottom: .25rem; }
.subtitle { text-align: center; font-style: italic; margin-top: 0; }
h2 { font-size: 1.1rem; margin-top: 1.8rem; }
h3 { font-size: 1rem; }
p { text-align: justify; }
.basis { font-size: .85rem; font-style: italic; color: #444; margin-top: -.4rem; }
blockquote { border-left: 3px solid #999; margin: .5rem 0 .8rem; padding: .2rem .8rem; color: #333;
             font-style: italic; }
mark { background: #fff176; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .92rem; }
table.grid th, table.grid td { border: 1px solid #888; padding: .3rem .45rem; vertical-align: top; text-align: left; }
table.signatures td { width: 50%; padding: .3rem .45rem; vertical-align: top; height: 1.6rem; }
.annex { break-before: page; }
@media print { body { margin: 0; max-width: none; } }
"""


def render(addendum: Addendum, out: TextIO) -> None:
    lang = addendum.lang
    parts = [
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">',
        f"<title>{escape(addendum.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>",
        f"<h1>{escape(addendum.title)}</h1>",
        f'<p class="subtitle">{escape(addendum.subtitle)}</p>',
        _markup(addendum.parties),
        f"<h2>{escape(addendum.preamble_title)}</h2>",
        _markup(addendum.preamble),
    ]
    for article in addendum.articles:
        attribute = f' data-requirement="{escape(article.requirement)}"' if article.requirement else ""
        parts.append(f'<section class="article"{attribute}>')
        parts.append(f"<h2>{escape(article_heading(article, addendum))}</h2>")
        if article.citation:
            parts.append(f'<p class="basis">{escape(legal_basis(article, addendum))}</p>')
        if article.lead:
            parts.append(_markup(article.lead))
            parts += [f"<blockquote>{escape(quotation(r, lang))}</blockquote>" for r in article.replaced]
        parts += [_markup(article.body), "</section>"]
    parts += [_markup(addendum.closing), _markup(addendum.signatures, table_class="signatures")]
    for annex in addendum.annexes:
        parts += [
            '<section class="annex">',
            f"<h2>{escape(annex_heading(annex, addendum))}</h2>",
            _markup(annex.body),
            "</section>",
        ]
    parts.append("</body>\n</html>\n")
    out.write("\n".join(parts))


def _markup(text: str, table_class: str = "grid") -> str:
    html: list[str] = []
    in_list = False
    for block in blocks(text):
        if block.kind != "li" and in_list:
            html.append("</ul>")
            in_list = False
        if block.kind == "li":
            if not in_list:
                html.append("<ul>")
                in_list = True
            html.append(f"<li>{_inline(block.text)}</li>")
        elif block.kind == "table":
            rows = []
            for index, row in enumerate(block.rows):
                tag = "th" if block.header and index == 0 else "td"
                rows.append("<tr>" + "".join(f"<{tag}>{_inline(c)}</{tag}>" for c in row) + "</tr>")
            html.append(f'<table class="{table_class}">' + "".join(rows) + "</table>")
        else:
            tag = {"p": "p", "quote": "blockquote", "h": "h3"}[block.kind]
            html.append(f"<{tag}>{_inline(block.text)}</{tag}>")
    if in_list:
        html.append("</ul>")
    return "\n".join(html)


def _inline(text: str) -> str:
    out = []
    for span in spans(text):
        piece = escape(span.text)
        if span.field:
            piece = f"<mark>{piece}</mark>"
        out.append(f"<strong>{piece}</strong>" if span.bold else piece)
    return "".join(out)
