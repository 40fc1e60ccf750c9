"""One pass of spaCy and the Matcher over a document: sentences, sections and every rule's matches."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from vendorcheck.engine.nlp import pipeline
from vendorcheck.engine.patterns import compile_pack
from vendorcheck.models import Document
from vendorcheck.rulebook.loader import RulePack
from vendorcheck.text import fold_typography


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
    matches: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # rule -> group -> match starts

    def sentences_of(self, starts: list[int]) -> list[int]:
        return sorted({self.token_sentence[start] for start in starts})

    def window(self, sentence: int, after: int, before: int = 0) -> list[int]:
        """The sentence with up to `before` preceding and `after` following ones, within its top-level
        section: a clause's sub-clauses (5.1, 5.2…) belong together, the next article does not."""
        section = self.sentences[sentence].section
        first = sentence
        while first > max(0, sentence - before) and self.sentences[first - 1].section == section:
            first -= 1
        last = sentence
        while last < min(len(self.sentences) - 1, sentence + after) and self.sentences[last + 1].section == section:
            last += 1
        return list(range(first, last + 1))

    def text_of(self, sentence: int) -> str:
        s = self.sentences[sentence]
        return self.document.text[s.start : s.end]


def analyse(document: Document, pack: RulePack) -> Analysis:
    nlp = pipeline(document.language)
    doc = nlp(fold_typography(document.text))
    section_starts = _section_keys(document)
    sentences: list[Sentence] = []
    token_sentence = [0] * len(doc)
    for index, sent in enumerate(doc.sents):
        start, end = sent.start_char, sent.end_char
        sentences.append(Sentence(index, start, end, section_starts(start)))
        for i in range(sent.start, sent.end):
            token_sentence[i] = index
    matches: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    compiled = compile_pack(pack, document.language)
    for key, start in compiled.patterns(doc):
        rule_id, group = compiled.keys[key]
        matches[rule_id][group].append(start)
    return Analysis(document, doc, sentences, token_sentence, matches)


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
