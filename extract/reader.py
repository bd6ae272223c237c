"""Read a source file into text: check it is usable, then hand it to its format's reader.

The text returned is the document's raw text: every offset in the pipeline indexes it
(see ``extract/formats/__init__.py`` for what that text is for each format). Every read is bounded
(``extract.formats.limits``): the file's size, what its compressed parts unpack to, and the
characters of its text, each refused with a reason naming the limit.
"""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

from .encoding import decode_bytes, looks_binary
from .errors import DocumentError
from .formats import SUFFIXES, SourceText, reader_for
from .formats.limits import DEFAULT_LIMITS, ReadLimits

MAX_BYTES = DEFAULT_LIMITS.max_bytes

__all__ = [
    "MAX_BYTES",
    "SUFFIXES",
    "ReadLimits",
    "SourceText",
    "decode_bytes",
    "looks_binary",
    "read_bytes",
    "read_source",
]


def _over(size: int, limit: int) -> str:
    return f"file is {size} bytes, over the {limit} byte limit"


def read_bytes(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, or a DocumentError saying why they cannot be used.

    Never reads more than ``max_bytes`` + 1 bytes, even when the file grows while it is read,
    and never opens what is not a regular file (a FIFO would block, a device never end).
    """
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        raise DocumentError(p, f"cannot read file: {exc.strerror}") from exc
    if not stat.S_ISREG(st.st_mode):
        raise DocumentError(p, "not a regular file")
    if st.st_size == 0:
        raise DocumentError(p, "empty file")
    if st.st_size > max_bytes:
        raise DocumentError(p, _over(st.st_size, max_bytes))
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentError(p, f"cannot read file: {exc.strerror}") from exc
    if len(data) > max_bytes:
        raise DocumentError(p, _over(len(data), max_bytes) + " (it grew while being read)")
    if not data:
        raise DocumentError(p, "empty file")
    return data


def read_source(
    path: str | Path, data: bytes | None = None, max_bytes: int | None = None, limits: ReadLimits = DEFAULT_LIMITS
) -> SourceText:
    """Read a document of any supported format; raise DocumentError with a clear reason when unusable.

    ``max_bytes``, when given, overrides ``limits.max_bytes``.
    """
    if max_bytes is not None:
        limits = replace(limits, max_bytes=max_bytes)
    p = Path(path)
    reader = reader_for(p)
    if data is None:
        data = read_bytes(p, limits.max_bytes)
    elif not data:
        raise DocumentError(p, "empty file")
    elif len(data) > limits.max_bytes:
        raise DocumentError(p, _over(len(data), limits.max_bytes))
    src = reader(p, data, limits)
    if not src.text.strip():
        raise DocumentError(
            p, "file holds only white space" if src.format in ("txt", "md") else f"no text in this {src.format} file"
        )
    if len(src.text) > limits.max_chars:
        raise DocumentError(
            p,
            f"text has {len(src.text)} characters, over the limit of {limits.max_chars} "
            "characters per document (split the file, or raise --max-chars)",
        )
    return src
