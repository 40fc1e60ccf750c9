"""Defined names: how a contract says who is who, in one place for every part that needs to know.

    Nimbus Records Ltd ("Provider")              Ruler GmbH (« Tale », « nous »)
    …, ci-après dénommée « le Prestataire »       « L'éditeur » est le GIP Plateforme de l'inclusion
    "Processor" means Nimbus Records Ltd          Wire is the Processor / Tale est le Sous-traitant

`defined_terms(text)` returns each name with the terms it is given and the role they imply;
`role_words(text)` gathers, for one document, every word that designates each side ("the Processor",
"we", "Tale", "Ruler GmbH" on one side; "the Customer", "you" on the other), so that a clause's subject
can be read as the vendor or the practice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from pydantic import BaseModel, Field

from vendorcheck.parties.legal import described_company
from vendorcheck.parties.names import CONNECTORS, TOKEN, has_legal_form, name_at, name_before, vendor_name_problem
from vendorcheck.parties.roles import CONTROLLER_TERMS, PROCESSOR_TERMS, Role, roles_of, term_role
from vendorcheck.text import fold

MAX_MATCHES = 500
# Whitespace runs are matched possessively (\s*+): a run of spaces must never be re-split on failure, or a
# parenthesis followed by thousands of spaces would cost quadratic time.
QUOTED = r"[«“\"]\s*+(?:\*\*_?|_)?\s*+(?P<term>[^»”\"*_\n]{1,60}?)\s*(?:_?\*\*|_)?\s*[»”\"]"
HEREINAFTER = re.compile(r"(?:ci-?\s?apr[eè]s|hereinafter|hereafter)[^«“\"\n]{0,40}?" + QUOTED, re.IGNORECASE)
PAREN_TERM = re.compile(
    r"\(\s*+(?:(?:ci-?\s?apr[eè]s|hereinafter)[^«“\"\n)]{0,30}?)?(?:the\s++)?"
    + QUOTED
    + r"(?:\s*+(?:,?\s*+or|ou|,|;)\s*+(?:the\s++)?[«“\"][^»”\"\n]{1,40}[»”\"])*+\s*+\)",
    re.IGNORECASE,
)
ALL_QUOTED = re.compile(QUOTED)
# « L'éditeur » est le GIP … / "Provider" means Nimbus Ltd / « Prestataire » désigne la société …
_TERM_IS = re.compile(
    r"[«“\"]\s*+(?:\*\*)?\s*+(?P<term>[^»”\"*\n]{1,40}?)\s*(?:\*\*)?\s*[»”\"]\s*+:?\s*+"
    r"(?:\*\*)?\s*+(?:est|d[ée]signe|means|refers\s++to|shall\s++mean)\s++"
    r"(?:le\s++|la\s++|l['’]|the\s++|la\s++soci[ée]t[ée]\s++)?",
    re.IGNORECASE,
)
# Le responsable de traitement est la Direction … / The Processor is Nimbus Ltd: a role word, unquoted, then
# the name (a lowercase word after the verb — "Le Prestataire est tenu de …" — is no name and is dropped).
_ROLE_IS = re.compile(
    r"\b(?:le|la|l['’]|the)\s*+(?P<term>prestataire|sous-traitant|fournisseur|h[ée]bergeur|"
    r"[ée]diteur|responsable\s++d[eu]s?\s++traitements?|(?:data\s++)?processor|(?:data\s++)?controller|"
    r"(?:service\s++)?provider|supplier)\s++(?:est|is|d[ée]signe|means)\s++"
    r"(?:la\s++soci[ée]t[ée]\s++|le\s++|la\s++|l['’]|the\s++)?",
    re.IGNORECASE,
)
# Wire is the Processor / Cloud Temple opère en tant que sous-traitant / Tale est le Sous-traitant / X acts as
# the data processor. The subject is read backwards from the verb by `name_before`. A match starts only at
# the first space of a run, so a long run of spaces is scanned once.
_ROLE_STATEMENT = re.compile(
    r"(?<!\s)\s++(?:is|acts|shall\s++act|will\s++act|est|agit|intervient|op[èe]re)\s++(?:as\s++|en\s++(?:tant\s++que|"
    r"qualit[ée]\s++de)\s++)?(?:the\s++|a\s++|le\s++|la\s++|l['’]|un\s++|une\s++)?(?:data\s++)?"
    r"(?P<role>processor|controller|sous-traitant|responsable\s++(?:de|du|des)\s++traitements?)\b",
    re.IGNORECASE,
)


# Meta Ireland processes European Data as your Processor / X traite les données en qualité de sous-traitant.
_ACTS_AS = re.compile(
    r"(?<!\s)\s++(?:processes|process|traite|traitent)\b[^.\n]{0,80}?\b(?:as\s++(?:your|the|a)|en\s++"
    r"(?:qualit[ée]\s++de|tant\s++que))\s++(?:data\s++)?(?P<role>processor|sous-traitant)\b",
    re.IGNORECASE,
)


# A generic designation of a party ("toute personne physique ou morale", "chaque responsable de traitement",
# "any entity"): what a following « ci-après » names when it comes after the last name.
_DESIGNATION = re.compile(
    r"\b(?:toute?s?|tous|chaque|any|each|all|every)\s++(?:autre\s++)?(?:personnes?|entit[ée]s?|"
    r"soci[ée]t[ée]s?|structures?|organi[sz]ations?|responsables?|clients?|utilisateurs?|"
    r"entreprises?|professionnels?|[ée]tablissements?|persons?|entity|entities|compan(?:y|ies)|"
    r"customers?|users?|parties|party)\b|\b(?:le|la|les|l['’]|the|your|votre)\s*+(?:responsables?\s++"
    r"d[eu]s?\s++traitements?|clients?|customers?|controllers?|utilisateurs?|users?|"
    r"souscripteurs?|abonn[ée]s?|cabinets?|praticiens?|licensees?)\b",
    re.IGNORECASE,
)
_NUMBER_BEFORE = re.compile(r"\d[\d\s.]*+$")
# "la Direction interministérielle du numérique (DINUM)": an unquoted acronym in parentheses.
_ACRONYM = re.compile(r"\((?P<term>[A-Z][A-Z0-9&]{2,9})\)")


class DefinedTerm(BaseModel):
    """A name the contract gives to a party, with where it is written."""

    name: str = Field(description="The name as written (legal name when the contract gives one)")
    start: int
    end: int
    terms: list[str] = Field(default_factory=list, description="The designations it is given")
    role: Role = "unknown"
    how: str = Field(description="alias | hereinafter | means | statement")


class RoleWords(NamedTuple):
    processor: frozenset[str]
    controller: frozenset[str]

    def role_of(self, phrase: str) -> Role:
        """'the Processor', 'We', 'Tale' -> processor; 'the Customer', 'you' -> controller."""
        key = re.sub(r"^(?:le|la|les|l'|the)\s*", "", fold(phrase).strip())
        if key in self.processor:
            return "processor"
        if key in self.controller:
            return "controller"
        return "unknown"


@lru_cache(maxsize=4)  # read by the vendor, the parties and the role words of one review: once; read-only
def defined_terms(text: str) -> list[DefinedTerm]:
    """Every party name the text defines, in order of appearance (a name may appear several times). Each
    pattern is read at most `MAX_MATCHES` times: a contract defines its parties early and a few times, and
    a text made of thousands of parentheses must not cost more than a real one."""
    found: list[DefinedTerm] = []
    for match in _first(PAREN_TERM.finditer(text)):
        span = name_before(text, match.start())
        if (
            vendor_name_problem(text[span[0] : span[1]]) in ("place", "address")
            if span
            else _NUMBER_BEFORE.search(text, max(0, match.start() - 30), match.start())
        ):
            # "WeTransfer B.V., a company incorporated in the Netherlands ("WeTransfer")", "… under number
            # 01234567 ("Nimbus")": the alias names the company the sentence describes.
            span = _formal_name_before(text, span[0] if span else match.start())
        if span:
            terms = [m.group("term").strip() for m in ALL_QUOTED.finditer(match.group(0))]
            found.append(_term(text, span, terms, "alias", roles_of(terms)))
    for match in _first(HEREINAFTER.finditer(text)):
        role = term_role(match.group("term"))
        span = _formal_name_before(text, match.start()) if role != "unknown" else None
        if span and _DESIGNATION.search(text, span[1], match.start()):
            span = None  # "… de toute personne physique ou morale (ci-après « Client »)": no one is named
        if span:
            found.append(_term(text, span, [match.group("term").strip()], "hereinafter", role))
    for match in _first(_ACRONYM.finditer(text)):
        span = name_before(text, match.start()) or _spelled_out(text, match.start(), match.group("term"))
        if span and fold(text[span[0]])[:1] == fold(match.group("term"))[:1]:
            found.append(_term(text, span, [match.group("term")], "alias"))
    for match in (*_first(_TERM_IS.finditer(text)), *_first(_ROLE_IS.finditer(text))):
        role = term_role(match.group("term"))
        span = name_at(text, match.end(), min(len(text), match.end() + 120))
        if span and role != "unknown":
            found.append(_term(text, span, [match.group("term").strip()], "means", role))
    for match in (*_first(_ROLE_STATEMENT.finditer(text)), *_first(_ACTS_AS.finditer(text))):
        span = name_before(text, match.start() + 1, vendor_like=True)
        if span:
            said = fold(match.group("role"))
            role: Role = "processor" if said in ("processor", "sous-traitant") else "controller"
            found.append(_term(text, span, [match.group("role")], "statement", role))
    return sorted(found, key=lambda term: term.start)


def _term(text: str, span: tuple[int, int], terms: list[str], how: str, role: Role = "unknown") -> DefinedTerm:
    return DefinedTerm(name=text[span[0] : span[1]], start=span[0], end=span[1], terms=terms, role=role, how=how)


def _spelled_out(text: str, position: int, acronym: str) -> tuple[int, int] | None:
    """The words an acronym abbreviates, written just before it in lowercase ("la direction
    interministérielle du numérique (DINUM)"): the initials of its words, links aside, are the acronym's
    letters in order."""
    words = list(re.finditer(r"[\w'’-]+", text[max(0, position - 120) : position]))
    offset = max(0, position - 120)
    letters = fold(acronym)
    for size in range(2, min(7, len(words) + 1)):
        chosen = words[-size:]
        initials = [
            fold(re.sub(r"^[dl]['’]", "", w.group(0)))[:1] for w in chosen if fold(w.group(0)) not in CONNECTORS
        ]
        if initials and initials[0] == letters[:1] and _in_order(initials, letters):
            return offset + chosen[0].start(), offset + chosen[-1].end()
    return None


def _in_order(initials: list[str], letters: str) -> bool:
    position = 0
    for initial in initials:
        position = letters.find(initial, position)
        if position < 0:
            return False
        position += 1
    return True


def _formal_name_before(text: str, position: int) -> tuple[int, int] | None:
    """The company the sentence describes before `position`: the name its legal mentions follow, else the
    last name with a legal form."""
    start = max(text.rfind("\n", 0, position) + 1, text.rfind(". ", 0, position) + 2, position - 400)
    mention = described_company(text, start, position)
    if mention is not None:
        return mention
    names = []
    for token in TOKEN.finditer(text, start, position):
        if token.group(0)[:1].isupper() and (not names or token.start() >= names[-1][1]):
            span = name_at(text, token.start(), position)
            if span and vendor_name_problem(text[span[0] : span[1]]) is None:
                names.append(span)
    formal = [span for span in names if has_legal_form(text[span[0] : span[1]])]
    return (formal or names[:1] or [None])[-1]


def _first(matches: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
    return islice(matches, MAX_MATCHES)


def role_words(text: str) -> RoleWords:
    """The designations of each side in this text: generic role words plus the names and aliases it
    defines for each."""
    processor, controller = set(PROCESSOR_TERMS), set(CONTROLLER_TERMS)
    for term in defined_terms(text):
        side = processor if term.role == "processor" else controller if term.role == "controller" else None
        if side is not None:
            side.add(fold(term.name))
            side.update(fold(t) for t in term.terms if term_role(t) == "unknown")
    return RoleWords(frozenset(processor), frozenset(controller))
