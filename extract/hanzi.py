"""Traditional Chinese to simplified for matching, one character for one (offsets unchanged).

OpenCC's ``t2s`` conversion works on phrases; where a phrase conversion would change the
length, the text is converted character by character instead, so every offset computed on the
simplified text still indexes the original.
"""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _char_by_char(text: str) -> str:
    conv = _converter()
    out = []
    for ch in text:
        s = conv.convert(ch)
        out.append(s if len(s) == 1 else ch)
    return "".join(out)


def to_simplified(text: str) -> str:
    """The text with traditional characters made simplified; same length as the input."""
    if not text:
        return text
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.splitlines(keepends=True)
    out = []
    for line in lines:
        c = _converter().convert(line)
        out.append(c if len(c) == len(line) else _char_by_char(line))
    return "".join(out)


def has_traditional(text: str) -> bool:
    """Does the text hold a traditional character?"""
    return to_simplified(text) != text
