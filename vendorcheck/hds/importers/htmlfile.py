"""HTML pages saved from a browser: every <table> is a candidate; a row's line is where its <tr> opens."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from vendorcheck.bounded import LIST_LIMITS, check_rows
from vendorcheck.hds.importers import RawRow, RawTable
from vendorcheck.ingest.text import decode_text

_BREAKS = {"br", "li", "p", "div"}


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[RawRow]] = []
        self._stack: list[list[RawRow]] = []  # nested tables
        self._row: RawRow | None = None
        self._cell: list[str] | None = None
        self._count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._stack.append([])
        elif tag == "tr" and self._stack:
            self._row = RawRow(line=self.getpos()[0], cells=[])
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag in _BREAKS and self._cell is not None:
            self._cell.append(", ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            text = " ".join("".join(self._cell).split()).strip(" ,")
            self._row.cells.append(text)
            self._cell = None
        elif tag == "tr" and self._row is not None and self._stack:
            if self._row.cells:
                self._stack[-1].append(self._row)
                self._count += 1
                check_rows(self._count, LIST_LIMITS)
            self._row = None
        elif tag == "table" and self._stack:
            self.tables.append(self._stack.pop())

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def read(path: Path, data: bytes) -> list[RawTable]:
    parser = _TableParser()
    parser.feed(decode_text(path, data))
    parser.close()
    return [RawTable(headers=[], rows=rows) for rows in parser.tables]
