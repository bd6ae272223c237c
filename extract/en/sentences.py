"""English sentence spans inside a line: split after . ! ? unless the word is an abbreviation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..clean import Line
from ..tables import read_table

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|[.!?]+[\"'”’)\]]*\s*$")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Words a full stop does not end a sentence after (patterns/en_abbreviations.txt), lower case."""
    return frozenset(row[0].strip().lower() for row in read_table("en_abbreviations.txt"))


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = max(text.rfind(" ", 0, dot), text.rfind("(", 0, dot)) + 1
    word = text[word_start : dot + 1].lower()
    return word in abbreviations() or bool(re.fullmatch(r"[a-z]\.", word))


def split_sentences_en(line: Line, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """English sentence spans inside a line, none starting inside a ``skip`` span."""
    spans = []
    start = 0
    text = line.text
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()) and m.end() < len(text.rstrip()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        a, b = line.start + s + lead, line.start + s + len(seg.rstrip())
        if b > a and not any(x <= a < y for x, y in skip):
            out.append((a, b))
    return out
