"""Read a source file into text, detecting its encoding.

The decoded text is the document's raw text: every offset in the pipeline indexes it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import DocumentError

MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SourceText:
    path: str
    text: str
    encoding: str
    format: str   # "txt"


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):   # UTF-16 with BOM is text
        return False
    return b"\x00" in head


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), else by detection (GB18030, Big5, UTF-16 …)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(path, "cannot detect the text encoding; convert the file to UTF-8")
    encoding = best.encoding
    if encoding in ("gb2312", "gbk"):
        encoding = "gb18030"        # GB18030 is a superset; avoids losing rare characters
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise DocumentError(path, f"cannot decode as {encoding}: {exc}; convert the file to UTF-8") from exc


def read_source(path: str | Path) -> SourceText:
    """Read a plain-text document; raise DocumentError with a clear reason when it cannot be used."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise DocumentError(p, f"cannot read file: {exc.strerror}") from exc
    if size == 0:
        raise DocumentError(p, "empty file")
    if size > MAX_BYTES:
        raise DocumentError(p, f"file is {size} bytes, over the {MAX_BYTES} byte limit")
    data = p.read_bytes()
    if _looks_binary(data):
        raise DocumentError(p, "binary file, not text")
    text, encoding = decode_bytes(data, str(p))
    if not text.strip():
        raise DocumentError(p, "file holds only white space")
    return SourceText(path=str(p), text=text, encoding=encoding, format="txt")
