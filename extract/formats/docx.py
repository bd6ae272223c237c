"""Word .docx files through python-docx: body paragraphs and table cells in document order.

Headers and footers (page furniture) are left out; the result is the document's raw text,
stored beside the extraction as ``<doc-id>.text.txt``. A .docx is a ZIP container: before
python-docx unpacks it, the sizes its directory declares are checked against the limits (the
ZIP reader never yields more than a part declares, so the declared sizes bound the memory).
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
from .limits import ReadLimits
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


def check_container(path: Path, data: bytes, limits: ReadLimits) -> None:
    """Refuse a ZIP container with too many parts, or parts that unpack to more than the limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocumentError(path, f"corrupt .docx ({type(exc).__name__}: {exc}); re-save it from Word") from exc
    if len(infos) > limits.max_entries:
        raise DocumentError(
            path, f"the .docx container holds {len(infos)} parts, over the limit of {limits.max_entries}"
        )
    unpacked = sum(i.file_size for i in infos)
    if unpacked > limits.max_unpacked:
        raise DocumentError(
            path, f"the .docx container unpacks to {unpacked} bytes, over the {limits.max_unpacked} byte limit"
        )


def read_docx(path: Path, data: bytes, limits: ReadLimits) -> SourceText:
    """The body text of a .docx, one paragraph or table cell a line."""
    if not data.startswith(b"PK"):
        raise DocumentError(path, "not a .docx file (no ZIP container); re-save it from Word as .docx")
    check_container(path, data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = _blocks(document)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(path, f"corrupt .docx ({type(exc).__name__}: {exc}); re-save it from Word") from exc
    except MemoryError:
        raise
    except Exception as exc:  # lxml syntax errors inside the package and the like
        raise DocumentError(path, f"corrupt .docx ({type(exc).__name__}); re-save it from Word") from exc
    lines = [" ".join(b.split()) for b in blocks]
    text = "\n".join(ln for ln in lines if ln)
    return SourceText(path=str(path), text=text + ("\n" if text else ""), encoding="", format="docx")
