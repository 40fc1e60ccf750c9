"""Who the vendor is: the company a contract binds as provider or processor, with a confidence and the
quotes that show it — or "not identified" when the text does not say clearly.

Each signal votes for a name: the parties block and label lines of the preamble, a defined name with a
vendor role ("X (the "Processor")", « ci-après le Prestataire », "X is the Processor"), the legal
mentions of a company (form, capital, RCS/SIREN), a provider clause ("édité par X"), the signature block,
the title, and how often the name acts in the text ("X shall", « X s'engage »). Aliases a name is given
("Ruler GmbH (« Tale », « nous »)") count for it. A name the text gives the customer's role counts against
it. Nothing that is not a name can win: generic words, sentence fragments, places, acronyms of the text and
template blanks are filtered first.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from vendorcheck.hds.names import core_key
from vendorcheck.models import Document, Signal, VendorIdentity
from vendorcheck.parties.legal import legal_mentions
from vendorcheck.parties.names import PLACEHOLDER, has_legal_form, name_at, vendor_name_problem
from vendorcheck.parties.preamble import PREAMBLE_CHARS, preamble_parties, provider_spans
from vendorcheck.parties.roles import roles_of, term_role
from vendorcheck.parties.terms import DefinedTerm, defined_terms

# Votes. A role the contract states outright weighs most; being often the subject of obligations or
# named in the title only adds to a name found otherwise or to a name that clearly dominates the text.
WEIGHTS = {
    "operator": 3.0,
    "parties": 3.0,
    "defined_role": 3.0,
    "signature_role": 3.0,
    "statement": 3.0,
    "legal": 2.0,
    "provided_by": 2.0,
    "signature": 1.5,
    "alias": 1.0,
    "title": 1.5,
}
_ACTOR_WEIGHT, _ACTOR_CAP, _ACTOR_MIN = 0.5, 3.0, 3
_ACTOR_MATCHES = 5000  # enough to rank the actors of a long contract; bounds the cost of a hostile one
_STATEMENT_EXTRA, _STATEMENT_CAP = 0.5, 4.0
_CONTROLLER_PENALTY = 5.0
IDENTIFIED = 3.0  # below this, "not identified"
_RIVAL_RATIO = 0.7  # a runner-up this close makes the answer unsure

_ACTOR = re.compile(
    r"(?<![\w'’&.-])(?P<name>[A-ZÀ-ÖØ-Þ][\w'’&.-]*+(?:[ \t]++(?:[A-ZÀ-ÖØ-Þ][\w'’&.-]*+|de|du|des|of|&)){0,4})"
    r"[ \t]++"
    r"(?:shall|will|may|must|processes|provides|agrees|warrants|uses|stores|hosts|maintains|offers|reserves|"
    r"collects|notifies|ensures|implements|s['’]engage|garantit|assure|traite|fournit|propose|met|peut|doit|"
    r"h[ée]berge|conserve|informe|notifie|se\s++r[ée]serve|veille|s['’]interdit|ne\s++(?:garantit|peut)|"
    r"reconna[iî]t|utilise|collecte|poursuit|prend|op[èe]re|est\s++responsable)\b"
)
_PROCESSOR_DESIGNATED = re.compile(
    r"\b(?:le|du|au|the|a|un)\s++(?:prestataire|sous-traitant|fournisseur|h[ée]bergeur|"
    r"processor|provider|supplier|vendor|contractor|contractant|titulaire)\b",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(
    r"(?:^|\n)[ \t*_]*(?:pour|for(?:\s++and)?\s++on\s++behalf\s++of|on\s++behalf\s++of|for)"
    r"[ \t]++(?:la\s++soci[ée]t[ée][ \t]++)?(?P<rest>[^\n]{2,80})",
    re.IGNORECASE,
)
_SIGNATURE_ZONE = 4000
_TITLE_CHARS = 160
_NAME_LABEL = re.compile(r"[ \t*_]*(?:(?:nom|name|soci[ée]t[ée]|company)[ \t]*:)?[ \t*_]*", re.IGNORECASE)


@dataclass
class _Candidate:
    spans: list[tuple[int, int]] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    siren: str | None = None
    actor: int = 0

    @property
    def score(self) -> float:
        by_kind: dict[str, list[Signal]] = {}
        for signal in self.signals:
            by_kind.setdefault(signal.kind, []).append(signal)
        total = sum(WEIGHTS[k] for k in by_kind if k in WEIGHTS and k != "statement")
        statements = len(by_kind.get("statement", []))
        if statements:
            total += min(_STATEMENT_CAP, WEIGHTS["statement"] + _STATEMENT_EXTRA * (statements - 1))
        if self.actor >= _ACTOR_MIN:
            total += min(_ACTOR_CAP, _ACTOR_WEIGHT * self.actor)
        if "controller" in by_kind:
            total -= _CONTROLLER_PENALTY
        return total


class _Votes:
    """Candidates keyed by the distinctive part of their name; aliases point to the name they stand for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.candidates: dict[str, _Candidate] = {}
        self.alias_of: dict[str, str] = {}
        self.alias_text: dict[str, set[str]] = {}  # key -> aliases as written

    def key(self, name: str) -> str:
        key = core_key(name)
        seen = set()
        while key in self.alias_of and key not in seen:
            seen.add(key)
            key = self.alias_of[key]
        return key

    def add(self, span: tuple[int, int], kind: str, siren: str | None = None) -> None:
        name = self.text[span[0] : span[1]]
        if vendor_name_problem(name) is not None:
            return
        candidate = self.candidates.setdefault(self.key(name), _Candidate())
        candidate.spans.append(span)
        candidate.signals.append(
            Signal(kind=kind, weight=WEIGHTS.get(kind, -_CONTROLLER_PENALTY), start=span[0], end=span[1])
        )
        candidate.siren = candidate.siren or siren

    def link(self, alias: str, name: str) -> None:
        """`alias` stands for `name` ("Tale" for "Ruler GmbH"): merge what was said of either."""
        source, target = core_key(alias), self.key(name)
        if source == target or vendor_name_problem(alias) not in (None, "acronym"):
            return
        self.alias_of[source] = target
        self.alias_text.setdefault(target, set()).add(alias)
        for key in [k for k, v in self.alias_of.items() if v == source]:
            self.alias_of[key] = target
        self.alias_text.setdefault(target, set()).update(self.alias_text.pop(source, set()))
        moved = self.candidates.pop(source, None)
        if moved:
            kept = self.candidates.setdefault(target, _Candidate())
            kept.spans += moved.spans
            kept.signals += moved.signals
            kept.actor += moved.actor
            kept.siren = kept.siren or moved.siren


def identify_vendor(document: Document) -> VendorIdentity:
    """The vendor of a contract, with its confidence and evidence; "not identified" when unsure."""
    text = document.text
    votes = _Votes(text)
    terms = defined_terms(text)
    # A named controller is the customer when a provider or processor is designated besides it; in terms
    # of service that designate none, it is the organisation that runs the service ("Le responsable de
    # traitement est la Direction …" in a platform's terms of use).
    operator = not (any(t.role == "processor" for t in terms) or _PROCESSOR_DESIGNATED.search(text))
    for term in terms:
        _vote_defined(votes, term, operator=operator)
    for party in preamble_parties(text):
        if party.span is not None:
            votes.add(party.span, "parties" if party.role == "processor" else "controller", siren=party.siren)
    for mention in legal_mentions(text):
        votes.add(mention.span, "legal", siren=mention.siren)
    for span in _provided_by(text):
        votes.add(span, "provided_by")
    for span, with_role in _signatures(text):
        votes.add(span, "signature_role" if with_role else "signature")
    _count_actors(votes, text)
    _title(votes, text)
    return _decide(document, votes)


def _vote_defined(votes: _Votes, term: DefinedTerm, *, operator: bool) -> None:
    span = (term.start, term.end)
    names = [t for t in term.terms if term_role(t) == "unknown" and vendor_name_problem(t) in (None, "acronym")]
    for alias in names:
        votes.link(alias, term.name)
    if term.role == "processor":
        votes.add(span, "statement" if term.how == "statement" else "defined_role")
    elif term.role == "controller":
        votes.add(span, "operator" if operator else "controller")
    elif names:
        votes.add(span, "alias")


def _provided_by(text: str) -> list[tuple[int, int]]:
    """'proposé par la société Cloud Temple', 'provided by Nimbus Ltd', anywhere in the text; each name once."""
    spans: dict[str, tuple[int, int]] = {}
    for span in provider_spans(text):
        spans.setdefault(core_key(text[span[0] : span[1]]), span)
    return list(spans.values())


def _signatures(text: str) -> list[tuple[tuple[int, int], bool]]:
    """'Pour Nuage Fictif SAS :', 'For and on behalf of Nimbus Ltd' in the last pages, and whether the
    line gives the signer's role ('Pour Cloud Temple, le PRESTATAIRE'). A role alone ('Pour le
    Prestataire') is followed by the name on the next line."""
    zone = max(0, len(text) - _SIGNATURE_ZONE)
    found = []
    for match in _SIGNATURE.finditer(text, zone):
        rest, line = match.start("rest"), match.group("rest")
        with_role = term_role(line.strip(" :*_")) == "processor"
        if with_role:
            next_line = text.find("\n", match.end())
            rest = next_line + 1 if next_line >= 0 else match.end()
            rest = _NAME_LABEL.match(text, rest).end()  # type: ignore[union-attr]
        span = name_at(text, rest, min(len(text), rest + 100))
        if span:
            after = text[span[1] : match.end()] if not with_role else ""
            found.append((span, with_role or roles_of(re.findall(r"[\w'’-]+", after)[-2:]) == "processor"))
    return found


def _count_actors(votes: _Votes, text: str) -> None:
    """How often each name is the subject of an obligation or an act ("X shall", « X s'engage »)."""
    for match in islice(_ACTOR.finditer(text), _ACTOR_MATCHES):
        span = name_at(text, match.start("name"), match.end("name"))
        if span is None or span[1] != match.end("name"):
            continue
        name = text[span[0] : span[1]]
        if vendor_name_problem(name) is None:
            candidate = votes.candidates.setdefault(votes.key(name), _Candidate())
            candidate.actor += 1
            if len(candidate.spans) < 3:
                candidate.spans.append(span)


def _title(votes: _Votes, text: str) -> None:
    """A candidate named in the title ("Google Ads Data Processing Terms", « CGU … DOCTOLIB »)."""
    first = next((line for line in text[:2000].splitlines() if line.strip(" #*_=-")), "")
    if len(first) > _TITLE_CHARS or first.rstrip().endswith("."):
        return  # the text opens with a sentence, not a title
    title = f" {core_key(first)} "
    start = text.find(first)
    for key, candidate in votes.candidates.items():
        if key and f" {key} " in title:
            candidate.signals.append(Signal(kind="title", weight=WEIGHTS["title"], start=start, end=start + len(first)))


def _decide(document: Document, votes: _Votes) -> VendorIdentity:
    ranked = sorted(votes.candidates.values(), key=lambda c: c.score, reverse=True)
    ranked = [c for c in ranked if c.spans]
    if _is_template(document.text) and not any(
        s.kind in ("parties", "defined_role", "legal") for c in ranked[:1] for s in c.signals
    ):
        return VendorIdentity(unidentified_because="template")
    if not ranked or ranked[0].score < IDENTIFIED:
        return VendorIdentity(unidentified_because="weak" if ranked and ranked[0].score > 0 else "none")
    best = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    if runner_up > best.score * _RIVAL_RATIO:
        return VendorIdentity(unidentified_because="ambiguous")
    names = [document.text[a:b] for a, b in best.spans]
    name = _display_name(names)
    anchor = next(
        (s for s in sorted(best.signals, key=lambda s: -s.weight) if document.text[s.start : s.end] == name), None
    )
    start, end = (
        (anchor.start, anchor.end) if anchor else next((a, b) for a, b in best.spans if document.text[a:b] == name)
    )
    aliases = sorted({n for n in {*names, *_aliases_of(votes, best)} if core_key(n) != core_key(name)})
    confidence = (1 - math.exp(-best.score / 4)) * (1 - 0.5 * max(0.0, runner_up) / best.score)
    return VendorIdentity(
        name=name,
        aliases=aliases,
        siren=best.siren,
        confidence=round(confidence, 2),
        evidence=document.quote(start, end),
        signals=best.signals,
    )


def _display_name(names: list[str]) -> str:
    """The fullest way the text writes the name: with its legal form, in its own case rather than capitals."""
    counts = Counter(names)

    def rank(name: str) -> tuple[bool, bool, bool, int, int]:
        return has_legal_form(name), name[:1].isupper(), not name.isupper(), counts[name], len(name)

    return max(counts, key=rank)


def _aliases_of(votes: _Votes, candidate: _Candidate) -> set[str]:
    target = next(k for k, c in votes.candidates.items() if c is candidate)
    return votes.alias_text.get(target, set())


def _is_template(text: str) -> bool:
    """A model contract whose parties are left blank ('{{company.name}}', '[NOM]', '______')."""
    return len(PLACEHOLDER.findall(text[:PREAMBLE_CHARS])) >= 2
