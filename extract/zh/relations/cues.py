"""The Chinese relation cues: words by kind (patterns/relations.tsv), the regexes rules build of
them, and the rules' named regexes (patterns/relation_regexes.tsv)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from ...tables import read_table

__all__ = ["CueWords", "relation_cues"]


class CueWords:
    """Cue words by kind, longest first, and the regexes the rules build of them:
    ``regex(r"以(?P<x>…)为(?:{0})", "anchor_core")`` puts the alternation of each named kind in the
    template's {0}, {1} …, compiled once per view; ``pattern(name)`` is a named regex of
    relation_regexes.tsv. ``only(names)`` is the view a rule gets: the kinds and regexes it
    declares, nothing else (asking for another is a KeyError)."""

    __slots__ = ("_compiled", "_patterns", "_words")

    def __init__(self, words: Mapping[str, tuple[str, ...]], patterns: Mapping[str, re.Pattern] | None = None):
        self._words = dict(words)
        self._patterns = dict(patterns or {})
        self._compiled: dict[tuple[str, tuple[str, ...]], re.Pattern] = {}

    def __getitem__(self, kind: str) -> tuple[str, ...]:
        return self._words[kind]

    def regex(self, template: str, *kinds: str) -> re.Pattern:
        """``template`` with {0}, {1} … the alternations of ``kinds``, compiled once."""
        key = (template, kinds)
        rx = self._compiled.get(key)
        if rx is None:
            rx = self._compiled[key] = re.compile(
                template.format(*("|".join(map(re.escape, self._words[k])) for k in kinds))
            )
        return rx

    def pattern(self, name: str) -> re.Pattern:
        """The named regex of relation_regexes.tsv."""
        return self._patterns[name]

    def only(self, names: Iterable[str]) -> CueWords:
        """A view holding only ``names``: cue kinds and named regexes (each must exist)."""
        names = tuple(names)
        unknown = [n for n in names if n not in self._words and n not in self._patterns]
        if unknown:
            raise KeyError(f"no cue kind or regex named {', '.join(unknown)}")
        return CueWords(
            {n: self._words[n] for n in names if n in self._words},
            {n: self._patterns[n] for n in names if n in self._patterns},
        )


@lru_cache(maxsize=1)
def relation_cues() -> CueWords:
    """Every cue word of patterns/relations.tsv and regex of relation_regexes.tsv, read once per process."""
    out: dict[str, list[str]] = {}
    for row in read_table("relations.tsv"):
        out.setdefault(row[0], []).append(row[1])
    patterns = {row[0]: row.regex(1) for row in read_table("relation_regexes.tsv")}
    return CueWords({k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}, patterns)
