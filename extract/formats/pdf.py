"""PDF files with a text layer through pdfminer.six; scanned (image-only) PDFs are refused.

Lines wrapped by the layout are joined back into paragraphs (no space between CJK characters,
one space between Latin words); page-number lines (``patterns/pdf_furniture.tsv``) are dropped.
The result is the document's raw text, stored beside the extraction as ``<doc-id>.text.txt``.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

from ..errors import DocumentError
from ..tables import read_table
from .source import SourceText

_PARA_END = tuple("。!?;:.!?;:”」』")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


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


def pdf_to_text(data: bytes) -> tuple[str, int]:
    """The text layer as paragraphs, one a line; also the number of pages."""
    paragraphs: list[str] = []
    pages = 0
    for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
        pages += 1
        for element in page:
            if isinstance(element, LTTextContainer):
                paragraphs.extend(_paragraphs(element))
    return "\n".join(paragraphs) + ("\n" if paragraphs else ""), pages


def read_pdf(path: Path, data: bytes) -> SourceText:
    """The text of a PDF's text layer, wrapped lines joined and page furniture dropped."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise DocumentError(path, "not a PDF file (no %PDF header)")
    try:
        text, pages = pdf_to_text(data)
    except Exception as exc:  # pdfminer raises many kinds on broken or encrypted files
        kind = "encrypted" if "crypt" in type(exc).__name__.lower() or "password" in str(exc).lower() else "corrupt"
        raise DocumentError(path, f"{kind} PDF ({type(exc).__name__}); cannot read its text") from exc
    if not text.strip():
        raise DocumentError(path, f"PDF has no text layer ({pages} page(s) of images?); run OCR on it first")
    return SourceText(path=str(path), text=text, encoding="", format="pdf")
