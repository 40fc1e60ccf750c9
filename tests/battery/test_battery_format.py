"""The December 2026 phrasing batteries are well formed and cover every requirement; their score is not tested.

Two batteries were written independently, by two writers who read neither the rules nor each other's
cases (a and b). Both are frozen and scored once, at the end of issue 10, with scripts/score_battery.py:
these tests check the files only, never what the engine makes of them.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from vendorcheck.battery import Battery, BatteryCase, load_battery
from vendorcheck.rulebook import load_rules

BATTERY_FILES = sorted(Path(__file__).parent.glob("phrasings-2026-12*.yaml"))
SCORED_REQUIREMENTS = 24  # the requirement IDs scored in ../shared/corpus/README.md


def test_battery_is_the_frozen_december_file(battery, battery_file):
    assert battery.written == date(2026, 12, 5)
    assert "FROZEN" in battery_file.read_text(encoding="utf-8").split("\ncases:")[0]


def test_case_ids_are_unique_and_say_what_the_case_is(battery):
    ids = Counter(case.id for case in battery.cases)
    assert [i for i, n in ids.items() if n > 1] == []
    for case in battery.cases:
        assert case.id.rsplit(".", 1)[0] == f"{case.requirement}.{case.lang}.{case.expect}", case.id


def test_every_requirement_is_a_rule_of_the_shipped_pack(battery):
    requirements = {case.requirement for case in battery.cases}
    assert len(requirements) == SCORED_REQUIREMENTS
    assert requirements <= {rule.id for rule in load_rules().rules}


def test_each_requirement_has_met_weakened_and_absent_cases_in_both_languages(battery):
    statuses: dict[tuple[str, str], set[str]] = {}
    for case in battery.cases:
        statuses.setdefault((case.requirement, case.lang), set()).add(case.expect)
    assert {lang for _, lang in statuses} == {"fr", "en"}
    for (requirement, lang), found in statuses.items():
        assert {"present", "partial", "missing"} <= found, (requirement, lang)
    assert len({requirement for requirement, _ in statuses}) * 2 == len(statuses)


def test_battery_has_at_least_320_cases(battery):
    assert len(battery.cases) >= 320


def test_texts_are_short_excerpts(battery):
    for case in battery.cases:
        assert case.text == case.text.strip() and 20 <= len(case.text) <= 1000, case.id


@pytest.fixture(scope="module", params=BATTERY_FILES, ids=lambda path: path.stem)
def battery_file(request) -> Path:
    return request.param


@pytest.fixture(scope="module")
def battery(battery_file) -> Battery:
    return load_battery(battery_file)


def test_both_independent_batteries_are_there():
    assert [path.name for path in BATTERY_FILES] == ["phrasings-2026-12-b.yaml", "phrasings-2026-12.yaml"]


@pytest.mark.parametrize(
    "bad",
    [
        {"extra": "x"},
        {"expect": "not_applicable"},
        {"lang": "de"},
        {"id": "GDPR-28-2 fr 1"},
        {"why": ""},
        {"why": "two\nlines"},
    ],
)
def test_case_schema_is_strict(bad, battery):
    case = battery.cases[0].model_dump() | bad
    with pytest.raises(ValidationError):
        BatteryCase.model_validate(case)


def test_battery_schema_forbids_unknown_keys():
    with pytest.raises(ValidationError):
        Battery.model_validate({"written": "2026-12-05", "cases": [], "tuned": True})
