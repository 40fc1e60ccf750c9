"""Legal mentions that identify a company: legal form, share capital, trade register and SIREN, registered
office ("Cloud Temple, une Société par Actions Simplifiée …, enregistrée au RCS de Nanterre sous le numéro
825 400 336, dont le siège social est situé …"; "Nimbus Ltd, a company registered in England under number …")."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from vendorcheck.hds.identifiers import only_digits, siren_valid
from vendorcheck.parties.names import TOKEN, has_legal_form, name_at, vendor_name_problem

SIREN = re.compile(
    r"(?:siren|siret|rcs|registre du commerce[^0-9\n]{0,60}?|num[ée]ro)\D{0,25}?"
    r"(?P<v>\d{3}[\s\u00a0.]?\d{3}[\s\u00a0.]?\d{3}(?:[\s\u00a0.]?\d{5})?)(?!\d)",
    re.IGNORECASE,
)
# Mentions only a company's own description carries. "Siège social" or "registered office" alone also
# describe addresses of anyone; they do not start a description.
_MENTION = re.compile(
    r"soci[ée]t[ée]\s++(?:par\s++actions\s++simplifi[ée]e|anonyme|[àa]\s++responsabilit[ée]\s++limit[ée]e|"
    r"civile|coop[ée]rative)|\b(?-i:SAS|SASU|SARL|SA|SELARL|SELAS|EURL|SE)\s++au\s++capital|\bau\s++capital\s++(?:social\s++)?"
    r"de\b|\bcapital\s++social\b|\bimmatricul[ée]e?s?\s++(?:au|sous|en)\b|registre\s++du\s++commerce|\b(?-i:RCS)\b|"
    r"\b(?-i:SIREN|SIRET)\b|registered\s++(?:in\s++(?-i:[A-Z])|under\s++(?:number|the\s++laws))|incorporated\s++"
    r"(?:in\s++(?-i:[A-Z])|under\s++the\s++laws)|company\s++(?:number|registration\s++number)|share\s++capital|"
    r"\bHandelsregister|\b(?-i:KvK)\b|chamber\s++of\s++commerce",
    re.IGNORECASE,
)
MAX_MATCHES = 200  # footers repeat the mentions on every page; a few hundred say all there is to say
_REACH = 200  # a legal description follows the name it describes within a sentence or two
_PARAGRAPH = re.compile(r"\n\s*\n")


class LegalMention(NamedTuple):
    span: tuple[int, int]  # the company name described
    siren: str | None
    mention: tuple[int, int]  # the first legal mention, quoted as evidence


def siren_in(segment: str) -> str | None:
    """The first SIREN (or SIRET's SIREN) written in the segment whose check digit holds."""
    for match in SIREN.finditer(segment):
        digits = only_digits(match.group("v"))
        if siren_valid(digits[:9]):
            return digits[:9]
    return None


@lru_cache(maxsize=4)  # read by the vendor and the parties of one review: once; read-only
def legal_mentions(text: str) -> list[LegalMention]:
    """Each company the text describes with legal mentions, with its SIREN when written and valid. A run
    of mentions describes one company: the name written just before the first of them."""
    found: list[LegalMention] = []
    for match in islice(_MENTION.finditer(text), MAX_MATCHES):
        span = _described_name(text, match.start())
        if span is None:
            continue
        # The description runs at most to the end of its paragraph.
        paragraph = _PARAGRAPH.search(text, match.end(), match.end() + 600)
        end = paragraph.start() if paragraph else min(len(text), match.end() + 600)
        found.append(LegalMention(span, siren_in(text[span[1] : end]), (match.start(), match.end())))
    return found


def described_company(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name the first legal mention between `start` and `end` describes, if any."""
    match = _MENTION.search(text, start, end)
    return _described_name(text, match.start()) if match else None


def _described_name(text: str, mention: int) -> tuple[int, int] | None:
    """The name a description follows: among the acceptable names ending shortly before the mention, in
    the same paragraph, the last one written with a legal form, else the last one."""
    window_start = max(0, mention - _REACH)
    blank = text.rfind("\n\n", window_start, mention)
    window_start = blank + 2 if blank >= 0 else window_start
    names: list[tuple[int, int]] = []
    for token in TOKEN.finditer(text, window_start, mention):
        word = token.group(0)
        if not (word[:1].isupper() or word.startswith("**")) or (names and token.start() < names[-1][1]):
            continue
        span = name_at(text, token.start(), mention)
        if span and vendor_name_problem(text[span[0] : span[1]]) is None:
            names.append(span)
    formal = [span for span in names if has_legal_form(text[span[0] : span[1]])]
    return (formal or names or [None])[-1]
