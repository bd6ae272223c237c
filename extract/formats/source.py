"""The text a reader got out of a source file, with how it got it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceText:
    path: str
    text: str
    encoding: str  # the decoding used; "" for formats that carry their own (docx, pdf)
    format: str  # "txt" | "md" | "html" | "docx" | "pdf"

    @property
    def extracted(self) -> bool:
        """True when the text is not the file's decoded bytes (offsets index a stored copy)."""
        return self.format in ("html", "docx", "pdf")
