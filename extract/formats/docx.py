"""Word .docx files through python-docx: body paragraphs and table cells in document order.

Headers and footers (page furniture) are left out; the result is the document's raw text,
stored beside the extraction as ``<doc-id>.text.txt``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..errors import DocumentError
from .source import SourceText


def _blocks(document) -> list[str]:
    out: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            out.append(item.text)
        elif isinstance(item, Table):
            seen = set()
            for row in item.rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    out.extend(p.text for p in cell.paragraphs)
    return out


def read_docx(path: Path, data: bytes) -> SourceText:
    """The text of a Word file's body paragraphs and tables."""
    if not data.startswith(b"PK"):
        raise DocumentError(path, "not a .docx file (no ZIP container); re-save it from Word as .docx")
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = _blocks(document)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(path, f"corrupt .docx ({type(exc).__name__}: {exc}); re-save it from Word") from exc
    except Exception as exc:  # lxml syntax errors inside the package and the like
        raise DocumentError(path, f"corrupt .docx ({type(exc).__name__}); re-save it from Word") from exc
    lines = [" ".join(b.split()) for b in blocks]
    text = "\n".join(ln for ln in lines if ln)
    return SourceText(path=str(path), text=text + ("\n" if text else ""), encoding="", format="docx")
