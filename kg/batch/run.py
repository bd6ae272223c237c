"""The run of a batch: tasks in worker processes, each finished document recorded at once.

Documents run in ``workers`` processes (forked after the pipeline is loaded once); a worker that
dies takes only its own document down. The ``Recorder`` puts every finished document into the
manifest, saving it at most every ``SAVE_EVERY`` seconds, so an interrupted run resumes where it
stopped.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from multiprocessing.context import BaseContext
from pathlib import Path

from kg.batch.listener import Listener
from kg.batch.manifest import Manifest, remove_outputs
from kg.batch.outcome import Outcome, Status
from kg.batch.worker import Task, run_task

SAVE_EVERY = 1.0  # seconds between manifest saves while documents finish (always saved at the end)
OnDone = Callable[[Outcome], None]


def default_workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def warm_up() -> None:
    """Load spaCy, the private jieba dictionary and the rule data once, before workers fork from
    this process, so each worker starts with them (shared copy-on-write) instead of loading its own."""
    from extract.en.rules import heads, terms
    from extract.nlp import pipeline

    pipeline("zh")
    pipeline("en")
    heads()
    terms()


def run_tasks(tasks: list[Task], workers: int, on_done: OnDone) -> None:
    """Run every task, in this process or in ``workers`` processes, calling ``on_done`` as each finishes."""
    if workers <= 1 or len(tasks) <= 1:
        for t in tasks:
            on_done(run_task(t))
        return
    warm_up()
    remaining = list(tasks)
    while remaining:
        crashed, remaining = _run_pool(remaining, workers, on_done)
        for t in crashed:  # a worker died (crash, out of memory): find which document did it
            on_done(_run_alone(t))


def _context() -> BaseContext | None:
    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def _run_pool(tasks: list[Task], workers: int, on_done: OnDone) -> tuple[list[Task], list[Task]]:
    """Run tasks in a pool; when a worker process dies, return (tasks in flight, tasks not started)."""
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=_context()) as pool:
        pending: dict[Future[Outcome], Task] = {}
        queue = iter(tasks)
        try:
            for t in queue:  # keep at most 2 tasks per worker in flight
                pending[pool.submit(run_task, t)] = t
                if len(pending) >= 2 * workers:
                    break
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    task = pending.pop(fut)
                    try:
                        outcome = fut.result()
                    except BrokenProcessPool:
                        return [task, *pending.values()], list(queue)
                    on_done(outcome)
                    nxt = next(queue, None)
                    if nxt is not None:
                        pending[pool.submit(run_task, nxt)] = nxt
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return [], []


def _run_alone(task: Task) -> Outcome:
    """One document in a process of its own: its crash is its failure, nobody else's."""
    with ProcessPoolExecutor(max_workers=1, mp_context=_context()) as pool:
        try:
            return pool.submit(run_task, task).result()
        except BrokenProcessPool:
            return Outcome(
                task.path,
                Status.FAILED,
                "the worker process died while extracting this document (crash or out of memory)",
                doc_id=task.doc_id,
            )


class Recorder:
    """Records outcomes as they come: in the manifest (saved now and then), in order, to the listener."""

    def __init__(self, out: Path, manifest: Manifest, listener: Listener, changed: bool = False):
        self.out = out
        self.manifest = manifest
        self.listener = listener
        self.changed = changed  # whether the manifest changed (the graph files must be rewritten)
        self.outcomes: list[Outcome] = []
        self._last_save = time.monotonic()

    def record_early(self, outcomes: Iterable[Outcome]) -> None:
        """Record outcomes known before extracting (skipped, failed before reading): reported as they are."""
        for o in outcomes:
            self.outcomes.append(o)
            self.listener.document(o)

    def record(self, o: Outcome) -> None:
        """Record a task's outcome; a document extracted now replaces its previous version in the manifest."""
        if o.entry is not None:
            self._put(o)
        elif o.status == Status.FAILED:
            o = self._keeping_previous(o)
        self.outcomes.append(o)
        self.listener.document(o)

    def _put(self, o: Outcome) -> None:
        assert o.entry is not None
        remove_outputs(self.out, self.manifest.put(o.entry))
        self.changed = True
        if time.monotonic() - self._last_save >= SAVE_EVERY:
            self.manifest.save()
            self._last_save = time.monotonic()

    def _keeping_previous(self, o: Outcome) -> Outcome:
        """A failed document whose earlier version is in the manifest: say that version stays."""
        old = self.manifest.by_path(str(Path(o.path).resolve()))
        if old is None:
            return o
        return replace(o, reason=f"{o.reason} (its previous version stays in the graph)", doc_id=old.doc_id)

    def save(self) -> None:
        """Save the manifest when it changed, or when the folder has none yet."""
        if self.changed or not self.manifest.path.exists():
            self.manifest.save()
