"""The library entry points the CLI, the batch and the web app call: one function per journey step."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vendorcheck.ingest import IngestOptions, load
from vendorcheck.models import Document, DocumentInfo, Language
from vendorcheck.review import Review
from vendorcheck.rulebook import RulePack, load_rules
from vendorcheck.verdict import assess_verdict

if TYPE_CHECKING:
    from vendorcheck.scoring import CorpusScore


def review(
    document: Document,
    *,
    health_data: bool = True,
    lang: Language = "fr",
    rules: RulePack | None = None,
    vendor: str | None = None,
    declaration: str | Path | None = None,
    today: date | None = None,
) -> Review:
    """Review an already-loaded document against the rule pack (the shipped one by default).

    The engine judges the clauses; the parties are read from the preamble. With health data, the vendor
    (the processor party, or `vendor`: a name or SIREN) is checked against the HDS list, and the vendor's
    `declaration` file, if given, is cross-checked with the contract; `today` is the reference date of
    that check. The Review is built once, from all of these."""
    from vendorcheck.certification import assess_contract
    from vendorcheck.engine.review import review_findings
    from vendorcheck.parties import extract_parties, identify_vendor
    from vendorcheck.recognition import reading_notes, temper

    pack = rules or load_rules()
    identity = identify_vendor(document)
    parties = extract_parties(document, identity)
    findings = temper(review_findings(document, pack, health_data=health_data, lang=lang, parties=parties), document)
    hds = (
        assess_contract(document, parties, vendor=vendor, declaration=declaration, today=today) if health_data else None
    )
    verdict, causes = assess_verdict(findings, hds)
    warnings = [*(warning.text(lang) for warning in document.warnings), *reading_notes(document, lang)]
    return Review(
        document=_info(document, warnings=warnings),
        findings=findings,
        verdict=verdict,
        verdict_causes=causes,
        health_data=health_data,
        lang=lang,
        rules_version=pack.version,
        parties=parties,
        vendor=identity,
        created_at=datetime.now(UTC),
        hds=hds,
    )


def review_file(
    path: str | Path,
    *,
    health_data: bool = True,
    lang: Language = "fr",
    rules: RulePack | None = None,
    ingest: IngestOptions | dict[str, Any] | None = None,
    vendor: str | None = None,
    declaration: str | Path | None = None,
    today: date | None = None,
) -> Review:
    """Load a contract file and review it. Raises an InputError subclass for unreadable files."""
    return review(
        load(path, ingest),
        health_data=health_data,
        lang=lang,
        rules=rules,
        vendor=vendor,
        declaration=declaration,
        today=today,
    )


def evaluate_corpus(corpus: Path, *, health_data: bool = True) -> CorpusScore:
    """Detection quality on a labelled corpus (`texts/`, `labels/`), scored as `../shared/tools/score.py` does."""
    from vendorcheck.scoring import load_labels, score

    reviews = {doc: review_file(corpus / "texts" / f"{doc}.md", health_data=health_data) for doc in load_labels(corpus)}
    return score(corpus, reviews)


def _info(document: Document, *, warnings: list[str]) -> DocumentInfo:
    return DocumentInfo(
        name=document.name,
        sha256=document.sha256,
        format=document.format,
        language=document.language,
        unit=document.unit,
        page_count=document.page_count,
        characters=len(document.text),
        warnings=warnings,
        recognised=document.recognised,
    )
