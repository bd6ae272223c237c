"""What every relation rule shares: mentions inside one sentence, cue words
(patterns/relations.tsv) compiled once, the outer mentions of a sentence, named things in a span."""
from __future__ import annotations

from typing import NamedTuple

import re
from functools import lru_cache
from importlib import resources

from .model import Entity

PLACES = ("Platform", "Region")
COOP = ("Region", "Platform", "Institution")
CLAUSE = re.compile(r"[,,;;。::!?]")


class M(NamedTuple):
    """An entity mention inside one sentence (offsets relative to the sentence)."""
    start: int
    end: int
    entity: Entity


def mentions_by_sentence(sentences, entities, make=M) -> dict[str, list]:
    """Each sentence's mentions (by sentence id), offsets relative to the sentence; make builds
    one mention from (start, end, entity)."""
    start = {s.id: s.start for s in sentences}
    out: dict[str, list] = {}
    for e in entities:
        for m in e.mentions:
            base = start.get(m.sentence)
            if base is not None:
                out.setdefault(m.sentence, []).append(make(m.start - base, m.end - base, e))
    return out


@lru_cache(maxsize=1)
def cue_words() -> dict[str, tuple[str, ...]]:
    text = resources.files("extract.patterns").joinpath("relations.tsv").read_text("utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, word = line.split("\t")[:2]
            out.setdefault(kind, []).append(word)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=None)
def _rx(template: str, *kinds: str) -> re.Pattern:
    """A cue regex compiled once: {0}, {1} … are the alternations of the cue kinds."""
    cues = cue_words()
    return re.compile(template.format(*("|".join(map(re.escape, cues[k])) for k in kinds)))


_OUTER_CACHE: dict[int, tuple[list[M], list[M]]] = {}


def outer_mentions(ms: list[M]) -> list[M]:
    """Mentions not inside another mention (computed once per sentence's list)."""
    hit = _OUTER_CACHE.get(id(ms))
    if hit is not None and hit[0] is ms:
        return hit[1]
    out = [m for m in ms if not any(o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
                                    for o in ms)]
    if len(_OUTER_CACHE) >= 8:                      # a sentence's list and the few sublists its rules pass
        _OUTER_CACHE.clear()
    _OUTER_CACHE[id(ms)] = (ms, out)
    return out


def list_after(ms: list[M], pos: int, end: int, types) -> list[M]:
    """Named things between pos and end; of regions written together (广州市番禺区) the last."""
    found = [m for m in outer_mentions(ms) if pos <= m.start and m.end <= end and m.entity.type in types]
    return [m for i, m in enumerate(found)
            if not (m.entity.type == "Region" and i + 1 < len(found) and found[i + 1].start == m.end
                    and found[i + 1].entity.type in PLACES)]


SEGMENT = re.compile(r"[;;。]")
LEAD_PHRASE = re.compile(r"(?:坚持|支持|推动|鼓励)?(?:以[^,,。;;以]{1,40}?为[\u4e00-\u9fff]{1,6}|依托[^,,。;;]{1,40}?(?=[,,]|建设|打造|布局))")


def segment_start(text: str, pos: int) -> int:
    """Where the independent clause group holding ``pos`` starts (after the last ；or 。)."""
    return max((m.end() for m in SEGMENT.finditer(text, 0, pos)), default=0)


def segment_subject(ms: list[M], text: str, pos: int, types=PLACES) -> M | None:
    """The place a clause group is about: a place it opens with (万庄片区依托…建设…,重点发展…),
    or the P of an opening 以P为… (以华祥片区为综合服务核,…)."""
    seg = segment_start(text, pos)
    first = next((m for m in outer_mentions(ms) if m.start >= seg), None)
    if first is None or first.start >= pos or first.entity.type not in types:
        return None
    lead = TIME_LEAD.sub("", text[seg:first.start])
    if text.startswith(("与", "和", "同"), first.end):
        return None                                 # A与B共建…: a joint subject
    if lead == "" or (lead in ("以", "坚持以") and text.startswith("为", first.end)):
        return first
    return None


# A time adverbial opening a clause group (截至2023年, 2023年, 到2027年, “十四五”以来, 近年来,): the
# group's subject comes after it.
TIME_LEAD = re.compile(r"^(?:截至|截止|到|至|自)?(?:\d{4}年(?:底|末|以来)?|“?十[一二三四五]五”?(?:以来|期间|时期)?|近年来|近[一二三四五六七八九十\d]+年来?|目前|当前|今后)[,,]?")
