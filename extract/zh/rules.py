"""The entity rules' data (patterns/*.tsv), parsed and compiled once per process.

Formats are documented at the top of each file: entity_heads.tsv (head nouns),
words.tsv (break, trim, generic … word lists), entity_patterns.tsv (whole-name regexes),
list_cues.tsv (cues that type the items of a list), head_forms.tsv (long and short platform heads).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import ENTITY_TYPES


@dataclass(frozen=True, slots=True)
class Head:
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
    side: str            # after | before | inside
    regex: re.Pattern


@dataclass(frozen=True)
class Rules:
    heads: dict[str, Head]
    head_regex: re.Pattern          # every head, longest first
    words: dict[str, frozenset[str]]
    trim_regex: re.Pattern          # leading modifiers, repeated
    generic_regex: re.Pattern       # a string made only of generic words
    generic_multi: re.Pattern       # a generic word of two or more characters
    patterns: tuple[NamePattern, ...]
    cues: tuple[ListCue, ...]
    industry_end: re.Pattern        # a name ending with an industry word
    quote_skip: re.Pattern          # quoted labels that are periods or counts, not names
    science_regex: re.Pattern       # a word that makes a facility a science facility
    head_forms: tuple[tuple[str, str], ...] = ()   # long and short forms of platform heads


def _rows(name: str) -> list[list[str]]:
    text = resources.files("extract.patterns").joinpath(name).read_text("utf-8")
    rows = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _alternation(words) -> str:
    """A regex for any of ``words``, the longest first where several match at one position (what
    ``a|b|…`` sorted longest first would do), written as a trie (产(?:业(?:园|基地)?|区)): Python's
    re tries every branch of a flat alternation in turn, a trie only those the next character allows."""
    trie: dict[str, dict] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}                               # a word ends here
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group     # (longer words first, then the one ending here)


def _heads() -> dict[str, Head]:
    heads = {}
    for row in _rows("entity_heads.tsv"):
        text, type_ = row[0], row[1]
        if type_ not in ENTITY_TYPES:
            raise ValueError(f"entity_heads.tsv: {text}: unknown type {type_!r}")
        flags = {f.strip() for f in (row[2] if len(row) > 2 else "").split(",") if f.strip()}
        min_prefix = next((int(f[4:]) for f in flags if f.startswith("min=")), 2)
        heads[text] = Head(text, type_, min_prefix, "quoted" in flags, "oneword" in flags, "industry" in flags,
                           "cross" in flags, "place" in flags, "named" in flags, "brand" in flags,
                           "science" in flags)
    return heads


def _plain(heads: dict[str, Head]) -> set[str]:
    """Heads that are generic words in a name's prefix (brand heads such as 能源, 科技 are not:
    新能源汽车 is a sector, not a category)."""
    return {h for h, head in heads.items() if not head.brand}


KINDS = ("break", "joiner", "trim", "generic", "category", "quantity", "keep", "abbrev", "organ",
         "industry", "nominal", "lead", "designation", "place", "not_a_name", "quote_after", "quote_before",
         "ranking", "umbrella", "science")


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    heads = _heads()
    words: dict[str, set[str]] = {k: set() for k in KINDS}
    for kind, word in (r[:2] for r in _rows("words.tsv") + _rows("quoted.tsv")):
        if kind not in words:
            raise ValueError(f"words.tsv/quoted.tsv: unknown kind {kind!r}")
        words[kind].add(word)
    patterns = []
    for row in _rows("entity_patterns.tsv"):
        type_, rule, rx = row[0], row[1], row[2]
        more = re.compile(row[3]) if len(row) > 3 and row[3] else None
        patterns.append(NamePattern(type_, rule, re.compile(rx), more))
    cues = tuple(ListCue(r[0], r[1], re.compile(r[2])) for r in _rows("list_cues.tsv"))
    for cue in cues:
        if cue.side not in ("after", "before", "inside"):
            raise ValueError(f"list_cues.tsv: unknown side {cue.side!r}")
    return Rules(
        heads=heads,
        head_regex=re.compile(_alternation(heads)),
        words={k: frozenset(v) for k, v in words.items()},
        trim_regex=re.compile(f"(?:{_alternation(words.get('trim', ()))})+"),
        generic_regex=re.compile(f"^(?:{_alternation(words['generic'] | _plain(heads))})+$"),
        generic_multi=re.compile(_alternation({w for w in words["generic"] | _plain(heads) if len(w) > 1})),
        patterns=tuple(patterns),
        cues=cues,
        industry_end=re.compile(f"(?:{_alternation(words.get('industry', ()))})$"),
        quote_skip=re.compile(r"^(?:十[一二三四五六七八九]五|[\d一二三四五六七八九十]+|[\d.]+%?)$"),
        science_regex=re.compile("|".join(re.escape(w) for w in sorted(words["science"], key=len, reverse=True))),
        head_forms=tuple(sorted(((r[0], r[1]) for r in _rows("head_forms.tsv")), key=lambda f: -len(f[0]))),
    )
