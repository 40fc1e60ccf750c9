"""One raw row of a list file -> one validated HdsEntry, or every reason it is rejected."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from vendorcheck.bounded import LIST_LIMITS
from vendorcheck.hds.activities import read_activities
from vendorcheck.hds.dates import parse_date
from vendorcheck.hds.identifiers import normalise_siren
from vendorcheck.hds.importers import RawRow
from vendorcheck.hds.importers.headers import HeaderMap
from vendorcheck.hds.messages import reason
from vendorcheck.hds.models import HdsEntry, Reason
from vendorcheck.i18n import message
from vendorcheck.text import fold

_TICKED = {"x", "oui", "yes", "true", "vrai", "1", "\u2713", "\u2714", "\u2611", "certifie", "certified", "o", "y"}
_SINGLE_ACTIVITY = re.compile(r"\s*[1-6]\s*")
_MAX_NAME = 200
_MAX_CERTIFICATE_NUMBER = 60
_FIELD_NAMES = {"issued_on": message("hds.words.issue_date"), "valid_until": message("hds.words.valid_until")}
_REFERENTIALS = (
    (re.compile(r"(?<!\d)2018(?!\d)|\bv\s*1(?:[.,]\d+)?\b|^1(?:[.,]\d+)?$"), "2018"),
    (re.compile(r"(?<!\d)2024(?!\d)|\bv\s*2(?:[.,]\d+)?\b|^2(?:[.,]\d+)?$"), "2024"),
)


class RowRejected(Exception):
    def __init__(self, reasons: list[Reason]) -> None:
        super().__init__("; ".join(r.fr for r in reasons))
        self.reasons = reasons


def text_of(value: Any) -> str:
    """A cell as text: spreadsheet numbers lose their '.0' (SIREN 123456782.0 -> '123456782')."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value).strip()


def raw_dict(headers: list[Any], cells: list[Any]) -> dict[str, str]:
    return {
        text_of(h) or f"#{i + 1}": text_of(c)
        for i, (h, c) in enumerate(zip(headers, cells, strict=False))
        if text_of(c)
    }


def shaped_cells(row: RawRow, width: int, mapping: HeaderMap, delimiter: str | None) -> list[Any]:
    """The cells of a row whose shape is the table's; raises RowRejected saying how it is not.

    A quote left open swallows the delimiters and line breaks that follow it, so that several lines of
    the file become one cell: such a row is refused whole, never stored as a host. Activities typed
    '1,2,3' without quotes in a comma-separated file spill into the next columns: they are joined back
    when nothing else explains the extra cells."""
    cells = row.cells
    if (
        delimiter
        and row.end_line
        and row.end_line > row.line
        and any(isinstance(c, str) and "\n" in c and delimiter in c for c in cells)
    ):
        raise RowRejected([reason("row_merged_lines", first=row.line, last=row.end_line)])
    extra = [c for c in cells[width:] if text_of(c)]
    if extra:
        cells = _rejoin_activities(cells, width, mapping) or []
        if not cells:
            raise RowRejected([reason("row_extra_cells", count=len(row.cells), columns=width)])
    if any(len(text_of(c)) > LIST_LIMITS.max_field_chars for c in cells):
        raise RowRejected([reason("row_field_too_long", limit=LIST_LIMITS.max_field_chars)])
    return cells


def _rejoin_activities(cells: list[Any], width: int, mapping: HeaderMap) -> list[Any] | None:
    column = next((i for i, field in mapping.fields.items() if field == "activities"), None)
    spill = len(cells) - width
    if column is None or spill <= 0:
        return None
    run = cells[column : column + spill + 1]
    if not all(isinstance(c, str) and _SINGLE_ACTIVITY.fullmatch(c) for c in run):
        return None
    return [*cells[:column], ", ".join(c.strip() for c in run), *cells[column + spill + 1 :]]


def build_entry(cells: list[Any], mapping: HeaderMap) -> HdsEntry:
    """Parse every mapped cell, collect every problem, then let the pydantic model validate the whole."""
    values: dict[str, Any] = {}
    problems: list[Reason] = []
    cell = {field: cells[i] if i < len(cells) else None for i, field in mapping.fields.items()}
    values["legal_entity"] = " ".join(text_of(cell.get("legal_entity")).split())  # wrapped cells
    if not values["legal_entity"]:
        problems.append(reason("row_missing_entity"))
    elif not _plausible_name(values["legal_entity"]):
        problems.append(reason("row_bad_entity", value=_excerpt(values["legal_entity"])))
    for field in ("trade_names", "former_names"):
        values[field] = [t.strip() for t in re.split(r"[;,/|\n]", text_of(cell.get(field))) if t.strip()]
    for field in ("certificate_number", "certifying_body", "source", "note"):
        values[field] = text_of(cell.get(field)) or None
    number = values["certificate_number"]
    if number and (len(number) > _MAX_CERTIFICATE_NUMBER or "\n" in number):
        problems.append(reason("row_bad_certificate", value=_excerpt(number)))
    siren = text_of(cell.get("siren"))
    if siren:
        try:
            values["siren"] = normalise_siren(siren)
        except ValueError:
            problems.append(reason("row_bad_siren", value=siren))
    for field in ("issued_on", "valid_until"):
        try:
            values[field] = parse_date(cell.get(field))
        except ValueError:
            problems.append(reason("row_bad_date", field=_FIELD_NAMES[field], value=text_of(cell.get(field))))
    activities, activity_problems = _activities(cells, mapping, text_of(cell.get("activities")))
    values["activities"] = activities
    problems += activity_problems
    referential = text_of(cell.get("referential"))
    if referential:
        values["referential"] = referential_of(referential)
        if values["referential"] is None:
            problems.append(reason("row_bad_referential", value=referential))
    if problems:
        raise RowRejected(problems)
    try:
        return HdsEntry(**values)
    except ValidationError as exc:
        raise RowRejected([_translate(error) for error in exc.errors()]) from None


def _plausible_name(name: str) -> bool:
    """A company name, not a paragraph: short, with at least one letter."""
    return len(name) <= _MAX_NAME and any(c.isalpha() for c in name)


def _excerpt(value: str, size: int = 60) -> str:
    flat = " ".join(value.split())
    return flat if len(flat) <= size else flat[: size - 1] + "…"


def _activities(cells: list[Any], mapping: HeaderMap, text: str) -> tuple[list[int], list[Reason]]:
    found: set[int] = set()
    problems: list[Reason] = []
    if text:
        reading = read_activities(text)
        if reading.invented:
            problems.append(reason("row_invented_activities", labels=reading.invented))
        elif not reading.numbers:
            problems.append(reason("row_bad_activities", value=text))
        found.update(reading.numbers)
    for index, number in mapping.activity_columns.items():
        if index < len(cells) and fold(text_of(cells[index])) in _TICKED:
            found.add(number)
    return sorted(found), problems


def referential_of(text: str) -> str | None:
    """'v1.1', '2018' -> '2018'; 'V2.0', 'HDS v2', '2024' -> '2024'; None if unreadable."""
    folded = fold(text).strip()
    return next((value for pattern, value in _REFERENTIALS if pattern.search(folded)), None)


def _translate(error: Any) -> Reason:
    """A pydantic error as a row reason; our own validators carry stable type codes."""
    kind = error.get("type")
    if kind == "dates_order":
        return reason("row_dates_order")
    if kind == "siren_checksum":
        return reason("row_bad_siren", value=error.get("ctx", {}).get("value", ""))
    field = ".".join(str(part) for part in error.get("loc", ())) or "?"
    return reason("row_invalid", field=field, detail=error.get("msg", kind))
