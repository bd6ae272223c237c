"""How much a reader may take from one file: the limits that keep a hostile file from exhausting memory.

A small file can hold a great deal: a .docx is a ZIP whose parts may unpack to gigabytes, a PDF's
streams are compressed (and may be compressed twice), and any text may be far longer than a
document the extractor can handle. Each reader checks the limit that applies before it spends the
memory, and says which limit a file is over as its DocumentError reason.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Limits per document; the defaults are those of `policykg ingest` without options."""

    max_bytes: int = 50 * MIB  # the file itself
    max_unpacked: int = 128 * MIB  # what a container's parts (ZIP) or a PDF's streams decompress to, in all
    max_entries: int = 10_000  # parts of a ZIP container
    max_chars: int = 500_000  # characters of text in one document


DEFAULT_LIMITS = ReadLimits()


class OverLimit(Exception):
    """Raised inside a reader when a file needs more than a limit allows; the reader says which."""


class DecodeBudget:
    """Bytes a document's decompression may still produce; ``spend`` raises OverLimit past the limit."""

    def __init__(self, limit: int):
        self.limit = limit
        self.used = 0

    @property
    def left(self) -> int:
        """Bytes that may still be produced."""
        return max(0, self.limit - self.used)

    def spend(self, n: int) -> None:
        """Count ``n`` bytes produced; raise OverLimit when that takes the total past the limit."""
        self.used += n
        if self.used > self.limit:
            raise OverLimit(f"its compressed streams unpack to more than the {self.limit} byte limit")
