"""Independent phrasing battery: each rule against contract wording it was not written from.

The cases live in phrasings.yaml; their expected status follows the corpus labelling rubric, never the
engine. A case the engine currently gets wrong carries `known_gap: true` and runs as a strict xfail,
so the suite stays green and a gap that gets fixed is noticed (the xfail then fails and must be lifted).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict

from tests.conftest import document_from_text
from vendorcheck.api import review
from vendorcheck.models import Language, Status
from vendorcheck.rulebook import load_rules

PACK = load_rules()
CASES_FILE = Path(__file__).with_name("phrasings.yaml")


class Phrasing(BaseModel):
    model_config = ConfigDict(extra="forbid")

    requirement: str
    lang: Language
    text: str
    expect: Status
    known_gap: bool = False
    note: str = ""


def _load() -> list[Phrasing]:
    raw = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    return [Phrasing.model_validate(case) for case in raw["cases"]]


CASES = _load()


def _param(index: int, case: Phrasing):
    marks = [pytest.mark.xfail(strict=True, reason=case.note or "known gap")] if case.known_gap else []
    return pytest.param(case, marks=marks, id=f"{case.requirement}-{index}-{case.lang}-{case.expect.value}")


@pytest.mark.parametrize("case", [_param(i, c) for i, c in enumerate(CASES)])
def test_phrasing_gets_rubric_status(case: Phrasing):
    result = review(document_from_text(case.text, case.lang), health_data=True, lang=case.lang, rules=PACK)
    finding = result.finding(case.requirement)
    assert finding is not None
    assert finding.status == case.expect, f"got {finding.status.value}: {finding.message} {finding.flags}"


def test_battery_covers_every_rule_in_both_languages_with_a_trap_and_a_met_case():
    for rule in PACK.rules:
        for lang in ("fr", "en"):
            expected = {c.expect for c in CASES if c.requirement == rule.id and c.lang == lang}
            assert {Status.present, Status.missing} <= expected, (rule.id, lang)
    assert {c.requirement for c in CASES} == {r.id for r in PACK.rules}
