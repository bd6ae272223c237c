"""The run of a batch: tasks in worker processes, each finished document recorded at once.

Documents run in ``workers`` processes of the batch's pool (``kg.batch.pool``: forked after the
pipeline is loaded once, one document each at a time, stopped when a document passes its time or
memory limit, never outliving the batch); a worker that dies takes only its own document down.
The ``Recorder`` puts every finished document into the manifest, saving it at most every
``SAVE_EVERY`` seconds, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from kg.batch.listener import Listener
from kg.batch.manifest import Manifest, remove_outputs
from kg.batch.outcome import Outcome, Status
from kg.batch.pool import OnDone, Pool
from kg.batch.worker import Task, run_task

SAVE_EVERY = 1.0  # seconds between manifest saves while documents finish (always saved at the end)


def default_workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


WARM_UP_TEXT = "黄埔区加快建设中新广州知识城,推进生物医药产业发展。\nGuangzhou Knowledge City hosts firms.\n"


def warm_up() -> None:
    """Load spaCy, the private jieba dictionary, the rule data and the RDF writer once, before
    workers fork from this process, so each worker starts with them (shared copy-on-write) instead
    of loading its own, and a document's time limit is spent on the document alone."""
    from extract.en.rules import heads, terms
    from extract.nlp import pipeline
    from kg.batch.worker import warm_up_document

    pipeline("zh")
    pipeline("en")
    heads()
    terms()
    warm_up_document(WARM_UP_TEXT)


def _job(task: Task) -> Outcome:
    return run_task(task)  # looked up when called, so a test may stand another job in


def run_tasks(tasks: list[Task], workers: int, on_done: OnDone) -> None:
    """Run every task in ``workers`` worker processes, calling ``on_done`` here as each finishes.

    Even one worker is a process of its own: only then can a document's time and memory be
    limited, and its crash be its own failure.
    """
    if not tasks:
        return
    warm_up()
    Pool(min(workers, len(tasks)), _job).run(tasks, on_done)


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
