"""Who is told what a batch does, as it does it (the command line shows it)."""

from __future__ import annotations

from typing import Protocol

from kg.batch.outcome import Outcome


class Listener(Protocol):
    """Told of the plan, of every document's outcome, and of anything else worth a line."""

    def start(self, total: int, todo: int) -> None: ...
    def document(self, outcome: Outcome) -> None: ...
    def message(self, text: str) -> None: ...


class Silent:
    """A listener that shows nothing."""

    def start(self, total: int, todo: int) -> None:
        pass

    def document(self, outcome: Outcome) -> None:
        pass

    def message(self, text: str) -> None:
        pass
