"""The worker pool survives a worker that dies: only the document that kills it becomes an error row."""

from __future__ import annotations

import os

from vendorcheck.batch.pool import outcomes
from vendorcheck.batch.worker import Job, WorkerSettings
from vendorcheck.register.records import UNEXPECTED_CODE, Outcome


def die_on_poison(job: Job) -> Outcome:
    """Stands for a file that crashes a native library (a segfault in a PDF parser)."""
    if "poison" in job.path:
        os._exit(70)
    return Outcome(path=job.path, sha256=job.sha256, kind=job.kind, declaration={"read": job.path})


def test_a_worker_crash_costs_one_document(tmp_path) -> None:  # noqa: ANN001
    jobs = [
        Job(path=f"/lot/{name}.md", sha256=f"{i:064}", kind="contract")
        for i, name in enumerate(["a", "b", "poison", "c", "d", "e", "f"])
    ]
    results = {
        o.path: o
        for o in outcomes(
            jobs, WorkerSettings(health_data=False, lang="fr"), workers=2, stop=lambda: False, task=die_on_poison
        )
    }
    assert set(results) == {j.path for j in jobs}
    poisoned = results.pop("/lot/poison.md")
    assert poisoned.failure is not None and poisoned.failure.code == UNEXPECTED_CODE and poisoned.failure.retryable
    assert all(o.failure is None and o.declaration == {"read": path} for path, o in results.items())


def test_no_job_starts_once_stop_is_requested() -> None:
    jobs = [Job(path=f"/lot/{i}.md", sha256=f"{i:064}", kind="contract") for i in range(5)]
    seen: list[Outcome] = []
    for outcome in outcomes(
        jobs, WorkerSettings(health_data=False, lang="fr"), workers=1, stop=lambda: len(seen) >= 2, task=die_on_poison
    ):
        seen.append(outcome)
    assert [o.path for o in seen] == ["/lot/0.md", "/lot/1.md"]
