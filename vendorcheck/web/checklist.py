"""The result page's reading order: gaps by severity, worst first, then what is met and what does not apply."""

from __future__ import annotations

from dataclasses import dataclass

from vendorcheck.models import Finding, Severity, Status
from vendorcheck.ranking import SEVERITIES
from vendorcheck.review import Review


@dataclass(frozen=True)
class Group:
    key: str  # blocking, major, minor, met, not_applicable: also the text key "group_<key>" and a CSS class
    findings: list[Finding]

    @property
    def is_gap(self) -> bool:
        return self.key in Severity.__members__


def checklist(review: Review) -> list[Group]:
    """Non-empty groups; findings keep the review's order (contradictions before gaps)."""
    groups = [
        Group(severity.value, [f for f in review.violations if f.severity is severity]) for severity in SEVERITIES
    ]
    groups.append(Group("met", [f for f in review.findings if f.status is Status.present]))
    groups.append(Group("not_applicable", [f for f in review.findings if f.status is Status.not_applicable]))
    return [g for g in groups if g.findings]
