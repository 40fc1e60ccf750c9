"""Delays written in contracts ("within 48 hours", "sous cinq (5) jours ouvrés"), typed and converted to hours.

A delay is typed by the words around it before any rule compares it: a deadline ("within", « sous »,
"no later than"), advance notice ("in advance", « à l'avance », « préavis »), a frequency ("once a year",
« par an ») or a period something lasts ("for 30 days", « pendant »). An audit held once a year is not a
breach notice sent within a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from vendorcheck.text import fold

DelayKind = Literal["deadline", "advance", "frequency", "period", "unknown"]

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
    "neuf": 9,
    "nine": 9,
    "dix": 10,
    "ten": 10,
    "onze": 11,
    "eleven": 11,
    "douze": 12,
    "twelve": 12,
    "quinze": 15,
    "fifteen": 15,
    "vingt": 20,
    "twenty": 20,
    "trente": 30,
    "thirty": 30,
    "quarante-cinq": 45,
    "forty-five": 45,
    "soixante": 60,
    "sixty": 60,
    "quatre-vingt-dix": 90,
    "ninety": 90,
    "vingt-quatre": 24,
    "twenty-four": 24,
    "trente-six": 36,
    "thirty-six": 36,
    "quarante-huit": 48,
    "forty-eight": 48,
    "soixante-douze": 72,
    "seventy-two": 72,
}

# Every unit the pattern accepts, with its length in hours. A business or working day counts as a full
# day (at least 24 h: five business days are more than five calendar days, never fewer).
HOURS_PER_UNIT: dict[str, float] = {
    "heure": 1,
    "heures": 1,
    "hour": 1,
    "hours": 1,
    "hr": 1,
    "hrs": 1,
    "h": 1,
    "jour": 24,
    "jours": 24,
    "day": 24,
    "days": 24,
    "jour ouvre": 24,
    "jours ouvres": 24,
    "jour ouvrable": 24,
    "jours ouvrables": 24,
    "jour calendaire": 24,
    "jours calendaires": 24,
    "jour franc": 24,
    "jours francs": 24,
    "business day": 24,
    "business days": 24,
    "working day": 24,
    "working days": 24,
    "calendar day": 24,
    "calendar days": 24,
    "semaine": 168,
    "semaines": 168,
    "week": 168,
    "weeks": 168,
    "mois": 720,
    "month": 720,
    "months": 720,
    "an": 8760,
    "ans": 8760,
    "annee": 8760,
    "annees": 8760,
    "year": 8760,
    "years": 8760,
}
_NUMBER = r"(?P<n>\d{1,6}(?:[.,]\d{1,3})?|" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)) + r")"
_UNIT = (
    "(?P<u>"
    + "|".join(re.escape(u).replace(r"\ ", r" {1,3}") for u in sorted(HOURS_PER_UNIT, key=len, reverse=True))
    + ")"
)
# "48 (quarante-huit) heures", "five (5) business days", "90(ninety) days". Every run is bounded so that
# the search stays linear on hostile text (a 50,000-space line, a parenthesis never closed).
_DELAY = re.compile(rf"\b{_NUMBER}[ \t]{{0,3}}(?:\([ \t]{{0,3}}[\w -]{{1,30}}\)[ \t]{{0,3}})?-?[ \t]{{0,3}}{_UNIT}\b")

_BEFORE = 60  # characters read before a delay to type it
_AFTER = 40
_KIND_CUES: tuple[tuple[DelayKind, re.Pattern[str], re.Pattern[str] | None], ...] = (
    # (kind, cue before the delay, cue after it)
    (
        "frequency",
        re.compile(
            r"\b(?:tou(?:s|tes) les|every|each|une fois|once|frequence|frequency)\W{1,3}"
            r"(?:\w{1,12}\W{1,3}){0,2}$"
        ),
        re.compile(r"^\W{0,3}(?:par|per|each|chaque)\b|^\W{0,3}an? (?:year|month|week)\b"),
    ),
    (
        "advance",
        re.compile(r"\b(?:preavis|advance|prior)\b[^.;]{0,40}$"),
        re.compile(
            r"^\W{0,3}(?:(?:written |prior |advance ){0,3}notice|a l'avance|in advance|prior|before|avant|"
            r"de preavis)\b"
        ),
    ),
    (
        "deadline",
        re.compile(
            r"\b(?:within|sous|dans (?:un|les) delai|delai (?:maximum |maximal |de )|"
            r"no later than|au plus tard|not later than|in no event later than|"
            r"at the latest|au maximum|at most|maximum of|maximum de|des que|under)\b"
            r"[^.;]{0,30}$"
        ),
        None,
    ),
    (
        "period",
        re.compile(
            r"\b(?:for|pendant|durant|during|over|sur une duree de|duree de|period of|periode de|"
            r"retained for|kept for|conserve\w* pendant)\b[^.;]{0,20}$"
        ),
        None,
    ),
)


@dataclass(frozen=True)
class Delay:
    hours: float
    kind: DelayKind
    start: int  # offsets in the folded text
    end: int


def delays(text: str) -> list[Delay]:
    """Every delay of `text`, with its kind."""
    folded = fold(text)
    out = []
    for match in _DELAY.finditer(folded):
        raw = match.group("n").replace(",", ".")
        value = float(raw) if raw[0].isdigit() else float(_WORDS[raw])
        unit = " ".join(match.group("u").split())
        out.append(
            Delay(value * HOURS_PER_UNIT[unit], _kind(folded, match.start(), match.end()), match.start(), match.end())
        )
    return out


def _kind(folded: str, start: int, end: int) -> DelayKind:
    before = folded[max(0, start - _BEFORE) : start]
    after = folded[end : end + _AFTER]
    for kind, cue_before, cue_after in _KIND_CUES:
        if cue_before.search(before) or (cue_after is not None and cue_after.search(after)):
            return kind
    return "unknown"


def delays_in_hours(text: str, kinds: frozenset[DelayKind] | None = None) -> list[float]:
    return [d.hours for d in delays(text) if kinds is None or d.kind in kinds]


def shortest_delay_hours(text: str, kinds: frozenset[DelayKind] | None = None) -> float | None:
    found = delays_in_hours(text, kinds)
    return min(found) if found else None
