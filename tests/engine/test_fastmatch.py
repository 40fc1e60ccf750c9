"""The vectorised matcher finds exactly the match starts spaCy's Matcher finds, for every rule pattern."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc

from tests.conftest import CORPUS, ROOT
from vendorcheck.engine.fastmatch import PatternSet, compile_steps
from vendorcheck.engine.nlp import pipeline
from vendorcheck.engine.patterns import to_token_patterns
from vendorcheck.ingest import load
from vendorcheck.rulebook import load_rules
from vendorcheck.text import fold_typography

TEXTS = [
    ROOT / "samples" / "contracts" / "pacs-radiologie-hebergement.md",
    ROOT / "samples" / "contracts" / "dpa-cloud-backup-en.md",
    CORPUS / "texts" / "009_wetransfer-dpa.md",
    CORPUS / "texts" / "024_demarches-simplifiees-cgu.md",
]


def _all_patterns(lang):
    for rule in load_rules().rules:
        groups = [rule.topic, rule.exclude] + [e.patterns for e in rule.elements]
        groups += [f.patterns for f in rule.flags] + [f.unless for f in rule.flags]
        for i, group in enumerate(groups):
            for j, pattern in enumerate(group.get(lang)):
                for k, variant in enumerate(to_token_patterns(pattern, lang)):
                    yield f"{rule.id}|{i}|{j}|{k}", variant


@pytest.mark.parametrize("path", [p for p in TEXTS if p.exists()], ids=lambda p: p.name)
def test_same_matches_as_spacy(path):
    document = load(path)
    nlp = pipeline(document.language)
    doc = nlp(fold_typography(document.text))
    fast = PatternSet(fallback=Matcher(nlp.vocab))
    reference = Matcher(nlp.vocab)
    for key, pattern in _all_patterns(document.language):
        assert compile_steps(pattern) is not None, key  # the shipped rules never need the fallback
        fast.add(key, pattern)
        reference.add(key, [pattern])
    # The fast matcher skips whitespace tokens (runs of spaces in indented, wrapped lines): the reference
    # is spaCy's Matcher on the same words without them, its starts mapped back.
    kept = [t.i for t in doc if not t.is_space]
    words = Doc(nlp.vocab, words=[doc[i].text for i in kept])
    nlp.get_pipe("vc_norm")(words)
    expected = {(nlp.vocab.strings[m], kept[start]) for m, start, _ in reference(words)}
    assert set(fast(doc)) == expected
    assert expected  # the comparison is not vacuous


def test_patterns_beyond_the_subset_go_to_spacy():
    nlp = pipeline("en")
    patterns = PatternSet(fallback=Matcher(nlp.vocab))
    patterns.add("digits", [{"IS_DIGIT": True}, {"LOWER": "hours"}])
    patterns.add("notify", [{"NORM": {"REGEX": "^notif"}}, {"OP": "{0,2}"}, {"NORM": "customer"}])
    doc = nlp("We notify the customer within 24 hours.")
    assert sorted(patterns(doc)) == [("digits", 5), ("notify", 1)]
