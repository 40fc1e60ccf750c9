"""CSV exports (Excel's French default is ';' and Windows-1252; both are handled)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from vendorcheck.hds.importers import RawRow, RawTable
from vendorcheck.ingest.text import decode_text

_DELIMITERS = ";,\t|"


def read(path: Path, data: bytes) -> list[RawTable]:
    text = decode_text(path, data)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], delimiters=_DELIMITERS)
    except csv.Error:
        delimiter = max(_DELIMITERS, key=lambda d: text[:4096].count(d))
        dialect = type("Guessed", (csv.excel,), {"delimiter": delimiter})
    reader = csv.reader(io.StringIO(text), dialect)
    rows: list[RawRow] = []
    previous_end = 0
    for cells in reader:
        # A quoted cell may span lines: the row starts on the line after the previous row ended.
        rows.append(RawRow(line=previous_end + 1, cells=cells))
        previous_end = reader.line_num
    rows = [r for r in rows if any(str(c).strip() for c in r.cells)]
    return [RawTable(headers=[], rows=rows)]
