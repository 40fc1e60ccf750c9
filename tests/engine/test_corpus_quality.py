"""Detection quality on the labelled corpus (read from ../shared/corpus, never copied here).

Same definitions as ../shared/tools/score.py, on the 23 documents. The floors are issue 10's targets
(P 95 / R 95 / exact 85 % / grounded 100 %); the engine measures P 98.1 / R 97.8 / exact 92.0 % today. A change
that drops below them must be fixed in the rules' generality, not by loosening these numbers.
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import CORPUS
from vendorcheck.api import review_file
from vendorcheck.scoring import load_labels, score

# In CI a missing corpus is a failure (the measure must run), elsewhere a skip.
pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir() and os.environ.get("CI") != "true", reason="../shared/corpus is not beside the project"
)


@pytest.fixture(scope="module")
def corpus_reviews():
    return {doc: review_file(CORPUS / "texts" / f"{doc}.md", health_data=True) for doc in load_labels(CORPUS)}


def test_violation_precision_and_recall_reach_the_bar(corpus_reviews):
    result = score(CORPUS, corpus_reviews)
    assert result.overall.precision >= 0.95
    assert result.overall.recall >= 0.95


def test_exact_status_and_grounding_reach_the_bar(corpus_reviews):
    result = score(CORPUS, corpus_reviews)
    assert result.exact / result.total >= 0.85
    assert result.grounded == result.quotes > 0


def test_every_quote_is_verbatim_and_located(corpus_reviews):
    for doc, review in corpus_reviews.items():
        text = (CORPUS / "texts" / f"{doc}.md").read_text(encoding="utf-8")
        for finding in review.findings:
            for ev in finding.evidence:
                assert text[ev.start : ev.end] == ev.quote, (doc, finding.requirement)
                assert ev.line == text.count("\n", 0, ev.start) + 1


def test_present_findings_always_carry_evidence(corpus_reviews):
    for review in corpus_reviews.values():
        for finding in review.findings:
            if finding.status.value in ("present", "partial", "non_compliant"):
                assert finding.evidence, finding.requirement
