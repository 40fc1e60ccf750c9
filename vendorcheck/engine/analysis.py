"""One pass of spaCy and the Matcher over a document: sentences, sections and every rule's matches."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from vendorcheck.engine.nlp import pipeline
from vendorcheck.engine.patterns import compile_pack
from vendorcheck.ingest.cleanup import analysis_view
from vendorcheck.models import Document
from vendorcheck.rulebook.loader import RulePack

Span = tuple[int, int]  # token start, token end


@dataclass
class Sentence:
    index: int
    start: int  # character offsets in Document.text
    end: int
    section: int  # start offset of the innermost section, -1 before the first heading


@dataclass
class Analysis:
    document: Document
    doc: Doc
    sentences: list[Sentence]
    token_sentence: list[int]
    matches: dict[str, dict[str, list[Span]]] = field(default_factory=dict)

    def sentences_of(self, spans: list[Span]) -> list[int]:
        return sorted({self.token_sentence[start] for start, _ in spans})

    def window(self, sentence: int, size: int) -> list[int]:
        """The sentence and up to `size` following ones, without crossing into another section."""
        section = self.sentences[sentence].section
        out = [sentence]
        for nxt in range(sentence + 1, min(sentence + size + 1, len(self.sentences))):
            if self.sentences[nxt].section != section:
                break
            out.append(nxt)
        return out

    def text_of(self, sentence: int) -> str:
        s = self.sentences[sentence]
        return self.document.text[s.start:s.end]


def analyse(document: Document, pack: RulePack) -> Analysis:
    nlp = pipeline(document.language)
    doc = nlp(analysis_view(document.text))
    section_starts = _section_keys(document)
    sentences: list[Sentence] = []
    token_sentence = [0] * len(doc)
    for index, sent in enumerate(doc.sents):
        start, end = sent.start_char, sent.end_char
        sentences.append(Sentence(index, start, end, section_starts(start)))
        for i in range(sent.start, sent.end):
            token_sentence[i] = index
    matches: dict[str, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    compiled = compile_pack(pack, document.language)
    for match_id, start, end in compiled.matcher(doc):
        rule_id, group = compiled.keys[match_id]
        matches[rule_id][group].append((start, end))
    return Analysis(document, doc, sentences, token_sentence, matches)


def _section_keys(document: Document):  # noqa: ANN202 - small closure
    """Offset -> key of the innermost section, by a single sorted sweep over the headings."""
    import bisect

    heads = sorted((s.start, s.end, s.level) for s in document.sections)
    starts = [h[0] for h in heads]

    def key(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        while i >= 0:
            start, end, _ = heads[i]
            if start <= offset < end:
                return start
            i -= 1
        return -1

    return key
