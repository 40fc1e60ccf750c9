"""Find a vendor in a snapshot: exact identifiers first, then normalised names, then fuzzy names.

Scores are rapidfuzz ratios (0-100) on the distinctive part of the names (legal forms and group words
removed). A name that merely contains a certified name ('Nuage Fictif Santé' vs 'Nuage Fictif') is kept
apart as a *related* entity: an HDS certificate is nominative and does not pass to a sister company.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from vendorcheck.hds.identifiers import ParsedQuery, normalise_certificate_number
from vendorcheck.hds.models import Candidate, HdsEntry, MatchInfo
from vendorcheck.hds.names import core_key

FUZZY_THRESHOLD = 88.0  # below this a name is a "did you mean", not a match
NEAR_THRESHOLD = 70.0
AMBIGUITY_MARGIN = 3.0  # two different entities closer than this are reported as ambiguous
_PRIORITY = {
    "siren": 0,
    "certificate_number": 0,
    "legal_name": 1,
    "trade_name": 1,
    "former_name": 1,
    "fuzzy": 2,
    "related": 3,
}
# Names shared within a group: matching one of these does not tell the entity apart from another listed
# entity whose name begins with the same words.
_SHARED_KINDS = ("trade_name", "former_name", "fuzzy")


class MatchResult(BaseModel):
    entry: HdsEntry | None = None
    match: MatchInfo | None = None
    ambiguous: list[Candidate] = Field(default_factory=list)
    near: list[Candidate] = Field(default_factory=list, description="Close names below the threshold")
    siren_conflict: bool = Field(False, description="Matched by name, but the list gives another SIREN")
    others: list[Candidate] = Field(
        default_factory=list, description="Other listed entities whose name begins with the query's name"
    )


def find(query: ParsedQuery, entries: list[HdsEntry]) -> MatchResult:
    if query.siren:
        same = [e for e in entries if e.siren == query.siren]
        if same:
            # Several certificates of one company (different scopes): the latest one speaks for it.
            best = max(same, key=lambda e: (e.valid_until or e.issued_on or date.min, len(e.activities)))
            return MatchResult(entry=best, match=MatchInfo(kind="siren", score=100, matched=query.siren))
    if not query.name:
        return MatchResult()
    number = normalise_certificate_number(query.name)
    for entry in entries:
        if entry.certificate_number and normalise_certificate_number(entry.certificate_number) == number:
            return MatchResult(
                entry=entry, match=MatchInfo(kind="certificate_number", score=100, matched=entry.certificate_number)
            )
    scored = sorted((c for e in entries if (c := _score(query.name, e))), key=_rank)
    matches = [c for c in scored if c.match.score >= FUZZY_THRESHOLD or c.match.kind == "related"]
    if not matches:
        near = [c for c in scored if c.match.score >= NEAR_THRESHOLD][:3]
        return MatchResult(near=near)
    best = matches[0]
    rivals = [
        c
        for c in matches[1:]
        if _rank(c)[:2] == _rank(best)[:2]
        and best.match.score - c.match.score < AMBIGUITY_MARGIN
        and not _same_entity(c.entry, best.entry)
    ]
    starting = _distinct([c for c in scored if _begins(query.name, c.entry) and not _same_entity(c.entry, best.entry)])
    others: list[Candidate] = []
    if best.match.kind in _SHARED_KINDS:
        # A brand ("Doctolib") that also begins another listed company's name ("Doctolib Services SAS")
        # fits both: which one signs is for an identifier to say.
        rivals += [c for c in starting if not any(_same_entity(c.entry, r.entry) for r in rivals)]
    else:
        others = starting  # the exact legal name decides, but the others are named
    conflict = bool(query.siren and best.entry.siren and best.entry.siren != query.siren)
    # Homonyms are ambiguous, unless the contracting entity's SIREN is neither of theirs: then it is
    # certainly not the certified one, whichever that is.
    if rivals and not (conflict and all(c.entry.siren and c.entry.siren != query.siren for c in rivals)):
        return MatchResult(ambiguous=[best, *rivals])
    return MatchResult(entry=best.entry, match=best.match, siren_conflict=conflict, others=others)


def _begins(name: str, entry: HdsEntry) -> bool:
    """The name is one of the entry's names or the first words of one ('Exemplum' and 'Exemplum Cloud')."""
    query = core_key(name)
    return any(
        key == query or key.startswith(query + " ")
        for key in map(core_key, (entry.legal_entity, *entry.trade_names, *entry.former_names))
    )


def _distinct(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per entity (an entity may hold several certificates)."""
    kept: list[Candidate] = []
    for candidate in candidates:
        if not any(_same_entity(candidate.entry, k.entry) for k in kept):
            kept.append(candidate)
    return kept


def _rank(candidate: Candidate) -> tuple[bool, int, float]:
    """Accepted matches first, then by kind (identifier, exact name, fuzzy, related), then by score."""
    info = candidate.match
    accepted = info.score >= FUZZY_THRESHOLD or info.kind == "related"
    return not accepted, _PRIORITY[info.kind], -info.score


def _same_entity(a: HdsEntry, b: HdsEntry) -> bool:
    if a.siren and b.siren:
        return a.siren == b.siren
    return core_key(a.legal_entity) == core_key(b.legal_entity) and a.siren == b.siren


def _score(name: str, entry: HdsEntry) -> Candidate | None:
    """The best way `name` designates `entry`, over its legal name and trade names."""
    query = core_key(name)
    best: Candidate | None = None
    names = [
        (entry.legal_entity, "legal_name"),
        *((n, "trade_name") for n in entry.trade_names),
        *((n, "former_name") for n in entry.former_names),
    ]
    for candidate_name, kind in names:
        key = core_key(candidate_name)
        if query == key or query.replace(" ", "") == key.replace(" ", ""):
            info = MatchInfo(kind=kind, score=100, matched=candidate_name)
        else:
            info = _partial(query, key, candidate_name)
        if info and (best is None or _rank(Candidate(entry=entry, match=info)) < _rank(best)):
            best = Candidate(entry=entry, match=info)
    return best


def _partial(query: str, key: str, matched: str) -> MatchInfo | None:
    q_words, k_words = query.split(), key.split()
    if not q_words or not k_words:
        return None
    score = float(fuzz.ratio(query, key))
    if q_words[0] == k_words[0] and set(k_words) < set(q_words):
        # The query names a more specific entity built on the certified name: a sister company or branch.
        return MatchInfo(kind="related", score=round(score, 1), matched=matched)
    if q_words[0] == k_words[0] and set(q_words) < set(k_words):
        # A brand or shortened name: accepted as a name variant, scored just above the threshold so that
        # two entries sharing the brand come out as ambiguous.
        return MatchInfo(kind="fuzzy", score=max(score, FUZZY_THRESHOLD), matched=matched)
    score = max(score, float(fuzz.token_sort_ratio(query, key)))
    return MatchInfo(kind="fuzzy", score=round(score, 1), matched=matched)
