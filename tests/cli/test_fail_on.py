"""`review --fail-on SEVERITY`: exit code 1 when the contract has a gap of that severity or worse, for scripts."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT
from vendorcheck.cli.main import app

CONTRACTS = ROOT / "samples" / "contracts"
WEAK = CONTRACTS / "saas-agenda-cgu-faibles.md"
# Every clause met; its vendor is absent from the partial list shipped: a certification to verify, not a gap.
CONFORMING = CONTRACTS / "pacs-radiologie-hebergement.md"
# Clause gaps of severity major and minor, none blocking.
MAJOR_AT_WORST = CONTRACTS / "dpa-cloud-backup-en.md"


@pytest.mark.parametrize(
    ("contract", "threshold", "code"),
    [
        (WEAK, "major", 1),
        (WEAK, "blocking", 1),
        (CONFORMING, "major", 0),
        (CONFORMING, "minor", 0),
        (MAJOR_AT_WORST, "blocking", 0),
        (MAJOR_AT_WORST, "major", 1),
    ],
)
def test_fail_on_sets_the_exit_code(contract, threshold, code):  # noqa: ANN001
    result = CliRunner().invoke(app, ["review", str(contract), "-f", "json", "--fail-on", threshold])
    assert result.exit_code == code, result.output
    assert '"findings"' in result.stdout  # the report is written whatever the code


def test_without_fail_on_a_weak_contract_still_exits_0():
    assert CliRunner().invoke(app, ["review", str(WEAK), "-f", "json"]).exit_code == 0


def test_an_unknown_severity_is_a_usage_error():
    assert CliRunner().invoke(app, ["review", str(WEAK), "--fail-on", "grave"]).exit_code == 2
