"""Readers for each source format, chosen by file suffix.

What "the raw text" is (every offset in an extraction indexes it):

* ``.txt`` / ``.md``: the decoded file itself, unchanged (Markdown markup stays in the text),
  so offsets point straight into the source file.
* ``.html`` / ``.htm`` / ``.docx`` / ``.pdf``: the text extracted from the file (tags, styles and
  page furniture removed; one block a line). That text is not the file's bytes, so ingest stores
  it beside the extraction as ``<doc-id>.text.txt`` and offsets index that file.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from ..errors import DocumentError
from .limits import ReadLimits
from .source import SourceText

# suffix -> (module in this package, reader function); modules load on first use (bs4, lxml,
# python-docx and pdfminer cost start-up time that a run with nothing to read should not pay)
READERS: dict[str, tuple[str, str]] = {
    ".txt": ("plain", "read_plain"),
    ".md": ("plain", "read_plain"),
    ".markdown": ("plain", "read_plain"),
    ".html": ("html", "read_html"),
    ".htm": ("html", "read_html"),
    ".docx": ("docx", "read_docx"),
    ".pdf": ("pdf", "read_pdf"),
}
SUFFIXES = tuple(READERS)


Reader = Callable[[Path, bytes, ReadLimits], SourceText]  # (path, the file's bytes, the limits) -> text


def reader_for(path: str | Path) -> Reader:
    """The reader of a file's format, by suffix; a DocumentError for an unsupported one."""
    suffix = Path(path).suffix.lower()
    try:
        module, func = READERS[suffix]
    except KeyError:
        raise DocumentError(
            path, f"unsupported file type {suffix or '(none)'}; use one of {', '.join(SUFFIXES)}"
        ) from None
    return getattr(importlib.import_module(f"{__name__}.{module}"), func)


__all__ = ["READERS", "SUFFIXES", "ReadLimits", "Reader", "SourceText", "reader_for"]
