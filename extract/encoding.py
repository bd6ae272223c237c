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
    """NUL bytes in the head mean binary, unless the bytes read as UTF-16 text."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in head and _utf16_variant(data) is None


def _common(ch: str) -> bool:
    o = ord(ch)
    return (
        0x20 <= o < 0x7F
        or ch in "\n\r\t"
        or 0x3000 <= o <= 0x303F
        or 0x3400 <= o <= 0x9FFF
        or 0xFF00 <= o <= 0xFFEF
        or 0x2000 <= o <= 0x206F
        or 0xA0 <= o <= 0x24F
    )


def _utf16_variant(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the bytes decode to ordinary text that way (no BOM needed).

    Ordinary means the NUL bytes (high bytes of ASCII characters) sit on one side of the code
    units, and at least 95% of the characters are ASCII, CJK, CJK punctuation or full-width forms:
    random binary decoded as UTF-16 fails one or the other.
    """
    head = data[:8192]
    nul = [i % 2 for i, b in enumerate(head) if b == 0]
    if nul and 0.1 < sum(nul) / len(nul) < 0.9:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data[: 8192 - 8192 % 2].decode(enc)
        except UnicodeDecodeError:
            continue
        if text and sum(map(_common, text)) >= 0.95 * len(text):
            return enc
    return None


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """(text, encoding) of a file's bytes: a byte-order mark, UTF-8, UTF-16 or a detected encoding;
    a DocumentError when nothing decodes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    path,
                    f"starts with a {encoding} byte-order mark but does not decode: "
                    f"{exc.reason}; convert the file to UTF-8",
                ) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    variant = _utf16_variant(data) if b"\x00" in data[:4096] else None
    if variant is not None:
        try:
            return data.decode(variant), variant
        except UnicodeDecodeError as exc:
            raise DocumentError(path, f"reads as {variant} but does not decode: {exc.reason}") from exc
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
