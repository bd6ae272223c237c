"""Decode bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else detection.

Detection (charset-normalizer) covers GB18030/GBK, Big5, UTF-16 without BOM and the rest;
GB2312/GBK answers are widened to GB18030, their superset, so rare characters are not lost.
"""
from __future__ import annotations

from charset_normalizer import from_bytes

from .errors import DocumentError

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "hz": "gb18030", "big5": "big5hkscs"}


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the head mean binary, except in UTF-16 (BOM or every other byte NUL)."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" not in head:
        return False
    even, odd = head[0::2], head[1::2]
    utf16ish = len(head) >= 4 and (even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd))
    return not (utf16ish and _decodes_as_utf16(data))


def _decodes_as_utf16(data: bytes) -> bool:
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if text and sum(c.isprintable() or c.isspace() for c in text[:2000]) > 0.95 * len(text[:2000]):
            return True
    return False


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding
            except UnicodeDecodeError as exc:
                raise DocumentError(path, f"starts with a {encoding} byte-order mark but does not decode: "
                                          f"{exc.reason}; convert the file to UTF-8") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _decodes_as_utf16(data):
                return text, enc
    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(path, "cannot detect the text encoding; convert the file to UTF-8")
    encoding = best.encoding.lower().replace("_", "")
    encoding = _WIDEN.get(encoding, best.encoding)
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise DocumentError(path, f"cannot decode as {encoding}: {exc}; convert the file to UTF-8") from exc


def decode_declared(data: bytes, declared: str | None, path: str) -> tuple[str, str]:
    """Use an encoding the file declares (HTML meta charset) when it decodes; else detect."""
    if declared:
        enc = _WIDEN.get(declared.lower().replace("_", "").replace("-", ""), declared)
        if enc.lower().replace("-", "") in ("utf8",):
            enc = "utf-8"
        try:
            return data.decode(enc).lstrip("\ufeff"), enc
        except (UnicodeDecodeError, LookupError):
            pass
    return decode_bytes(data, path)
