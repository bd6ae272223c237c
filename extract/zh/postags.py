"""Part-of-speech tags of dictionary words, read from jieba's own dictionary file.

jieba.posseg would tag every sentence with an HMM (five times slower than cutting); the rules
only ask "is this token a verb, preposition, adverb …?", which the dictionary's tag column
answers for the words jieba cut. Loaded once per process.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import jieba

# Tags that end a name when walking left from its head (prepositions, conjunctions, particles,
# pronouns, adverbs …), and tags stripped from a name's start (verbs, numerals, localisers …):
# jieba's verb tags are too loose to stop at (知识 is tagged v) but a name rarely starts with one.
# words.tsv's keep list overrides both.
BREAK_TAGS = frozenset({"p", "c", "u", "r", "d", "y", "e", "o"})
LEAD_TAGS = frozenset({"v", "m", "q", "f", "z", "a"})


# place (ns), organisation (nt), abbreviation (j), person-like (nr, nrt, nrfg) and other proper (nz)
# names: a word so tagged gives a name its place or brand
PROPER_TAGS = frozenset({"ns", "nt", "j", "nr", "nrt", "nrfg", "nz"})


@lru_cache(maxsize=1)
def proper_tags() -> dict[str, str]:
    """Words jieba's dictionary tags as place or proper names (黄埔 ns, 中新 ns, 翔安 nz)."""
    return _load()[1]


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """Words with a break or lead tag (see BREAK_TAGS, LEAD_TAGS)."""
    return _load()[0]


def _cache_path(path: Path) -> Path:
    st = path.stat()
    key = f"{st.st_size}-{int(st.st_mtime)}-{'.'.join(sorted(BREAK_TAGS | LEAD_TAGS | PROPER_TAGS))}"
    return Path(tempfile.gettempdir()) / f"policykg-jieba-tags-{hashlib.md5(key.encode()).hexdigest()[:12]}.cache"


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, str], dict[str, str]]:
    """Read once from jieba's dictionary, then from a marshal cache (as jieba caches its own)."""
    path = Path(jieba.__file__).with_name("dict.txt")
    cache = _cache_path(path)
    try:
        with cache.open("rb") as f:
            return marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    tags, proper = _read(path)
    try:
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            marshal.dump((tags, proper), f)
        tmp.replace(cache)
    except OSError:
        pass  # no writable temp folder: read the file each time
    return tags, proper


def _read(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    tags: dict[str, str] = {}
    proper: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            word, _, tag = line.rstrip("\n").rpartition(" ")
            if tag in BREAK_TAGS or tag in LEAD_TAGS:
                tags[word.partition(" ")[0]] = tag
            elif tag in PROPER_TAGS:
                proper[word.partition(" ")[0]] = tag
    return tags, proper
