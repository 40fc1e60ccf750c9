"""Run a rule pack over a Document: one Finding per rule, worst first."""

from __future__ import annotations

from vendorcheck.engine.analysis import analyse
from vendorcheck.engine.evaluate import evaluate, not_applicable
from vendorcheck.models import Document, Finding, Language, Party
from vendorcheck.ranking import finding_order
from vendorcheck.rulebook.loader import RulePack


def review_findings(
    document: Document, pack: RulePack, *, health_data: bool, lang: Language, parties: list[Party] | None = None
) -> list[Finding]:
    """The findings of every rule of `pack`; health-data rules are not applicable without health data.
    `parties`, when the caller has read them, tell the engine who each sentence binds."""
    analysis = analyse(document, pack, parties)
    findings = [
        not_applicable(rule, lang) if rule.scope == "health" and not health_data else evaluate(rule, analysis, lang)
        for rule in pack.rules
    ]
    return sorted(findings, key=finding_order)
