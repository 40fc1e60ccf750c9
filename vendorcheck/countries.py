"""Countries as contracts and declarations write them, mapped to ISO codes, and which are in the EEA."""

from __future__ import annotations

import re

from vendorcheck.text import fold

# EU member states plus Iceland, Liechtenstein and Norway (Art. 44 ff. GDPR apply outside this area).
EEA = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split())

_NAMES: dict[str, tuple[str, ...]] = {
    "FR": (
        "france",
        "paris",
        "lyon",
        "marseille",
        "rennes",
        "nantes",
        "lille",
        "roubaix",
        "gravelines",
        "strasbourg",
        "toulouse",
        "bordeaux",
        "lannion",
        "saint-denis",
        "aubervilliers",
    ),
    "DE": ("allemagne", "germany", "frankfurt", "francfort", "berlin", "munich", "falkenstein"),
    "IE": ("irlande", "ireland", "dublin"),
    "NL": ("pays-bas", "pays bas", "netherlands", "the netherlands", "amsterdam", "hollande"),
    "BE": ("belgique", "belgium", "bruxelles", "brussels"),
    "LU": ("luxembourg",),
    "ES": ("espagne", "spain", "madrid"),
    "IT": ("italie", "italy", "milan"),
    "PL": ("pologne", "poland", "varsovie", "warsaw"),
    "SE": ("suede", "sweden", "stockholm"),
    "FI": ("finlande", "finland", "helsinki"),
    "DK": ("danemark", "denmark"),
    "AT": ("autriche", "austria", "vienne", "vienna"),
    "PT": ("portugal", "lisbonne", "lisbon"),
    "NO": ("norvege", "norway", "oslo"),
    "US": (
        "etats-unis",
        "etats unis",
        "united states",
        "usa",
        "amerique",
        "virginie",
        "virginia",
        "oregon",
        "californie",
        "california",
    ),
    "GB": ("royaume-uni", "royaume uni", "united kingdom", "angleterre", "england", "londres", "london"),
    "CH": ("suisse", "switzerland", "zurich", "geneve", "geneva"),
    "CA": ("canada", "montreal", "toronto"),
    "IN": ("inde", "india", "bangalore", "bengaluru"),
    "MA": ("maroc", "morocco", "casablanca", "rabat"),
    "TN": ("tunisie", "tunisia", "tunis"),
    "SG": ("singapour", "singapore"),
    "JP": ("japon", "japan", "tokyo"),
    "AU": ("australie", "australia", "sydney"),
    "IL": ("israel", "tel aviv"),
    "CN": ("chine", "china"),
    "BR": ("bresil", "brazil"),
    "MU": ("maurice", "mauritius", "ile maurice"),
    "SN": ("senegal", "dakar"),
    "UA": ("ukraine",),
    "MG": ("madagascar",),
}
_LOOKUP = {name: code for code, names in _NAMES.items() for name in names}
_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, _LOOKUP), key=len, reverse=True)) + r")(?![\w-])")
_CODE = re.compile(r"^[A-Za-z]{2}$")
_PLACES = frozenset(name.replace("-", " ") for name in _LOOKUP) | {
    "europe",
    "union europeenne",
    "european union",
    "eu",
    "ue",
    "eee",
    "eea",
    "emea",
    "amerique du nord",
    "north america",
    "asie",
    "asia",
    "royaume uni",
    "etats unis",
}


def country_code(value: str) -> str | None:
    """'France', 'FR', 'Dublin' -> ISO code; None if unknown."""
    text = value.strip()
    if _CODE.match(text) and text.upper() in set(_NAMES) | EEA:
        return text.upper()
    match = _PATTERN.search(fold(text))
    return _LOOKUP[match.group(1)] if match else None


def is_place_name(value: str) -> bool:
    """The whole value names a country or a known city ('Switzerland', 'Irlande'): not a company."""
    return " ".join(fold(value).replace("-", " ").split()) in _PLACES


def countries_in(text: str) -> list[tuple[int, int, str]]:
    """Every country or known city named in a text: (start, end, ISO code)."""
    return [(m.start(), m.end(), _LOOKUP[m.group(1)]) for m in _PATTERN.finditer(fold(text))]


def country_name(code: str) -> str:
    """'IE' -> 'Irlande (IE)': the first (French) name of the gazetteer, for messages."""
    names = _NAMES.get(code)
    return f"{names[0].capitalize()} ({code})" if names else code


def in_eea(code: str) -> bool:
    return code in EEA
