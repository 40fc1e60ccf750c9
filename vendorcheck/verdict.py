"""The overall opinion on a contract: from its findings and, for a health-data host, its HDS check."""

from __future__ import annotations

from vendorcheck.hds.models import HdsAssessment, HdsVerdict
from vendorcheck.models import Finding, Severity, Verdict

# Hosting health data without a certificate covering what the vendor does is an offence (CSP L.1115-1):
# these outcomes forbid signing as is, whatever the clauses say. They rest on what a certificate or a
# list entry says.
HDS_BLOCKING = frozenset({
    HdsVerdict.expired, HdsVerdict.issuer_not_accredited, HdsVerdict.activities_insufficient,
    HdsVerdict.entity_mismatch, HdsVerdict.product_not_covered,
})
# These rest on someone's absence from the list: conclusive against a complete list only.
HDS_BLOCKING_IF_LIST_COMPLETE = frozenset({
    HdsVerdict.not_found, HdsVerdict.hosted_at_hds_host_but_vendor_uncertified, HdsVerdict.subcontractor_uncertified,
})


def overall_verdict(findings: list[Finding], hds: HdsAssessment | None = None) -> Verdict:
    """Blocking gap -> do not sign; any other gap or an HDS status to verify -> sign only with an addendum.

    Absence from the list blocks only against a complete list: the shipped snapshot is partial, so there
    it means "to verify on the official list", not "uncertified".
    """
    violations = [f for f in findings if f.is_violation]
    if any(f.severity is Severity.blocking for f in violations) or _hds_blocks(hds):
        return Verdict.not_signable
    if violations or (hds is not None and not hds.verdict.is_clear):
        return Verdict.signable_with_addendum
    return Verdict.signable


def _hds_blocks(hds: HdsAssessment | None) -> bool:
    if hds is None:
        return False
    return hds.verdict in HDS_BLOCKING or (hds.verdict in HDS_BLOCKING_IF_LIST_COMPLETE and not hds.snapshot_partial)
