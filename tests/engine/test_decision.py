"""The generic decision procedure, feature by feature, on a one-rule pack written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import document_from_text
from vendorcheck.api import review
from vendorcheck.models import Status
from vendorcheck.rulebook import load_rules

TEXT = {"fr": "x", "en": "x"}


def _pack(tmp_path: Path, **rule):
    """A valid rule with sensible defaults, overridden by `rule`; examples are not under test here."""
    base = {
        "id": "TEST-1",
        "title": TEXT,
        "citation": {"label": "test", "url": "https://example.org"},
        "scope": "gdpr",
        "severity": "major",
        "advice": TEXT,
        "explain_missing": TEXT,
        "explain_partial": TEXT,
        "doc": {"checks": TEXT, "why": TEXT, "compliant": TEXT, "non_compliant": TEXT, "references": ["r"]},
        "topic": {"fr": ["notifi*"], "en": ["notif*"]},
        "examples": [{"lang": lang, "text": "t", "expect": e} for lang in ("fr", "en") for e in ("present", "missing")],
    }
    base.update(rule)
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "TEST-1.yaml").write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    return load_rules(folder)


def _status(pack, text: str, lang: str = "en") -> Status:
    return review(document_from_text(text, lang), rules=pack, health_data=False).finding("TEST-1").status


def _element(id_: str, *patterns: str, **extra):
    return {"id": id_, "label": TEXT, "patterns": {"fr": list(patterns), "en": list(patterns)}, **extra}


def _flag(id_: str, status: str, *patterns: str, **extra):
    return {
        "id": id_,
        "status": status,
        "severity": "major",
        "message": TEXT,
        "patterns": {"fr": list(patterns), "en": list(patterns)},
        **extra,
    }


def test_topic_elements_and_missing(tmp_path):
    pack = _pack(tmp_path, elements=[_element("delay", "hours")])
    assert _status(pack, "We notify the customer within 24 hours.") is Status.present
    assert _status(pack, "We notify the customer.") is Status.partial
    assert _status(pack, "Fees are due monthly.") is Status.missing


def test_a_clean_complete_clause_wins_over_a_weak_restatement_elsewhere(tmp_path):
    pack = _pack(
        tmp_path, window=0, elements=[_element("delay", "hours")], flags=[_flag("weak", "partial", "if possible")]
    )
    clean_and_weak = "We notify the customer within 24 hours. Later we may notify affiliates if possible."
    assert _status(pack, clean_and_weak) is Status.partial  # the weakening sits in a topic sentence
    pack = _pack(
        tmp_path, window=1, elements=[_element("delay", "hours")], flags=[_flag("weak", "partial", "if possible")]
    )
    assert (
        _status(pack, "We notify the customer within 24 hours. We also notify partners. Fees rise if possible.")
        is Status.present
    )


def test_negation_cancels_ignores_or_is_required(tmp_path):
    cancels = _pack(tmp_path, flags=[_flag("free", "non_compliant", "without consent")])
    assert _status(cancels, "We notify you and may act without consent.") is Status.non_compliant
    assert _status(cancels, "We notify you and shall not act without consent.") is Status.present
    required = _pack(
        tmp_path, flags=[_flag("excl", "non_compliant", "liable ... failure", within="document", negation="required")]
    )
    assert _status(required, "We notify you. We are not liable for any failure.") is Status.non_compliant
    assert _status(required, "We notify you. We are liable for any failure.") is Status.present


def test_unless_lifts_a_flag_in_its_sentence_or_anywhere(tmp_path):
    sentence = _pack(
        tmp_path,
        flags=[_flag("old", "partial", "privacy shield", within="document", unless={"fr": ["2021"], "en": ["2021"]})],
    )
    assert _status(sentence, "We notify you. Transfers rely on the Privacy Shield.") is Status.partial
    assert _status(sentence, "We notify you. Transfers rely on the Privacy Shield, replaced in 2021.") is Status.present
    document = _pack(
        tmp_path,
        flags=[
            _flag(
                "old",
                "partial",
                "privacy shield",
                within="document",
                unless_scope="document",
                unless={"fr": ["2021"], "en": ["2021"]},
            )
        ],
    )
    assert _status(document, "We notify you. Privacy Shield applies. Clauses of 2021 apply.") is Status.present


def test_flag_scopes(tmp_path):
    in_sentence = _pack(tmp_path, window=3, flags=[_flag("free", "non_compliant", "freely", within="sentence")])
    assert _status(in_sentence, "We notify you. Then we act freely.") is Status.present
    assert _status(in_sentence, "We notify you and act freely.") is Status.non_compliant
    near = _pack(tmp_path, window=3, flags=[_flag("free", "non_compliant", "freely")])
    assert _status(near, "We notify you. Then we act freely.") is Status.non_compliant
    assert _status(near, "Then we act freely.") is Status.missing


def test_required_sufficient_and_minimum_elements(tmp_path):
    pack = _pack(
        tmp_path,
        min_elements=2,
        elements=[
            _element("who", "customer", required=True),
            _element("when", "hours"),
            _element("how", "email"),
            _element("all", "everything", sufficient=True),
        ],
    )
    assert _status(pack, "We notify the customer within 24 hours.") is Status.present
    assert _status(pack, "We notify within 24 hours by email.") is Status.partial  # required one absent
    assert _status(pack, "We notify everything.") is Status.present


@pytest.mark.parametrize(
    ("scope", "expected"), [("window", Status.partial), ("topics", Status.present), ("document", Status.present)]
)
def test_element_scopes(tmp_path, scope, expected):
    pack = _pack(tmp_path, window=0, elements_scope=scope, elements=[_element("a", "customer"), _element("b", "hours")])
    assert _status(pack, "We notify the customer. Later, we notify within 24 hours.") is expected


def test_delays_are_read_near_their_element(tmp_path):
    bands = {"bands": [{"max_hours": 48, "status": "present"}, {"status": "non_compliant"}], "near": "notice"}
    pack = _pack(tmp_path, elements=[_element("notice", "inform*")], durations=bands)
    assert _status(pack, "We inform you of a notified breach within 5 days.") is Status.non_compliant
    assert _status(pack, "We inform you of a notified breach within 24 hours.") is Status.present
    assert _status(pack, "We notify and inform you at once. An audit is notified 15 days ahead.") is Status.present


def test_weakening_wording_without_a_topic_sentence_is_partial(tmp_path):
    pack = _pack(tmp_path, flags=[_flag("reuse", "partial", "aggregated data", within="document")])
    assert _status(pack, "We may use aggregated data to improve the product.") is Status.partial
    assert _status(pack, "We may use the product.") is Status.missing


def test_a_mention_without_any_element_is_missing_when_the_rule_says_so(tmp_path):
    elements = [_element("same", "same obligations")]
    pack = _pack(tmp_path, elements=elements, mention="missing")
    assert _status(pack, "We notify the customer of new sub-processors.") is Status.missing
    assert _status(pack, "We notify our providers and bind them by the same obligations.") is Status.present
    pack = _pack(tmp_path, elements=elements)
    assert _status(pack, "We notify the customer of new sub-processors.") is Status.partial


def test_an_element_that_does_not_address_the_requirement_alone_leaves_a_mention_missing(tmp_path):
    # a phone number near "notify" says nothing of whose contact it is; the customer's side does
    elements = [_element("customer-side", "customer's"), _element("phone", "phone", addresses=False)]
    pack = _pack(tmp_path, elements=elements, mention="missing")
    assert _status(pack, "Our notice gives the phone number of our own contact.") is Status.missing
    assert _status(pack, "We notify the customer's contact.") is Status.partial
    assert _status(pack, "We notify the customer's contact by phone.") is Status.present
