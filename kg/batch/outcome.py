"""What became of one input of a batch: its status, the reason, and what its extraction holds."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from extract.model import Extraction
from kg.batch.manifest import Entry


class Status(StrEnum):
    """The outcome of one input (compares and serialises as its plain value)."""

    OK = "ok"  # extracted and written
    SKIPPED = "skipped"  # unchanged, the same content as another input, or not a document (unsupported type)
    FAILED = "failed"  # unusable; the reason says why


@dataclass(frozen=True, slots=True)
class Outcome:
    path: str  # as given, for messages
    status: Status
    reason: str | None = None
    doc_id: str | None = None
    sha256: str | None = None
    format: str | None = None
    encoding: str | None = None
    lang: str | None = None
    entities: int = 0
    relations: int = 0
    indicators: int = 0
    entry: Entry | None = None  # the manifest entry of a document extracted now
    extraction: Extraction | None = None  # the extraction itself, when the batch keeps them
    seconds: float | None = None  # time its worker spent on it (documents run now)
    peak_memory: int | None = None  # the worker's peak resident memory while on it, in bytes


def display_path(path: str) -> str:
    """The path for a one-line message: control characters (a newline in a file name) escaped."""
    if path.isprintable():
        return path
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)
