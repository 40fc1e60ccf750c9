"""Turn one rule's matches into a Finding: status, severity, explanation and verbatim evidence.

The decision is the same for every rule, so that a lawyer can predict it from the rule file:
1. no topic sentence -> missing (unless a document-wide contradiction is found);
2. a contradicting flag, or a delay beyond the last acceptable band -> non_compliant;
3. enough elements of a complete clause near one topic sentence -> present, unless a weakening flag
   or a borderline delay makes it partial;
4. otherwise -> partial.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vendorcheck.engine.analysis import Analysis
from vendorcheck.engine.durations import shortest_delay_hours
from vendorcheck.engine.evidence import evidence_for
from vendorcheck.i18n import t
from vendorcheck.models import Finding, Language, Severity, Status
from vendorcheck.ranking import severity_rank, worst
from vendorcheck.rulebook.schema import Flag, Rule

NEGATORS = frozenset(
    {
        "ne",
        "n'",
        "pas",
        "jamais",
        "aucun",
        "aucune",
        "ni",
        "sans",
        "interdit",
        "interdite",
        "interdiction",
        "not",
        "n't",
        "no",
        "never",
        "neither",
        "nor",
        "without",
        "prohibited",
        "cannot",
        "refrain",
    }
)
NEGATION_REACH = 20  # tokens before a flag in which a negator cancels it
CLAUSE_BREAKS = frozenset({";", ":"})
MAX_QUOTES = 3
MAX_CONTRADICTION_QUOTES = 6


@dataclass
class _Outcome:
    status: Status
    severity: Severity
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    evidence_sentences: list[int] = field(default_factory=list)
    confidence: float = 0.5


def evaluate(rule: Rule, analysis: Analysis, lang: Language) -> Finding:
    outcome = _decide(rule, analysis, lang)
    # Each sentence quoted once, in order; every contradicting sentence is kept (up to a bound) so that
    # an addendum can name each stipulation it replaces.
    limit = MAX_CONTRADICTION_QUOTES if outcome.status is Status.non_compliant else MAX_QUOTES
    sentences = list(dict.fromkeys(outcome.evidence_sentences))[:limit]
    evidence = [e for e in (evidence_for(analysis, s) for s in sentences) if e]
    message = _message(rule, outcome, lang)
    return Finding(
        requirement=rule.id,
        title=rule.title.get(lang),
        citation=rule.citation.label,
        status=outcome.status,
        severity=outcome.severity,
        confidence=round(outcome.confidence, 2),
        message=message,
        advice="" if outcome.status is Status.present else rule.advice.get(lang),
        flags=list(dict.fromkeys(outcome.flags)),
        evidence=evidence,
        unverified=rule.unverified,
    )


def not_applicable(rule: Rule, lang: Language) -> Finding:
    reason = t("engine.not_assessed", lang)
    return Finding(
        requirement=rule.id,
        title=rule.title.get(lang),
        citation=rule.citation.label,
        status=Status.not_applicable,
        severity=Severity.minor,
        confidence=1.0,
        message=reason,
        unverified=rule.unverified,
    )


def raised_flags(rule: Rule, analysis: Analysis) -> list[tuple[Flag, int]]:
    """Every (flag, sentence) the rule raises in the document, not only the sentences a finding quotes:
    the redline strikes each of them."""
    groups, topic, windows = _topics(rule, analysis)
    return _raised_flags(rule, analysis, groups, set(topic), {s for w in windows.values() for s in w})


def _topics(rule: Rule, analysis: Analysis) -> tuple[dict[str, list[int]], list[int], dict[int, list[int]]]:
    """The rule's matches, its topic sentences and the window of sentences around each."""
    groups = analysis.matches.get(rule.id, {})
    excluded = set(analysis.sentences_of(groups.get("exclude", [])))
    topic = [s for s in analysis.sentences_of(groups.get("topic", [])) if s not in excluded]
    return groups, topic, {s: analysis.window(s, rule.window, rule.window_before) for s in topic}


def _decide(rule: Rule, analysis: Analysis, lang: Language) -> _Outcome:
    groups, topic, windows = _topics(rule, analysis)
    in_windows = {s for w in windows.values() for s in w}

    raised = _raised_flags(rule, analysis, groups, set(topic), in_windows)
    contradictions = [(f, s) for f, s in raised if f.status is Status.non_compliant]
    if contradictions:
        worst_flag = min((f for f, _ in contradictions), key=lambda f: severity_rank(f.severity))
        messages = list(dict.fromkeys(f.message.get(lang) for f, _ in contradictions))
        return _Outcome(
            Status.non_compliant,
            worst_flag.severity,
            messages,
            [f.id for f, _ in contradictions],
            [s for _, s in contradictions],
            0.8,
        )
    weakenings = [(f, s) for f, s in raised if f.status is Status.partial]
    if not topic:
        # Wording that weakens the requirement addresses it, badly: partial, not missing.
        if weakenings:
            return _Outcome(
                Status.partial,
                worst(f.severity for f, _ in weakenings),
                list(dict.fromkeys(f.message.get(lang) for f, _ in weakenings)),
                [f.id for f, _ in weakenings],
                [s for _, s in weakenings],
                0.6,
            )
        return _Outcome(Status.missing, rule.severity, confidence=0.7)

    delay_status, delay_note = _delay_status(rule, analysis, topic, lang)
    if delay_status is Status.non_compliant:
        severity = rule.durations.severity if rule.durations else rule.severity
        return _Outcome(Status.non_compliant, severity, [delay_note], ["delay"], topic[:2], 0.8)

    best = _best_window(rule, analysis, groups, windows, weakenings)
    # A weakening written in a topic sentence itself qualifies the clause wherever else it is restated;
    # one merely near a topic sentence only spoils that window.
    topic_set = set(topic)
    global_weakenings = [(f, s) for f, s in weakenings if f.within == "document" or s in topic_set]
    if best.complete and not best.weakenings and not global_weakenings and delay_status is not Status.partial:
        share = len(best.found) / len(rule.elements) if rule.elements else 1.0
        return _Outcome(Status.present, rule.severity, [], [], best.quote, 0.6 + 0.35 * share)

    shown = best.weakenings or global_weakenings
    notes: list[str] = []
    missing = [e.label.get(lang) for e in rule.elements if e.id not in best.found]
    if not best.complete and missing:
        notes.append(t("engine.missing_elements", lang, elements=", ".join(missing)))
    notes += list(dict.fromkeys(f.message.get(lang) for f, _ in shown))
    if delay_status is Status.partial:
        notes.append(delay_note)
    severity = worst([rule.severity] + [f.severity for f, _ in shown])
    if best.complete and not shown:  # only the delay is borderline: a minor gap
        severity = Severity.minor
    flags = [f.id for f, _ in shown] + (["delay"] if delay_status is Status.partial else [])
    return _Outcome(Status.partial, severity, notes, flags, [s for _, s in shown] + best.quote, 0.6)


@dataclass
class _Window:
    found: set[str]
    weakenings: list[tuple[Flag, int]]
    complete: bool
    quote: list[int]


def _raised_flags(
    rule: Rule, analysis: Analysis, groups: dict[str, list[int]], topic: set[int], in_windows: set[int]
) -> list[tuple[Flag, int]]:
    raised = []
    for flag in rule.flags:
        lifting = set(analysis.sentences_of(groups.get(f"unless:{flag.id}", [])))
        if lifting and flag.unless_scope == "document":
            continue
        for start in groups.get(f"flag:{flag.id}", []):
            sentence = analysis.token_sentence[start]
            if (flag.within == "topic" and sentence not in in_windows) or (
                flag.within == "sentence" and sentence not in topic
            ):
                continue
            if flag.negation != "ignored" and _negated(analysis, start) != (flag.negation == "required"):
                continue
            near = (
                [sentence]
                if flag.unless_scope == "sentence"
                else analysis.window(sentence, rule.window, rule.window_before)
            )
            if lifting.intersection(near):
                continue
            raised.append((flag, sentence))
    return raised


def _negated(analysis: Analysis, start: int) -> bool:
    """A negator earlier in the same clause ("shall not engage … without consent") cancels a flag."""
    sentence_start = analysis.doc[start].sent.start
    for token in reversed(analysis.doc[max(sentence_start, start - NEGATION_REACH) : start]):
        if token.text in CLAUSE_BREAKS:
            return False
        if token.norm_ in NEGATORS:
            return True
    return False


def _best_window(
    rule: Rule,
    analysis: Analysis,
    groups: dict[str, list[int]],
    windows: dict[int, list[int]],
    weakenings: list[tuple[Flag, int]],
) -> _Window:
    """The topic window that comes closest to a complete, unweakened clause.

    A single clean, complete clause makes the requirement present even if a weaker sentence about the
    same topic appears elsewhere; weakenings only count inside the window they belong to.
    """
    by_element = {e.id: set(analysis.sentences_of(groups.get(f"el:{e.id}", []))) for e in rule.elements}
    required = {e.id for e in rule.elements if e.required}
    sufficient = {e.id for e in rule.elements if e.sufficient}
    local = [(f, s) for f, s in weakenings if f.within == "topic"]
    if rule.elements_scope == "window":
        candidates = list(windows.values())
    else:
        candidates = [sorted({s for w in windows.values() for s in w})]
    anywhere = {e for e, sents in by_element.items() if sents} if rule.elements_scope == "document" else None
    best: _Window | None = None
    best_key: tuple[int, ...] = ()
    for window in candidates:
        members = set(window)
        found = anywhere if anywhere is not None else {e for e, sents in by_element.items() if sents & members}
        complete = bool(found & sufficient) or (len(found) >= rule.required_elements and required <= found)
        weak = [(f, s) for f, s in local if s in members]
        key = (int(complete and not weak), int(complete), len(found & required), len(found), -len(weak))
        if best is None or key > best_key:
            quote = [s for s in window if any(s in by_element[e] for e in found)] or window
            best, best_key = _Window(found, weak, complete, quote), key
    assert best is not None  # there is at least one topic window
    return best


def _delay_status(rule: Rule, analysis: Analysis, topic: list[int], lang: Language) -> tuple[Status | None, str]:
    if rule.durations is None:
        return None, ""
    sentences = topic
    if rule.durations.near:
        holding = set(analysis.sentences_of(analysis.matches.get(rule.id, {}).get(f"el:{rule.durations.near}", [])))
        sentences = [s for s in topic if s in holding]
    hours = [h for s in sentences if (h := shortest_delay_hours(analysis.text_of(s))) is not None]
    if not hours:
        return None, ""
    delay = min(hours)
    for band in rule.durations.bands:
        if band.max_hours is None or delay <= band.max_hours:
            shown = (
                t("engine.delay.hours", lang, hours=delay)
                if delay < 72
                else t("engine.delay.days", lang, days=delay / 24)
            )
            note = band.message.get(lang).format(delay=shown) if band.message else ""
            return (None if band.status is Status.present else band.status), note
    return None, ""


def _message(rule: Rule, outcome: _Outcome, lang: Language) -> str:
    if outcome.status is Status.present:
        return t("engine.present", lang, title=rule.title.get(lang))
    if outcome.status is Status.missing:
        return rule.explain_missing.get(lang)
    if outcome.status is Status.partial:
        return " ".join([rule.explain_partial.get(lang)] + outcome.notes)
    return " ".join(outcome.notes)
