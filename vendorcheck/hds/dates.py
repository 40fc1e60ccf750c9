"""Dates as lists, spreadsheets and certificates write them: 19/12/2027, 2027-12-19, 19 décembre 2027."""

from __future__ import annotations

import re
from datetime import date, datetime

from vendorcheck.text import fold

_MONTHS = {
    "janvier": 1,
    "janv": 1,
    "january": 1,
    "jan": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "february": 2,
    "feb": 2,
    "mars": 3,
    "march": 3,
    "mar": 3,
    "avril": 4,
    "avr": 4,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "may": 5,
    "juin": 6,
    "june": 6,
    "jun": 6,
    "juillet": 7,
    "juil": 7,
    "july": 7,
    "jul": 7,
    "aout": 8,
    "august": 8,
    "aug": 8,
    "septembre": 9,
    "sept": 9,
    "september": 9,
    "sep": 9,
    "octobre": 10,
    "oct": 10,
    "october": 10,
    "novembre": 11,
    "nov": 11,
    "november": 11,
    "decembre": 12,
    "dec": 12,
    "december": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
PATTERNS = (
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:er)?\s+(?P<mn>{_MONTH})\.?\s+(?P<y>\d{{4}})\b"),
    re.compile(rf"\b(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b"),
)


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every date in a text with its (start, end) span, in order. Day-first for numeric dates, as in France."""
    folded = fold(text)
    found: list[tuple[int, int, date]] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(folded):
            if any(s <= match.start() < e for s, e, _ in found):
                continue
            parts = match.groupdict()
            month = int(parts["m"]) if parts.get("m") else _MONTHS[parts["mn"]]
            try:
                found.append((match.start(), match.end(), date(int(parts["y"]), month, int(parts["d"]))))
            except ValueError:
                continue
    return sorted(found)


# "31/03/28" in a cell typed by hand: a two-digit year is of this century. Only for a whole cell: in
# running text "1/2/25" could be something else.
_SHORT_YEAR = re.compile(r"^(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{2})$")


def parse_date(value: object) -> date | None:
    """One date from a cell: a date/datetime object (XLSX) or a string. None for an empty cell;
    ValueError when something is written that is not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    short = _SHORT_YEAR.match(text)
    if short:
        return date(2000 + int(short["y"]), int(short["m"]), int(short["d"]))
    dates = find_dates(text)
    if len(dates) != 1:
        raise ValueError(text)
    return dates[0][2]
