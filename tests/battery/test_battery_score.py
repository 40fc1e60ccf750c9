"""Battery scoring tallies agreement the corpus way (on made-up results, never on the engine's)."""

from __future__ import annotations

import pytest

from vendorcheck.battery import CaseResult, score_results


def test_scores_count_agreement_confusion_and_violations():
    def result(expect: str, got: str, requirement: str = "GDPR-28-2") -> CaseResult:
        return CaseResult(id=f"{requirement}.fr.{expect}.1", requirement=requirement, lang="fr", expect=expect, got=got)

    score = score_results(
        [
            result("present", "present"),
            result("partial", "missing"),
            result("missing", "present", "GDPR-33-2"),
            result("non_compliant", "non_compliant"),
        ]
    )
    assert (score.exact.agree, score.exact.cases) == (2, 4)
    assert score.per_requirement["GDPR-28-2"].rate == pytest.approx(2 / 3)
    assert score.per_status["partial"].agree == 0
    assert score.confusion["partial"] == {"missing": 1}
    assert (score.violations.tp, score.violations.fp, score.violations.fn) == (2, 0, 1)
    assert score.present_vs_violation.agree == 3
