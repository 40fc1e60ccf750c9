"""The overall verdict combines the clause findings with the HDS check of a health-data host."""

from __future__ import annotations

from datetime import date

import pytest

from vendorcheck.hds.models import HdsAssessment, HdsVerdict
from vendorcheck.models import Finding, Severity, Status, Verdict
from vendorcheck.verdict import assess_verdict, cause_text, needs_addendum, overall_verdict


def _finding(status: Status, severity: Severity = Severity.major) -> Finding:
    return Finding(
        requirement="GDPR-33-2", title="t", citation="c", status=status, severity=severity, confidence=0.9, message="m"
    )


def _hds(verdict: HdsVerdict, partial: bool = True) -> HdsAssessment:
    return HdsAssessment(
        query="Hôte Exemple",
        verdict=verdict,
        reasons=[],
        today=date(2026, 11, 23),
        snapshot_id="s",
        snapshot_date=date(2026, 11, 23),
        snapshot_source="test",
        snapshot_partial=partial,
    )


def test_clauses_alone():
    assert overall_verdict([_finding(Status.present)]) is Verdict.signable
    assert overall_verdict([_finding(Status.partial)]) is Verdict.signable_with_addendum
    assert overall_verdict([_finding(Status.non_compliant, Severity.blocking)]) is Verdict.not_signable


@pytest.mark.parametrize(
    "verdict", [HdsVerdict.expired, HdsVerdict.activities_insufficient, HdsVerdict.issuer_not_accredited]
)
def test_hds_failure_blocks_an_otherwise_clean_contract(verdict):
    assert overall_verdict([_finding(Status.present)], _hds(verdict)) is Verdict.not_signable


@pytest.mark.parametrize("verdict", [HdsVerdict.not_found, HdsVerdict.hosted_at_hds_host_but_vendor_uncertified])
def test_absence_from_the_list_blocks_only_against_a_complete_list(verdict):
    clean = [_finding(Status.present)]
    assert overall_verdict(clean, _hds(verdict, partial=True)) is Verdict.verify_certification
    assert overall_verdict(clean, _hds(verdict, partial=False)) is Verdict.not_signable


def test_certified_host_keeps_the_clause_verdict():
    assert overall_verdict([_finding(Status.present)], _hds(HdsVerdict.certified)) is Verdict.signable


@pytest.mark.parametrize(
    "verdict",
    [
        HdsVerdict.validity_unknown,
        HdsVerdict.partially_certified,
        HdsVerdict.ambiguous,
        HdsVerdict.vendor_unidentified,
        HdsVerdict.invalid_identifier,
        HdsVerdict.claim_inconsistent,
    ],
)
def test_an_hds_status_to_confirm_asks_to_check_the_certification_not_for_an_addendum(verdict):
    clean = [_finding(Status.present)]
    result, causes = assess_verdict(clean, _hds(verdict))
    assert result is Verdict.verify_certification and [c.code for c in causes] == ["hds_to_check"]
    assert not needs_addendum(result, clean)
    assert cause_text(causes[0], "fr", _hds(verdict)).startswith("Certification HDS à vérifier — Hôte Exemple : ")


def test_the_verdict_states_its_causes_worst_first():
    findings = [
        _finding(Status.non_compliant, Severity.blocking),
        _finding(Status.partial),
        _finding(Status.missing, Severity.minor),
    ]
    result, causes = assess_verdict(findings, _hds(HdsVerdict.not_found))
    assert result is Verdict.not_signable and [c.code for c in causes] == ["blocking", "gaps", "hds_to_check"]
    assert needs_addendum(result, findings)
    texts = [cause_text(c, "fr", _hds(HdsVerdict.not_found)) for c in causes]
    assert texts[:2] == ["1 écart bloquant : GDPR-33-2", "2 écarts à corriger par avenant : GDPR-33-2, GDPR-33-2"]
    assert texts[2].endswith("absent de la liste partielle utilisée, vérifier la certification")
    assert cause_text(causes[1], "en") == "2 gaps to fix by addendum: GDPR-33-2, GDPR-33-2"


def test_a_clean_contract_says_why_it_can_be_signed():
    assert assess_verdict([_finding(Status.present)], _hds(HdsVerdict.certified))[1][0].code == "clear"
    assert assess_verdict([_finding(Status.present)])[1][0].code == "clear_clauses"


def test_fail_on_counts_clause_gaps_from_the_threshold_up():
    from vendorcheck.verdict import fails

    minor = [_finding(Status.partial, Severity.minor), _finding(Status.present, Severity.blocking)]
    assert fails(minor, None, Severity.minor)
    assert not fails(minor, None, Severity.major) and not fails(minor, None, Severity.blocking)


def test_fail_on_counts_an_hds_outcome_that_forbids_signing_as_blocking_but_not_one_to_verify():
    from vendorcheck.verdict import fails

    clean = [_finding(Status.present)]
    assert fails(clean, _hds(HdsVerdict.expired), Severity.blocking)
    assert not fails(clean, _hds(HdsVerdict.not_found, partial=True), Severity.minor)
    assert fails(clean, _hds(HdsVerdict.not_found, partial=False), Severity.blocking)
