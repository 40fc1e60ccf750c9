"""`assess()`: the HDS verdict on one vendor against one dated snapshot of the list.

Each check adds reasons; the verdict is the worst reason (see `HdsVerdict` order). Dates are computed
against `today`, which callers and tests inject.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rapidfuzz import fuzz

from vendorcheck.errors import OptionError
from vendorcheck.hds.activities import ALL as ALL_ACTIVITIES
from vendorcheck.hds.bodies import check_issuer, table
from vendorcheck.hds.identifiers import ParsedQuery, normalise_certificate_number, parse_query
from vendorcheck.hds.matching import FUZZY_THRESHOLD, MatchResult, find
from vendorcheck.hds.messages import reason, verdict_message, verdict_of
from vendorcheck.hds.models import HdsAssessment, HdsClaim, HdsEntry, Reason, Snapshot
from vendorcheck.hds.names import core_key
from vendorcheck.hds.services import ServiceType, get_service
from vendorcheck.hds.store import get_snapshot
from vendorcheck.i18n import Message, message
from vendorcheck.text import fold

EXPIRY_WARNING_DAYS = 90
# The 2024 referential was published in the JO on 16 May 2024: no certificate issued earlier can follow it.
REFERENTIAL_2024_PUBLISHED = date(2024, 5, 16)
# End of the transition to the 2024 referential. Only a secondary source gives it (hds.md §1.1); the
# reason shown says so.
REFERENTIAL_2024_DEADLINE = date(2026, 5, 16)
_OWN_OPERATION = (5, 6)
_LIST = message("hds.words.the_list")
_SUBJECT_LIST = message("hds.words.certificate_listed")
_SUBJECT_CLAIM = message("hds.words.certificate_presented")


def assess(
    query: str,
    *,
    service: str | None = None,
    today: date | None = None,
    snapshot: Snapshot | str | None = None,
    host: str | None = None,
    product: str | None = None,
    claim: HdsClaim | None = None,
) -> HdsAssessment:
    """The HDS verdict on a vendor.

    query (str): legal or trade name, SIREN, SIRET, certificate number, or a name followed by its SIREN.
    service (str | None): service type (iaas, paas, saas, backup, pacs, support) whose activities are needed.
    today (date | None): reference date for expiry checks; the system date when None.
    snapshot (Snapshot | str | None): a snapshot or its id; the current one when None.
    host (str | None): the HDS host the vendor says it relies on ("hébergé chez…").
    product (str | None): the product or plan bought, checked against the products the source excludes.
    claim (HdsClaim | None): what the vendor's certificate or declaration states, checked against the list.
    RETURNS (HdsAssessment): verdict, reasons, and the snapshot date and source they rest on.
    """
    today = today or date.today()
    snap = get_snapshot(snapshot)
    kind = get_service(service)
    parsed = parse_query(query)
    if not (parsed.name or parsed.siren or parsed.invalid_identifiers):
        raise OptionError(detail=message("hds.errors.no_query"))
    host = host or (claim.hosts[0] if claim and claim.hosts else None)
    host_check = assess(host, today=today, snapshot=snap) if host else None
    result = find(parsed, snap.entries)
    found = bool(result.entry or result.ambiguous)
    # When nothing was found, the unusable identifier is the headline (_not_found); else a side note.
    reasons = [reason("invalid_identifier", value=v) for v in parsed.invalid_identifiers] if found else []
    missing: list[int] = []
    if result.ambiguous:
        reasons.append(reason("ambiguous", query=query, names=[_named(c.entry) for c in result.ambiguous]))
    elif result.entry is None:
        # "Hosted at a certified host" is the vendor's answer instead of a certificate of its own; a vendor
        # that states its own certificate and names its hosts is not making that claim.
        own_claimed = bool(claim and (claim.certificate_number or claim.activities))
        reasons += _not_found(parsed, result, snap, kind, None if own_claimed else host_check)
    else:
        entry = result.entry
        reasons += _identity(parsed, result)
        reasons += _validity(entry, today)
        if entry.certifying_body:
            reasons += _issuer(entry.certifying_body, _LIST)
        reasons += _referential(_referential_of(entry), today, _SUBJECT_LIST)
        activity_reasons, missing = _activities(entry.activities, kind, host_check)
        reasons += activity_reasons + _products(entry, product)
        if entry.secondary:
            reasons.append(reason("secondary_source"))
        if entry.note:
            reasons.append(reason("entry_note", note=entry.note))
    if claim:
        reasons += _claim(claim, parsed, result, snap, today, kind)
    if snap.info.partial:
        reasons.append(reason("snapshot_partial", source=snap.info.source))
    return assessment(
        query,
        reasons,
        snap,
        today,
        entry=result.entry,
        match=result.match,
        candidates=result.ambiguous or result.near,
        service=kind.key if kind else None,
        required_activities=list(kind.needs) if kind else [],
        missing_activities=missing,
        host=host_check,
        claim=claim,
    )


def assessment(query: str, reasons: list[Reason], snap: Snapshot, today: date, **details: Any) -> HdsAssessment:
    """The assessment of `query` against the list `snap`: its verdict follows from `reasons`."""
    return HdsAssessment(
        query=query,
        verdict=verdict_of(reasons),
        reasons=reasons,
        today=today,
        snapshot_id=snap.info.id,
        snapshot_date=snap.info.list_date,
        snapshot_source=snap.info.source,
        snapshot_partial=snap.info.partial,
        **details,
    )


def _not_found(
    parsed: ParsedQuery, result: MatchResult, snap: Snapshot, kind: ServiceType | None, host_check: HdsAssessment | None
) -> list[Reason]:
    reasons: list[Reason] = []
    if parsed.invalid_identifiers:
        # The identifier was the user's best evidence; "absent from the list" would hide the typo.
        reasons.append(reason("identifier_unusable", values=[f"« {v} »" for v in parsed.invalid_identifiers]))
    if parsed.name or parsed.siren:
        reasons.append(
            reason("not_found", query=parsed.name or parsed.siren or parsed.text, snapshot_date=snap.info.list_date)
        )
    if result.near:
        reasons.append(
            reason("near_names", names=[f"{c.entry.legal_entity} ({c.match.score:.0f}/100)" for c in result.near])
        )
    if parsed.siren and not parsed.name:
        reasons.append(reason("siren_not_published"))
    if host_check:
        own = list(kind.own) if kind else list(_OWN_OPERATION)
        reasons.append(reason("hosted_at_host", host=host_check.query, activities=own))
        reasons.append(_host_status(host_check))
    return reasons


def _host_status(host_check: HdsAssessment) -> Reason:
    label = verdict_message(host_check.verdict, partial_list=host_check.snapshot_partial)
    return reason("host_status", host=host_check.query, status=message("hds.status", label=label))


def _identity(parsed: ParsedQuery, result: MatchResult) -> list[Reason]:
    entry, match = result.entry, result.match
    assert entry is not None and match is not None
    reasons: list[Reason] = []
    if match.kind == "related":
        reasons.append(reason("entity_related", entity=entry.legal_entity, query=parsed.name))
    elif match.kind == "fuzzy":
        reasons.append(reason("match_partial", matched=match.matched, score=f"{match.score:.0f}"))
    elif match.kind == "trade_name" and core_key(match.matched) != core_key(entry.legal_entity):
        reasons.append(reason("match_trade_name", matched=match.matched, entity=entry.legal_entity))
    elif match.kind == "former_name":
        reasons.append(reason("match_former_name", matched=match.matched, entity=entry.legal_entity))
    if result.others:
        reasons.append(
            reason("homonyms_listed", entity=entry.legal_entity, names=[_named(c.entry) for c in result.others])
        )
    if result.siren_conflict:
        reasons.append(
            reason("siren_conflict", entity=entry.legal_entity, query_siren=parsed.siren, entry_siren=entry.siren)
        )
    if entry.certificate_number or entry.certifying_body:
        reasons.append(
            reason(
                "certificate",
                number=entry.certificate_number or message("hds.words.number_not_published"),
                body=entry.certifying_body or message("hds.words.unnamed_body"),
            )
        )
    return reasons


def _named(entry: HdsEntry) -> str:
    return entry.legal_entity + (f" (SIREN {entry.siren})" if entry.siren else "")


def _validity(entry: HdsEntry, today: date) -> list[Reason]:
    if entry.valid_until is None:
        return [reason("validity_unknown")]
    days = (entry.valid_until - today).days
    if days < 0:
        return [reason("expired", valid_until=entry.valid_until, count=-days)]
    if days <= EXPIRY_WARNING_DAYS:
        return [reason("expiring_soon", valid_until=entry.valid_until, count=days)]
    return [reason("valid_until", valid_until=entry.valid_until)]


def _issuer(issuer: str, origin: str | Message) -> list[Reason]:
    check = check_issuer(issuer)
    if check.status == "not_certifier":
        assert check.body is not None
        return [reason("issuer_not_accredited", issuer=issuer, origin=origin, body=check.body.name)]
    if check.status in ("unknown", "unverified"):
        return [reason("issuer_unverified", issuer=issuer, as_of=table().as_of)]
    return []


def _referential_of(entry: HdsEntry) -> str | None:
    if entry.referential:
        return entry.referential
    if entry.issued_on and entry.issued_on < REFERENTIAL_2024_PUBLISHED:
        return "2018"
    return None


def _referential(referential: str | None, today: date, subject: Message) -> list[Reason]:
    if referential != "2018":
        return []
    code = "outdated_referential" if today >= REFERENTIAL_2024_DEADLINE else "referential_transition"
    return [reason(code, subject=subject, deadline=REFERENTIAL_2024_DEADLINE)]


def _activities(
    covered: list[int], kind: ServiceType | None, host_check: HdsAssessment | None
) -> tuple[list[Reason], list[int]]:
    """Own activities must be on the vendor's certificate; the rest of the chain may be its host's."""
    if not covered:
        return [reason("activities_unknown")], []
    if kind is None:
        if set(covered) != set(ALL_ACTIVITIES):
            return [reason("activities_partial", covered=covered)], []
        return [reason("service_not_given")], []
    service = kind
    own_missing = sorted(set(kind.own) - set(covered))
    rest = sorted(set(kind.needs) - set(covered) - set(own_missing))
    reasons: list[Reason] = []
    if own_missing and host_check and set(own_missing) & set(_OWN_OPERATION):
        reasons += [reason("hosted_at_host", host=host_check.query, activities=own_missing), _host_status(host_check)]
    elif own_missing:
        reasons.append(
            reason("activities_insufficient", service=service, own=list(kind.own), covered=covered, missing=own_missing)
        )
    uncovered = rest
    if rest and host_check:
        host_entry = host_check.entry if host_check.verdict.holds_certificate else None
        uncovered = sorted(set(rest) - set(host_entry.activities if host_entry else []))
        if uncovered:
            reasons.append(reason("chain_uncovered", missing=uncovered, service=service, host=host_check.query))
    elif rest:
        reasons.append(reason("chain_via_host", missing=rest, service=service))
        uncovered = []
    if not reasons:
        reasons.append(reason("activities_ok", covered=covered, service=service, needs=list(kind.needs)))
    return reasons, sorted(set(own_missing) | set(uncovered))


def _products(entry: HdsEntry, product: str | None) -> list[Reason]:
    if not entry.products_excluded:
        return []
    excluded = entry.products_excluded
    if product:
        wanted = fold(product)
        hit = [p for p in excluded if fold(p) in wanted or fuzz.partial_ratio(fold(p), wanted) >= 90]
        if hit:
            return [reason("product_not_covered", product=product, excluded=hit)]
        return []
    return [reason("products_excluded", excluded=excluded)]


def _claim(
    claim: HdsClaim, parsed: ParsedQuery, result: MatchResult, snap: Snapshot, today: date, kind: ServiceType | None
) -> list[Reason]:
    """Check what the vendor states (certificate text, declaration) against the list and the law."""
    origin = claim.origin
    entry = result.entry
    reasons: list[Reason] = []
    if claim.issuer and not claim.mentions_agrement:  # an agrément came from the minister: its own reason
        reasons += _issuer(claim.issuer, origin)
    reasons += _claim_entity(claim, parsed, entry)
    if claim.certificate_number:
        reasons += _claim_number(claim, entry, snap)
    if claim.invented_activities:
        reasons.append(reason("invented_activities", origin=origin, labels=claim.invented_activities))
        if any("archiv" in fold(label) for label in claim.invented_activities):
            reasons.append(reason("archiving_regime"))
    if claim.activities and entry and entry.activities and set(claim.activities) - set(entry.activities):
        reasons.append(
            reason("claim_activities_exceed", origin=origin, claimed=claim.activities, listed=entry.activities)
        )
    if claim.activities and kind and not (entry and entry.activities):
        missing = sorted(set(kind.own) - set(claim.activities))
        if missing:
            reasons.append(
                reason(
                    "activities_insufficient",
                    service=kind,
                    own=list(kind.own),
                    covered=claim.activities,
                    missing=missing,
                )
            )
    if claim.valid_until:
        if claim.valid_until < today:
            reasons.append(reason("claim_expired", origin=origin, valid_until=claim.valid_until))
        elif entry and entry.valid_until and entry.valid_until != claim.valid_until:
            reasons.append(
                reason("claim_dates_differ", origin=origin, claimed=claim.valid_until, listed=entry.valid_until)
            )
    referential = claim.referential or (
        "2018" if claim.issued_on and claim.issued_on < REFERENTIAL_2024_PUBLISHED else None
    )
    reasons += _referential(referential, today, _SUBJECT_CLAIM)
    if claim.marketing_terms:
        reasons.append(reason("marketing_wording", origin=origin, terms=[f"« {t} »" for t in claim.marketing_terms]))
    if claim.mentions_agrement:
        reasons.append(reason("legacy_agrement", origin=origin))
    return reasons


def _claim_entity(claim: HdsClaim, parsed: ParsedQuery, entry: HdsEntry | None) -> list[Reason]:
    """The document must be in the name of the contracting entity (SIREN first, then the name)."""
    if not claim.entity and not claim.siren:
        return []
    contracting = parsed.name or (entry.legal_entity if entry else "")
    claimed = claim.entity or claim.siren or ""
    if claim.siren and parsed.siren:
        same = claim.siren == parsed.siren
    elif claim.entity and contracting:
        a, b = core_key(claim.entity), core_key(contracting)
        same = a == b or fuzz.ratio(a, b) >= FUZZY_THRESHOLD
    else:
        return []
    return (
        [] if same else [reason("claim_entity", origin=claim.origin, claimed=claimed, query=contracting or parsed.text)]
    )


def _claim_number(claim: HdsClaim, entry: HdsEntry | None, snap: Snapshot) -> list[Reason]:
    number = claim.certificate_number or ""
    wanted = normalise_certificate_number(number)
    owner = next(
        (
            e
            for e in snap.entries
            if e.certificate_number and normalise_certificate_number(e.certificate_number) == wanted
        ),
        None,
    )
    if owner is None:
        if entry and entry.certificate_number:
            return [reason("claim_number_differs", origin=claim.origin, number=number, listed=entry.certificate_number)]
        if snap.info.partial and entry is None:
            # A partial list cannot show that a number does not exist: the check is for the official list.
            return [reason("certificate_number_unverifiable", origin=claim.origin, number=number)]
        return [reason("certificate_number_unknown", origin=claim.origin, number=number)]
    if entry is not None and owner is not entry and core_key(owner.legal_entity) != core_key(entry.legal_entity):
        return [reason("certificate_of_other_entity", origin=claim.origin, number=number, other=owner.legal_entity)]
    if entry is None:
        return [reason("certificate_of_other_entity", origin=claim.origin, number=number, other=owner.legal_entity)]
    return []
