"""Turn one rule's matches into a Finding: status, severity, explanation and verbatim evidence.

The decision is the same for every rule, so that a lawyer can predict it from the rule file:
1. no topic sentence -> missing (unless a document-wide contradiction is found);
2. a contradicting flag, or a delay beyond the last acceptable band -> non_compliant;
3. enough elements of a complete clause near one topic sentence -> present, unless a weakening flag
   or a borderline delay makes it partial;
4. otherwise -> partial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vendorcheck.engine.analysis import Analysis
from vendorcheck.engine.clauses import HEADING_WORDS, TOPIC_SECTION_SENTENCES, Kind
from vendorcheck.engine.durations import shortest_delay_hours
from vendorcheck.engine.evidence import evidence_for
from vendorcheck.engine.roles import Side
from vendorcheck.i18n import t
from vendorcheck.models import Finding, Language, Severity, Status
from vendorcheck.ranking import severity_rank, worst
from vendorcheck.rulebook.schema import Flag, Rule
from vendorcheck.text import fold

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
NEGATION_REACH = 30  # tokens before a flag in which a negator cancels it
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
    excluded = _excluded(analysis, groups)
    matched = [s for s in analysis.sentences_of(groups.get("topic", [])) if s not in excluded]
    # A topic sentence is a clause of the contract that binds the vendor or no one in particular: not a
    # heading, a definition, a blank, nor a duty of the customer, its users or the patients.
    # A lead-in that names the topic ("In the event of a data breach, the Supplier shall:", a FAQ question)
    # makes each of its items or answers a topic sentence.
    matched_set = set(matched)
    led = [
        s for s in range(len(analysis.sentences)) if analysis.clauses.info[s].lead in matched_set and s not in excluded
    ]
    topic = [
        s
        for s in sorted(matched_set.union(led))
        if _counts(analysis, s) and (rule.bound == "any" or not analysis.bound(s).binds_customer)
    ]
    topical = {
        sec for s in matched if analysis.kind(s) is Kind.heading and (sec := analysis.heading_section(s)) is not None
    }
    windows = {s: analysis.unit(s, rule.window, rule.window_before, topical) for s in topic}
    _add_titled_sections(rule, analysis, groups, topical, topic, windows)
    return groups, topic, windows


def _decide(rule: Rule, analysis: Analysis, lang: Language) -> _Outcome:
    groups, topic, windows = _topics(rule, analysis)
    in_windows = {s for w in windows.values() for s in w}

    raised = _raised_flags(rule, analysis, groups, set(topic), in_windows)
    contradictions = [(f, s) for f, s in raised if f.status is Status.non_compliant]
    if contradictions:
        worst_flag = min((f for f, _ in contradictions), key=lambda f: severity_rank(f.severity))
        messages = list(dict.fromkeys(f.message.get(lang) for f, _ in contradictions))
        # the weakening stipulations are quoted after the contradicting ones, so that an addendum that
        # replaces the clause names them too
        weakening = [s for f, s in raised if f.status is Status.partial]
        return _Outcome(
            Status.non_compliant,
            worst_flag.severity,
            messages,
            [f.id for f, _ in contradictions],
            [s for _, s in contradictions] + weakening,
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
    joined = _joined_annexes(analysis, best, lang)
    optional = rule.commitment == "duty" and _only_optional(analysis, best, windows)
    if (
        best.complete
        and not best.weakenings
        and not global_weakenings
        and delay_status is not Status.partial
        and not optional
    ):
        share = len(best.found) / len(rule.elements) if rule.elements else 1.0
        return _Outcome(Status.present, rule.severity, joined, [], best.quote, 0.6 + 0.35 * share)

    shown = best.weakenings or global_weakenings
    if rule.mention == "missing" and not best.found & rule.addressing_elements and not shown and delay_status is None:
        return _Outcome(Status.missing, rule.severity, confidence=0.6)
    notes: list[str] = []
    missing = [e.label.get(lang) for e in rule.elements if e.id not in best.found]
    if not best.complete and missing:
        notes.append(t("engine.missing_elements", lang, elements=", ".join(missing)))
    notes += list(dict.fromkeys(f.message.get(lang) for f, _ in shown)) + joined
    if optional:
        notes.append(t("engine.optional", lang))
    if delay_status is Status.partial:
        notes.append(delay_note)
    severity = worst([rule.severity] + [f.severity for f, _ in shown])
    if best.complete and not shown:  # only the delay is borderline: a minor gap
        severity = Severity.minor
    flags = [f.id for f, _ in shown] + (["delay"] if delay_status is Status.partial else [])
    return _Outcome(Status.partial, severity, notes, flags, [s for _, s in shown] + best.quote, 0.6)


def _excluded(analysis: Analysis, groups: dict[str, list[int]]) -> set[int]:
    """Sentences the rule's exclusions take out: each that matches one, and the whole section under a title
    that does ("Penetration tests" over a clause whose sentences then speak only of "tests" and "the audit
    agreement")."""
    excluded = set(analysis.sentences_of(groups.get("exclude", [])))
    for sentence in list(excluded):
        if (
            analysis.kind(sentence) is Kind.heading
            and len(analysis.view_of(sentence).split()) <= HEADING_WORDS
            and (section := analysis.heading_section(sentence)) is not None
        ):
            excluded.update(analysis.clauses.sentences_in(section))
    return excluded


def _counts(analysis: Analysis, sentence: int) -> bool:
    return analysis.kind(sentence) is Kind.body


def _lead_in(analysis: Analysis, sentence: int) -> bool:
    """A clause title run into the lead-in of its list ("**12.2 Return or deletion.** Upon termination, the
    Supplier shall:"): not a commitment of its own, but its words (the trigger, the party) belong to the items."""
    return (
        analysis.kind(sentence) is Kind.heading
        and analysis.view_of(sentence).strip().strip("*_ ").endswith(":")
        and analysis.bound(sentence).modality != "statement"
    )


def _add_titled_sections(
    rule: Rule,
    analysis: Analysis,
    groups: dict[str, list[int]],
    topical: set[int],
    topic: list[int],
    windows: dict[int, list[int]],
) -> None:
    """A section whose heading names the topic speaks of it even where its sentences do not repeat the
    word ("Sous-traitance" over « Le Prestataire informe le Client de tout ajout… »): its first sentence
    holding an element anchors a window over the whole section."""
    holding = {s for e in rule.elements for s in analysis.sentences_of(groups.get(f"el:{e.id}", []))}
    for section in sorted(topical):
        body = [s for s in analysis.clauses.sentences_in(section) if _counts(analysis, s)]
        if any(s in windows for s in body):
            continue
        anchor = next(
            (s for s in body if s in holding and (rule.bound == "any" or not analysis.bound(s).binds_customer)), None
        )
        if anchor is not None and len(body) <= TOPIC_SECTION_SENTENCES:
            topic.append(anchor)
            windows[anchor] = analysis.unit(anchor, rule.window, rule.window_before, topical)
    topic.sort()


@dataclass
class _Window:
    found: set[str]
    weakenings: list[tuple[Flag, int]]
    complete: bool
    quote: list[int]
    anchor: int | None = None


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
            if not _counts(analysis, sentence) or (rule.bound == "vendor" and analysis.bound(sentence).binds_customer):
                continue  # a heading, a definition, or the customer's own duty cannot weaken the vendor's
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
            # a list item reads with its lead-in: "Customer authorises the Supplier to:" lifts each item
            lead = analysis.clauses.info[sentence].lead
            if lifting.intersection(near) or (lead is not None and lead in lifting):
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
    # a sentence the rule excludes speaks of something else (a sanction, the definition of processing): its
    # words complete no clause either
    excluded = _excluded(analysis, groups)
    by_element = {
        e.id: {
            s
            for s in analysis.sentences_of(groups.get(f"el:{e.id}", []))
            if (_counts(analysis, s) or _lead_in(analysis, s)) and s not in excluded
        }
        for e in rule.elements
    }
    required = {e.id for e in rule.elements if e.required}
    sufficient = {e.id for e in rule.elements if e.sufficient}
    local = [(f, s) for f, s in weakenings if f.within == "topic"]
    if rule.elements_scope == "window":
        candidates = list(windows.items())
    else:
        candidates = [(None, sorted({s for w in windows.values() for s in w}))]
    anywhere = {e for e, sents in by_element.items() if sents} if rule.elements_scope == "document" else None
    best: _Window | None = None
    best_key: tuple[int, ...] = ()
    for anchor, window in candidates:
        members = set(window)
        # between equally complete clauses, the one in a clause about this requirement is quoted, not the
        # patients' rights clause that happens to say "effacement"
        home = anchor is None or not analysis.elsewhere(anchor, rule.id)
        found = anywhere if anywhere is not None else {e for e, sents in by_element.items() if sents & members}
        complete = bool(found & sufficient) or (len(found) >= rule.required_elements and required <= found)
        weak = [(f, s) for f, s in local if s in members]
        density = len(members.intersection(windows))  # topic sentences in it: a clause about the topic
        key = (
            int(complete and not weak),
            int(complete),
            int(home),
            len(found & required),
            len(found),
            -len(weak),
            density,
        )
        if best is None or key > best_key:
            quote = (
                [s for s in window if any(s in by_element[e] for e in found)]
                or [s for s in window if _counts(analysis, s)]
                or window
            )
            best, best_key = _Window(found, weak, complete, quote, anchor), key
    assert best is not None  # there is at least one topic window
    return best


def _delay_status(rule: Rule, analysis: Analysis, topic: list[int], lang: Language) -> tuple[Status | None, str]:
    if rule.durations is None:
        return None, ""
    sentences = topic
    if rule.durations.near:
        holding = set(analysis.sentences_of(analysis.matches.get(rule.id, {}).get(f"el:{rule.durations.near}", [])))
        sentences = [s for s in topic if s in holding]
    kinds = frozenset(rule.durations.kinds)
    hours = [h for s in sentences if (h := shortest_delay_hours(analysis.text_of(s), kinds)) is not None]
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


# "insofar as possible" is the GDPR's own measure of assistance (Art. 28(3)(e)): not a hedge
_HEDGES = re.compile(
    r"\b(?:reasonable|best|commercially reasonable) efforts?|\bendeavou?rs? to\b|"
    r"s'efforce|s'efforcent|meilleurs efforts"
)


def _only_optional(analysis: Analysis, best: _Window, windows: dict[int, list[int]]) -> bool:
    """The vendor's clause is given back by its own wording: it only *may* do it ("the Supplier may
    delete the data") or only promises efforts ("will use reasonable efforts to notify")."""
    if best.anchor is None:
        return False
    topic_here = [s for s in windows.get(best.anchor, []) if s in windows]
    vendor = [s for s in topic_here if analysis.bound(s).side is Side.vendor]
    if not vendor:
        return False
    hedged = [
        s
        for s in vendor
        if analysis.bound(s).modality == "permission"
        and not _RESTRICTIVE.search(fold(analysis.view_of(s)))
        or _HEDGES.search(fold(analysis.view_of(s)))
    ]
    return len(hedged) == len(vendor)


_RESTRICTIVE = re.compile(
    r"\b(?:only|solely|exclusively|uniquement|seulement|exclusivement|que sur|qu'a|"
    r"qu'avec|ne peut|may not|cannot|shall not)\b"
)


def _joined_annexes(analysis: Analysis, best: _Window, lang: Language) -> list[str]:
    """Says when the evidence joins the clause and an annex it refers to."""
    own = analysis.annex_label(best.anchor) if best.anchor is not None else None
    labels = dict.fromkeys(label for s in best.quote if (label := analysis.annex_label(s)) and label != own)
    return [t("engine.joined_annex", lang, annex=label) for label in labels]


def _message(rule: Rule, outcome: _Outcome, lang: Language) -> str:
    if outcome.status is Status.present:
        return " ".join([t("engine.present", lang, title=rule.title.get(lang))] + outcome.notes)
    if outcome.status is Status.missing:
        return rule.explain_missing.get(lang)
    if outcome.status is Status.partial:
        return " ".join([rule.explain_partial.get(lang)] + outcome.notes)
    return " ".join(outcome.notes)
