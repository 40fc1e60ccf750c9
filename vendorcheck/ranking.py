"""One ranking, worst first, of severities, statuses and overall opinions: for sorting, filters and exit codes.

Reports, the register, its exports, the web page and `review --fail-on` all order and compare with these.
"""

from __future__ import annotations

from collections.abc import Iterable

from vendorcheck.models import Finding, Severity, Status, Verdict

SEVERITIES: tuple[Severity, ...] = (Severity.blocking, Severity.major, Severity.minor)
# A contradiction is worse than a silence, which is worse than a clause that falls short.
STATUSES: tuple[Status, ...] = (
    Status.non_compliant,
    Status.missing,
    Status.partial,
    Status.present,
    Status.not_applicable,
)
# The order in which a practice chases its suppliers. A supplier with nothing reviewed yet ("unchecked")
# comes right after those not to sign: nobody knows what its contract says.
OVERALL: tuple[str, ...] = (
    Verdict.not_signable,
    "unchecked",
    Verdict.signable_with_addendum,
    Verdict.verify_certification,
    Verdict.signable,
)


def severity_rank(severity: Severity) -> int:
    """0 for the worst (blocking)."""
    return SEVERITIES.index(severity)


def status_rank(status: Status) -> int:
    return STATUSES.index(status)


def overall_rank(overall: str) -> int:
    """A supplier's overall status: a Verdict value, or "unchecked"."""
    return OVERALL.index(overall)


def worst(severities: Iterable[Severity]) -> Severity:
    """The worst of the severities (the first one among equals)."""
    return min(severities, key=severity_rank)


def at_least(severity: Severity, threshold: Severity) -> bool:
    """Whether `severity` is `threshold` or worse."""
    return severity_rank(severity) <= severity_rank(threshold)


def finding_order(finding: Finding) -> tuple[int, int, str]:
    """Sort key, worst first: gaps by severity, contradictions before absences before partial clauses,
    then what is met and what does not apply, each by requirement id."""
    severity = severity_rank(finding.severity) if finding.is_violation else len(SEVERITIES)
    return severity, status_rank(finding.status), finding.requirement
