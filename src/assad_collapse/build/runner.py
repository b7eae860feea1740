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


class Runner:
    """A pool of ``workers`` processes: :meth:`submit` jobs, then :meth:`collect` their events and results."""

    def __init__(self, workers: int, env: dict[str, str]):
        ctx = multiprocessing.get_context("spawn")
        self.events = ctx.SimpleQueue()
        self.pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=ctx, initializer=_initialise, initargs=(env, self.events, os.getpid()),
        )
        self._futures: dict = {}
        for _ in range(workers):  # start every worker now, from this thread (a worker dies with its parent thread)
            self.pool.submit(_warm)

    def submit(self, jobs: list[dict]) -> None:
        """Queue the jobs (the pool runs them in this order as workers come free)."""
        self._futures = {self.pool.submit(_run, job): job for job in jobs}

    def collect(self, on_start: Callable[[str], None], on_result: Callable[[dict], None]) -> None:
        """Wait for every submitted job, reporting each start and each result as it comes."""
        started: set[str] = set()

        def start(name: str) -> None:
            if name not in started:
                started.add(name)
                on_start(name)

        pending = set(self._futures)
        while pending:
            done, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            for future in done:
                job = self._futures[future]
                try:
                    result = future.result()
                except Exception as exc:  # the worker process died (killed, out of memory)
                    result = {"name": job["name"], "ok": False, "duration": None,
                              "message": f"{os.path.basename(job['notebook'])}: worker process failed: {type(exc).__name__}: {exc}"}
                start(job["name"])  # a job's start is always reported before its result
                on_result(result)
            while not self.events.empty():
                kind, name = self.events.get()
                if kind == "started":
                    start(name)

    def close(self, kill: bool = False) -> None:
        """Shut the pool down; with ``kill``, end the workers at once (their kernels follow them)."""
        if kill:
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.kill()
        self.pool.shutdown(wait=True, cancel_futures=True)
