"""References to the document's own place by a common noun: 园区, 我区, 本市, 片区 …

A plan calls the place it is about (the title's place, ``relations.home_region``) 园区 or 我区
instead of repeating its name. The relation rules read these words as mentions of that place, so
that 园区重点发展X, 在园区建设Y and Y落户我区 relate X and Y to it. Which words refer to which
kind of place lives in patterns/relations.tsv (kind ``anaphor``): a word applies when the home is
a Platform (``Platform``) or when the home's name ends with the given characters (``区``, ``市``).
The words are never entity mentions (the annotation guide leaves 我区, 全区 out).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .model import Entity
from .rules import load_rules

SELF_MARKED = ("本", "我", "全", "该")


@lru_cache(maxsize=1)
def _anaphor_rows() -> tuple[tuple[str, str], ...]:
    text = resources.files("extract.patterns").joinpath("relations.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        parts = line.split("\t")
        if parts[0] == "anaphor" and len(parts) >= 3:
            rows.append((parts[1], parts[2]))
    return tuple(rows)


@lru_cache(maxsize=256)
def _regex(words: tuple[str, ...]) -> re.Pattern | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def anaphor_words(home: Entity | None) -> tuple[str, ...]:
    """The words that refer to ``home`` in its own document."""
    if home is None:
        return ()
    return tuple(w for w, cond in _anaphor_rows()
                 if (cond == home.type) or (cond not in ("Platform", "Region") and home.name.endswith(cond)))


def find_anaphors(text: str, home: Entity | None, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in ``text`` where an anaphor stands for ``home`` (none inside a named mention)."""
    rx = _regex(anaphor_words(home))
    if rx is None:
        return []
    breaks = load_rules().words["break"]
    out = []
    for m in rx.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken):
            continue
        if not m.group(0).startswith(SELF_MARKED) and s and "\u4e00" <= text[s - 1] <= "\u9fff" \
                and not any(text[max(0, s - k):s] in breaks for k in (1, 2, 3, 4)):
            continue                                # 产业园区, 开发区: part of a longer word
        out.append((s, e))
    return out
