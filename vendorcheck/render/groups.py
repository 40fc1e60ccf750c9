"""The reading order shared by the human-readable reports: verdict, serious gaps, the rest."""

from __future__ import annotations

from dataclasses import dataclass

from vendorcheck.i18n import label, location
from vendorcheck.models import Evidence, Finding, Review, Severity, Status


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
    groups = [Group("serious", label("blocking_major", lang), serious), Group("others", label("others", lang), minor),
              Group("met", label("met", lang), met), Group("not_applicable", label("group_not_applicable", lang), na)]
    return [g for g in groups if g.findings]


def where(review: Review, evidence: Evidence) -> str:
    """'page 3 · Article 9 Notification' — the location a reader can check."""
    parts = [location(review.document.unit, evidence.page, evidence.line, review.lang)]
    if evidence.section:
        parts.append(evidence.section)
    return " · ".join(p for p in parts if p)
