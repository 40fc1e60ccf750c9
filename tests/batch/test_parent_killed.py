"""A batch killed with SIGKILL: its workers end with it, and the next run closes the dead run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from vendorcheck.batch import BatchOptions, run_batch
from vendorcheck.register import Register
from vendorcheck.register.models import Run

# The task the workers run: note its process id, then stand for a review that takes minutes.
TASK = """
import os, time
from pathlib import Path

def review_for_minutes(job):
    Path(os.environ["WORKER_PIDS"], str(os.getpid())).touch()
    time.sleep(300)
"""
DRIVER = """
import sys
from pathlib import Path
from slow_task import review_for_minutes
from vendorcheck.batch import BatchOptions, run_batch
from vendorcheck.register import Register

run_batch(Path(sys.argv[1]), Register(sys.argv[2]), BatchOptions(jobs=2, health_data=False),
          task=review_for_minutes)
"""


def _alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie nobody has reaped yet (PID 1 of a container may not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_batch_and_the_next_run_closes_it(many: Path, tmp_path: Path) -> None:
    (tmp_path / "slow_task.py").write_text(textwrap.dedent(TASK))
    pids = tmp_path / "pids"
    pids.mkdir()
    database = tmp_path / "registre.sqlite"
    env = {
        **os.environ,
        "WORKER_PIDS": str(pids),
        "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]),
    }
    parent = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(many), str(database)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while len(list(pids.iterdir())) < 2:  # both workers are busy with a document
            assert parent.poll() is None and time.monotonic() < deadline, parent.communicate()
            time.sleep(0.05)
        workers = [int(p.name) for p in pids.iterdir()]
        assert all(_alive(pid) for pid in workers)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)

        deadline = time.monotonic() + 20
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)], "workers outlived their batch"
    finally:
        parent.kill()
        for pid in (int(p.name) for p in pids.iterdir()):
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)

    # The killed run holds no lock any more: the next run goes through and closes it.
    with Register(database) as register:
        run_batch(many, register, BatchOptions(jobs=1, health_data=False), task=review_instantly)
        with register.transaction() as session:
            assert session.scalars(select(Run.status).order_by(Run.id)).all() == ["abandoned", "complete"]


def review_instantly(job):  # noqa: ANN001, ANN201 - a Job, an Outcome
    from vendorcheck.register.records import Outcome

    return Outcome(path=job.path, sha256=job.sha256, kind=job.kind, declaration={"read": job.path})
