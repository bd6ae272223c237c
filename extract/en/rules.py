"""The English rule data, loaded once: name heads, stop words, non-names and sector terms."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import ENTITY_TYPES
from .segment import en_pipeline


def _lines(name: str) -> list[str]:
    text = resources.files("extract.patterns").joinpath(name).read_text("utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True, slots=True)
class Head:
    type: str
    words: tuple[str, ...]     # lower-case tokens of the head phrase
    extends: str               # "of" | "num" | "-"


@dataclass(frozen=True, slots=True)
class Term:
    type: str
    name_en: str
    name_zh: str
    forms: tuple[str, ...]     # name_en and its aliases


@lru_cache(maxsize=1)
def heads() -> tuple[Head, ...]:
    tokenizer = en_pipeline().tokenizer
    out = []
    for line in _lines("en_heads.tsv"):
        type_, phrase, extends = line.split("\t")
        if type_ not in ENTITY_TYPES:
            raise ValueError(f"en_heads.tsv: unknown type {type_!r}")
        out.append(Head(type_, tuple(t.lower_ for t in tokenizer(phrase)), extends))
    return tuple(sorted(out, key=lambda h: -len(h.words)))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words stripped from the left end of a name wherever they stand (and those marked ^)."""
    return frozenset(ln.strip().lstrip("^").lower() for ln in _lines("en_name_stopwords.txt"))


@lru_cache(maxsize=1)
def initial_stopwords() -> frozenset[str]:
    """Words (marked ^) stripped only where they begin the sentence."""
    return frozenset(ln.strip()[1:].lower() for ln in _lines("en_name_stopwords.txt") if ln.startswith("^"))


@lru_cache(maxsize=1)
def not_names() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(ln, re.IGNORECASE) for ln in _lines("en_not_names.tsv"))


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    out = []
    for line in _lines("en_terms.tsv"):
        cells = line.split("\t") + [""]
        type_, name_en, name_zh, aliases = cells[:4]
        if type_ not in ENTITY_TYPES:
            raise ValueError(f"en_terms.tsv: unknown type {type_!r}")
        forms = (name_en, *(a.strip() for a in aliases.split("|") if a.strip()))
        out.append(Term(type_, name_en, name_zh, forms))
    return tuple(out)


@lru_cache(maxsize=1)
def list_cues() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for line in _lines("en_list_cues.tsv"):
        type_, rx = line.split("\t", 1)
        if type_ not in ENTITY_TYPES:
            raise ValueError(f"en_list_cues.tsv: unknown type {type_!r}")
        out.append((type_, re.compile(rx + r",?\s+(?:such as|including|like|led by)\s+", re.IGNORECASE)))
    return tuple(out)
