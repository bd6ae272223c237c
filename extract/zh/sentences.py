"""Chinese sentence spans inside a line: a sentence ends after 。!? and the closing quotes or
brackets that follow."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..clean import Line

SENTENCE_END = re.compile(r"[^。!?!?]*(?:[。!?!?]+[”’」』)]*|$)")


def split_sentences(line: Line, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Sentence spans inside a line, stripped of white space."""
    spans = []
    for m in SENTENCE_END.finditer(line.text):
        if m.start() == m.end():
            continue
        seg = m.group(0)
        lead = len(seg) - len(seg.lstrip())
        s = line.start + m.start() + lead
        e = line.start + m.start() + len(seg.rstrip())
        if e > s and not any(a <= s < b for a, b in skip):
            spans.append((s, e))
    return spans
