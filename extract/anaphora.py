"""References to the document's own place by a common noun: 园区, 我区, 本市, 片区 …

A plan calls the place it is about (the title's place, ``relations.home_region``) 园区 or 我区
instead of repeating its name. The relation rules read these words as mentions of that place, so
that 园区重点发展X, 在园区建设Y and Y落户我区 relate X and Y to it. Which words refer to which
kind of place lives in patterns/relations.tsv (kind ``anaphor``): a word applies when the home is
a Platform (``Platform``) or when the home's name ends with the given characters (``区``, ``市``).
园区 stands for the park a sentence has just named where it names one (…建设X产业园,园区选址P).
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
    """The words that may refer to a place in a document about ``home``: 园区 and the like always
    (the park a sentence has just named, or a platform home), 我区, 本市 … where home's name ends
    so."""
    return tuple(w for w, cond in _anaphor_rows()
                 if cond == "Platform" or (home is not None and cond != "Region" and home.name.endswith(cond)))


@lru_cache(maxsize=1)
def _platform_words() -> frozenset[str]:
    return frozenset(w for w, cond in _anaphor_rows() if cond == "Platform")


def find_anaphors(text: str, home: Entity | None, named: list) -> list[tuple[int, int, Entity]]:
    """(start, end, place) where an anaphor stands for a place, none inside a named mention:
    园区 for the last platform the sentence named before it (else a platform home), 我区 for home.
    ``named`` are the sentence's mentions (start, end, entity)."""
    rx = _regex(anaphor_words(home))
    if rx is None:
        return []
    breaks = load_rules().words["break"]
    platform_words = _platform_words()
    out = []
    for m in rx.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b, _ in named):
            continue
        if not m.group(0).startswith(SELF_MARKED) and s and "\u4e00" <= text[s - 1] <= "\u9fff" \
                and not any(text[max(0, s - k):s] in breaks for k in (1, 2, 3, 4)):
            continue                                # 产业园区, 开发区: part of a longer word
        target = home
        if m.group(0) in platform_words:
            before = [ent for a, b, ent in named if b <= s and ent.type == "Platform"]
            target = before[-1] if before else (home if home is not None and home.type == "Platform" else None)
        if target is not None:
            out.append((s, e, target))
    return out
