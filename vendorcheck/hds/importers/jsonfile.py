"""JSON: a list of records, or an object holding one (`{"data": [...]}`, as directory endpoints return).

Line numbers are found by decoding the records one by one from the text, so a rejected record is reported
at the line where it starts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from vendorcheck.bounded import LIST_LIMITS, LimitExceeded, check_rows, load_json
from vendorcheck.errors import RegistryError
from vendorcheck.hds.importers import RawRow, RawTable
from vendorcheck.i18n import message
from vendorcheck.ingest.text import decode_text


def read(path: Path, data: bytes) -> list[RawTable]:
    text = decode_text(path, data)
    try:
        document = load_json(text, LIST_LIMITS)
    except json.JSONDecodeError as exc:
        raise RegistryError(
            path, detail=message("hds.errors.invalid_json", line=str(exc.lineno), column=str(exc.colno))
        ) from exc
    key, records = _records(document)
    if records is None:
        raise RegistryError(path, detail=message("hds.errors.no_records"))
    check_rows(len(records), LIST_LIMITS)
    lines = _record_lines(text, key, len(records))
    headers: dict[str, None] = {}  # ordered set: fields in order of first appearance
    for record in records:
        headers.update(dict.fromkeys(record if isinstance(record, dict) else ()))
        if len(headers) > LIST_LIMITS.max_columns:
            raise LimitExceeded("columns", limit=LIST_LIMITS.max_columns)
    rows = [
        RawRow(line=line, cells=[_cell(record.get(h)) if isinstance(record, dict) else None for h in headers])
        for line, record in zip(lines, records, strict=True)
    ]
    return [RawTable(headers=list(headers), rows=rows)]


def _records(document: Any) -> tuple[str | None, list[Any] | None]:
    """The list of records and the key holding it (None for a top-level list)."""
    if isinstance(document, list):
        return None, document
    if isinstance(document, dict):
        for key, value in document.items():
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                return key, value
    return None, None


def _record_lines(text: str, key: str | None, count: int) -> list[int]:
    """Line where each record starts; falls back to record numbers if the text cannot be walked."""
    decoder = json.JSONDecoder()
    start = re.search(rf'"{re.escape(key)}"\s*:\s*\[' if key else r"\[", text)
    if start is None:
        return list(range(1, count + 1))
    pos, lines = start.end(), []
    try:
        for _ in range(count):
            pos = _skip(text, pos)
            lines.append(text.count("\n", 0, pos) + 1)
            _, pos = decoder.raw_decode(text, pos)
            pos = _skip(text, pos)
            if text[pos] == ",":
                pos += 1
    except (json.JSONDecodeError, IndexError):
        return list(range(1, count + 1))
    return lines


def _skip(text: str, pos: int) -> int:
    while text[pos] in " \t\r\n":
        pos += 1
    return pos


def _cell(value: Any) -> Any:
    """Lists (activities, trade names) become comma-separated text, as in the other formats."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value
