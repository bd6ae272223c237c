"""A sentence's jieba tokens as character spans, and what the name rules find in it: candidates
(names the rules propose) and the registry's matches they may use."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple


class Candidate(NamedTuple):
    """A name found in a sentence: offsets into the sentence text."""

    start: int
    end: int
    type: str
    rule: str
    name: str | None = None  # the full name where the span elides part of it (有轨电车3号线)
    of: tuple[int, int] | None = None  # an abbreviation: the span of the name it abbreviates


class Known(NamedTuple):
    """A registry match in the sentence, which the rules may use (lists, joiners)."""

    start: int
    end: int
    type: str


class Tokens:
    """The sentence's jieba tokens as character spans, with a char -> token index."""

    __slots__ = ("text", "starts", "ends", "words", "at")

    def __init__(self, text: str, spans: Sequence[tuple[int, int]], words: Sequence[str] | None = None):
        """``words``: the tokens' texts when ``spans`` tile the whole text (jieba's cut): no gaps to fill."""
        self.text = text
        if words is not None and spans and spans[-1][1] == len(text) and len(words) == len(spans):
            self.words = list(words)
            self.starts = [s for s, _ in spans]
            self.ends = [e for _, e in spans]
        else:
            spans = _fill_gaps(spans, len(text))
            self.starts = [s for s, _ in spans]
            self.ends = [e for _, e in spans]
            self.words = [text[s:e] for s, e in spans]
        self.at = _TokenAt(self.starts, len(text))

    def is_end(self, pos: int) -> bool:
        return pos == len(self.text) or (pos > 0 and self.at[pos - 1] != self.at[pos])


class _TokenAt:
    """char offset -> index of the token holding it (the text's length -> the token count)."""

    __slots__ = ("starts", "n")

    def __init__(self, starts: list[int], n: int):
        self.starts, self.n = starts, n

    def __getitem__(self, pos: int) -> int:
        if pos >= self.n:
            return len(self.starts)
        return bisect_right(self.starts, pos) - 1


def _fill_gaps(spans: Sequence[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """spaCy leaves white space out of its tokens; it becomes a token of its own here."""
    out, pos = [], 0
    for s, e in spans:
        if s > pos:
            out.append((pos, s))
        out.append((s, e))
        pos = e
    if pos < n:
        out.append((pos, n))
    return out
