"""What the redline changes, in the Document's offsets: the sentences to strike and, for each gap of the
review, the clause to insert and whether it replaces, completes or adds.

A sentence is struck when it raises one of the rule's weakening or contradicting flags, or states the delay
that made the finding fail; every such sentence of the document is found, not only the few a finding quotes
nor only the flags it names (a contradicted finding names its contradictions, not the weakenings beside
them). Sentences a finding merely quotes as context are kept.
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
from vendorcheck.models import Document, Finding, Status
from vendorcheck.review import Review
from vendorcheck.rulebook import RulePack

ClauseRole = Literal["replaces", "completes", "adds"]
_EDGES = " \t\n|>*#-•–"  # list markers and table or Markdown markup around a sentence
_UNIT_BREAKS = ("\n", " | ")  # between paragraphs, and between the cells of a table row (ingest/docx.py)
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
    """The sentences to strike, each as a span; a sentence that runs over several paragraphs or table cells
    (a title, table rows: no final punctuation between them) is cut down to those holding the wording."""
    anchors: dict[int, list[int]] = {}  # sentence -> where the flags' wording starts in it
    rule = next((r for r in pack.rules if r.id == finding.requirement), None)
    if rule is not None:
        # a weakening left beside the replaced contradiction would still make the amended contract partial
        groups = analysis.matches.get(rule.id, {})
        for flag, sentence in raised_flags(rule, analysis):
            anchors.setdefault(sentence, []).extend(
                analysis.doc[token].idx
                for token in groups.get(f"flag:{flag.id}", [])
                if analysis.token_sentence[token] == sentence
            )
    if DELAY_FLAG in finding.flags:
        starts = [s.start for s in analysis.sentences]
        for evidence in finding.evidence:
            if shortest_delay_hours(evidence.quote) is not None:
                index = max(0, bisect.bisect_right(starts, evidence.start) - 1)
                anchors.setdefault(index, []).extend(_delay_lines(analysis, index))
    out = []
    for index in sorted(anchors):
        out += _segments(analysis, index, anchors[index])
    return out


def _delay_lines(analysis: Analysis, index: int) -> list[int]:
    """The start of each line of the sentence that states a delay: a heading it ran on from stays."""
    sentence = analysis.sentences[index]
    text = analysis.document.text
    out, position = [], sentence.start
    for line in text[sentence.start : sentence.end].split("\n"):
        if shortest_delay_hours(line) is not None:
            out.append(position + len(line) - len(line.lstrip()))
        position += len(line) + 1
    return out


def displaced(plan: Plan, review: Review, document: Document, pack: RulePack) -> list[Clause]:
    """Clauses for the requirements the strikes would leave unmet: a struck sentence may also have been
    what satisfied another requirement. The contract is reviewed again without the struck sentences; a
    requirement met before and not after gets its clause, after the first strike it lost."""
    from vendorcheck.engine.review import review_findings
    from vendorcheck.ingest.snippet import document_from_text

    if not plan.strikes:
        return []
    text, position = [], 0
    for strike in plan.strikes:
        text.append(document.text[position : strike.start])
        position = strike.end
    text.append(document.text[position:])
    remaining = review_findings(
        document_from_text("".join(text), document.language), pack, health_data=review.health_data, lang=review.lang
    )
    lost = {f.requirement for f in remaining if f.status is not Status.present}
    added = {c.finding.requirement for c in plan.clauses}
    out = []
    for finding in sorted(review.findings, key=reading_order):
        if finding.status is Status.present and finding.requirement in lost and finding.requirement not in added:
            hit = next(
                (
                    i
                    for i, s in enumerate(plan.strikes)
                    if any(e.start < s.end and s.start < e.end for e in finding.evidence)
                ),
                None,
            )
            out.append(
                Clause(finding, "replaces", after=plan.strikes[hit].end, strike=hit)
                if hit is not None
                else Clause(finding, "adds")
            )
    return out


def _segments(analysis: Analysis, index: int, anchors: list[int]) -> list[tuple[int, int]]:
    """The sentence, or each of its lines and table cells that holds the wording (an anchor), without
    list or table markup at the edges."""
    sentence = analysis.sentences[index]
    text = analysis.document.text
    pieces = {(sentence.start, sentence.end)}
    if anchors:
        pieces = set()
        for anchor in anchors:
            start, end = sentence.start, sentence.end
            for mark in _UNIT_BREAKS:
                # in the reading view, lines a converter wrapped are already joined: a wrapped sentence is one piece
                before, after = analysis.view.rfind(mark, start, anchor), analysis.view.find(mark, anchor, end)
                start = before + len(mark) if before != -1 else start
                end = after if after != -1 else end
            pieces.add((start, end))
    out = []
    for start, end in sorted(pieces):
        while start < end and text[start] in _EDGES:
            start += 1
        while end > start and text[end - 1] in _EDGES:
            end -= 1
        if end - start >= 3:
            out.append((start, end))
    return out


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
