"""PDF files with a text layer through pdfminer.six; scanned (image-only) PDFs are refused.

Lines wrapped by the layout are joined back into paragraphs (no space between CJK characters,
one space between Latin words); page-number lines (``patterns/pdf_furniture.tsv``) are dropped.
The result is the document's raw text, stored beside the extraction as ``<doc-id>.text.txt``.

A PDF's streams are compressed, and a small file can unpack to gigabytes (a stream compressed
twice, or LZW and RunLength data built to expand). pdfminer decodes a stream whole, so the
decoders it calls for the expanding filters (Flate, LZW, RunLength) are replaced by bounded ones
that count every byte they produce against the document's budget (``ReadLimits.max_unpacked``)
and stop the read as soon as it is spent.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from pdfminer import lzw, pdftypes, runlength
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

from ..errors import DocumentError
from ..tables import read_table
from .limits import DecodeBudget, OverLimit, ReadLimits
from .source import SourceText

_PARA_END = tuple("。!?;:.!?;:”」』")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_BUDGET: ContextVar[DecodeBudget | None] = ContextVar("pdf_decode_budget", default=None)


# ---------------------------------------------------------------- bounded stream decoding


def _budget() -> DecodeBudget | None:
    return _BUDGET.get()


class _CountingDecompressor:
    """A zlib decompressor object whose output is counted against the budget."""

    def __init__(self, budget: DecodeBudget, *args, **kwargs):
        self._d = zlib.decompressobj(*args, **kwargs)
        self._budget = budget

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        cap = self._budget.left + 1
        out = self._d.decompress(data, min(max_length, cap) if max_length else cap)
        self._budget.spend(len(out))
        return out

    def flush(self, *args) -> bytes:
        out = self._d.flush(*args)
        self._budget.spend(len(out))
        return out

    def __getattr__(self, name: str):
        return getattr(self._d, name)


class _BoundedZlib:
    """Stands in for the zlib module inside ``pdfminer.pdftypes`` (the only names it uses)."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes, *args, **kwargs) -> bytes:
        budget = _budget()
        if budget is None:
            return zlib.decompress(data, *args, **kwargs)
        d = _CountingDecompressor(budget, *args[:1])  # wbits, when given
        out = d.decompress(data) + d.flush()
        if not d.eof:  # what zlib.decompress says of a cut stream (pdfminer then tries to recover)
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out

    @staticmethod
    def decompressobj(*args, **kwargs):
        budget = _budget()
        return zlib.decompressobj(*args, **kwargs) if budget is None else _CountingDecompressor(budget, *args, **kwargs)


def _bounded_lzw(data: bytes) -> bytes:
    budget = _budget()
    if budget is None:
        return lzw.lzwdecode(data)
    out = []
    for chunk in lzw.LZWDecoder(io.BytesIO(data)).run():
        budget.spend(len(chunk))
        out.append(chunk)
    return b"".join(out)


def _runlength_size(data: bytes) -> int:
    """The length RunLength data decodes to, found without decoding it."""
    size = i = 0
    while i < len(data) and data[i] != 128:
        n = data[i]
        if n < 128:
            size += n + 1
            i += n + 2
        else:
            size += 257 - n
            i += 2
    return size


def _bounded_runlength(data: bytes) -> bytes:
    budget = _budget()
    if budget is not None:
        budget.spend(_runlength_size(data))
    return runlength.rldecode(data)


# pdfminer looks these names up in its module when it decodes a stream
pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
pdftypes.lzwdecode = _bounded_lzw
pdftypes.rldecode = _bounded_runlength


@contextmanager
def decode_budget(limit: int) -> Iterator[DecodeBudget]:
    """Within the block, PDF streams may decompress to ``limit`` bytes in all."""
    budget = DecodeBudget(limit)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


# ---------------------------------------------------------------- text


@lru_cache(maxsize=1)
def page_furniture() -> tuple[re.Pattern, ...]:
    """Regexes of page-furniture lines (patterns/pdf_furniture.tsv)."""
    return tuple(row.regex(0) for row in read_table("pdf_furniture.tsv"))


def _join(prev: str, nxt: str) -> str:
    if not prev:
        return nxt
    if _CJK.match(prev[-1]) or _CJK.match(nxt[0]):
        return prev + nxt
    if prev.endswith("-") and nxt[:1].islower():
        return prev[:-1] + nxt
    return prev + " " + nxt


def _paragraphs(box: LTTextContainer) -> list[str]:
    lines = [ln for ln in box if isinstance(ln, LTTextLine)]
    out: list[str] = []
    current = ""
    for n, line in enumerate(lines):
        text = " ".join(line.get_text().split())
        if not text or any(rx.match(text) for rx in page_furniture()):
            continue
        current = _join(current, text)
        short = line.width < 0.8 * box.width
        if text.endswith(_PARA_END) or short or n == len(lines) - 1:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def pdf_to_text(data: bytes, max_chars: int | None = None) -> tuple[str, int]:
    """The text layer as paragraphs, one a line; also the number of pages.

    Stops with OverLimit as soon as the text is longer than ``max_chars``.
    """
    paragraphs: list[str] = []
    pages = chars = 0
    for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
        pages += 1
        for element in page:
            if isinstance(element, LTTextContainer):
                found = _paragraphs(element)
                paragraphs.extend(found)
                chars += sum(len(p) + 1 for p in found)
        if max_chars is not None and chars > max_chars:
            raise OverLimit(
                f"its text has more than {max_chars} characters (the limit per document) "
                f"by page {pages}; split the file, or raise --max-chars"
            )
    return "\n".join(paragraphs) + ("\n" if paragraphs else ""), pages


def read_pdf(path: Path, data: bytes, limits: ReadLimits) -> SourceText:
    """The text layer of a PDF, its streams decoded within ``limits.max_unpacked``."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise DocumentError(path, "not a PDF file (no %PDF header)")
    try:
        with decode_budget(limits.max_unpacked) as budget:
            text, pages = pdf_to_text(data, limits.max_chars)
        if budget.used > budget.limit:  # spent where pdfminer caught the OverLimit and went on
            raise OverLimit(f"its compressed streams unpack to more than the {budget.limit} byte limit")
    except OverLimit as exc:
        raise DocumentError(path, f"PDF refused: {exc}") from None
    except MemoryError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on broken or encrypted files
        kind = "encrypted" if "crypt" in type(exc).__name__.lower() or "password" in str(exc).lower() else "corrupt"
        raise DocumentError(path, f"{kind} PDF ({type(exc).__name__}); cannot read its text") from exc
    if not text.strip():
        raise DocumentError(path, f"PDF has no text layer ({pages} page(s) of images?); run OCR on it first")
    return SourceText(path=str(path), text=text, encoding="", format="pdf")
