"""The library entry points the CLI, the batch and the web app call: one function per journey step."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from vendorcheck.engine.review import review_document
from vendorcheck.ingest import IngestOptions, load
from vendorcheck.models import Document, Language, Review
from vendorcheck.rulebook import RulePack, load_rules
from vendorcheck.verdict import assess_verdict


def review(document: Document, *, health_data: bool = True, lang: Language = "fr",
           rules: RulePack | None = None, vendor: str | None = None, declaration: str | Path | None = None,
           today: date | None = None) -> Review:
    """Review an already-loaded document against the rule pack (the shipped one by default).

    The parties are read from the preamble. With health data, the vendor (the processor party, or
    `vendor`: a name or SIREN) is checked against the HDS list, and the vendor's `declaration` file, if
    given, is cross-checked with the contract; `today` is the reference date of that check."""
    from vendorcheck.hds.contract import assess_contract
    from vendorcheck.parties import extract_parties, identify_vendor
    from vendorcheck.recognition import reading_notes, temper

    result = review_document(document, rules or load_rules(), health_data=health_data, lang=lang)
    temper(result.findings, document)
    result.document.warnings += reading_notes(document, lang)
    result.vendor = identify_vendor(document)
    result.parties = extract_parties(document, result.vendor)
    if health_data:
        result.hds = assess_contract(document, result.parties, vendor=vendor, declaration=declaration, today=today)
    result.verdict, result.verdict_causes = assess_verdict(result.findings, result.hds)
    return result


def review_file(path: str | Path, *, health_data: bool = True, lang: Language = "fr",
                rules: RulePack | None = None,
                ingest: IngestOptions | dict[str, Any] | None = None, vendor: str | None = None,
                declaration: str | Path | None = None, today: date | None = None) -> Review:
    """Load a contract file and review it. Raises an InputError subclass for unreadable files."""
    return review(load(path, ingest), health_data=health_data, lang=lang, rules=rules, vendor=vendor,
                  declaration=declaration, today=today)
