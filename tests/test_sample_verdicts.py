"""The samples get one coherent verdict: the conforming PACS contract is never sent to an addendum, whether
its host is absent from the partial list shipped (check the certification) or certified on an imported list."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from vendorcheck.api import review_file
from vendorcheck.hds.imports import import_file
from vendorcheck.models import Verdict
from vendorcheck.render import markdown, text
from vendorcheck.verdict import needs_addendum

ROOT = Path(__file__).resolve().parent.parent
PACS = ROOT / "samples" / "contracts" / "pacs-radiologie-hebergement.md"


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VENDORCHECK_HOME", str(tmp_path / "home"))


def _report(review, module) -> str:  # noqa: ANN001
    out = io.StringIO()
    module.render(review, out)
    return " ".join(out.getvalue().replace("│", " ").split())  # the terminal report wraps in a box


def test_conforming_contract_on_the_partial_list_is_to_check_without_addendum() -> None:
    review = review_file(PACS, today=date(2026, 11, 23))
    assert review.verdict is Verdict.verify_certification and not review.violations
    assert [c.code for c in review.verdict_causes] == ["hds_to_check"]
    assert not needs_addendum(review.verdict, review.findings)
    for report in (_report(review, text), _report(review, markdown)):
        assert "Signable après vérification de la certification HDS" in report
        assert "aucun avenant n'est nécessaire" in report and "vendorcheck addendum" not in report
        assert "absent de la liste partielle utilisée, vérifier la certification" in report


def test_conforming_contract_with_its_host_certified_is_signable() -> None:
    import_file(ROOT / "samples" / "hds" / "liste-exemple.csv", list_date=date(2026, 11, 20))
    review = review_file(
        PACS, today=date(2026, 11, 23), declaration=ROOT / "samples" / "declarations" / "armor-imagerie-coherente.yaml"
    )
    assert review.hds is not None and review.hds.verdict.value == "certified" and review.hds.inconsistencies == []
    assert review.verdict is Verdict.signable and [c.code for c in review.verdict_causes] == ["clear"]
