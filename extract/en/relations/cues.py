"""The English relation cues (patterns/en_relations.tsv): regexes by kind."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from ...tables import read_table

__all__ = ["CuePatterns", "relation_cues"]


class CuePatterns:
    """Cue regexes by kind (case-insensitive, in file order). ``only(kinds)`` is the view a rule
    gets: the kinds it declares, nothing else (asking for another is a KeyError)."""

    __slots__ = ("_patterns",)

    def __init__(self, patterns: Mapping[str, tuple[re.Pattern, ...]]):
        self._patterns = dict(patterns)

    def patterns(self, kind: str) -> tuple[re.Pattern, ...]:
        """The regexes of a kind."""
        return self._patterns[kind]

    def find(self, kind: str, text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
        """Every match of the kind's regexes in ``text[start:end]``, by position."""
        end = len(text) if end is None else end
        hits = [m for rx in self._patterns[kind] for m in rx.finditer(text, start, end)]
        return sorted(hits, key=lambda m: m.start())

    def only(self, kinds: Iterable[str]) -> CuePatterns:
        """A view holding only ``kinds`` (each must be a kind of the file)."""
        return CuePatterns({k: self._patterns[k] for k in kinds})


@lru_cache(maxsize=1)
def relation_cues() -> CuePatterns:
    """Every cue of patterns/en_relations.tsv, compiled once per process."""
    out: dict[str, list[re.Pattern]] = {}
    for row in read_table("en_relations.tsv"):
        out.setdefault(row[0], []).append(row.regex(1, re.IGNORECASE))
    return CuePatterns({k: tuple(v) for k, v in out.items()})
