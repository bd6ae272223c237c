"""Plain text and Markdown: the decoded file is the raw text."""

from __future__ import annotations

from pathlib import Path

from ..encoding import decode_bytes, looks_binary
from ..errors import DocumentError
from .limits import ReadLimits
from .source import SourceText

MAX_BYTES_PER_CHAR = 4  # no encoding policykg reads needs more bytes for one character


def read_plain(path: Path, data: bytes, limits: ReadLimits) -> SourceText:
    """Decode the file; one surely longer than the character limit is refused before decoding."""
    if len(data) > MAX_BYTES_PER_CHAR * limits.max_chars:
        raise DocumentError(
            path,
            f"text has at least {len(data) // MAX_BYTES_PER_CHAR} characters, over the "
            f"limit of {limits.max_chars} characters per document "
            "(split the file, or raise --max-chars)",
        )
    if looks_binary(data):
        raise DocumentError(path, "binary file, not text")
    text, encoding = decode_bytes(data, str(path))
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    return SourceText(path=str(path), text=text, encoding=encoding, format=fmt)
