"""Stopping a batch from outside: Ctrl-C (SIGINT) and SIGTERM end it the same clean way.

Python turns SIGINT into KeyboardInterrupt; ``sigterm_interrupts`` turns SIGTERM into
``Terminated``, a KeyboardInterrupt too, so one path stops the workers, saves the manifest,
removes temporary files and writes the report for what finished. The exit codes are the shell's
for death by those signals: 130 and 143.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGINT_EXIT = 128 + signal.SIGINT
SIGTERM_EXIT = 128 + signal.SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived."""


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """Within the block (in the main thread), SIGTERM raises Terminated."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def describe(exc: BaseException) -> str:
    """What stopped the batch, in words."""
    return "terminated (SIGTERM)" if isinstance(exc, Terminated) else "interrupted (Ctrl-C)"


def exit_code(exc: BaseException) -> int:
    """The exit code of a command stopped by this exception."""
    return SIGTERM_EXIT if isinstance(exc, Terminated) else SIGINT_EXIT
