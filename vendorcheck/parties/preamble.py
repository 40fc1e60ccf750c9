"""Who signs, as the preamble says it: the controller (the practice) and the processor (the vendor).

Contracts name their parties in a few fixed shapes, tried in this order:
  1. a block "Entre … ci-après « le Client » … et … ci-après « le Prestataire »" (EN "between … and …");
  2. label lines "Le Prestataire : Nuage Fictif SAS";
  3. a provider clause "proposées par X" / "provided by X" (terms of service name only the vendor);
  4. an opening alias "X (ci-après « X »), éditeur…, propose…" / "X (“X”) offers…".
Generic designations ("the Customer", "toute personne physique ou morale") and template placeholders are
not names: they only tell which role the other party has. A SIREN is kept only when written in the party's
own description and its check digit holds.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from vendorcheck.models import Document, Party, VendorIdentity
from vendorcheck.parties.legal import siren_in
from vendorcheck.parties.names import DETERMINERS, name_at, name_before
from vendorcheck.parties.roles import Role, roles_of, term_role
from vendorcheck.parties.terms import ALL_QUOTED, HEREINAFTER, PAREN_TERM
from vendorcheck.text import fold

PREAMBLE_CHARS = 6000
_BETWEEN = re.compile(r"\b(?:entre(?:\s+les\s+soussign[ée]s)?|between)\b[\s:*_]*+", re.IGNORECASE)
_SPLITS = (  # where the first party's description ends, most reliable first
    re.compile(r"\n\s*(?:\*\*)?\s*(?:et|and)\s*:?\s*(?:\*\*)?\s*:?\s*\n", re.IGNORECASE),
    re.compile(r"(?<=[)»”\"])\s*,?\s+(?:et|and)\s+", re.IGNORECASE),
    re.compile(r",\s+(?:et|and)\s+", re.IGNORECASE),
    re.compile(r"\s+(?:et|and)\s+", re.IGNORECASE),
)
_LABEL = re.compile(
    r"^[ \t>*_-]*(?:le |la |l['’])?(?P<label>prestataire|client|fournisseur|h[ée]bergeur|"
    r"sous-traitant|responsable (?:de|du) traitement|cabinet|[ée]diteur|titulaire|customer|"
    r"provider|processor|controller|vendor|supplier)[ \t*_]*:[ \t]*",
    re.IGNORECASE | re.MULTILINE,
)
_PROVIDED_BY = re.compile(
    r"\b(?:propos[ée]e?s?|[ée]dit[ée]e?s?|fournie?s?|exploit[ée]e?s?|provided|offered|"
    r"operated|published)\s+(?:par|by)\s+",
    re.IGNORECASE,
)
_PROVIDER_CUE = re.compile(
    r"\b(?:propose|[ée]diteur|[ée]dite|fournit|exploite|offers|provides|operates)\b", re.IGNORECASE
)
_GENERIC_CONTROLLERS = {"personne", "customers", "clients", "users", "responsable"}


class Found(NamedTuple):
    span: tuple[int, int] | None  # None: a generic designation ("the Customer") with only a role
    role: Role
    siren: str | None


def extract_parties(document: Document, vendor: VendorIdentity | None = None) -> list[Party]:
    """The parties a contract names, controller first, each with the quote of its name: the practice as
    the preamble names it, and the vendor as `identify_vendor` reads it from every signal of the text
    (none when it is not identified; pass `vendor` when it is already read)."""
    from vendorcheck.parties.vendor import identify_vendor

    text = document.text[:PREAMBLE_CHARS]
    parties: list[Party] = []
    for item in preamble_parties(text):
        if item.span is None or item.role == "processor":
            continue
        start, end = item.span
        name = document.text[start:end]
        if any(fold(p.name) == fold(name) for p in parties):
            continue
        parties.append(Party(name=name, role=item.role, siren=item.siren, evidence=document.quote(start, end)))
    vendor = vendor or identify_vendor(document)
    if vendor.name is not None and not any(fold(p.name) == fold(vendor.name) for p in parties):
        parties.append(Party(name=vendor.name, role="processor", siren=vendor.siren, evidence=vendor.evidence))
    return sorted(parties, key=lambda p: {"controller": 0, "processor": 1}.get(p.role, 2))


def preamble_parties(text: str) -> list[Found]:
    """Every party the preamble describes, named or not, each with its role; names of aliases replaced by
    the legal name the text gives them."""
    text = text[:PREAMBLE_CHARS]
    found = _complete_roles(_between(text) or _labels(text))
    if not any(f.span and f.role == "processor" for f in found):
        found = _complete_roles(found + (_opening_alias(text) or _provider_clause(text)))
    expanded = []
    for item in found:
        if item.span is not None:
            span = _expand_alias(text, *item.span)
            siren = item.siren or (siren_in(text[span[1] : span[1] + 500]) if span != item.span else None)
            item = item._replace(span=span, siren=siren)
        expanded.append(item)
    return expanded


def provider_spans(text: str) -> list[tuple[int, int]]:
    """Names after 'proposées par', 'édité par', 'provided by'."""
    spans = []
    for match in _PROVIDED_BY.finditer(text):
        span = name_at(text, match.end(), min(len(text), match.end() + 120))
        if span:
            spans.append(span)
    return spans


def _provider_clause(text: str) -> list[Found]:
    spans = provider_spans(text)[:1]
    return [Found(span, "processor", siren_in(text[span[1] : span[1] + 400])) for span in spans]


def _between(text: str) -> list[Found]:
    """The 'Entre … et …' / 'between … and …' block, split into two descriptions."""
    for match in _BETWEEN.finditer(text):
        start = match.end()
        end = _block_end(text, start)
        for pattern in _SPLITS:
            result = _split(text, start, end, pattern)
            if result:
                return result
    return []


def _split(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[Found]:
    for split in pattern.finditer(text, start, end):
        right_start = split.end()
        if not _opens_party(text, right_start):
            continue
        right_end = _sentence_end(text, right_start, end)
        parts = [_describe(text, start, split.start()), _describe(text, right_start, right_end)]
        named = [p for p in parts if p and p.span]
        roles = [p.role for p in parts if p]
        # A real parties block names someone and says, by a term or a generic designation, who is who.
        if named and len([p for p in parts if p]) == 2 and any(r != "unknown" for r in roles):
            return [p for p in parts if p]
        return []
    return []


def _block_end(text: str, start: int) -> int:
    heading = re.search(
        r"\n#+\s|\n\s*(?:article\b|pr[ée]ambule|whereas|1\.\s|ceci expos[ée])", text[start:], re.IGNORECASE
    )
    return start + heading.start() if heading else len(text)


def _sentence_end(text: str, start: int, end: int) -> int:
    stop = re.search(r"\.\s*(?:\n|$)|\.\s+[A-Z]|\n\s*\n\s*(?:\*\*)?d'autre part", text[start:end])
    return start + stop.end() if stop else end


def _opens_party(text: str, pos: int) -> bool:
    """The text after 'et'/'and' starts a party: a name, or a determiner ('the customer', 'you')."""
    head = text[pos : pos + 40].lstrip(" \t\n*_:")
    word = re.match(r"[\w'’]+", head)
    return bool(word) and (
        head[:1].isupper() or head[:1].isdigit() or fold(word.group(0)) in DETERMINERS | {"you", "vous", "chaque"}
    )


def _describe(text: str, start: int, end: int) -> Found | None:
    """One party description: the name that opens it (or a generic designation), its terms, its SIREN."""
    segment = text[start:end]
    terms = [m.group("term") for m in (*HEREINAFTER.finditer(segment), *PAREN_TERM.finditer(segment))]
    if re.search(
        r"en (?:tant que|qualit[ée] de) sous-traitant|as (?:a |the )?(?:data )?processor", segment, re.IGNORECASE
    ):
        terms.append("sous-traitant")
    span = name_at(text, start, end)
    if span is None:
        generic = _generic_role(segment)
        if generic is None:
            return None
        return Found(None, roles_of(terms) if terms else generic, None)
    return Found(span, roles_of(terms), siren_in(segment))


def _labels(text: str) -> list[Found]:
    found = []
    for match in _LABEL.finditer(text):
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        span = name_at(text, match.end(), line_end)
        if span:
            found.append(Found(span, term_role(match.group("label")), siren_in(text[match.end() : line_end])))
    return found


def _opening_alias(text: str) -> list[Found]:
    """'Clever Cloud SAS (ci-après « Clever Cloud »), éditeur…, propose…': a name and alias followed by
    what the vendor offers, in terms of service that never say 'between'."""
    for match in PAREN_TERM.finditer(text):
        span = name_before(text, match.start())
        after = text[match.end() : match.end() + 200]
        if span and _PROVIDER_CUE.search(after) and term_role(match.group("term")) != "controller":
            return [Found(span, "processor", siren_in(after))]
    return []


def _generic_role(segment: str) -> Role | None:
    words = re.findall(r"[\w'’-]+", fold(segment[:80]))
    while words and words[0] in DETERMINERS:
        words = words[1:]
    if not words:
        return None
    role = term_role(words[0])
    if role != "unknown":
        return role
    return "controller" if words[0] in _GENERIC_CONTROLLERS else None


def _complete_roles(found: list[Found]) -> list[Found]:
    """Two parties with one role known: the other has the other role. A lone named party in terms of
    service is the vendor: the customer is 'you' or 'le Client'."""
    known = {f.role for f in found} - {"unknown"}
    if len(found) == 2 and len(known) == 1:
        other: Role = "processor" if known == {"controller"} else "controller"
        return [f if f.role != "unknown" else f._replace(role=other) for f in found]
    if len(found) == 1 and found[0].role == "unknown":
        return [found[0]._replace(role="processor")]
    return found


def _expand_alias(text: str, start: int, end: int) -> tuple[int, int]:
    """'between Jottacloud and you' where the text says 'Jotta AS (“Jottacloud”)': use the legal name."""
    name = fold(text[start:end])
    for match in PAREN_TERM.finditer(text):
        terms = [fold(m.group("term")) for m in ALL_QUOTED.finditer(match.group(0))]
        if name in terms:
            span = name_before(text, match.start())
            if span and fold(text[span[0] : span[1]]) != name:
                return span
    return start, end
