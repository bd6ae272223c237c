"""Sectors written as lists: “focus on developing shipping services, petrochemicals and new
materials”, “the optical communication and laser industries”.

A list after a development cue counts when one of its items is already a known industry (a
registry industry or a sector term) or ends with a sector noun (“deep-sea technology”, “health
services”): that item vouches that the list is a list of sectors, and the items beside it are
sectors too. A list right before “industries”/“sectors” needs no voucher.
Items are lower-case noun phrases (“traditional Chinese medicine” keeps its adjective); umbrellas
made only of generic words (“strategic emerging industries”) are not sectors. Cue and word lists
live in ``patterns/en_sectors.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Mention, Sentence
from ..tables import read_table

_SEP = re.compile(r",\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+|\s*;\s*")
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_TRAIL = re.compile(r"\s+(?:in|at|across|within|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$")


@dataclass(frozen=True)
class SectorRules:
    cues: tuple[re.Pattern, ...]
    head: re.Pattern
    generic: frozenset[str]
    stop: frozenset[str]
    sector_heads: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def sector_rules() -> SectorRules:
    """The sector-list cues and words of patterns/en_sectors.tsv, compiled once per process."""
    cues, heads, generic, stop, sector_heads = [], [], set(), set(), set()
    for row in read_table("en_sectors.tsv"):
        kind, value = row.cells
        if kind == "cue":
            cues.append(re.compile(value + "$", re.IGNORECASE))
        elif kind == "head":
            heads.append(value)
        elif kind == "generic":
            generic.add(value.lower())
        elif kind == "stop":
            stop.add(value.lower())
        elif kind == "sector_head":
            sector_heads.add(value.lower())
    return SectorRules(
        tuple(cues),
        re.compile("|".join(heads), re.IGNORECASE),
        frozenset(generic),
        frozenset(stop),
        frozenset(sector_heads),
    )


@dataclass(frozen=True)
class Item:
    start: int  # offsets in the sentence
    end: int
    vouched: bool  # an industry mention lies inside it


def sector_items(sent: Sentence, known: list[Mention]) -> list[tuple[int, int]]:
    """Spans (sentence offsets) of sector names written in lists, known industries included."""
    text = sent.text
    r = sector_rules()
    industries = [(m.start - sent.start, m.end - sent.start) for m in known if m.type == "Industry"]
    others = [(m.start - sent.start, m.end - sent.start) for m in known if m.type != "Industry"]
    out: list[tuple[int, int]] = []
    for m in r.head.finditer(text):
        if m.start() == 0:
            continue
        items = _backward_list(text, m.start(), industries, r)
        if len(items) == 1 and not m.group(0).rstrip().endswith("s"):
            items = [Item(items[0].start, m.end(), items[0].vouched)]  # “the seed industry”
        out += [(i.start, i.end) for i in items]
    vouching = sorted(set(industries) | set(out))  # a sector named before “industry” vouches too
    for pos in cue_ends(text, r):
        items = _forward_list(text, pos, vouching, r)
        if any(i.vouched for i in items):
            out += [(i.start, i.end) for i in items]
    return sorted({s for s in out if not any(a < s[1] and s[0] < b for a, b in others)})


def cue_ends(text: str, r: SectorRules):
    """Offsets where a cue ends: a word boundary whose preceding text ends with a cue."""
    ends = set()
    for w in re.finditer(r"(?<=\s)(?=\S)", text):
        before = text[max(0, w.start() - 60) : w.start()]
        if any(rx.search(before) for rx in r.cues):
            ends.add(w.start())
    return sorted(ends)


def _protected(text: str, spans) -> str:
    """The text with separators inside known names masked (“cell and gene therapy” stays whole)."""
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if chars[i] in ",;" or text[i].isspace():
                chars[i] = "\x00" if chars[i] in ",;" else "\x01"
    return "".join(chars)


def _forward_list(text: str, pos: int, industries, r: SectorRules) -> list[Item]:
    masked = _protected(text, industries)
    end = _clause_end(masked, pos)
    seps = [s for s in _SEP.finditer(masked, pos, end) if not _shared_head(text, pos, s, end, industries)]
    items, start = [], pos
    for sep in seps + [None]:
        stop = sep.start() if sep else end
        item = _item(text, start, stop, industries, r)
        if item is None:
            break
        items.append(item)
        if sep is None:
            break
        start = sep.end()
    return items


def _shared_head(text: str, pos: int, sep: re.Match, end: int, industries) -> bool:
    """“oil and gas processing”: a lone singular word joined by “and” to a two-word phrase shares
    its head, so the “and” does not separate two items (unless the word is a sector on its own;
    “petrochemicals and new materials” are two)."""
    if "and" not in sep.group(0) or "," in sep.group(0):
        return False
    left = text[max(pos, text.rfind(",", pos, sep.start()) + 1) : sep.start()].split()
    nxt = _SEP.search(text, sep.end(), end)
    right = text[sep.end() : nxt.start() if nxt else end].split()
    lone = sep.start() - len(left[-1]) if left else sep.start()
    return (
        len(left) == 1
        and len(right) == 2
        and not left[0].endswith("s")
        and not any(a <= lone < b for a, b in industries)
    )


def _backward_list(text: str, head_start: int, industries, r: SectorRules) -> list[Item]:
    masked = _protected(text, industries)
    begin = _clause_start(masked, head_start)
    bounds, start = [], begin
    for sep in _SEP.finditer(masked, begin, head_start):
        bounds.append((start, sep.start()))
        start = sep.end()
    bounds.append((start, head_start))
    items: list[Item] = []
    for s, e in reversed(bounds):
        s2 = _last_phrase_start(text, s, e, r)  # “will lead the optical communication”
        item = _item(text, s2, e, industries, r, trailing=False)
        if item is None:
            break
        items.insert(0, item)
        if s2 > s:
            break  # the phrase began inside this part
    return items


def _last_phrase_start(text: str, s: int, e: int, r: SectorRules) -> int:
    """Start of the noun phrase ending at ``e``: after the segment's last stop word or cue."""
    start = s
    for w in _WORD.finditer(text, s, e):
        if w.group().lower() in r.stop or _is_cue_word(text, w.end(), r):
            start = w.end()
    while start < e and text[start].isspace():
        start += 1
    return start


def _is_cue_word(text: str, end: int, r: SectorRules) -> bool:
    return any(rx.search(text[max(0, end - 60) : end] + " ") for rx in r.cues)


def _clause_end(masked: str, pos: int) -> int:
    m = re.compile(r"[.;:()!?]|,\s*(?:and\s+)?(?:which|while|with|so as|in order|by|to)\b").search(masked, pos)
    return m.start() if m else len(masked)


def _clause_start(masked: str, pos: int) -> int:
    hits = [m.end() for m in re.finditer(r"[.;:()!?]", masked[:pos])]
    return hits[-1] if hits else 0


def _item(text: str, s: int, e: int, industries, r: SectorRules, trailing: bool = True) -> Item | None:
    phrase = text[s:e]
    lead = len(phrase) - len(phrase.lstrip())
    s += lead
    phrase = phrase.strip()
    if trailing:
        t = _TRAIL.search(phrase)  # “technology services in Qianhai”
        if t:
            phrase = phrase[: t.start()]
    phrase = re.sub(r"\s+(?:respectively|each|alike)$", "", phrase)
    m = re.match(r"(?:the|a|an)\s+", phrase, re.IGNORECASE)
    if m:
        s += m.end()
        phrase = phrase[m.end() :]
    e = s + len(phrase)
    words = _WORD.findall(phrase)
    if not words or len(words) > 5 or not phrase[:1].islower() and not phrase[:1].isdigit():
        return None
    if _is_cue_word(text, s + len(words[0]), r):
        return None  # “…, and cultivate …”: the next list begins
    if _WORD.sub("", phrase).strip(" -\x00\x01"):
        return None  # punctuation inside: not a plain noun phrase
    inside = [(a, b) for a, b in industries if s <= a and b <= e]
    lowered = [w.lower() for w in words]
    if not inside:
        if any(w in r.stop for w in lowered) or all(w in r.generic for w in lowered):
            return None
        if len(lowered) == 1 and lowered[0].endswith("ed") and not lowered[0].endswith("eed") and len(lowered[0]) > 5:
            return None  # “encouraged industries”: a qualifier
        if any(c.isdigit() for c in phrase) or any(w[:1].isupper() for w in words[:1]):
            return None
    named = len(lowered) >= 2 and lowered[-1] in r.sector_heads and not all(w in r.generic for w in lowered[:-1])
    return Item(s, e, bool(inside) or named)
