"""Ctrl-C and resume: a stopped run keeps what it did, a re-run does the rest and nothing twice."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from vendorcheck.batch import BatchOptions, run_batch
from vendorcheck.register import Register
from vendorcheck.register.models import DocumentRow, ReviewRow, Run
from vendorcheck.register.records import Outcome
from vendorcheck.resources import data_dir

from .conftest import MANY


class CtrlC:
    """A progress observer that presses Ctrl-C (a real SIGINT to this process) after `after` documents,
    `times` times in a row: once is a request to stop, twice is an immediate stop."""

    def __init__(self, after: int, times: int = 1) -> None:
        self.after, self.times, self.seen, self.warned = after, times, 0, False

    def start(self, total: int, skipped: int) -> None:
        pass

    def advance(self, outcome: Outcome) -> None:
        self.seen += 1
        if self.seen == self.after:
            for _ in range(self.times):
                os.kill(os.getpid(), signal.SIGINT)

    def stopping(self) -> None:
        self.warned = True


def _reviews_per_document(register: Register) -> dict[str, int]:
    with register.transaction() as session:
        rows = session.execute(
            select(DocumentRow.name, func.count(ReviewRow.id)).join(ReviewRow).group_by(DocumentRow.name)
        ).all()
    return dict(rows)


@pytest.mark.parametrize("jobs", [1, 2])
def test_interrupted_run_resumes_without_losing_or_redoing(many: Path, register: Register, jobs: int) -> None:
    options = BatchOptions(jobs=jobs, health_data=False)
    ctrl_c = CtrlC(after=2)
    first = run_batch(many, register, options, ctrl_c)
    # The documents under way when Ctrl-C came are finished and recorded, not thrown away.
    assert first.interrupted and ctrl_c.warned
    assert 2 <= first.reviewed <= 2 + 2 * jobs and first.reviewed < MANY
    assert sum(_reviews_per_document(register).values()) == first.reviewed
    with register.transaction() as session:
        assert session.scalars(select(Run.status)).one() == "interrupted"

    second = run_batch(many, register, options)
    assert not second.interrupted
    assert (second.skipped, second.reviewed) == (first.reviewed, MANY - first.reviewed)
    assert _reviews_per_document(register) == {f"contrat-{i:02}.md": 1 for i in range(MANY)}

    third = run_batch(many, register, options)
    assert (third.skipped, third.reviewed) == (MANY, 0)
    assert sum(_reviews_per_document(register).values()) == MANY


def test_a_second_ctrl_c_stops_at_once_and_still_resumes(many: Path, register: Register) -> None:
    options = BatchOptions(jobs=2, health_data=False)
    first = run_batch(many, register, options, CtrlC(after=2, times=2))
    assert first.interrupted and first.reviewed == 2  # nothing after the second Ctrl-C is recorded
    second = run_batch(many, register, options)
    assert (second.skipped, second.reviewed) == (2, MANY - 2)
    assert set(_reviews_per_document(register).values()) == {1}


def test_new_rules_or_a_changed_file_are_reviewed_again(tmp_path: Path, register: Register) -> None:
    root = tmp_path / "lot"
    (root / "acme").mkdir(parents=True)
    samples = Path(__file__).resolve().parents[2] / "samples" / "contracts"
    shutil.copy(samples / "saas-agenda-cgu-faibles.md", root / "acme" / "cgu.md")
    shutil.copy(samples / "dpa-cloud-backup-en.md", root / "acme" / "dpa.md")
    run_batch(root, register, BatchOptions(health_data=False))

    (root / "acme" / "cgu.md").write_text((root / "acme" / "cgu.md").read_text() + "\nArticle 12 — Avenant.\n")
    changed = run_batch(root, register, BatchOptions(health_data=False))
    assert (changed.reviewed, changed.skipped) == (1, 1)

    rules = tmp_path / "rules"
    shutil.copytree(data_dir("rules"), rules)
    first_rule = sorted(rules.glob("*.yaml"))[0]
    first_rule.write_text(first_rule.read_text() + "\n# édition locale\n")  # same rules, new version
    rerun = run_batch(root, register, BatchOptions(health_data=False, rules_dir=rules))
    assert (rerun.reviewed, rerun.skipped) == (2, 0)
    with register.transaction() as session:
        versions = session.scalars(select(ReviewRow.rules_version).distinct()).all()
        assert len(versions) == 2
        # History: the old text of cgu.md keeps its review; the current picture uses the new one.
        assert session.scalar(select(func.count()).select_from(ReviewRow)) == 2 + 1 + 2
