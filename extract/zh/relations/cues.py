"""The Chinese relation cues (patterns/relations.tsv): words by kind, and the regexes rules build
of them."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from ...tables import read_table

__all__ = ["CueWords", "relation_cues"]


class CueWords:
    """Cue words by kind, longest first, and the regexes the rules build of them:
    ``regex(r"以(?P<x>…)为(?:{0})", "anchor_core")`` puts the alternation of each named kind in the
    template's {0}, {1} …, compiled once per view. ``only(kinds)`` is the view a rule gets: the
    kinds it declares, nothing else (asking for another is a KeyError)."""

    __slots__ = ("_compiled", "_words")

    def __init__(self, words: Mapping[str, tuple[str, ...]]):
        self._words = dict(words)
        self._compiled: dict[tuple[str, tuple[str, ...]], re.Pattern] = {}

    def __getitem__(self, kind: str) -> tuple[str, ...]:
        return self._words[kind]

    def regex(self, template: str, *kinds: str) -> re.Pattern:
        """``template`` with {0}, {1} … the alternations of ``kinds``, compiled once."""
        key = (template, kinds)
        rx = self._compiled.get(key)
        if rx is None:
            rx = self._compiled[key] = re.compile(
                template.format(*("|".join(map(re.escape, self._words[k])) for k in kinds)))
        return rx

    def only(self, kinds: Iterable[str]) -> CueWords:
        """A view holding only ``kinds`` (each must be a kind of the file)."""
        return CueWords({k: self._words[k] for k in kinds})


@lru_cache(maxsize=1)
def relation_cues() -> CueWords:
    """Every cue word of patterns/relations.tsv, read once per process."""
    out: dict[str, list[str]] = {}
    for row in read_table("relations.tsv"):
        out.setdefault(row[0], []).append(row[1])
    return CueWords({k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()})
