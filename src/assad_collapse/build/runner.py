"""Run report jobs in worker processes (never threads) and pass their events back.

Workers are started with ``spawn`` from the main thread, so each is a child of
the build and dies with it (see :func:`worker.initialise`; a ``forkserver``
would be their parent and keep them alive). The pool is created before the data
is validated so that the workers' start-up (importing papermill and nbconvert)
overlaps validation; no notebook is submitted until validation has passed. This
module imports only the standard library; :mod:`assad_collapse.worker` is loaded
in the workers.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _initialise(env: dict, events, main_pid: int) -> None:
    from . import worker

    worker.initialise(env, events, main_pid)


def _warm() -> None:
    """A no-op task: submitting one per worker starts every worker now."""


def _run(job: dict) -> dict:
    from . import worker

    return worker.run_report(job)


MAX_REQUEUES = 2  # a job that never started is run again in a new pool at most this often


class Runner:
    """A pool of ``workers`` processes: :meth:`submit` jobs, then :meth:`collect` their events and results.

    If a worker process dies (killed, out of memory), the pool breaks and every job
    still in it fails with it; the jobs that had started are reported as failed and
    the others are run in a new pool.
    """

    def __init__(self, workers: int, env: dict[str, str]):
        self.workers, self.env = workers, env
        self.events = multiprocessing.get_context("spawn").SimpleQueue()
        self.pool = self._new_pool()
        self._futures: dict = {}

    def _new_pool(self) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=ctx, initializer=_initialise,
            initargs=(self.env, self.events, os.getpid()),
        )
        for _ in range(self.workers):  # start every worker now, from this thread (a worker dies with its parent thread)
            pool.submit(_warm)
        return pool

    def submit(self, jobs: list[dict]) -> None:
        """Queue the jobs (the pool runs them in this order as workers come free)."""
        self._futures.update({self.pool.submit(_run, job): job for job in jobs})

    def collect(self, on_start: Callable[[str], None], on_result: Callable[[dict], None]) -> None:
        """Wait for every submitted job, reporting each start and each result as it comes."""
        self._on_start, self._on_result, self._started, self._requeued = on_start, on_result, set(), {}
        while self._futures:
            done, _ = wait(set(self._futures), timeout=0.1, return_when=FIRST_COMPLETED)
            self._drain_events()
            broken = [job for job in map(self._finish, done) if job]
            if broken:
                self._restart(broken)

    def _start(self, name: str) -> None:
        if name not in self._started:
            self._started.add(name)
            self._on_start(name)

    def _drain_events(self) -> None:
        while not self.events.empty():
            kind, name = self.events.get()
            if kind == "started":
                self._start(name)

    def _finish(self, future) -> dict | None:
        """Report a finished job's result; return the job instead if its pool broke under it."""
        job = self._futures.pop(future)
        try:
            result = future.result()
        except BrokenProcessPool:
            return job
        self._start(job["name"])  # a job's start is always reported before its result
        self._on_result(result)
        return None

    def _restart(self, broken: list[dict]) -> None:
        """A worker died and broke the pool: fail the jobs that had started, run the others in a new pool."""
        wait(set(self._futures))  # every other job of the broken pool fails with it at once
        self._drain_events()
        broken += [job for job in map(self._finish, list(self._futures)) if job]
        requeue = []
        for job in broken:
            self._requeued[job["name"]] = self._requeued.get(job["name"], 0) + 1
            if job["name"] in self._started or self._requeued[job["name"]] > MAX_REQUEUES:
                self._start(job["name"])
                self._on_result(_died(job))
            else:
                requeue.append(job)
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._new_pool()
        self.submit(requeue)

    def close(self, kill: bool = False) -> None:
        """Shut the pool down; with ``kill``, end the workers at once (their kernels follow them)."""
        if kill:
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.kill()
        self.pool.shutdown(wait=True, cancel_futures=True)


def _died(job: dict) -> dict:
    name = os.path.basename(job["notebook"])
    return {"name": job["name"], "ok": False, "duration": None, "summary": f"{name}: worker process died",
            "message": f"{name}: its worker process died (killed, or out of memory) while the report was being built"}
