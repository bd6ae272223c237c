"""The Chinese name rules' data (patterns/*.tsv), parsed and compiled once per process.

Formats are documented at the top of each file: entity_heads.tsv (head nouns),
words.tsv and quoted.tsv (break, trim, generic … word lists), name_regexes.tsv (the rules' named
regexes), entity_patterns.tsv (whole-name regexes), list_cues.tsv (cues that type the items of a
list), head_forms.tsv (long and short platform heads).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..tables import NAME_REGEXES, QUOTE_KINDS, WORD_KINDS, TableError, read_table, table


@dataclass(frozen=True, slots=True)
class HeadNoun:
    text: str
    type: str
    min_prefix: int = 2
    quoted: bool = False
    oneword: bool = False
    industry: bool = False
    cross: bool = False
    place: bool = False
    named: bool = False
    brand: bool = False
    science: bool = False


@dataclass(frozen=True, slots=True)
class NamePattern:
    type: str
    rule: str
    regex: re.Pattern
    more: re.Pattern | None = None


@dataclass(frozen=True, slots=True)
class ListCue:
    type: str
    side: str  # after | before | inside
    regex: re.Pattern


@dataclass(frozen=True)
class NameRules:
    heads: dict[str, HeadNoun]
    head_regex: re.Pattern  # every head, longest first
    words: dict[str, frozenset[str]]
    trim_regex: re.Pattern  # leading modifiers, repeated
    generic_regex: re.Pattern  # a string made only of generic words
    generic_multi: re.Pattern  # a generic word of two or more characters
    patterns: tuple[NamePattern, ...]
    cues: tuple[ListCue, ...]
    industry_end: re.Pattern  # a name ending with an industry word
    quote_skip: re.Pattern  # quoted labels that are periods or counts, not names
    science_regex: re.Pattern  # a word that makes a facility a science facility
    regexes: dict[str, re.Pattern]  # the named regexes of patterns/name_regexes.tsv
    word_tuples: dict[str, tuple[str, ...]]  # each word list as a tuple (for startswith, endswith)
    head_forms: tuple[tuple[str, str], ...] = ()  # long and short forms of platform heads


def alternation(words) -> str:
    """A regex for any of ``words``, the longest first where several match at one position (what
    ``a|b|…`` sorted longest first would do), written as a trie (产(?:业(?:园|基地)?|区)): Python's
    re tries every branch of a flat alternation in turn, a trie only those the next character allows."""
    trie: dict[str, dict] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group  # (longer words first, then the one ending here)


HEAD_FLAGS = frozenset({"quoted", "oneword", "industry", "cross", "place", "named", "brand", "science"})


def _heads() -> dict[str, HeadNoun]:
    heads = {}
    for row in read_table("entity_heads.tsv"):
        text, type_ = row[0], row[1]
        flags = {f.strip() for f in row.get(2).split(",") if f.strip()}
        unknown = {f for f in flags - HEAD_FLAGS if not re.fullmatch(r"min=\d+", f)}
        if unknown:
            raise row.error(f"unknown flag {', '.join(sorted(unknown))}")
        min_prefix = next((int(f[4:]) for f in flags if f.startswith("min=")), 2)
        heads[text] = HeadNoun(
            text,
            type_,
            min_prefix,
            "quoted" in flags,
            "oneword" in flags,
            "industry" in flags,
            "cross" in flags,
            "place" in flags,
            "named" in flags,
            "brand" in flags,
            "science" in flags,
        )
    return heads


def _plain(heads: dict[str, HeadNoun]) -> set[str]:
    """Heads that are generic words in a name's prefix (brand heads such as 能源, 科技 are not:
    新能源汽车 is a sector, not a category)."""
    return {h for h, head in heads.items() if not head.brand}


def _regexes() -> dict[str, re.Pattern]:
    regexes = {row[0]: row.regex(1) for row in read_table("name_regexes.tsv")}
    missing = set(NAME_REGEXES) - set(regexes)
    if missing:
        raise TableError(f"{table('name_regexes.tsv').path}: no regex named {', '.join(sorted(missing))}")
    return regexes


@lru_cache(maxsize=1)
def load_rules() -> NameRules:
    """The entity rules' data, read and compiled once per process."""
    heads = _heads()
    words: dict[str, set[str]] = {k: set() for k in WORD_KINDS + QUOTE_KINDS}
    for row in read_table("words.tsv") + read_table("quoted.tsv"):
        words[row[0]].add(row[1])
    patterns = []
    for row in read_table("entity_patterns.tsv"):
        more = row.regex(3) if row.get(3) else None
        patterns.append(NamePattern(row[0], row[1], row.regex(2), more))
    cues = tuple(ListCue(row[0], row[1], row.regex(2)) for row in read_table("list_cues.tsv"))
    return NameRules(
        heads=heads,
        head_regex=re.compile(alternation(heads)),
        words={k: frozenset(v) for k, v in words.items()},
        trim_regex=re.compile(f"(?:{alternation(words.get('trim', ()))})+"),
        generic_regex=re.compile(f"^(?:{alternation(words['generic'] | _plain(heads))})+$"),
        generic_multi=re.compile(alternation({w for w in words["generic"] | _plain(heads) if len(w) > 1})),
        patterns=tuple(patterns),
        cues=cues,
        industry_end=re.compile(f"(?:{alternation(words.get('industry', ()))})$"),
        quote_skip=re.compile(r"^(?:十[一二三四五六七八九]五|[\d一二三四五六七八九十]+|[\d.]+%?)$"),
        science_regex=re.compile("|".join(re.escape(w) for w in sorted(words["science"], key=len, reverse=True))),
        regexes=_regexes(),
        word_tuples={k: tuple(sorted(v)) for k, v in words.items()},
        head_forms=tuple(sorted(((r[0], r[1]) for r in read_table("head_forms.tsv")), key=lambda f: -len(f[0]))),
    )
