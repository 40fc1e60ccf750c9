"""The overall opinion on a contract and its causes: from its findings and, for a health-data host, its HDS check.

An addendum fixes clauses, nothing else. So the opinion asks for one only when clauses fall short; an HDS
certification that the list cannot confirm (a vendor absent from the partial list shipped, a validity or a
scope to confirm) asks the practice to check the certification, and a certification the list or a document
shows to be missing, expired or too narrow forbids signing.
"""

from __future__ import annotations

from vendorcheck.hds.models import HdsAssessment, HdsVerdict
from vendorcheck.i18n import t
from vendorcheck.models import Finding, Language, Severity, Verdict
from vendorcheck.ranking import at_least
from vendorcheck.review import VerdictCause

# Hosting health data without a certificate covering what the vendor does is an offence (CSP L.1115-1):
# these outcomes forbid signing as is, whatever the clauses say. They rest on what a certificate or a
# list entry says.
HDS_BLOCKING = frozenset(
    {
        HdsVerdict.expired,
        HdsVerdict.issuer_not_accredited,
        HdsVerdict.activities_insufficient,
        HdsVerdict.entity_mismatch,
        HdsVerdict.product_not_covered,
    }
)
# These rest on someone's absence from the list: conclusive against a complete list only.
HDS_BLOCKING_IF_LIST_COMPLETE = frozenset(
    {
        HdsVerdict.not_found,
        HdsVerdict.hosted_at_hds_host_but_vendor_uncertified,
        HdsVerdict.subcontractor_uncertified,
    }
)


_LISTED = 5  # requirements named in a cause; the checklist below gives them all


def cause_text(cause: VerdictCause, lang: Language, hds: HdsAssessment | None = None) -> str:
    """'2 écarts bloquants : GDPR-28-3-a, GDPR-33-2', 'Certification HDS — Armor Imagerie Cloud : absent de la
    liste partielle utilisée, vérifier la certification'."""
    from vendorcheck.hds.messages import verdict_label

    shown = cause.requirements[:_LISTED] + (["…"] if len(cause.requirements) > _LISTED else [])
    status = vendor = ""
    if hds is not None:
        label = verdict_label(hds.verdict, lang, partial_list=hds.snapshot_partial)
        status = label[:1].lower() + label[1:]
        vendor = hds.entry.legal_entity if hds.entry else hds.query
    return t(
        f"verdict_cause.{cause.code}",
        lang,
        count=len(cause.requirements),
        requirements=", ".join(shown),
        status=status,
        vendor=vendor,
    )


def assess_verdict(findings: list[Finding], hds: HdsAssessment | None = None) -> tuple[Verdict, list[VerdictCause]]:
    """The opinion and every cause that leads to it, worst first.

    Blocking gap or HDS failure -> do not sign; other gaps -> sign with an addendum; an HDS status to
    confirm and no gap -> sign once the certification is checked (no addendum: there is nothing to
    amend); otherwise signable. Absence from the list blocks only against a complete list: the shipped
    snapshot is partial, so there it means "to check on the official list", not "uncertified".
    """
    violations = [f for f in findings if f.is_violation]
    blocking = [f.requirement for f in violations if f.severity is Severity.blocking]
    others = [f.requirement for f in violations if f.severity is not Severity.blocking]
    causes: list[VerdictCause] = []
    if blocking:
        causes.append(VerdictCause(code="blocking", requirements=blocking))
    if hds is not None and _hds_blocks(hds):
        causes.append(VerdictCause(code="hds_blocking", hds_verdict=hds.verdict))
    if others:
        causes.append(VerdictCause(code="gaps", requirements=others))
    if hds is not None and not hds.verdict.is_clear and not _hds_blocks(hds):
        causes.append(VerdictCause(code="hds_to_check", hds_verdict=hds.verdict))
    if not causes:
        return Verdict.signable, [VerdictCause(code="clear" if hds is not None else "clear_clauses")]
    first = causes[0].code
    verdict = {
        "blocking": Verdict.not_signable,
        "hds_blocking": Verdict.not_signable,
        "gaps": Verdict.signable_with_addendum,
    }.get(first, Verdict.verify_certification)
    return verdict, causes


def overall_verdict(findings: list[Finding], hds: HdsAssessment | None = None) -> Verdict:
    return assess_verdict(findings, hds)[0]


def needs_addendum(verdict: Verdict, findings: list[Finding]) -> bool:
    """An addendum is offered only for clauses to amend."""
    return verdict is not Verdict.signable and any(f.is_violation for f in findings)


def fails(findings: list[Finding], hds: HdsAssessment | None, threshold: Severity) -> bool:
    """Whether a gap of `threshold` severity or worse exists (`review --fail-on`): a clause that is
    partial, contradicted or missing, or an HDS outcome that forbids signing, which counts as blocking.
    A certification only to verify on the official list is not a gap of the contract."""
    severities = [f.severity for f in findings if f.is_violation]
    if hds is not None and _hds_blocks(hds):
        severities.append(Severity.blocking)
    return any(at_least(severity, threshold) for severity in severities)


def _hds_blocks(hds: HdsAssessment) -> bool:
    return hds.verdict in HDS_BLOCKING or (hds.verdict in HDS_BLOCKING_IF_LIST_COMPLETE and not hds.snapshot_partial)
