"""What the redline changes, in the Document's offsets: the sentences to strike and, for each gap of the
review, the clause to insert and whether it replaces, completes or adds.

A sentence is struck when it raises one of the finding's weakening or contradicting flags, or states the
delay that made the finding fail; every such sentence of the document is found, not only the few a
finding quotes. Sentences a finding merely quotes as context are kept.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Literal

from vendorcheck.addendum.build import CLAUSE_ORDER, reading_order
from vendorcheck.engine.analysis import Analysis
from vendorcheck.engine.durations import shortest_delay_hours
from vendorcheck.engine.evaluate import raised_flags
from vendorcheck.models import Finding, Review, Status
from vendorcheck.rulebook import RulePack

ClauseRole = Literal["replaces", "completes", "adds"]
_EDGES = " \t\n|>*#-•–"  # list markers and table or Markdown markup around a sentence
DELAY_FLAG = "delay"  # the flag id the engine gives a finding decided by a delay band
# A clause number typed at the start of a paragraph ("4.1", "a)", "iii.", "–"): kept when its sentence is struck.
LEADING_LABEL = re.compile(r"^\s*(?:\(?(?:\d+(?:\.\d+)*|[a-zA-Z]|[ivxIVX]{1,4})[.)]|\d+(?:\.\d+)+|[-–•*])\s+")


@dataclass
class Strike:
    """A sentence to strike, and the requirements it weakens or contradicts (in reading order)."""

    start: int
    end: int
    requirements: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Clause:
    """A clause to insert: after a struck sentence (`replaces`), after the stipulation it completes
    (`completes`, `after` is where that stipulation ends), or in the added article (`adds`)."""

    finding: Finding
    role: ClauseRole
    after: int | None = None
    strike: int | None = None  # index of the strike it replaces


@dataclass
class Plan:
    strikes: list[Strike]
    clauses: list[Clause]


def plan_changes(review: Review, analysis: Analysis, pack: RulePack) -> Plan:
    """The changes that fix every violation of `review` (computed on `analysis.document`)."""
    findings = sorted(review.violations, key=reading_order)
    spans: dict[tuple[int, int], list[str]] = {}
    offending: dict[str, list[tuple[int, int]]] = {}
    for finding in findings:
        if finding.status is Status.missing:
            continue
        found = _offending_spans(finding, analysis, pack)
        offending[finding.requirement] = found
        for span in found:
            spans.setdefault(span, []).append(finding.requirement)
    strikes = _merge(spans)
    clauses: list[Clause] = []
    for finding in findings:
        found = offending.get(finding.requirement, [])
        if found:
            first = min(found)
            index = next(i for i, s in enumerate(strikes) if s.start <= first[0] < s.end)
            clauses.append(Clause(finding, "replaces", after=strikes[index].end, strike=index))
        elif finding.evidence and finding.status is not Status.missing:
            clauses.append(Clause(finding, "completes", after=max(e.end for e in finding.evidence)))
        else:
            clauses.append(Clause(finding, "adds"))
    return Plan(strikes, clauses)


def _offending_spans(finding: Finding, analysis: Analysis, pack: RulePack) -> list[tuple[int, int]]:
    sentences: set[int] = set()
    if finding.flags:
        rule = next((r for r in pack.rules if r.id == finding.requirement), None)
        if rule is not None:
            sentences |= {s for flag, s in raised_flags(rule, analysis) if flag.id in finding.flags}
    if DELAY_FLAG in finding.flags:
        starts = [s.start for s in analysis.sentences]
        for evidence in finding.evidence:
            if shortest_delay_hours(evidence.quote) is not None:
                sentences.add(max(0, bisect.bisect_right(starts, evidence.start) - 1))
    out = []
    for index in sorted(sentences):
        span = _trimmed(analysis, index)
        if span:
            out.append(span)
    return out


def _trimmed(analysis: Analysis, index: int) -> tuple[int, int] | None:
    sentence = analysis.sentences[index]
    text = analysis.document.text
    start, end = sentence.start, sentence.end
    while start < end and text[start] in _EDGES:
        start += 1
    while end > start and text[end - 1] in _EDGES:
        end -= 1
    return (start, end) if end - start >= 3 else None


def _merge(spans: dict[tuple[int, int], list[str]]) -> list[Strike]:
    strikes: list[Strike] = []
    for (start, end), requirements in sorted(spans.items()):
        if strikes and start < strikes[-1].end:
            last = strikes[-1]
            last.end = max(last.end, end)
            last.requirements += [r for r in requirements if r not in last.requirements]
        else:
            strikes.append(Strike(start, end, list(requirements)))
    order = {r: i for i, r in enumerate(CLAUSE_ORDER)}
    for strike in strikes:
        strike.requirements.sort(key=lambda r: (order.get(r, len(order)), r))
    return strikes

