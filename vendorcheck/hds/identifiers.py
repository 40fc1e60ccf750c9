"""French company identifiers (SIREN, SIRET) and HDS certificate numbers: checksums and normal forms."""

from __future__ import annotations

import re

from pydantic import BaseModel

# La Poste's establishments share SIREN 356 000 000 and their SIRETs fail the Luhn check; INSEE applies a
# different rule to them (digit sum divisible by 5).
_LA_POSTE_SIREN = "356000000"
_DIGIT_RUN = re.compile(r"(?<![\dA-Za-z])(\d[\d\s.\u00a0\u202f]{7,20}\d)(?![\dA-Za-z])")


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) check INSEE uses for SIREN and SIRET numbers."""
    if not digits.isdigit():
        return False
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = int(char) * (2 if i % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def only_digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def siren_valid(value: str) -> bool:
    digits = only_digits(value)
    return len(digits) == 9 and luhn_valid(digits)


def siret_valid(value: str) -> bool:
    digits = only_digits(value)
    if len(digits) != 14:
        return False
    if digits.startswith(_LA_POSTE_SIREN):
        return sum(int(c) for c in digits) % 5 == 0
    return luhn_valid(digits)


def normalise_siren(value: str) -> str:
    """The 9-digit SIREN of a SIREN or SIRET, spaces and dots removed; raises ValueError if invalid."""
    digits = only_digits(value)
    if len(digits) == 14:
        if not siret_valid(digits):
            raise ValueError(digits)
        return digits[:9]
    if len(digits) != 9 or not luhn_valid(digits):
        raise ValueError(digits)
    return digits


def normalise_certificate_number(value: str) -> str:
    """Case-, space- and punctuation-insensitive form: 'FR 094 504' and 'fr094504' compare equal."""
    return re.sub(r"[^0-9a-z]", "", value.lower())


class ParsedQuery(BaseModel):
    """A user's query split into a name and the identifiers it contains."""

    text: str
    name: str
    siren: str | None = None
    siret: str | None = None
    invalid_identifiers: list[str] = []


def parse_query(query: str) -> ParsedQuery:
    """'Nuage Fictif SAS (SIREN 123 456 782)' -> name and SIREN. Digit runs of 9 or 14 digits are read as
    SIREN or SIRET; a run that fails its checksum is reported, not silently used as a name."""
    siren = siret = None
    invalid: list[str] = []
    name = query
    for match in _DIGIT_RUN.finditer(query):
        digits = only_digits(match.group(1))
        if len(digits) not in (9, 14):
            continue
        name = name.replace(match.group(1), " ")
        if len(digits) == 14 and siret_valid(digits):
            siret, siren = digits, digits[:9]
        elif len(digits) == 9 and siren_valid(digits):
            siren = digits
        else:
            invalid.append(digits)
    name = re.sub(r"\b(?:siren|siret|rcs|numéro|numero)\b|n°|[():,;]", " ", name, flags=re.IGNORECASE)
    return ParsedQuery(text=query, name=" ".join(name.split()), siren=siren, siret=siret, invalid_identifiers=invalid)
