"""One pass of spaCy and the Matcher over a document: sentences, sections and every rule's matches."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from vendorcheck.engine.chunks import parse
from vendorcheck.engine.clauses import TOPIC_SECTION_SENTENCES, ClauseMap, Kind, clause_map, reading_view
from vendorcheck.engine.nlp import pipeline
from vendorcheck.engine.patterns import compile_pack
from vendorcheck.engine.roles import Bound, RoleLexicon, Side, bound_side
from vendorcheck.models import Document, Party
from vendorcheck.rulebook.loader import RulePack
from vendorcheck.text import fold


@dataclass
class Sentence:
    index: int
    start: int  # character offsets in Document.text
    end: int
    section: int  # start offset of the top-level section, -1 before the first heading


@dataclass
class Analysis:
    document: Document
    doc: Doc
    sentences: list[Sentence]
    token_sentence: list[int]
    view: str  # the reading view the sentences were split and matched in (same offsets as the text)
    clauses: ClauseMap
    matches: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # rule -> group -> match starts
    parties: list[Party] | None = None  # as the review read them; None: read from the document when needed
    _bound: dict[int, Bound] = field(default_factory=dict)
    _lexicon: RoleLexicon | None = None
    _heading_topics: dict[int, frozenset[str]] | None = None
    _annexes: dict[str, int] | None = None
    _topic_sentences: dict[str, set[int]] | None = None

    def sentences_of(self, starts: list[int]) -> list[int]:
        return sorted({self.token_sentence[start] for start in starts})

    def window(self, sentence: int, after: int, before: int = 0) -> list[int]:
        """The sentence with up to `before` preceding and `after` following ones, within the smallest
        section around it that is more than a paragraph (its top-level section when it has no heading)."""
        chain = self.clauses.section_chain(sentence)
        # Sub-clauses of one article (3.1, 3.2, 3.3 under "3. Données traitées") read together: the bound is
        # the smallest section around the sentence that holds more than a paragraph or two.
        sized = [c for c in chain if len(self.clauses.sentences_in(c)) >= WINDOW_SECTION_SENTENCES]
        if chain:
            low, high = self.clauses.section_sentences[sized[0] if sized else chain[-1]]
            return list(range(max(low, sentence - before), min(high - 1, sentence + after) + 1))
        section = self.sentences[sentence].section
        first = sentence
        while first > max(0, sentence - before) and self.sentences[first - 1].section == section:
            first -= 1
        last = sentence
        while last < min(len(self.sentences) - 1, sentence + after) and self.sentences[last + 1].section == section:
            last += 1
        return list(range(first, last + 1))

    def unit(self, sentence: int, after: int, before: int, topical: set[int]) -> list[int]:
        """The clause a requirement is judged in around one of its topic sentences.

        A section whose heading names the topic is read whole (up to a size); otherwise the sentences
        around the topic sentence within its innermost section, so that the next article or sub-clause
        never lends its words. List items bring their lead-in, table rows their header.
        """
        chosen: list[int] = []
        for section in reversed(self.clauses.section_chain(sentence)):
            if section in topical and len(self.clauses.sentences_in(section)) <= TOPIC_SECTION_SENTENCES:
                chosen = list(self.clauses.sentences_in(section))
                break
        if not chosen:
            chosen = self.window(sentence, after, before)
        leads = {self.clauses.info[s].lead for s in chosen} - {None}
        annexes = {a for s in chosen for a in self.annexes_cited(s) if a not in self.clauses.section_chain(sentence)}
        joined = [s for a in sorted(annexes) for s in self.clauses.sentences_in(a)][:ANNEX_SENTENCES]
        return sorted(set(chosen) | leads | set(joined))  # type: ignore[arg-type]

    def annexes_cited(self, sentence: int) -> list[int]:
        """Annex sections a sentence points to ("as set out in Annex 2", « figurant en annexe III »)."""
        if self._annexes is None:
            self._annexes = {}
            for index, section in enumerate(self.clauses.sections):
                key = annex_key(section.number or section.title)
                if key and key not in self._annexes:
                    self._annexes[key] = index
        if not self._annexes:
            return []
        return [
            self._annexes[k]
            for m in ANNEX_REFERENCE.finditer(fold(self.view_of(sentence)))
            if (k := annex_key(m.group())) in self._annexes
        ]

    def annex_label(self, sentence: int) -> str | None:
        """The title of the annex a sentence belongs to, if any."""
        for section in reversed(self.clauses.section_chain(sentence)):
            title = self.clauses.sections[section]
            if annex_key(title.number or title.title):
                return title.number or title.title
        return None

    def kind(self, sentence: int) -> Kind:
        """The sentence's kind; an undertaking of the vendor inside a definitions section binds it all the same."""
        info = self.clauses.info[sentence]
        if info.glossary:
            bound = self.bound(sentence)
            if bound.side is Side.vendor and bound.modality in ("duty", "prohibition"):
                return Kind.body
        return info.kind

    def bound(self, sentence: int) -> Bound:
        """Who the sentence binds (its lead-in's subject for a list item that has none of its own)."""
        if sentence not in self._bound:
            if self._lexicon is None:
                self._lexicon = RoleLexicon.from_document(self.document, self.parties)
            result = bound_side(self.view_of(sentence), self._lexicon, self.document.language)
            lead = self.clauses.info[sentence].lead
            if result.side is None and lead is not None and lead != sentence:
                lead_bound = self.bound(lead)
                result = Bound(
                    lead_bound.side, lead_bound.modality if result.modality == "statement" else result.modality
                )
            self._bound[sentence] = result
        return self._bound[sentence]

    def heading_topics(self, sentence: int) -> frozenset[str]:
        """Rules whose topic the nearest heading above the sentence names (empty if no heading names one):
        a sentence under "Droits des personnes" belongs to that clause, whatever words it borrows."""
        if self._heading_topics is None:
            by_section: dict[int, set[str]] = defaultdict(set)
            for rule_id, groups in self.matches.items():
                for s in self.sentences_of(groups.get("topic", [])):
                    if self.kind(s) is Kind.heading and (section := self.heading_section(s)) is not None:
                        by_section[section].add(rule_id)
            self._heading_topics = {k: frozenset(v) for k, v in by_section.items()}
        for section in self.clauses.section_chain(sentence):
            if section in self._heading_topics:
                return self._heading_topics[section]
        return frozenset()

    def elsewhere(self, sentence: int, rule_id: str) -> bool:
        """Whether the sentence sits in a clause whose heading names other requirements, none of them this
        one nor a related one (two requirements are related when their topics meet in one sentence of the
        document: hosting and transfers, sub-processors and their flow-down)."""
        headed = self.heading_topics(sentence)
        return bool(headed) and rule_id not in headed and not any(self.related(rule_id, other) for other in headed)

    def related(self, first: str, second: str) -> bool:
        if self._topic_sentences is None:
            self._topic_sentences = {
                rid: set(self.sentences_of(groups.get("topic", []))) for rid, groups in self.matches.items()
            }
        return bool(self._topic_sentences.get(first, set()) & self._topic_sentences.get(second, set()))

    def heading_section(self, sentence: int) -> int | None:
        """The section a heading sentence opens."""
        for section in self.clauses.section_chain(sentence):
            first = next((s for s in self.clauses.sentences_in(section) if self._titled(s)), None)
            if first == sentence:
                return section
        return None

    def _titled(self, sentence: int) -> bool:
        """Whether a sentence has words: not a blank, nor the number the sentencizer cut off a heading ("## 12.")."""
        return self.kind(sentence) is not Kind.blank and any(c.isalpha() for c in self.view_of(sentence))

    def text_of(self, sentence: int) -> str:
        s = self.sentences[sentence]
        return self.document.text[s.start : s.end]

    def view_of(self, sentence: int) -> str:
        s = self.sentences[sentence]
        return self.view[s.start : s.end]


ANNEX_SENTENCES = 80  # at most this much of an annex joins the clause that cites it
ANNEX_REFERENCE = re.compile(
    r"\b(?:annexe?s?|appendix|appendices|schedule|exhibit)\s{1,3}(?:n[o°]\s?)?"
    r"(?:\d{1,2}|[ivx]{1,5}|[a-h])\b"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def annex_key(label: str) -> str | None:
    """'Annexe 2', 'ANNEX II', 'Appendix B', 'Schedule 2' -> '2', '2', 'b', '2'; None for anything else."""
    match = re.match(
        r"^\W*(?:annexe?|appendix|schedule|exhibit)\s{1,3}(?:n[o°]\s?)?(\d{1,2}|[ivx]{1,5}|[a-h])\b", fold(label)
    )
    if not match:
        return None
    raw = match.group(1)
    return str(_ROMAN.get(raw, raw))


WINDOW_SECTION_SENTENCES = 6  # sentences: a section smaller than this is one paragraph of its parent


def analyse(document: Document, pack: RulePack, parties: list[Party] | None = None) -> Analysis:
    nlp = pipeline(document.language)
    view = reading_view(document.text)
    doc = parse(nlp, view, document.sections)
    section_starts = _section_keys(document)
    sentences: list[Sentence] = []
    token_sentence = [0] * len(doc)
    for index, sent in enumerate(doc.sents):
        start, end = sent.start_char, sent.end_char
        sentences.append(Sentence(index, start, end, section_starts(start)))
        for i in range(sent.start, sent.end):
            token_sentence[i] = index
    clauses = clause_map(document, view, [(s.start, s.end) for s in sentences])
    matches: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    compiled = compile_pack(pack, document.language)
    for key, start in compiled.patterns(doc):
        rule_id, group = compiled.keys[key]
        matches[rule_id][group].append(start)
    return Analysis(document, doc, sentences, token_sentence, view, clauses, matches, parties)


def _section_keys(document: Document) -> Callable[[int], int]:
    """Offset -> start of its top-level section (the outermost heading that encloses it, ignoring a
    title heading that spans most of the document); -1 before the first heading."""
    length = max(1, len(document.text))
    tops: list[tuple[int, int]] = []
    for section in sorted(document.sections, key=lambda s: (s.start, s.level)):
        if (section.end - section.start) / length > 0.6:
            continue
        if tops and section.start < tops[-1][1]:
            continue  # nested inside the previous top-level section
        tops.append((section.start, section.end))
    starts = [start for start, _ in tops]

    def key(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        return tops[i][0] if i >= 0 and offset < tops[i][1] else -1

    return key
