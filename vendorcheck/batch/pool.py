"""Running the jobs: in-process for one job at a time, else on one reused pool of worker processes.

The pool is created once per batch (each worker loads the rules and spaCy once), holds at most two jobs
per worker in flight so that stopping is quick, and survives a worker that dies: the jobs in flight are
re-run one at a time, and only the one that kills a worker again becomes an error row.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from vendorcheck.batch import worker
from vendorcheck.batch.worker import Job, WorkerSettings
from vendorcheck.register.records import Failure, Outcome

Task = Callable[[Job], Outcome]
IN_FLIGHT_PER_WORKER = 2


def outcomes(
    jobs: list[Job], settings: WorkerSettings, *, workers: int, stop: Callable[[], bool], task: Task = worker.process
) -> Iterator[Outcome]:
    """Yield one Outcome per job as they complete, until done or until `stop()` turns true.

    Once `stop()` is true no job is started, but those under way are still yielded: their work is kept.
    `task` must be a module-level function (it is pickled); tests pass one that misbehaves.
    """
    if workers <= 1:
        worker.start(settings, child=False)
        for job in jobs:
            if stop():
                return
            yield task(job)
        return
    yield from _parallel(jobs, settings, workers, stop, task)


def _parallel(
    jobs: list[Job], settings: WorkerSettings, workers: int, stop: Callable[[], bool], task: Task
) -> Iterator[Outcome]:
    queue = deque(jobs)
    suspects: deque[Job] = deque()  # in flight when a worker died: re-run alone to find the culprit
    pending: dict[Future[Outcome], tuple[Job, bool]] = {}
    pool = _new_pool(settings, workers)
    try:
        while queue or suspects or pending:
            if not stop():
                if suspects:
                    if not pending:
                        job = suspects.popleft()
                        pending[pool.submit(task, job)] = (job, True)
                else:
                    while queue and len(pending) < workers * IN_FLIGHT_PER_WORKER:
                        job = queue.popleft()
                        pending[pool.submit(task, job)] = (job, False)
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            crashed = False
            for future in done:
                job, alone = pending.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool as exc:
                    crashed = True
                    if alone:
                        yield Outcome(
                            path=job.path, sha256=job.sha256, kind=job.kind, failure=Failure.unexpected(job.path, exc)
                        )
                    else:
                        suspects.append(job)
            if crashed:
                # Every other job in flight died with the pool: none of them is known to be guilty.
                suspects.extend(job for job, _ in pending.values())
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _new_pool(settings, workers)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _new_pool(settings: WorkerSettings, workers: int) -> ProcessPoolExecutor:
    # forkserver: workers fork from a clean server that built the spaCy pipelines once (see preload.py),
    # not from this process, whose progress-bar thread and database connections must not be forked.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["vendorcheck.batch.worker", "vendorcheck.batch.preload"])
    # One budget of Tesseract processes for the whole pool: see worker.start.
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=worker.start,
        initargs=(settings, context.Semaphore(workers)),
    )
