"""Declaration vs contract vs list: every contradiction becomes an Inconsistency with its evidence."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from vendorcheck.countries import country_name, in_eea
from vendorcheck.declarations.contract_facts import ContractFacts, contract_facts
from vendorcheck.declarations.models import VendorDeclaration
from vendorcheck.hds.certificate import read_certificate
from vendorcheck.hds.identifiers import normalise_certificate_number
from vendorcheck.hds.matching import FUZZY_THRESHOLD
from vendorcheck.hds.messages import reason
from vendorcheck.hds.models import HdsEntry, Inconsistency, Snapshot
from vendorcheck.hds.names import core_key
from vendorcheck.models import Document, Evidence, Party
from vendorcheck.text import fold


def cross_check(
    declaration: VendorDeclaration,
    document: Document,
    *,
    parties: list[Party],
    entry: HdsEntry | None = None,
    snapshot: Snapshot | None = None,
) -> list[Inconsistency]:
    """Compare what the vendor declares with what the contract says and what the list shows.

    declaration (VendorDeclaration): the vendor's filled declaration.
    document (Document): the contract.
    parties (list[Party]): the contract's parties (extract_parties).
    entry (HdsEntry | None): the vendor's entry in the HDS list, when found.
    snapshot (Snapshot | None): the list, whose hosts are looked for by name in the contract.
    RETURNS (list[Inconsistency]): one per contradiction, with the contract's quotes.
    """
    known = [n for e in (snapshot.entries if snapshot else []) for n in (e.legal_entity, *e.trade_names)]
    facts = contract_facts(document, known + _declared_names(declaration))
    vendor = next((p for p in parties if p.role == "processor"), None)
    return [
        *_entity(declaration, vendor, entry, document),
        *_locations(declaration, facts, document),
        *_transfers(declaration, facts),
        *_sub_processors(declaration, facts, parties),
        *_breach(declaration, facts),
        *_certificate(declaration, document),
    ]


def _same(a: str, b: str) -> bool:
    ka, kb = core_key(a), core_key(b)
    return ka == kb or fuzz.ratio(ka, kb) >= FUZZY_THRESHOLD


def _entity(
    declaration: VendorDeclaration, vendor: Party | None, entry: HdsEntry | None, document: Document
) -> list[Inconsistency]:
    declared = declaration.vendor
    label = declared.name + (f" (SIREN {declared.siren})" if declared.siren else "")
    out = []
    if vendor is not None:
        differs = (
            (declared.siren != vendor.siren)
            if declared.siren and vendor.siren
            else not _same(declared.name, vendor.name)
        )
        if differs:
            contract = vendor.name + (f" (SIREN {vendor.siren})" if vendor.siren else "")
            evidence = [document.quote(vendor.evidence.start, vendor.evidence.end)] if vendor.evidence else []
            out.append(
                Inconsistency(
                    topic="entity",
                    declared=label,
                    contract=evidence,
                    reason=reason("decl_entity_contract", declared=label, contract=contract),
                )
            )
    if entry is not None:
        differs = (
            (declared.siren != entry.siren)
            if declared.siren and entry.siren
            else not any(_same(declared.name, n) for n in (entry.legal_entity, *entry.trade_names))
        )
        if differs:
            listed = entry.legal_entity + (f" (SIREN {entry.siren})" if entry.siren else "")
            out.append(
                Inconsistency(
                    topic="entity",
                    declared=label,
                    listed=listed,
                    reason=reason("decl_entity_list", declared=label, listed=listed),
                )
            )
    return out


def _locations(declaration: VendorDeclaration, facts: ContractFacts, document: Document) -> list[Inconsistency]:
    declared = {loc.country for loc in declaration.hosting_locations}
    if not declared:
        return []
    in_contract = {m.country for m in facts.hosting} | {m.country for m in facts.outside_eea}
    evidence = _first(m.quote for m in facts.hosting)
    if not in_contract:
        places = ", ".join(country_name(c) for c in sorted(declared))
        return [
            Inconsistency(
                topic="hosting_locations", declared=places, reason=reason("decl_no_location_in_contract", places=places)
            )
        ]
    out = []
    for code in sorted(declared - in_contract):
        out.append(
            Inconsistency(
                topic="hosting_locations",
                declared=country_name(code),
                contract=evidence,
                reason=reason("decl_location_not_in_contract", place=country_name(code)),
            )
        )
    for code in sorted({m.country for m in facts.hosting} - declared):
        quotes = _first(m.quote for m in facts.hosting if m.country == code)
        out.append(
            Inconsistency(
                topic="hosting_locations",
                contract=quotes,
                reason=reason("decl_location_undeclared", place=country_name(code)),
            )
        )
    text = fold(document.text)
    for location in declaration.hosting_locations:
        if location.city and location.country in in_contract and fold(location.city) not in text:
            place = f"{location.city}, {country_name(location.country)}"
            out.append(
                Inconsistency(
                    topic="hosting_locations",
                    declared=place,
                    contract=evidence,
                    reason=reason("decl_location_not_in_contract", place=place),
                )
            )
    return out


def _transfers(declaration: VendorDeclaration, facts: ContractFacts) -> list[Inconsistency]:
    own = sorted(
        {loc.country for loc in declaration.hosting_locations if not in_eea(loc.country)}
        | {s.country for s in declaration.sub_processors if s.country and not in_eea(s.country)}
    )
    announced = sorted(set(declaration.transfer_countries) | set(own))
    out = []
    if (declaration.transfers_outside_eea or announced) and facts.transfer_bans:
        countries = ", ".join(country_name(c) for c in announced) or "?"
        out.append(
            Inconsistency(
                topic="transfers",
                declared=countries,
                contract=facts.transfer_bans[:2],
                reason=reason("decl_transfers_banned", countries=countries),
            )
        )
    if declaration.transfers_outside_eea is False:
        if facts.outside_eea:
            countries = ", ".join(country_name(c) for c in sorted({m.country for m in facts.outside_eea}))
            out.append(
                Inconsistency(
                    topic="transfers",
                    declared="non",
                    contract=_first(m.quote for m in facts.outside_eea),
                    reason=reason("decl_transfers_denied", countries=countries),
                )
            )
        if own:
            countries = ", ".join(country_name(c) for c in own)
            out.append(
                Inconsistency(
                    topic="transfers", declared=countries, reason=reason("decl_transfers_self", countries=countries)
                )
            )
    return out


def _declared_names(declaration: VendorDeclaration) -> list[str]:
    names = [s.name for s in declaration.sub_processors] + [h.name for h in declaration.hds.hosts]
    names += [loc.provider for loc in declaration.hosting_locations if loc.provider]
    unique: dict[str, str] = {}
    for name in names:
        unique.setdefault(core_key(name), name)
    return list(unique.values())


def _sub_processors(declaration: VendorDeclaration, facts: ContractFacts, parties: list[Party]) -> list[Inconsistency]:
    declared = _declared_names(declaration)
    in_contract = {m.name: m for m in (*facts.sub_processors, *facts.providers)}
    own = [declaration.vendor.name, *declaration.vendor.trade_names, *(p.name for p in parties)]
    out = []
    for name in declared:
        if not any(_same(name, other) for other in in_contract):
            out.append(
                Inconsistency(
                    topic="sub_processors",
                    declared=name,
                    contract=_first(m.quote for m in facts.sub_processors),
                    reason=reason("decl_subprocessor_not_in_contract", name=name),
                )
            )
    reported: set[str] = set()
    for name, mention in in_contract.items():
        if any(_same(name, other) for other in [*declared, *own]) or core_key(name) in reported:
            continue
        reported.add(core_key(name))
        out.append(
            Inconsistency(
                topic="sub_processors",
                contract=[mention.quote],
                reason=reason("decl_subprocessor_undeclared", name=name),
            )
        )
    return out


def _breach(declaration: VendorDeclaration, facts: ContractFacts) -> list[Inconsistency]:
    declared = declaration.breach_notification_hours
    if declared is None:
        return []
    if facts.breach_hours is None:
        return [
            Inconsistency(
                topic="breach_delay",
                declared=f"{declared:g} h",
                reason=reason("decl_breach_missing", declared=f"{declared:g}"),
            )
        ]
    if abs(facts.breach_hours - declared) < 0.01:
        return []
    assert facts.breach_quote is not None
    return [
        Inconsistency(
            topic="breach_delay",
            declared=f"{declared:g} h",
            contract=[facts.breach_quote],
            reason=reason("decl_breach_delay", declared=f"{declared:g}", contract=f"{facts.breach_hours:g}"),
        )
    ]


def _certificate(declaration: VendorDeclaration, document: Document) -> list[Inconsistency]:
    """The certificate number and end of validity the contract restates (CSP R.1111-11 1°)."""
    stated = read_certificate(document)
    hds = declaration.hds
    out = []
    number = stated.quotes.get("certificate_number")
    if number and stated.certificate_number and _looks_like_number(stated.certificate_number):
        evidence = [number]
        if hds.certified is False:
            out.append(
                Inconsistency(
                    topic="hds",
                    declared="non",
                    contract=evidence,
                    reason=reason("decl_not_certified", contract=stated.certificate_number),
                )
            )
        elif hds.certificate_number and normalise_certificate_number(
            hds.certificate_number
        ) != normalise_certificate_number(stated.certificate_number):
            out.append(
                Inconsistency(
                    topic="hds",
                    declared=hds.certificate_number,
                    contract=evidence,
                    reason=reason(
                        "decl_certificate_number", declared=hds.certificate_number, contract=stated.certificate_number
                    ),
                )
            )
    until = stated.quotes.get("valid_until")
    if until and stated.valid_until and hds.valid_until and stated.valid_until != hds.valid_until:
        out.append(
            Inconsistency(
                topic="hds",
                declared=hds.valid_until.isoformat(),
                contract=[until],
                reason=reason("decl_certificate_dates", declared=hds.valid_until, contract=stated.valid_until),
            )
        )
    return out


def _looks_like_number(value: str) -> bool:
    return bool(re.search(r"\d", value))


def _first(quotes, limit: int = 2) -> list[Evidence]:  # noqa: ANN001 - any iterable of quotes
    out: list[Evidence] = []
    for item in quotes:
        if all(item.start != q.start for q in out):
            out.append(item)
        if len(out) == limit:
            break
    return out
