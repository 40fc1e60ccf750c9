"""The overall verdict combines the clause findings with the HDS check of a health-data host."""

from __future__ import annotations

from datetime import date

import pytest

from vendorcheck.hds.models import HdsAssessment, HdsVerdict
from vendorcheck.models import Finding, Severity, Status, Verdict
from vendorcheck.verdict import overall_verdict


def _finding(status: Status, severity: Severity = Severity.major) -> Finding:
    return Finding(requirement="GDPR-33-2", title="t", citation="c", status=status, severity=severity,
                   confidence=0.9, message="m")


def _hds(verdict: HdsVerdict, partial: bool = True) -> HdsAssessment:
    return HdsAssessment(query="Hôte Exemple", verdict=verdict, reasons=[], today=date(2026, 11, 23),
                         snapshot_id="s", snapshot_date=date(2026, 11, 23), snapshot_source="test",
                         snapshot_partial=partial)


def test_clauses_alone():
    assert overall_verdict([_finding(Status.present)]) is Verdict.signable
    assert overall_verdict([_finding(Status.partial)]) is Verdict.signable_with_addendum
    assert overall_verdict([_finding(Status.non_compliant, Severity.blocking)]) is Verdict.not_signable


@pytest.mark.parametrize("verdict", [HdsVerdict.expired, HdsVerdict.activities_insufficient,
                                     HdsVerdict.issuer_not_accredited])
def test_hds_failure_blocks_an_otherwise_clean_contract(verdict):
    assert overall_verdict([_finding(Status.present)], _hds(verdict)) is Verdict.not_signable


@pytest.mark.parametrize("verdict", [HdsVerdict.not_found, HdsVerdict.hosted_at_hds_host_but_vendor_uncertified])
def test_absence_from_the_list_blocks_only_against_a_complete_list(verdict):
    clean = [_finding(Status.present)]
    assert overall_verdict(clean, _hds(verdict, partial=True)) is Verdict.signable_with_addendum
    assert overall_verdict(clean, _hds(verdict, partial=False)) is Verdict.not_signable


def test_certified_host_keeps_the_clause_verdict():
    assert overall_verdict([_finding(Status.present)], _hds(HdsVerdict.certified)) is Verdict.signable
