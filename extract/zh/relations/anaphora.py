"""References to the document's own place by a common noun: 园区, 我区, 本市, 片区 …

A plan calls the place it is about (the title's place, ``context.home_place``) 园区 or 我区
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

from ...model import Entity
from ...tables import read_table
from ...textnorm import HAN
from ..rules import load_rules

SELF_MARKED = ("本", "我", "全", "该")
PLACE_VERBS = ("落户", "入驻", "进驻", "位于", "落地", "在", "于", "布局")


@lru_cache(maxsize=1)
def _anaphor_rows() -> tuple[tuple[str, str], ...]:
    return tuple((row[1], row[2]) for row in read_table("relations.tsv") if row[0] == "anaphor" and len(row) >= 3)


@lru_cache(maxsize=256)
def _regex(words: tuple[str, ...]) -> re.Pattern | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def anaphor_words(home: Entity | None) -> tuple[str, ...]:
    """The words that may refer to a place in a document about ``home``: 园区 and the like always
    (the park a sentence has just named, or a platform home), 我区, 本市 … where home's name ends
    so."""
    return _words_for(home.name if home is not None else None)


@lru_cache(maxsize=256)
def _words_for(name: str | None) -> tuple[str, ...]:
    return tuple(
        w
        for w, cond in _anaphor_rows()
        if cond in ("Platform", "kind") or (name is not None and cond != "Region" and name.endswith(cond))
    )


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    return frozenset(w for w, cond in _anaphor_rows() if cond == "kind")


def _cond(word: str) -> str:
    return next((c for w, c in _anaphor_rows() if w == word), "\0")


@lru_cache(maxsize=1)
def _platform_words() -> frozenset[str]:
    return frozenset(w for w, cond in _anaphor_rows() if cond == "Platform")


def find_anaphors(
    text: str, home: Entity | None, named: list, local: Entity | None = None
) -> list[tuple[int, int, Entity]]:
    """(start, end, place) where an anaphor stands for a place, none inside a named mention:
    园区 for the last platform the sentence named before it (else the article's platform ``local``,
    named by its heading, else a platform home), 我区 for home; a word for a kind of place the
    article's platform is (片区 for 雁栖片区, 科学城 for 丝路科学城) stands for that platform.
    ``named`` are the sentence's mentions (start, end, entity)."""
    words = anaphor_words(home)
    if local is not None:
        words = tuple(sorted(set(words) | set(anaphor_words(local))))
    rx = _regex(words)
    if rx is None:
        return []
    breaks = load_rules().words["break"]
    platform_words = _platform_words()
    out = []
    for m in rx.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b, _ in named):
            continue
        if (
            not m.group(0).startswith(SELF_MARKED)
            and s
            and HAN.match(text[s - 1])
            and not any(text[max(0, s - k) : s] in breaks for k in (1, 2, 3, 4))
            and not text.endswith(PLACE_VERBS, 0, s)
        ):
            continue  # 产业园区, 开发区: part of a longer word (落户集聚区 is not)
        target = home
        word = m.group(0)
        if word in _kind_words():  # 集聚区: the 集聚区 just named, or the article's, or home
            before = [ent for a, b, ent in named if b <= s and ent.type == "Platform" and ent.name.endswith(word)]
            target = (
                before[-1]
                if before
                else next(
                    (p for p in (local, home) if p is not None and p.type == "Platform" and p.name.endswith(word)), None
                )
            )
            if target is not None:
                out.append((s, e, target))
            continue
        if m.group(0) in platform_words:
            before = [
                ent
                for a, b, ent in named
                if b <= s and ent.type == "Platform" and (local is None or ent.name.endswith(("园", "园区")))
            ]
            target = (
                before[-1]
                if before
                else local
                if local is not None
                else (home if home is not None and home.type == "Platform" else None)
            )
        elif (
            local is not None
            and m.group(0) in anaphor_words(local)
            and (home is None or m.group(0) not in anaphor_words(home) or local.name.endswith(_cond(m.group(0))))
        ):
            target = local
        if target is not None:
            out.append((s, e, target))
    return out
