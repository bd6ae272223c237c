"""The limits one document of a batch must stay within; a document over one fails with that reason.

Reading limits (file size, what compressed parts unpack to, characters of text) are checked by
the readers (``extract.formats.limits``); time and memory by the process pool (``kg.batch.pool``),
which stops the worker; output size by the worker before it writes anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.formats.limits import DEFAULT_LIMITS, MIB, ReadLimits

__all__ = ["MIB", "DocumentLimits", "ReadLimits"]


@dataclass(frozen=True, slots=True)
class DocumentLimits:
    """Per document; the defaults are those of `policykg ingest` without options."""

    seconds: float = 60.0  # wall-clock time to read, extract and write it
    memory: int = 768 * MIB  # resident memory of the worker process extracting it
    output: int = 64 * MIB  # bytes of its output files together
    read: ReadLimits = DEFAULT_LIMITS

    def describe(self) -> str:
        """The limits in one line, for reports."""
        r = self.read
        return (
            f"{self.seconds:g} s, {self.memory // MIB} MB of memory, {r.max_bytes // MIB} MB per file, "
            f"{r.max_chars} characters, {r.max_unpacked // MIB} MB unpacked, {self.output // MIB} MB of output"
        )
