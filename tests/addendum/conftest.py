"""Shared inputs of the addendum tests: reviewed contracts (cached per session) and synthetic reviews."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

from vendorcheck.api import review
from vendorcheck.ingest import load
from vendorcheck.models import Document, DocumentInfo, Evidence, Finding, Severity, Status, Verdict
from vendorcheck.review import Review
from vendorcheck.rulebook import load_rules

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (ROOT / "samples" / "contracts").glob("*.*") if p.stem != "README")
CORPUS_TEXTS = ROOT.parent / "shared" / "corpus" / "texts"
# Corpus texts as extra inputs, the long ones left out to keep this area fast (review time grows faster
# than the length: the 147 kB and 65 kB documents alone take about 25 s).
CORPUS = sorted(p for p in CORPUS_TEXTS.glob("*.md") if p.stat().st_size < 25_000) if CORPUS_TEXTS.is_dir() else []


@cache
def reviewed(path: Path, health_data: bool = True) -> tuple[Document, Review]:
    """A contract and its review, computed once per test session."""
    document = load(path)
    return document, review(document, health_data=health_data, lang=document.language)


def synthetic_review(
    statuses: dict[str, Status] | None = None,
    *,
    health_data: bool = True,
    evidence: dict[str, list[Evidence]] | None = None,
) -> Review:
    """A review of every shipped rule; requirements not in `statuses` are present."""
    statuses, evidence = statuses or {}, evidence or {}
    findings = []
    for rule in load_rules().rules:
        status = statuses.get(rule.id, Status.present)
        if rule.scope == "health" and not health_data:
            status = Status.not_applicable
        findings.append(
            Finding(
                requirement=rule.id,
                title=rule.title.fr,
                citation=rule.citation.label,
                status=status,
                severity=Severity.major,
                confidence=0.9,
                message="…",
                advice=rule.advice.fr,
                evidence=evidence.get(rule.id, []),
            )
        )
    info = DocumentInfo(
        name="contrat.pdf", sha256="0" * 64, format="pdf", language="fr", unit="page", page_count=4, characters=1000
    )
    return Review(
        document=info,
        findings=findings,
        verdict=Verdict.signable_with_addendum,
        health_data=health_data,
        lang="fr",
        rules_version="test",
        created_at=datetime.now(UTC),
    )


@pytest.fixture(scope="session")
def rule_ids() -> list[str]:
    return [rule.id for rule in load_rules().rules]
