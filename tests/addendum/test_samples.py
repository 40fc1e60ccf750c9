"""Acceptance: for every sample contract (and the shorter corpus texts), one clause per gap, none for
a requirement already met, every contradicted stipulation quoted where the review found it, and the
parties found in the contract named in the preamble."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.addendum.conftest import CORPUS, SAMPLES, reviewed
from vendorcheck.addendum import draft
from vendorcheck.models import Status


@pytest.mark.parametrize("path", SAMPLES + CORPUS, ids=lambda p: p.name)
def test_one_clause_per_violation(path: Path) -> None:
    document, review = reviewed(path)
    addendum = draft(review, lang=document.language)
    clauses = [a.requirement for a in addendum.clauses]
    assert sorted(clauses) == sorted(f.requirement for f in review.violations)
    assert len(clauses) == len(set(clauses))
    for article in addendum.clauses:
        finding = review.finding(article.requirement)
        if finding.status is Status.non_compliant:
            assert article.replaced, article.requirement
            quoted = {r.quote.removesuffix(" […]") for r in article.replaced}
            assert quoted <= {" ".join(e.quote.split()) for e in finding.evidence}
        if finding.status is Status.missing:
            assert not article.replaced
    for party in review.parties:  # the preamble names the parties the review found in the contract
        if party.role != "unknown":
            assert f"**{party.name}**" in addendum.parties


def test_the_samples_exercise_every_kind_of_gap() -> None:
    """Guards the test above against vacuity: the inputs include met, missing, partial and contrary ones."""
    statuses = {f.status for path in SAMPLES for f in reviewed(path)[1].findings}
    assert {Status.present, Status.missing, Status.partial, Status.non_compliant} <= statuses


def test_no_health_data_no_hosting_clauses() -> None:
    path = next(p for p in SAMPLES if p.name == "saas-agenda-cgu-faibles.md")
    document, review = reviewed(path, health_data=False)
    addendum = draft(review)
    assert addendum.clauses and not [a for a in addendum.clauses if a.requirement.startswith("CSP-")]
