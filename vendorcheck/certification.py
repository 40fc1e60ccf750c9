"""The HDS section of a contract's review: the vendor found among the parties (or named by the user),
checked against the list, with the vendor's declaration cross-checked when one is given.

It sits above `hds` and `declarations`, which it combines: the list check knows nothing of contracts, the
declaration's cross-check nothing of the list's verdicts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from vendorcheck.declarations import cross_check, parse_declaration
from vendorcheck.hds.certificate import parse_certificate
from vendorcheck.hds.messages import reason, verdict_of
from vendorcheck.hds.messages import status as hds_status
from vendorcheck.hds.models import HdsAssessment, HdsClaim, HdsVerdict, Reason, Snapshot
from vendorcheck.hds.store import get_snapshot
from vendorcheck.hds.verdicts import assess, assessment
from vendorcheck.models import Document, Party


def assess_contract(
    document: Document,
    parties: list[Party],
    *,
    vendor: str | None = None,
    declaration: str | Path | None = None,
    today: date | None = None,
    snapshot: Snapshot | str | None = None,
) -> HdsAssessment:
    """HDS assessment of the contract's vendor.

    document (Document): the contract.
    parties (list[Party]): its parties, from `extract_parties`.
    vendor (str | None): name or SIREN given by the user; wins over the parties.
    declaration (str | Path | None): the vendor's filled declaration, cross-checked with the contract.
    today (date | None): reference date; the system date when None.
    snapshot (Snapshot | str | None): the list to use; the current snapshot when None.
    RETURNS (HdsAssessment): the verdict, with the declaration's inconsistencies and their quotes.
    """
    today = today or date.today()
    snap = get_snapshot(snapshot)
    filled = parse_declaration(declaration) if declaration else None
    query = vendor or _vendor_query(parties) or (filled.vendor.name if filled else None)
    if query is None:
        return _unidentified(snap, today)
    claim = None
    if filled:
        # Identity is compared with its evidence by the cross-check; the claim checks the certificate.
        claim = filled.claim().model_copy(update={"entity": None, "siren": None})
    products = ", ".join(filled.products) if filled and filled.products else None
    result = assess(
        query, service=filled.service if filled else None, today=today, snapshot=snap, product=products, claim=claim
    )
    if filled:
        extra = [
            r for host in filled.hds.hosts for r in _host(host.name, host.siren, host.activities.numbers, today, snap)
        ]
        reasons = result.reasons + extra
        result = result.model_copy(
            update={
                "reasons": reasons,
                "verdict": verdict_of(reasons),
                "inconsistencies": cross_check(filled, document, parties=parties, entry=result.entry, snapshot=snap),
            }
        )
    return result


def check_vendor(
    query: str,
    *,
    service: str | None = None,
    product: str | None = None,
    host: str | None = None,
    certificate: str | Path | None = None,
    declaration: str | Path | None = None,
    today: date | None = None,
    snapshot: Snapshot | str | None = None,
) -> HdsAssessment:
    """`hds check`: a vendor's HDS verdict, its own claims (the certificate or attestation it presents, or
    else its filled declaration, whose service type applies unless `service` is given) checked too."""
    claim: HdsClaim | None = None
    if certificate:
        claim = parse_certificate(certificate).claim()
    elif declaration:
        filled = parse_declaration(declaration)
        claim = filled.claim()
        service = service or filled.service
    return assess(query, service=service, today=today, snapshot=snapshot, host=host, product=product, claim=claim)


def _vendor_query(parties: list[Party]) -> str | None:
    vendor = next((p for p in parties if p.role == "processor"), None)
    if vendor is None:
        return None
    return f"{vendor.name} (SIREN {vendor.siren})" if vendor.siren else vendor.name


def _host(name: str, siren: str | None, activities: list[int], today: date, snap: Snapshot) -> list[Reason]:
    """A host the vendor declares it relies on must itself be certified, today, for what it does."""
    checked = assess(f"{name} (SIREN {siren})" if siren else name, today=today, snapshot=snap)
    status = hds_status(checked)
    covered = set(checked.entry.activities) if checked.entry else set()
    clear = checked.verdict.holds_certificate and (not covered or set(activities) <= covered)
    # Absent from a partial list proves nothing: say so without turning it into a verdict.
    unknowable = checked.verdict is HdsVerdict.not_found and snap.info.partial
    if clear and activities and covered and checked.expiry_date:
        return [
            reason("declared_host_covered", host=name, activities=sorted(activities), valid_until=checked.expiry_date)
        ]
    if clear or unknowable:
        return [reason("declared_host", host=name, status=status)]
    return [reason("subcontractor_uncertified", host=name, activities=activities, status=status)]


def _unidentified(snap: Snapshot, today: date) -> HdsAssessment:
    reasons = [reason("vendor_unidentified")]
    return assessment("", reasons, snap, today)
