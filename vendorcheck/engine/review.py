"""Run a rule pack over a Document and assemble the Review."""

from __future__ import annotations

from datetime import UTC, datetime

from vendorcheck.engine.analysis import analyse
from vendorcheck.engine.evaluate import evaluate, not_applicable
from vendorcheck.models import Document, DocumentInfo, Finding, Language, Review, Status
from vendorcheck.rulebook.loader import RulePack
from vendorcheck.verdict import overall_verdict


def review_document(document: Document, pack: RulePack, *, health_data: bool, lang: Language) -> Review:
    analysis = analyse(document, pack)
    findings = [
        not_applicable(rule, lang) if rule.scope == "health" and not health_data else evaluate(rule, analysis, lang)
        for rule in pack.rules
    ]
    findings.sort(key=_order)
    info = DocumentInfo(name=document.name, sha256=document.sha256, format=document.format,
                        language=document.language, unit=document.unit, page_count=document.page_count,
                        characters=len(document.text), warnings=document.warnings,
                        recognised=document.recognised)
    return Review(document=info, findings=findings, verdict=overall_verdict(findings), health_data=health_data,
                  lang=lang, rules_version=pack.version, created_at=datetime.now(UTC))


_STATUS_ORDER = {Status.non_compliant: 0, Status.missing: 1, Status.partial: 2, Status.present: 3,
                 Status.not_applicable: 4}


def _order(finding: Finding) -> tuple[int, int, str]:
    """Worst first: blocking before major before minor, contradictions before gaps, then by id."""
    rank = -finding.severity.rank if finding.is_violation else 0
    return (rank, _STATUS_ORDER[finding.status], finding.requirement)
