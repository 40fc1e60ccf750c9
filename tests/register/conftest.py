"""An in-memory register per test, and reviews built field by field so each test states its own case."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from vendorcheck.models import DocumentInfo, Evidence, Finding, Severity, Status
from vendorcheck.register import Register
from vendorcheck.register.records import FileRef, Outcome, ReviewKey
from vendorcheck.register.store import record, start_run
from vendorcheck.review import Review

KEY = ReviewKey(rules_version="r1", snapshot="2026-01-01-abcd1234", health_data=False, lang="fr")
ROOT = "/cabinet/fournisseurs"


@pytest.fixture
def register() -> Iterator[Register]:
    with Register(memory=True) as reg:
        yield reg


def make_review(
    sha256: str, findings: dict[str, tuple[Status, Severity]], *, quote: str = "", name: str = "contrat.md"
) -> Review:
    """A Review whose findings have the given (status, severity) per requirement; `quote` becomes the
    evidence of every finding that is not missing."""
    items = []
    for requirement, (status, severity) in findings.items():
        evidence = [Evidence(quote=quote, start=0, end=len(quote), page=2)] if quote and status != "missing" else []
        items.append(
            Finding(
                requirement=requirement,
                title=f"Titre {requirement}",
                citation="RGPD art. 28",
                status=status,
                severity=severity,
                confidence=0.9,
                message=f"Message {requirement}",
                evidence=evidence,
            )
        )
    from vendorcheck.verdict import overall_verdict

    info = DocumentInfo(
        name=name, sha256=sha256, format="text", language="fr", unit="page", page_count=3, characters=100
    )
    return Review(
        document=info,
        findings=items,
        verdict=overall_verdict(items),
        health_data=False,
        lang="fr",
        rules_version=KEY.rules_version,
        created_at=datetime.now(UTC),
    )


@pytest.fixture
def put(register: Register) -> Callable[..., None]:
    """`put(path, outcome_or_review, folder=..., key=...)`: record one outcome in a new run."""

    def store(path: str, item: Review | Outcome, *, folder: str | None = None, key: ReviewKey = KEY) -> None:
        outcome = (
            item
            if isinstance(item, Outcome)
            else Outcome(path=path, sha256=item.document.sha256, kind="contract", review=item)
        )
        with register.transaction() as session:
            run = start_run(session, ROOT, key, jobs=1)
            record(session, run.id, key, outcome, [FileRef(path=path, root=ROOT, folder=folder)])

    return store


@pytest.fixture
def hds_list(tmp_path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """`hds_list([HdsEntry, ...], list_date=date(...))`: import a dated HDS list into a private data folder,
    so that it becomes the current snapshot (and the user's own imports never leak into a test)."""
    from vendorcheck.hds.store import new_snapshot, save_snapshot

    monkeypatch.setenv("VENDORCHECK_HOME", str(tmp_path / "home"))

    def save(entries: list, list_date) -> None:  # noqa: ANN001
        save_snapshot(new_snapshot(entries, list_date=list_date, source="liste de test"))

    return save
