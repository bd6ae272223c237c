"""Places the registry does not hold: a capitalised pinyin word (Danzhou, Qionghai) after a
locative cue (“located in”, “in the north of”, ``patterns/en_place_cues.tsv``), listed with
places already found (“Haikou, Sanya and Wenchang”) or in a list of three or more pinyin words
(“Mianyang, Yibin and Wanzhou”) is a Region."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Mention, Sentence
from ..tables import read_table
from .pinyin import is_pinyin_name

_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:['’][a-z]+)?(?![\w'’-])")
_LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+)?|\s+and\s+|\s*、\s*)$")


@lru_cache(maxsize=1)
def place_cues() -> tuple[re.Pattern, ...]:
    """Locative cues (patterns/en_place_cues.tsv) matched against the text before a word."""
    return tuple(row.regex(0, re.IGNORECASE) for row in read_table("en_place_cues.tsv"))


def pinyin_places(sent: Sentence, taken: list[Mention], make) -> list[Mention]:
    """Region mentions for pinyin words the other rules left alone. ``make(s, e, name)`` builds a
    mention from sentence offsets."""
    text = sent.text
    spans = [(m.start - sent.start, m.end - sent.start) for m in taken]
    regions = [(m.start - sent.start, m.end - sent.start) for m in taken if m.type == "Region"]
    words = []
    for w in _WORD.finditer(text):
        s, e = w.start(), w.end()
        if any(a < e and s < b for a, b in spans) or not is_pinyin_name(w.group()):
            continue
        if _next_is_name(text, e) or _prev_is_name(text, s):
            continue  # part of a longer name (“Huagong Tech”)
        words.append((s, e))
    found: list[tuple[int, int]] = []
    for s, e in words:
        if any(rx.search(text[max(0, s - 60) : s]) for rx in place_cues()):
            found.append((s, e))
    group: list[tuple[int, int]] = []  # three or more pinyin words listed together are places
    for word in [*words, None]:
        if word is not None and group and _LIST_GAP.match(text[group[-1][1] : word[0]]):
            group.append(word)
            continue
        if len(group) >= 3:
            found += [g for g in group if g not in found]
        group = [word] if word is not None else []
    changed = True
    while changed:  # “Haikou, Sanya and Wenchang”: listed with places
        changed = False
        known = regions + found
        for s, e in words:
            if (s, e) in found:
                continue
            if any(_LIST_GAP.match(text[b:s]) for a, b in known if b <= s) or any(
                _LIST_GAP.match(text[e:a]) for a, b in known if a >= e
            ):
                found.append((s, e))
                changed = True
    return [make(s, e, text[s:e]) for s, e in sorted(found)]


def _next_is_name(text: str, e: int) -> bool:
    return bool(re.match(r"[\s-]+[A-Z0-9]", text[e : e + 3]))


def _prev_is_name(text: str, s: int) -> bool:
    return bool(re.search(r"[A-Za-z0-9][\s-]+$", text[max(0, s - 3) : s])) and bool(
        re.search(r"(?:^|\s)[A-Z][\w'’]*[\s-]+$", text[max(0, s - 40) : s])
    )
