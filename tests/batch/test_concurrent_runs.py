"""Runs sharing a register: one batch at a time, dead runs closed, a repeatable crash not retried forever."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from vendorcheck.batch import BatchOptions, run_batch
from vendorcheck.batch.worker import Job
from vendorcheck.errors import RegisterBusy
from vendorcheck.register import Register, store
from vendorcheck.register.models import DocumentFile, ErrorRow, ReviewRow, Run
from vendorcheck.register.records import UNEXPECTED_CODE, Failure, Outcome, ReviewKey

from .conftest import MANY

OPTIONS = BatchOptions(jobs=1, health_data=False)
CONTRACT = "Contrat entre le client et le prestataire : article 1, obligations des parties, durée, résiliation."
_first_started = threading.Event()
_release_first = threading.Event()


def read_slowly(job: Job) -> Outcome:
    """Stands for a long review: the first document waits until the test has tried a second run."""
    _first_started.set()
    _release_first.wait(timeout=30)
    return Outcome(path=job.path, sha256=job.sha256, kind=job.kind, declaration={"read": job.path})


def crash_on_b(job: Job) -> Outcome:
    """Stands for a defect of vendorcheck that one file triggers every time (what the worker records)."""
    if job.path.endswith("b.md"):
        return Outcome(
            path=job.path, sha256=job.sha256, kind=job.kind, failure=Failure.unexpected(job.path, ValueError("boom"))
        )
    return Outcome(path=job.path, sha256=job.sha256, kind=job.kind, declaration={"read": job.path})


def test_a_second_run_on_the_same_register_is_refused_and_the_first_loses_nothing(many: Path, tmp_path: Path) -> None:
    database = tmp_path / "registre.sqlite"
    _first_started.clear()
    _release_first.clear()
    results: list[object] = []
    with Register(database) as first_register:
        first = threading.Thread(
            target=lambda: results.append(run_batch(many, first_register, OPTIONS, task=read_slowly))
        )
        first.start()
        try:
            assert _first_started.wait(timeout=30)
            with Register(database) as second_register, pytest.raises(RegisterBusy) as refused:
                run_batch(many, second_register, OPTIONS, task=read_slowly)
        finally:
            _release_first.set()
            first.join(timeout=60)
        message = refused.value.message("fr")
        assert message.startswith("[VC-E061]") and str(many) in message and "\n" not in message
        assert results and not results[0].interrupted  # type: ignore[attr-defined]
        with first_register.transaction() as session:
            assert session.scalar(select(func.count(DocumentFile.id))) == MANY
            assert session.scalars(select(Run.status)).all() == ["complete"]

    # Once the first run is over, the second one goes through and finds everything already done.
    with Register(database) as register:
        again = run_batch(many, register, OPTIONS, task=read_slowly)
        assert (again.skipped, again.reviewed) == (MANY, 0)
        with register.transaction() as session:
            assert session.scalar(select(func.count(DocumentFile.id))) == MANY


def test_a_run_whose_process_died_is_closed_by_the_next_one(many: Path, register: Register) -> None:
    key = ReviewKey(rules_version="r", snapshot=None, health_data=False, lang="fr")
    with register.transaction() as session:  # what a SIGKILLed run leaves: no lock, a run still "running"
        dead = store.start_run(session, str(many), key, jobs=2).id
    run_batch(many, register, OPTIONS, task=read_slowly_released)
    with register.transaction() as session:
        statuses = dict(session.execute(select(Run.id, Run.status)).all())
        assert statuses[dead] == "abandoned"
        assert session.get_one(Run, dead).finished_at is not None
        assert list(statuses.values()).count("complete") == 1


def read_slowly_released(job: Job) -> Outcome:
    return Outcome(path=job.path, sha256=job.sha256, kind=job.kind, declaration={"read": job.path})


def test_a_crash_seen_twice_is_recorded_until_the_file_changes(tmp_path: Path, register: Register) -> None:
    root = tmp_path / "lot"
    root.mkdir()
    (root / "a.md").write_text(f"{CONTRACT} A", encoding="utf-8")
    (root / "b.md").write_text(f"{CONTRACT} B", encoding="utf-8")

    def errors() -> list[tuple[str, bool, str]]:
        with register.transaction() as session:
            return [
                tuple(row)
                for row in session.execute(
                    select(ErrorRow.code, ErrorRow.retryable, ErrorRow.message_fr).order_by(ErrorRow.id)
                )
            ]

    first = run_batch(root, register, OPTIONS, task=crash_on_b)
    assert (first.reviewed, first.failed) == (1, 1)
    assert errors()[-1][:2] == (UNEXPECTED_CODE, True)  # once may be bad luck: retried

    second = run_batch(root, register, OPTIONS, task=crash_on_b)
    assert (second.skipped, second.failed) == (1, 1)
    code, retryable, message = errors()[-1]
    assert (code, retryable) == (UNEXPECTED_CODE, False)
    assert "ValueError" in message and "plus réessayé" in message

    third = run_batch(root, register, OPTIONS, task=crash_on_b)
    assert (third.skipped, third.failed, third.reviewed) == (2, 0, 0)  # not paid for at every run

    (root / "b.md").write_text(f"{CONTRACT} B, version corrigée", encoding="utf-8")
    fourth = run_batch(root, register, OPTIONS, task=crash_on_b)
    assert fourth.failed == 1 and errors()[-1][:2] == (UNEXPECTED_CODE, True)  # a new file: a new chance
    with register.transaction() as session:
        assert session.scalar(select(func.count(ReviewRow.id))) == 4  # a, b; b; nothing; new b
