"""Part-of-speech tags of dictionary words, read from jieba's own dictionary file.

jieba.posseg would tag every sentence with an HMM (five times slower than cutting); the rules
only ask "is this token a verb, preposition, adverb …?", which the dictionary's tag column
answers for the words jieba cut. Loaded once per process.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jieba

# Tags that end a name when walking left from its head (prepositions, conjunctions, particles,
# pronouns, adverbs …), and tags stripped from a name's start (verbs, numerals, localisers …):
# jieba's verb tags are too loose to stop at (知识 is tagged v) but a name rarely starts with one.
# words.tsv's keep list overrides both.
BREAK_TAGS = frozenset({"p", "c", "u", "r", "d", "y", "e", "o"})
LEAD_TAGS = frozenset({"v", "m", "q", "f", "i", "z", "a", "l"})


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    path = Path(jieba.__file__).with_name("dict.txt")
    tags: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            word, _, tag = line.rstrip("\n").rpartition(" ")
            if tag in BREAK_TAGS or tag in LEAD_TAGS:
                tags[word.partition(" ")[0]] = tag
    return tags
