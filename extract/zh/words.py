"""What the Chinese name rules know about a word: whether a name stops before it (a break word,
punctuation, a quantity, a word jieba's dictionary tags as a function word), whether it is
generic, a proper name jieba tags or does not know, or one of the rules' own words; and the
clause around a position. Word lists live in patterns/words.tsv (``extract/zh/rules.py``)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..textnorm import HAN_ONLY
from .postags import BREAK_TAGS, proper_tags, word_tags
from .rules import NameRules, load_rules
from .segment import dictionary_freq

PUNCT = re.compile(r"^[\s,,。;;::!!??、“”‘’\"'()()《》〈〉「」『』\[\]【】—\-–…·・/|]+$")
CLAUSE_BREAK = ",,;;。::!!??"
CLAUSE_RE = re.compile("[" + re.escape(CLAUSE_BREAK) + "]")
CLAUSE_OR_QUOTE_RE = re.compile("[" + re.escape(CLAUSE_BREAK + "“”()()") + "]")
NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
BRAND_TAGS = ("nr", "nz", "nt", "nrt", "nrfg")


@lru_cache(maxsize=65536)
def _glued_cached(word: str) -> bool:
    return is_glued(word, load_rules())


def is_glued(word: str, rules: NameRules) -> bool:
    """全面落实, 深入开展: a break word jieba glued to a modifier."""
    if len(word) <= 2:
        return False
    ok = rules.words["keep"] | rules.words["nominal"]
    return (word[-2:] in rules.words["break"] and word[-2:] not in ok) or (
        word[:2] in rules.words["break"] and word[:2] not in ok
    )


def breaks(word: str, rules: NameRules, verbs: bool = False) -> bool:
    """Does a name stop before this word? (``verbs``: verbs jieba tags v stop it too)"""
    if rules is load_rules():
        return _breaks_cached(word, verbs)
    return _breaks_uncached(word, rules, verbs)


@lru_cache(maxsize=131072)
def _breaks_cached(word: str, verbs: bool) -> bool:
    return _breaks_uncached(word, load_rules(), verbs)


def _breaks_uncached(word: str, rules: NameRules, verbs: bool) -> bool:
    if word in rules.words["keep"]:
        return False
    if is_glued(word, rules) or ("及" in word and word != "及"):
        return True  # 园及: jieba glued a head to 及
    tag = word_tags().get(word)
    return (
        word in rules.words["break"]
        or PUNCT.match(word) is not None
        or rules.regexes["quantity"].match(word) is not None
        or tag in BREAK_TAGS
        or (verbs and tag == "v")
    )


def heads_ending(tail: str) -> list[str]:
    """Head nouns that end ``tail``."""
    heads = load_rules().heads
    return [tail[i:] for i in range(len(tail) - 1) if tail[i:] in heads]


def is_generic(prefix: str, rules: NameRules) -> bool:
    """Only generic words (省高水平, 国家实验室); one-character generic words alone do not make a
    longer string generic (北新, 大新 are names)."""
    bare = prefix.replace("“", "").replace("”", "")
    if not bare:
        return True
    if rules.generic_regex.match(bare) is None:
        return False
    return len(bare) == 1 or rules.generic_multi.search(bare) is not None


@lru_cache(maxsize=65536)
def is_rare_name(word: str) -> bool:
    """A name's first word that jieba's dictionary does not know (海岳, 云湖: jieba's HMM joined
    it) is a local place or brand name, unless it holds a one-character break word (以省) or is
    one of the rules' words."""
    if not (2 <= len(word) <= 4 and HAN_ONLY.match(word)) or dictionary_freq().get(word, 0) > 0:
        return False
    if any(ch in load_rules().words["break"] for ch in word):
        return False
    return not is_rule_word(word)


def in_dictionary(word: str) -> bool:
    """Does jieba's dictionary know the word?"""
    return dictionary_freq().get(word, 0) > 0


def is_rare_in_dictionary(word: str) -> bool:
    """A word of two or more characters jieba's dictionary barely knows (安踏 7): jieba's tag for
    it says little, so it is not trimmed as a verb."""
    return len(word) > 1 and dictionary_freq().get(word, 0) < 50


def is_name_word(word: str) -> bool:
    """A word jieba's dictionary tags as a proper name (吴江 nr, 翔安 nz) or does not know (盛泽),
    and that the rules do not know as vocabulary."""
    return is_rare_name(word) or (proper_tags().get(word) in BRAND_TAGS and not is_rule_word(word))


def is_rule_word(word: str) -> bool:
    """A word the rules know as vocabulary (generic, break, keep, trim … words): never a name."""
    w = load_rules().words
    return any(word in w[k] for k in ("generic", "break", "keep", "nominal", "industry", "trim", "lead"))


def after_last(text: str, pos: int, regex: re.Pattern) -> int:
    """Just after the last match of ``regex`` before ``pos`` (0 when none)."""
    m = regex.search(text[:pos][::-1])
    return pos - m.start() if m else 0


def start_of_clause(text: str, pos: int) -> int:
    """Where the clause (or quoted or bracketed part) holding ``pos`` starts."""
    return after_last(text, pos, CLAUSE_OR_QUOTE_RE)


def end_of_clause(text: str, pos: int) -> int:
    """Where the clause (or quoted or bracketed part) holding ``pos`` ends."""
    ends = [i for i in (text.find(c, pos) for c in CLAUSE_BREAK + "“”()()") if i >= 0]
    return min(ends, default=len(text))
