"""The six hosting activities of CSP R.1111-9 and the many ways documents write them."""

from __future__ import annotations

import re

from pydantic import BaseModel

from vendorcheck.text import fold

ALL = (1, 2, 3, 4, 5, 6)

# The two certificate families the ANS describes (esante.gouv.fr, certification des hébergeurs).
FAMILIES: tuple[tuple[str, tuple[int, ...]], ...] = (
    (r"infrastructures?\s+physiques?|physical\s+infrastructure", (1, 2)),
    (r"infogereur|managed\s+(?:service|hosting)\s+provider", (3, 4, 5, 6)),
)
# R.1111-9 writes activities 1 to 4 as "mise à disposition et maintien en condition opérationnelle de …";
# that common opening names no activity, and activity 1's full name ends by naming activity 2's object.
_PROVISION = (
    r"(?:la\s+)?mise\s+a\s+disposition\s+et\s+(?:le\s+)?maintien\s+en\s+conditions?\s+operationnelles?"
    r"\s+(?:de\s+l'|de\s+la\s+|des\s+|du\s+)?|provision(?:ing)?\s+and\s+maint\w*\s+in\s+operational"
    r"\s+condition\s+of\s+(?:the\s+)?"
)
_KEYWORDS: tuple[tuple[str, int], ...] = (
    (
        r"sites?\s+physiques?(?:\s+permettant\s+d'heberger\s+l'infrastructure\s+materielle)?|physical\s+sites?"
        r"(?:\s+(?:used\s+)?(?:to|for)\s+host(?:ing)?\s+(?:the\s+)?hardware\s+infrastructure)?|hebergement\s+physique|"
        r"datacenters?|data\s+cent(?:er|re)s?",
        1,
    ),
    (r"infrastructures?\s+materielles?|hardware(?:\s+infrastructure)?", 2),
    (r"infrastructures?\s+virtuelles?|virtual\s+infrastructure|virtuali[sz]ation", 3),
    (
        r"plate-?formes?\s+d'hebergement(?:\s+d'applications?)?|application\s+hosting(?:\s+platform)?|hosting\s+platform|"
        r"plate-?forme\s+applicative|hebergement\s+d'applications?",
        4,
    ),
    (r"administration|exploitation|operation\s+of|infogerance", 5),
    (r"sauvegardes?|back-?ups?", 6),
)
# Labels that do not exist in R.1111-9 (hds.md §1.8 pattern 5). Electronic archiving falls under a
# different regime (agrément of the Ministry of Culture), so it is never an HDS activity.
_INVENTED: tuple[str, ...] = (
    r"\b[1-6][a-z]\b",
    r"\brestaur\w*|\brestor\w*",
    r"\barchiv\w*(?:\s+electroniques?|\s+numeriques?)?|electronic\s+archiv\w*",
    r"\bactivit\w*\s+(?:n\s*o?\s*)?(?:[7-9]|[1-9]\d)\b",
    r"\b\d+\s+roles?\b|\broles?\s+hds\b",
)
_ALL = re.compile(
    r"\btoutes?\s+(?:les\s+)?(?:(?:6|six)\s+)?activites\b|\b(?:les\s+)?(?:6|six)\s+activites\b|"
    r"\ball\s+(?:(?:6|six)\s+)?activities\b|\b(?:6|six)\s+activities\b"
)
_RANGE = re.compile(r"\b(?:de\s+|from\s+)?([1-6])\s*(?:a|au|-|\u2013|\u2014|to|through)\s*([1-6])\b")
# "1,2,3", "1/2/3", "1+2": compact enumerations people type in a cell. Read only as a whole run of single
# digits 1-6, so that a date ("01/03/2025"), a decimal ("99,5") or a version ("v2.0") is never one.
_COMPACT = re.compile(r"(?<![\d.,/:])[1-6](?:\s*+[,/;+&]\s*+[1-6])++(?![\d]|[.,/:]\d)")  # possessive: linear
_NUMBER = re.compile(r"(?<![\d.,/:])\b([1-6])\b(?![\d.,/:]\d)")


class ActivityReading(BaseModel):
    numbers: list[int]
    invented: list[str]


def read_activities(text: str) -> ActivityReading:
    """Activities named in a free-text field: numbers, ranges, R.1111-9 names, certificate families.

    Invented labels are returned separately: the caller decides whether they void the row (import) or
    are reported as a misstatement (vendor documents)."""
    folded = fold(text).replace("\u00a0", " ")
    invented: list[str] = []
    for pattern in _INVENTED:
        for match in re.finditer(pattern, folded):
            invented.append(match.group(0).strip())
            folded = folded.replace(match.group(0), " ")
    found: set[int] = set()
    if _ALL.search(folded):
        found.update(ALL)
        folded = _ALL.sub(" ", folded)
    for pattern, numbers in FAMILIES:
        if re.search(pattern, folded):
            found.update(numbers)
            folded = re.sub(pattern, " ", folded)
    folded = re.sub(_PROVISION, " ", folded)
    for pattern, number in _KEYWORDS:
        if re.search(pattern, folded):
            found.add(number)
            folded = re.sub(pattern, " ", folded)
    for match in _RANGE.finditer(folded):
        low, high = sorted((int(match.group(1)), int(match.group(2))))
        found.update(range(low, high + 1))
    folded = _RANGE.sub(" ", folded)
    for match in _COMPACT.finditer(folded):
        found.update(int(d) for d in re.findall(r"[1-6]", match.group(0)))
    folded = _COMPACT.sub(" ", folded)
    found.update(int(m.group(1)) for m in _NUMBER.finditer(folded))
    return ActivityReading(numbers=sorted(found), invented=invented)
