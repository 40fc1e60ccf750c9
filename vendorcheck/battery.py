"""Phrasing batteries: own-wording snippets, each reviewed alone and compared with its rubric status.

A battery is a YAML file of cases (`tests/battery/phrasings-2026-12.yaml`): one requirement, one language,
one to five sentences of contract wording and the status the corpus labelling rubric gives them. It
measures detection on wording the rules were not written from; the scores use the corpus definitions
(exact status agreement; a violation is any status other than `present`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, computed_field

from vendorcheck.models import Language
from vendorcheck.review import Review
from vendorcheck.rulebook import RulePack
from vendorcheck.scoring import RequirementScore

RubricStatus = Literal["present", "partial", "non_compliant", "missing"]
STATUSES: tuple[str, ...] = get_args(RubricStatus)

# `<requirement>.<lang>.<status>.<n>`: the id says what the case is, so a result line reads alone.
CASE_ID = r"^[A-Za-z0-9-]+\.(fr|en)\.(present|partial|non_compliant|missing)\.[0-9]+$"


class BatteryCase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=CASE_ID)
    requirement: str
    lang: Language
    text: str = Field(min_length=1)
    expect: RubricStatus
    why: str = Field(min_length=1, pattern=r"^[^\n]+$", description="The rubric point that gives `expect`, one line.")


class Battery(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    written: date
    cases: list[BatteryCase]


def load_battery(path: Path) -> Battery:
    """The battery in `path`, validated (unknown keys and malformed cases raise ValidationError)."""
    return Battery.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


class CaseResult(BaseModel):
    id: str
    requirement: str
    lang: Language
    expect: RubricStatus
    got: str


class Agreement(BaseModel):
    cases: int = 0
    agree: int = 0

    @computed_field
    @property
    def rate(self) -> float:
        return self.agree / self.cases if self.cases else 0.0


class BatteryScore(BaseModel):
    results: list[CaseResult]
    per_requirement: dict[str, Agreement]
    per_status: dict[str, Agreement]
    per_language: dict[str, Agreement]
    confusion: dict[str, dict[str, int]]
    exact: Agreement
    present_vs_violation: Agreement
    violations: RequirementScore


Reviewer = Callable[[BatteryCase], Review]


def review_case(case: BatteryCase, rules: RulePack) -> Review:
    """The review of the case's text alone, with health data, in the case's language."""
    from vendorcheck.api import review
    from vendorcheck.ingest.snippet import document_from_text

    return review(document_from_text(case.text, case.lang), health_data=True, lang=case.lang, rules=rules)


def run_battery(
    battery: Battery, reviewer: Reviewer, progress: Callable[[int, int], None] | None = None
) -> list[CaseResult]:
    """Each case reviewed alone; a requirement without a finding counts as `missing`, as in the corpus."""
    results = []
    for done, case in enumerate(battery.cases, start=1):
        finding = reviewer(case).finding(case.requirement)
        got = finding.status.value if finding else "missing"
        results.append(
            CaseResult(id=case.id, requirement=case.requirement, lang=case.lang, expect=case.expect, got=got)
        )
        if progress:
            progress(done, len(battery.cases))
    return results


def score_results(results: list[CaseResult]) -> BatteryScore:
    """Agreement by requirement, expected status and language, the confusion matrix and violation P/R."""
    per_requirement: dict[str, Agreement] = {}
    per_status: dict[str, Agreement] = {}
    per_language: dict[str, Agreement] = {}
    confusion: dict[str, Counter[str]] = {}
    exact, binary, violations = Agreement(), Agreement(), RequirementScore()
    for result in results:
        for tally in (
            per_requirement.setdefault(result.requirement, Agreement()),
            per_status.setdefault(result.expect, Agreement()),
            per_language.setdefault(result.lang, Agreement()),
            exact,
        ):
            tally.cases += 1
            tally.agree += result.expect == result.got
        confusion.setdefault(result.expect, Counter())[result.got] += 1
        gold_violation, got_violation = result.expect != "present", result.got != "present"
        binary.cases += 1
        binary.agree += gold_violation == got_violation
        violations.tp += gold_violation and got_violation
        violations.fp += got_violation and not gold_violation
        violations.fn += gold_violation and not got_violation
    return BatteryScore(
        results=results,
        per_requirement=dict(sorted(per_requirement.items())),
        per_status={s: per_status[s] for s in STATUSES if s in per_status},
        per_language=per_language,
        confusion={s: dict(confusion[s]) for s in STATUSES if s in confusion},
        exact=exact,
        present_vs_violation=binary,
        violations=violations,
    )
