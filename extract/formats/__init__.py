"""Readers for each source format, chosen by file suffix.

What "the raw text" is (every offset in an extraction indexes it):

* ``.txt`` / ``.md``: the decoded file itself, unchanged (Markdown markup stays in the text),
  so offsets point straight into the source file.
* ``.html`` / ``.htm`` / ``.docx`` / ``.pdf``: the text extracted from the file (tags, styles and
  page furniture removed; one block a line). That text is not the file's bytes, so ingest stores
  it beside the extraction as ``<doc-id>.text.txt`` and offsets index that file.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import DocumentError
from .docx import read_docx
from .html import read_html
from .pdf import read_pdf
from .plain import read_plain
from .source import SourceText

READERS: dict[str, Callable[[Path, bytes], SourceText]] = {
    ".txt": read_plain, ".md": read_plain, ".markdown": read_plain,
    ".html": read_html, ".htm": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}
SUFFIXES = tuple(READERS)


def reader_for(path: str | Path) -> Callable[[Path, bytes], SourceText]:
    suffix = Path(path).suffix.lower()
    try:
        return READERS[suffix]
    except KeyError:
        raise DocumentError(path, f"unsupported file type {suffix or '(none)'}; "
                                  f"use one of {', '.join(SUFFIXES)}") from None


__all__ = ["READERS", "SUFFIXES", "SourceText", "reader_for"]
