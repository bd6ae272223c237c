"""Chinese sentence spans inside a line: a sentence ends after 。!? and the closing quotes or
brackets that follow."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..clean import Line

SENTENCE_END = re.compile(r"[^。!?!?]*(?:[。!?!?]+[”’」』)]*|$)")


def split_sentences(line: Line, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Sentence spans inside a line, stripped of white space and of the furniture opening them."""
    spans = []
    for m in SENTENCE_END.finditer(line.text):
        if m.start() == m.end():
            continue
        seg = m.group(0)
        lead = len(seg) - len(seg.lstrip())
        s = line.start + m.start() + lead
        e = line.start + m.start() + len(seg.rstrip())
        s = _past_skipped(line, s, e, skip)
        if e > s:
            spans.append((s, e))
    return spans


def _past_skipped(line: Line, s: int, e: int, skip: Sequence[tuple[int, int]]) -> int:
    """Where a sentence starting at ``s`` begins once skipped furniture opening it (a byline, a
    dateline) is left out: ``e`` where it is all furniture."""
    for a, b in skip:
        if a <= s < b:
            s = min(b, e)
            while s < e and line.text[s - line.start].isspace():
                s += 1
    return s
