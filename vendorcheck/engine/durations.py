"""Delays written in contracts ("within 48 hours", "sous cinq (5) jours ouvrés"), converted to hours."""

from __future__ import annotations

import re

from vendorcheck.text import fold

_WORDS = {
    "un": 1,
    "une": 1,
    "one": 1,
    "deux": 2,
    "two": 2,
    "trois": 3,
    "three": 3,
    "quatre": 4,
    "four": 4,
    "cinq": 5,
    "five": 5,
    "six": 6,
    "sept": 7,
    "seven": 7,
    "huit": 8,
    "eight": 8,
    "dix": 10,
    "ten": 10,
    "douze": 12,
    "twelve": 12,
    "quinze": 15,
    "fifteen": 15,
    "trente": 30,
    "thirty": 30,
    "vingt-quatre": 24,
    "twenty-four": 24,
    "quarante-huit": 48,
    "forty-eight": 48,
    "soixante-douze": 72,
    "seventy-two": 72,
}
_NUMBER = r"(?P<n>\d+(?:[.,]\d+)?|" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)) + r")"
_UNIT = (
    r"(?P<u>heures?|hours?|hrs?|h|jours?\s+ouvr\w*|jours?\s+calendaires?|jours?|business\s+days?|"
    r"working\s+days?|calendar\s+days?|days?|semaines?|weeks?|mois|months?)"
)
# "48 (quarante-huit) heures", "five (5) business days", "90(ninety) days"
_DELAY = re.compile(rf"\b{_NUMBER}\s*(?:\(\s*[\w -]+\)\s*)?-?\s*{_UNIT}\b")

# Every unit _UNIT accepts has a prefix here: "business days", "working days" and "calendar days" count
# as days (as "jours ouvrés" do), a missing one stopped the whole review (StopIteration).
_HOURS_PER_UNIT = (
    ("heure", 1),
    ("hour", 1),
    ("hr", 1),
    ("h", 1),
    ("jour", 24),
    ("day", 24),
    ("business", 24),
    ("working", 24),
    ("calendar", 24),
    ("semaine", 168),
    ("week", 168),
    ("mois", 720),
    ("month", 720),
)


def delays_in_hours(text: str) -> list[float]:
    out = []
    for match in _DELAY.finditer(fold(text, one_for_one=False)):
        raw = match.group("n").replace(",", ".")
        value = float(raw) if raw[0].isdigit() else float(_WORDS[raw])
        unit = match.group("u")
        per = next(h for prefix, h in _HOURS_PER_UNIT if unit.startswith(prefix))
        out.append(value * per)
    return out


def shortest_delay_hours(text: str) -> float | None:
    delays = delays_in_hours(text)
    return min(delays) if delays else None
