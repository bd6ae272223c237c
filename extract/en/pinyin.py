"""Is a capitalised English word a Chinese place name written in pinyin (Danzhou, Qionghai, Xi'an)?

Official translations write Chinese places in Hanyu Pinyin without tones. A word that splits into
pinyin syllables, with a vowel-initial syllable only at the start or after an apostrophe (the
pinyin spelling rule: Xi'an, not Xian = xian), is very likely a Chinese name; English words
rarely split that way (“Area” = a-re-a breaks the apostrophe rule, “International” does not split).
The syllables come from pypinyin's character readings, not from a hand-written list.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

VOWELS = frozenset("aoe")


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows (with a vowel), lower case."""
    from pypinyin.pinyin_dict import pinyin_dict

    out = set()
    for readings in pinyin_dict.values():
        for r in readings.split(","):
            plain = "".join(c for c in unicodedata.normalize("NFD", r) if not unicodedata.combining(c))
            if plain.isascii() and plain.isalpha() and any(v in plain for v in "aeiouv"):
                out.add(plain.lower())  # drops the syllabic consonants m, n, ng, hm
    return frozenset(out)


@lru_cache(maxsize=4096)
def pinyin_syllable_count(word: str) -> int:
    """How many pinyin syllables ``word`` splits into (0: it does not split)."""
    parts = word.lower().replace("’", "'").split("'")
    total = 0
    for part in parts:
        n = _split(part)
        if not n:
            return 0
        total += n
    return total


def _split(s: str) -> int:
    """Fewest syllables ``s`` splits into, where no syllable after the first starts with a vowel."""
    if not s or not s.isalpha() or not s.isascii():
        return 0
    syl = syllables()
    best = [0] + [-1] * len(s)  # best[i]: syllables covering s[:i]
    for i in range(len(s)):
        if best[i] < 0:
            continue
        for j in range(i + 1, min(len(s), i + 6) + 1):
            piece = s[i:j]
            if piece in syl and (i == 0 or piece[0] not in VOWELS):
                if best[j] < 0 or best[i] + 1 < best[j]:
                    best[j] = best[i] + 1
    return max(best[len(s)], 0)


def is_pinyin_name(word: str, min_syllables: int = 2) -> bool:
    """A capitalised word of at least ``min_syllables`` pinyin syllables (Danzhou, Xi'an)."""
    return word[:1].isupper() and pinyin_syllable_count(word) >= min_syllables
