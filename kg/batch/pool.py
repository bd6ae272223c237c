"""The process pool a batch runs its documents in: one document per worker at a time, within limits.

concurrent.futures' pool can neither stop a document that runs too long nor tell which document
made a worker die, and its workers keep running when their parent is killed. This pool:

* gives each worker one document at a time, so every failure belongs to one document;
* stops (SIGKILL) a worker whose document passes its time limit or whose resident memory passes
  its memory limit, reports the document as failed with that reason, and starts a fresh worker
  (forked from the parent, which holds the loaded pipeline, so that is quick);
* caps each worker's address space as a backstop, so a burst of allocation between two looks at
  its memory ends in a MemoryError rather than in the kernel's OOM killer;
* ties each worker's life to its parent's: the kernel kills the worker when the parent dies,
  even by SIGKILL (``PR_SET_PDEATHSIG``), and a watchdog thread checks the parent pid as well;
* kills every worker when the parent stops running the batch for any reason (an exception,
  Ctrl-C, SIGTERM), and removes the temporary files of the documents they were writing.

Workers ignore SIGINT: a Ctrl-C is the parent's to handle, and a worker prints no traceback.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path

from kg.batch.limits import MIB
from kg.batch.outcome import Outcome, Status
from kg.batch.worker import Task
from kg.folder import discard_temporaries

Job = Callable[[Task], Outcome]
OnDone = Callable[[Outcome], None]

POLL = 0.1  # seconds between looks at the workers' time and memory
PR_SET_PDEATHSIG = 1  # linux/prctl.h
ADDRESS_SLACK = 512 * MIB  # address space a worker may reserve beyond its memory limit (thread stacks, arenas)
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


# ---------------------------------------------------------------- inside a worker


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies; a watchdog thread checks too."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the watchdog alone
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _cap_address_space(memory: int) -> None:
    """Allow this process's address space to grow by ``memory`` (+ slack) from what it is now."""
    try:
        with open("/proc/self/statm") as fh:
            size = int(fh.read().split()[0]) * PAGE
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = size + memory + ADDRESS_SLACK
        if hard == resource.RLIM_INFINITY or cap < hard:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (OSError, ValueError):
        pass


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")  # resets VmHWM, the peak resident size
    except OSError:
        pass


def _peak() -> int | None:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _serve(conn: Connection, parent: int, job: Job, memory: int) -> None:
    """A worker's life: documents in, outcomes out, until the parent sends None or goes away."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _die_with_parent(parent)
        _cap_address_space(memory)
        while True:
            task = conn.recv()
            if task is None:
                break
            _reset_peak()
            start = time.monotonic()
            outcome = job(task)
            conn.send(replace(outcome, seconds=time.monotonic() - start, peak_memory=_peak()))
    except BaseException:  # the parent is gone or stopped us: nothing to report, nobody to report to
        pass
    finally:
        os._exit(0)


# ---------------------------------------------------------------- in the parent


def _context() -> BaseContext:
    """Fork where there is fork: workers start with the parent's loaded pipeline, at once."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def resident(pid: int) -> int | None:
    """A process's resident memory in bytes (None when it is gone or unknown)."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, ValueError, IndexError):
        return None


@dataclass
class _Worker:
    """A worker process, its end of the pipe, and the document it is on."""

    process: BaseProcess
    conn: Connection
    task: Task | None = None
    started: float = 0.0
    peak: int = 0  # the largest resident size seen while on this task

    @property
    def busy(self) -> bool:
        return self.task is not None

    def give(self, task: Task) -> None:
        self.conn.send(task)
        self.task, self.started, self.peak = task, time.monotonic(), 0

    def done(self) -> Task:
        task = self.task
        assert task is not None
        self.task = None
        return task

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _remove_temporaries(task: Task) -> None:
    """The .tmp files a killed worker may have left for its document."""
    discard_temporaries(Path(task.out), task.doc_id)


class Pool:
    """``workers`` worker processes running ``job`` on tasks, one at a time each, within each task's limits."""

    def __init__(self, workers: int, job: Job):
        self.size = max(1, workers)
        self.job = job
        self.workers: list[_Worker] = []
        self.context = _context()

    def _spawn(self, memory: int) -> _Worker:
        ours, theirs = self.context.Pipe()
        process = self.context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(theirs, os.getpid(), self.job, memory), daemon=True
        )
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        self.workers.append(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        self.workers.remove(worker)

    def run(self, tasks: Iterable[Task], on_done: OnDone) -> None:
        """Run every task, calling ``on_done`` in this process as each finishes (or fails a limit)."""
        queue = deque(tasks)
        try:
            while queue or any(w.busy for w in self.workers):
                self._assign(queue)
                self._collect(on_done)
        finally:
            self.close()

    def _assign(self, queue: deque[Task]) -> None:
        for worker in [w for w in self.workers if not w.busy]:
            if queue:
                worker.give(queue.popleft())
        while queue and len(self.workers) < self.size:
            task = queue.popleft()
            self._spawn(task.limits.memory).give(task)

    def _collect(self, on_done: OnDone) -> None:
        busy = [w for w in self.workers if w.busy]
        wait([x for w in busy for x in (w.conn, w.process.sentinel)], timeout=POLL)
        for worker in busy:
            outcome = self._check(worker)
            if outcome is not None:
                on_done(outcome)

    def _check(self, worker: _Worker) -> Outcome | None:
        """The worker's outcome when its document finished, died or passed a limit; else None."""
        task = worker.task
        assert task is not None
        elapsed = time.monotonic() - worker.started
        try:
            if worker.conn.poll():
                outcome: Outcome = worker.conn.recv()
                worker.done()
                return outcome
        except (EOFError, OSError):
            pass
        if not worker.process.is_alive() or worker.conn.closed:
            return self._fail(worker, "the worker process died while extracting this document (crash or out of memory)")
        if elapsed > task.limits.seconds:
            return self._fail(
                worker, f"took longer than the limit of {task.limits.seconds:g} s per document (raise --timeout)"
            )
        rss = resident(worker.process.pid or 0) or 0
        worker.peak = max(worker.peak, rss)
        if rss > task.limits.memory:
            return self._fail(
                worker,
                f"needed more than the limit of {task.limits.memory // MIB} MB of memory per document "
                "(raise --max-memory)",
            )
        return None

    def _fail(self, worker: _Worker, reason: str) -> Outcome:
        seconds, peak = time.monotonic() - worker.started, worker.peak or None
        task = worker.done()
        self._retire(worker)
        _remove_temporaries(task)
        return Outcome(task.path, Status.FAILED, reason, doc_id=task.doc_id, seconds=seconds, peak_memory=peak)

    def close(self) -> None:
        """Stop every worker: idle ones are told to exit, busy ones killed (their temporary files removed)."""
        for worker in list(self.workers):
            if worker.busy:
                task = worker.done()
                worker.kill()
                _remove_temporaries(task)
            else:
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
                worker.process.join(timeout=2)
                worker.kill()
        self.workers.clear()
