"""Each rule's own examples are its tests (style A2): every example must get its expected status."""

from __future__ import annotations

import pytest

from tests.conftest import document_from_text
from vendorcheck.api import review
from vendorcheck.models import Status
from vendorcheck.rulebook import load_rules

PACK = load_rules()
CASES = [(rule.id, i, ex) for rule in PACK.rules for i, ex in enumerate(rule.examples)]


@pytest.mark.parametrize(("rule_id", "index", "example"), CASES, ids=[f"{r}-{i}-{e.lang}" for r, i, e in CASES])
def test_example_gets_expected_status(rule_id, index, example):
    result = review(document_from_text(example.text, example.lang), health_data=True, rules=PACK)
    finding = result.finding(rule_id)
    assert finding is not None
    assert finding.status == example.expect, f"{rule_id} example {index}: {finding.message}"


@pytest.mark.parametrize("rule", PACK.rules, ids=[r.id for r in PACK.rules])
def test_rule_examples_cover_met_missing_weakened_and_contradicted_in_both_languages(rule):
    bands = rule.durations.bands if rule.durations else []
    contradicting = [f for f in rule.flags if f.status is Status.non_compliant]
    can_contradict = bool(contradicting) or any(b.status is Status.non_compliant for b in bands)
    for lang in ("fr", "en"):
        expected = {e.expect for e in rule.examples if e.lang == lang}
        assert {Status.present, Status.missing, Status.partial} <= expected, lang
        if can_contradict:
            assert Status.non_compliant in expected, f"{lang}: contradiction wording needs an example"


def test_every_scored_requirement_has_exactly_one_rule():
    scored = {
        "GDPR-28-3-INTRO",
        "GDPR-28-3-a",
        "GDPR-28-3-a-TRANSFER",
        "GDPR-28-3-b",
        "GDPR-28-3-c",
        "GDPR-28-2",
        "GDPR-28-4",
        "GDPR-28-3-e",
        "GDPR-28-3-f",
        "GDPR-33-2",
        "GDPR-28-3-g",
        "GDPR-28-3-h",
        "GDPR-28-3-LAST",
        "CSP-R1111-11-1",
        "CSP-R1111-11-2",
        "CSP-R1111-11-3",
        "CSP-R1111-11-5",
        "CSP-R1111-11-6",
        "CSP-R1111-11-7",
        "CSP-R1111-11-8",
        "CSP-R1111-11-9",
        "CSP-R1111-11-10",
        "CSP-R1111-11-11",
        "CSP-R1111-11-12-14",
    }
    ids = [r.id for r in PACK.rules]
    assert sorted(ids) == sorted(scored)


def test_health_rules_are_not_applicable_without_health_data():
    document = document_from_text("Le Prestataire héberge les données en France.", "fr")
    result = review(document, health_data=False, rules=PACK)
    statuses = {f.requirement: f.status for f in result.findings}
    assert all(statuses[r.id] is Status.not_applicable for r in PACK.rules if r.scope == "health")
    assert all(statuses[r.id] is not Status.not_applicable for r in PACK.rules if r.scope == "gdpr")
