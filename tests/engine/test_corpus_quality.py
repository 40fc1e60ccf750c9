"""Detection quality on the labelled corpus (read from ../shared/corpus, never copied here).

Same definitions as ../shared/tools/score.py. The floors are the issue's acceptance bars; a change that
drops below them must be fixed in the rules' generality, not by loosening these numbers.
"""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS
from vendorcheck.api import review_file
from vendorcheck.scoring import load_labels, score

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project")


@pytest.fixture(scope="module")
def corpus_reviews():
    return {doc: review_file(CORPUS / "texts" / f"{doc}.md", health_data=True) for doc in load_labels(CORPUS)}


def test_violation_precision_and_recall_reach_the_bar(corpus_reviews):
    result = score(CORPUS, corpus_reviews)
    assert result.overall.precision >= 0.90
    assert result.overall.recall >= 0.90


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
