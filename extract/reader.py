"""Read a source file into text: check it is usable, then hand it to its format's reader.

The text returned is the document's raw text: every offset in the pipeline indexes it
(see ``extract/formats/__init__.py`` for what that text is for each format).
"""

from __future__ import annotations

from pathlib import Path

from .encoding import decode_bytes, looks_binary
from .errors import DocumentError
from .formats import SUFFIXES, SourceText, reader_for

MAX_BYTES = 50 * 1024 * 1024

__all__ = ["MAX_BYTES", "SUFFIXES", "SourceText", "decode_bytes", "looks_binary", "read_bytes", "read_source"]


def read_bytes(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, or a DocumentError saying why they cannot be used."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise DocumentError(p, f"cannot read file: {exc.strerror}") from exc
    if not p.is_file():
        raise DocumentError(p, "not a regular file")
    if size == 0:
        raise DocumentError(p, "empty file")
    if size > max_bytes:
        raise DocumentError(p, f"file is {size} bytes, over the {max_bytes} byte limit")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise DocumentError(p, f"cannot read file: {exc.strerror}") from exc


def read_source(path: str | Path, data: bytes | None = None, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read a document of any supported format; raise DocumentError with a clear reason when unusable."""
    p = Path(path)
    reader = reader_for(p)
    if data is None:
        data = read_bytes(p, max_bytes)
    elif not data:
        raise DocumentError(p, "empty file")
    src = reader(p, data)
    if not src.text.strip():
        raise DocumentError(
            p, "file holds only white space" if src.format in ("txt", "md") else f"no text in this {src.format} file"
        )
    return src
