"""Generated English names for entities without an official one.

A Chinese name is segmented, longest match first, into registry names (rendered by their
official English name), glossary words (heads and modifiers such as 研究院 → Research Institute,
国际 → International) and the proper-name runs between them, which are romanised in Hanyu Pinyin
with pypinyin (将军山数字创新园 → Jiangjunshan Digital Innovation Park). The data lives in
``extract/translation/`` (format in its README); the result is always flagged as generated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from ..hanzi import to_simplified
from ..registry import load_registry
from ..tables import Row, read_table
from ..textnorm import HAN, fold_width

POSITIONS = ("any", "end", "counter")
_NUMBER = re.compile(r"[0-9]+|[零〇一二两三四五六七八九十百千]+")
_ASCII = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-+&]*")
_DASHES = "-‐‑–—－"


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary row: a Chinese word, its English rendering, where it may stand, for which types."""

    zh: str
    en: str
    position: str
    types: tuple[str, ...] | None  # None: every type


@dataclass(frozen=True)
class Glossary:
    terms: dict  # zh -> tuple[Term, ...]
    max_len: int

    def lookup(self, zh: str, type_: str) -> Term | None:
        rows = self.terms.get(zh, ())
        for row in rows:
            if row.types is not None and type_ in row.types:
                return row
        for row in rows:
            if row.types is None:
                return row
        return None


def parse_glossary(rows: Iterable[Row]) -> Glossary:
    """The glossary of the rows of translation/glossary.tsv."""
    terms: dict[str, list[Term]] = {}
    for row in rows:
        zh, position = (row.field("zh") or "").strip(), (row.field("position") or "").strip()
        if not zh or position not in POSITIONS:
            raise row.error(f"need zh and a position in {POSITIONS}, got {row.cells!r}")
        types_cell = (row.field("types") or "*").strip()
        types = None if types_cell == "*" else tuple(t.strip() for t in types_cell.split(",") if t.strip())
        terms.setdefault(zh, []).append(Term(zh, (row.field("en") or "").strip(), position, types))
    return Glossary({k: tuple(v) for k, v in terms.items()}, max(map(len, terms), default=1))


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    """The translation glossary (translation/glossary.tsv), read once per process."""
    return parse_glossary(read_table("glossary.tsv"))


@lru_cache(maxsize=1)
def pinyin_overrides() -> dict[str, tuple[str, ...]]:
    """Place-name readings (translation/pinyin.tsv): Chinese -> pinyin syllables."""
    return {row[0].strip(): tuple(row[1].split()) for row in read_table("pinyin.tsv")}


_REGION_GENERIC = re.compile(r"\s+(District|Province|County|City|Municipality|Prefecture)$")


@dataclass(frozen=True, slots=True)
class _Registered:
    en: str  # the official English name
    short: str  # without a trailing administrative generic (Huangpu District -> Huangpu)
    is_short_form: bool  # the Chinese form is itself the name without its generic (黄埔 for 黄埔区)
    contextual: bool = False  # a short form others share (~科学城): after another name it is theirs


@lru_cache(maxsize=1)
def _registry_names() -> dict[str, _Registered]:
    """Chinese names and aliases of named registry entries -> official English (2+ characters).

    Industries are left out: their names are generic words (集成电路产业) that the glossary covers
    and that would otherwise swallow the head of a longer name (集成电路|产业园).
    """
    out: dict[str, _Registered] = {}
    for entry in load_registry().entries:
        if not entry.name_en or entry.type == "Industry":
            continue
        short = _REGION_GENERIC.sub("", entry.name_en) if entry.type == "Region" else entry.name_en
        for form in (entry.name_zh, *entry.aliases_zh):
            if len(form) >= 2 and HAN.search(form):
                is_short = entry.type == "Region" and form != entry.name_zh and entry.name_zh.startswith(form)
                out.setdefault(form, _Registered(entry.name_en, short, is_short, form in entry.contextual))
    return out


def _syllables(run: str) -> list[str]:
    """Pinyin syllables of a proper-name run, place-name readings first."""
    overrides = pinyin_overrides()
    longest = max(map(len, overrides), default=1)
    out: list[str] = []
    plain = ""
    i = 0
    while i < len(run):
        for size in range(min(longest, len(run) - i), 0, -1):
            reading = overrides.get(run[i : i + size])
            if reading:
                if plain:
                    out += lazy_pinyin(plain, style=Style.NORMAL, v_to_u=True)
                    plain = ""
                out += list(reading)
                i += size
                break
        else:
            plain += run[i]
            i += 1
    if plain:
        out += lazy_pinyin(plain, style=Style.NORMAL, v_to_u=True)
    return out


@lru_cache(maxsize=16384)
def romanise(run: str) -> str:
    """One proper name as one word: 将军山 → Jiangjunshan, 西安 → Xi'an (pinyin orthography)."""
    parts = []
    for n, syl in enumerate(_syllables(run)):
        parts.append(("'" if n and syl[:1] in "aoe" else "") + syl)
    word = "".join(parts)
    return word[:1].upper() + word[1:]


def _number(text: str) -> str:
    if text.isdigit():
        return str(int(text))
    import cn2an

    try:
        return str(cn2an.cn2an(text, "smart"))
    except ValueError:
        return text


def _counter_after(name: str, at: int, type_: str) -> Term | None:
    for size in (2, 1):
        term = glossary().lookup(name[at : at + size], type_)
        if term and term.position == "counter":
            return term
    return None


def _tokens(name: str, type_: str) -> list[tuple[str, str]]:
    """(kind, English) pieces in reading order; kind is word, name or counter."""
    gl, reg = glossary(), _registry_names()
    longest = _longest()
    starts = _two_char_starts()
    out: list[tuple[str, str]] = []
    run = ""

    def flush():
        nonlocal run
        if run:
            out.append(("name", romanise(run)))
            run = ""

    def multi_at(i: int) -> tuple[int, str, _Registered | None] | None:
        if name[i : i + 2] not in starts:
            return None  # no registry name or glossary term starts here
        for size in range(min(longest, len(name) - i), 1, -1):
            piece = name[i : i + size]
            if piece in reg and not (reg[piece].contextual and HAN.search(name, 0, i)):
                return size, reg[piece].en, reg[piece]  # 黄埔科学城 is not Guangzhou Science City
            term = gl.lookup(piece, type_)
            if term and term.position == "any":
                return size, term.en, None
        return None

    i = 0
    while i < len(name):
        m = _NUMBER.match(name, i)
        counter = _counter_after(name, m.end(), type_) if m else None
        if counter and m:
            flush()
            out.append(("counter", f"{counter.en} {_number(m.group())}"))
            i = m.end() + len(counter.zh)
            continue
        m = _ASCII.match(name, i)
        if m:
            flush()
            out.append(("word", m.group()))
            i = m.end()
            continue
        hit = multi_at(i)
        if hit:
            flush()
            size, en, registered = hit
            if registered and registered.short != registered.en:
                # a region named as a modifier goes without its generic: 黄埔片区 -> Huangpu Area
                last = i + size == len(name)
                en = registered.en if last and not registered.is_short_form else registered.short
            out.append(("word", en))
            i += size
            continue
        term = gl.lookup(name[i], type_)
        if term and term.position == "any":
            flush()
            out.append(("word", term.en))
            i += 1
            continue
        if term and term.position == "end":
            at_boundary = i == len(name) - 1 or multi_at(i + 1) is not None
            after_name = len(run) >= 2 or (not run and out and out[-1][0] in ("word", "name"))
            if at_boundary and after_name:
                flush()
                out.append(("word", term.en))
                i += 1
                continue
        if HAN.match(name[i]):
            run += name[i]
        else:
            flush()  # punctuation separates words; a dash between two places stays a dash
            if name[i] in _DASHES and out and out[-1][1] != "-":
                out.append(("word", "-"))
        i += 1
    flush()
    return out


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(glossary().max_len, max(map(len, _registry_names()), default=1))


@lru_cache(maxsize=1)
def _two_char_starts() -> frozenset[str]:
    """The first two characters of every registry name and multi-character glossary term."""
    return frozenset(k[:2] for k in (*_registry_names(), *glossary().terms) if len(k) >= 2)


def english_name(zh_name: str, type_: str) -> str:
    """A compositional English name for a Chinese entity name (generated, not official)."""
    return composed_name(zh_name, type_)[0]


def composed_name(zh_name: str, type_: str) -> tuple[str, bool]:
    """The compositional English name, and whether part of it was left to pinyin (no glossary or
    registry word). Traditional characters are read as simplified (the glossary and registry are)."""
    name = fold_width(to_simplified(zh_name)).strip()
    words: list[str] = []
    romanised = False
    for kind, en in _tokens(name, type_):
        romanised = romanised or kind == "name"
        if en and words and (en + " ").startswith(words[-1] + " "):
            words.pop()  # 武汉 + 光谷: "Wuhan" already opens "Wuhan East Lake High-tech …"
        elif en and words and " " in en and words[-1].rsplit(" ", 1)[-1] == en.split(" ", 1)[0]:
            en = en.split(" ", 1)[1]  # 新能源汽车 + 整车: "… Vehicle" + "Vehicle Assembly"
        if en:
            words.append(en)
    text = re.sub(r"\s+", " ", " ".join(words)).strip(" -")
    return (text or romanise(name) or zh_name), romanised


@lru_cache(maxsize=1)
def _units() -> dict[str, str]:
    return {row[0].strip(): row[1].strip() for row in read_table("units.tsv")}


def unit_english(unit: str) -> str:
    """English rendering of an indicator unit as written (亿元 → × 100 million yuan); unknown units stay."""
    return _units().get(unit.strip(), unit)
