"""The reading order shared by the human-readable reports: verdict, serious gaps, the rest."""

from __future__ import annotations

from dataclasses import dataclass

from vendorcheck.i18n import label, location, t
from vendorcheck.models import Evidence, Finding, Severity, Status
from vendorcheck.review import Review


@dataclass
class Group:
    key: str
    title: str
    findings: list[Finding]


def grouped(review: Review) -> list[Group]:
    lang = review.lang
    serious = [f for f in review.violations if f.severity in (Severity.blocking, Severity.major)]
    minor = [f for f in review.violations if f.severity is Severity.minor]
    met = [f for f in review.findings if f.status is Status.present]
    na = [f for f in review.findings if f.status is Status.not_applicable]
    groups = [
        Group("serious", label("blocking_major", lang), serious),
        Group("others", label("others", lang), minor),
        Group("met", label("met", lang), met),
        Group("not_applicable", label("group_not_applicable", lang), na),
    ]
    return [g for g in groups if g.findings]


def counts_line(review: Review) -> str:
    """'5 bloquants · 1 majeur · 0 mineur' (French counts 0 and 1 in the singular)."""
    counts = review.counts()
    return " · ".join(t(f"counts.{s.value}", review.lang, count=counts[s.value]) for s in Severity)


def cause_lines(review: Review) -> list[str]:
    """Why the overall opinion, worst cause first."""
    from vendorcheck.verdict import cause_text

    return [cause_text(cause, review.lang, review.hds) for cause in review.verdict_causes]


def footer(review: Review) -> str:
    """'Analyse automatique d'aide à la décision… (version des règles 3f2a…)'."""
    lang = review.lang
    return t(
        "report.footer",
        lang,
        disclaimer=label("disclaimer", lang),
        version_label=label("rules_version", lang),
        version=review.rules_version,
    )


def where(review: Review, evidence: Evidence) -> str:
    """'page 3 · Article 9 Notification' — the location a reader can check."""
    parts = [location(review.document.unit, evidence.page, evidence.line, review.lang)]
    if evidence.section:
        parts.append(evidence.section)
    return " · ".join(p for p in parts if p)
