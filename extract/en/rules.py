"""The English rule data, loaded once: name heads, stop words, non-names and sector terms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..tables import read_table
from .segment import en_pipeline


@dataclass(frozen=True, slots=True)
class HeadPhrase:
    type: str
    words: tuple[str, ...]  # lower-case tokens of the head phrase
    extends: str  # "of" | "num" | "-"


@dataclass(frozen=True, slots=True)
class Term:
    type: str
    name_en: str
    name_zh: str
    forms: tuple[str, ...]  # name_en and its aliases


@lru_cache(maxsize=1)
def heads() -> tuple[HeadPhrase, ...]:
    """English name heads (en_heads.tsv) as lower-case token tuples, longest first."""
    tokenizer = en_pipeline().tokenizer
    out = []
    for row in read_table("en_heads.tsv"):
        type_, phrase, extends = row.cells
        out.append(HeadPhrase(type_, tuple(t.lower_ for t in tokenizer(phrase)), extends))
    return tuple(sorted(out, key=lambda h: -len(h.words)))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words stripped from the left end of a name wherever they stand (and those marked ^)."""
    return frozenset(row[0].strip().lstrip("^").lower() for row in read_table("en_name_stopwords.txt"))


@lru_cache(maxsize=1)
def initial_stopwords() -> frozenset[str]:
    """Words (marked ^) stripped only where they begin the sentence."""
    return frozenset(
        row[0].strip()[1:].lower() for row in read_table("en_name_stopwords.txt") if row[0].startswith("^")
    )


@lru_cache(maxsize=1)
def not_names() -> tuple[re.Pattern, ...]:
    """Regexes of spans that look like names but are not entities."""
    return tuple(row.regex(0, re.IGNORECASE) for row in read_table("en_not_names.tsv"))


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    """English sector terms with the Chinese names they resolve to (en_terms.tsv)."""
    out = []
    for row in read_table("en_terms.tsv"):
        type_, name_en, name_zh, aliases = row[0], row[1], row[2], row.get(3)
        forms = (name_en, *(a.strip() for a in aliases.split("|") if a.strip()))
        out.append(Term(type_, name_en, name_zh, forms))
    return tuple(out)


@lru_cache(maxsize=1)
def list_cues() -> tuple[tuple[str, re.Pattern], ...]:
    """(type, regex) of the cues that type the capitalised items of a list (en_list_cues.tsv)."""
    out = []
    for row in read_table("en_list_cues.tsv"):
        type_, rx = row.cells
        out.append((type_, re.compile(rx + r",?\s+(?:such as|including|like|led by)\s+", re.IGNORECASE)))
    return tuple(out)
