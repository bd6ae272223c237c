"""Plain text and Markdown: the decoded file is the raw text."""

from __future__ import annotations

from pathlib import Path

from ..encoding import decode_bytes, looks_binary
from ..errors import DocumentError
from .source import SourceText


def read_plain(path: Path, data: bytes) -> SourceText:
    """The decoded text of a .txt or .md file."""
    if looks_binary(data):
        raise DocumentError(path, "binary file, not text")
    text, encoding = decode_bytes(data, str(path))
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    return SourceText(path=str(path), text=text, encoding=encoding, format=fmt)
