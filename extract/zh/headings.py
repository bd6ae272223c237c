"""Article headings that are a name: （一）海沧集成电路产业园。 opens an article about that park,
whose sentences speak of it without naming it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Sentence
from ..textnorm import fold_width

__all__ = ["HEADING", "heading_sentences"]

HEADING = re.compile(r"^\s*[((][一二三四五六七八九十]{1,3}[))]\s*(?P<name>[^,,。;;::!?!?]{2,24}?)\s*[。.]?\s*$")


def heading_sentences(sentences: Sequence[Sentence]) -> dict[str, tuple[int, int]]:
    """Article headings that are a name (（一）海沧集成电路产业园。 followed by the article in the same
    paragraph): sentence id -> the name's span in the sentence."""
    out = {}
    for sent, nxt in zip(sentences, sentences[1:], strict=False):
        if nxt.section != sent.section or sent.section is None:
            continue
        m = HEADING.match(fold_width(sent.text))
        if m:
            out[sent.id] = m.span("name")
    return out
