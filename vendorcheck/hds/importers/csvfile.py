"""CSV exports and lists typed by hand (Excel's French default is ';' and Windows-1252; both are handled).

Each row keeps the lines it spans: a quote left open merges the following lines into one cell, and the
import must be able to say so rather than store the merged text as a host.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from vendorcheck.bounded import LIST_LIMITS, LimitExceeded, check_rows
from vendorcheck.hds.importers import RawRow, RawTable
from vendorcheck.ingest.text import decode_text

_DELIMITERS = ";,\t|"  # in order of preference when two read equally well
_SAMPLE_LINES = 40


def read(path: Path, data: bytes) -> list[RawTable]:
    text = decode_text(path, data)
    delimiter = choose_delimiter(text)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[RawRow] = []
    previous_end = 0
    try:
        for cells in reader:
            # A quoted cell may span lines: the row starts on the line after the previous row ended.
            if any(cell.strip() for cell in cells):
                rows.append(RawRow(line=previous_end + 1, end_line=reader.line_num, cells=cells))
                check_rows(len(rows), LIST_LIMITS)
            previous_end = reader.line_num
    except csv.Error as exc:
        # The csv module has one error type for a field over its size limit, a NUL byte or a broken
        # quote; only its message tells the oversized field, the one a user can act on, apart.
        if "field limit" in str(exc):
            raise LimitExceeded("field", line=reader.line_num, limit=csv.field_size_limit()) from exc
        raise LimitExceeded("csv", line=reader.line_num, detail=str(exc)) from exc
    return [RawTable(headers=[], rows=rows, delimiter=delimiter)]


def choose_delimiter(text: str) -> str:
    """The delimiter that splits the most of the first lines into the same number of fields (two or
    more). csv.Sniffer guesses from character frequencies and takes the ',' of '1,2,3' for a
    delimiter; field-count consistency does not."""
    sample = [line for line in text.splitlines()[:_SAMPLE_LINES] if line.strip()]
    best, best_score = ";", (0, 0)
    for delimiter in _DELIMITERS:
        try:
            counts = Counter(len(cells) for cells in csv.reader(sample, delimiter=delimiter) if len(cells) > 1)
        except csv.Error:  # a field over the csv module's limit: reported when the file is read
            continue
        if not counts:
            continue
        width, lines = counts.most_common(1)[0]
        if (lines, width) > best_score:
            best, best_score = delimiter, (lines, width)
    return best
