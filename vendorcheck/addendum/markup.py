"""The Markdown subset clause templates are written in, parsed once for the DOCX and HTML writers.

Blocks: paragraphs (separated by a blank line), `- ` list items, `> ` quotations, `### ` sub-headings and
`|` tables (a `|---|` row under the first one makes it a header). Inline: `**bold**` and `[fill-in
fields]`, which the writers highlight so the lawyer sees what is left to complete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["p", "li", "quote", "h", "table"]

PLACEHOLDER = re.compile(r"\[[^\[\]\n]+\](?!\()")
_INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|(?P<field>\[[^\[\]\n]+\](?!\())")
_SEPARATOR_ROW = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    header: bool = False


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    field: bool = False


def blocks(markdown: str) -> list[Block]:
    out: list[Block] = []
    lines: list[str] = []
    kind: BlockKind | None = None

    def flush() -> None:
        nonlocal lines, kind
        if kind == "table":
            out.append(_table(lines))
        elif kind and lines:
            out.append(Block(kind, " ".join(lines)))
        lines, kind = [], None

    for raw in markdown.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        marker = _kind_of(line)
        if marker == "table":
            if kind != "table":
                flush()
                kind = "table"
            lines.append(line)
            continue
        if marker != "p" or kind in (None, "table", "h"):
            flush()  # a new list item, quotation or heading always starts its own block
            kind = marker
            line = _strip_marker(line, marker)
        lines.append(line)
        if marker == "h":
            flush()
    flush()
    return out


def _kind_of(line: str) -> BlockKind:
    if line.startswith("|"):
        return "table"
    if line.startswith("- "):
        return "li"
    if line.startswith(">"):
        return "quote"
    if line.startswith("### "):
        return "h"
    return "p"


def _strip_marker(line: str, kind: BlockKind) -> str:
    if kind == "li":
        return line[2:].strip()
    if kind == "quote":
        return line[1:].strip()
    if kind == "h":
        return line[4:].strip()
    return line


def _table(lines: list[str]) -> Block:
    header = len(lines) > 1 and bool(_SEPARATOR_ROW.match(lines[1]))
    rows = [
        tuple(cell.strip() for cell in line.strip().strip("|").split("|"))
        for line in lines
        if not _SEPARATOR_ROW.match(line)
    ]
    return Block("table", rows=tuple(rows), header=header)


def spans(text: str) -> list[Span]:
    out: list[Span] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            out.append(Span(text[position : match.start()]))
        if match.group("bold") is not None:
            out.extend(Span(s.text, bold=True, field=s.field) for s in spans(match.group("bold")))
        else:
            out.append(Span(match.group("field"), field=True))
        position = match.end()
    if position < len(text):
        out.append(Span(text[position:]))
    return out


def plain(text: str) -> str:
    """The text without inline markup, as a reader sees it."""
    return "".join(s.text for s in spans(text))


def fields(text: str) -> list[str]:
    """The fill-in fields left in a text, in order."""
    return PLACEHOLDER.findall(text)
