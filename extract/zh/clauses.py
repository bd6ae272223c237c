"""What the Chinese relation rules share: cue words (patterns/relations.tsv) compiled once,
named things in a span, clause groups and their subjects."""
from __future__ import annotations

import re
from functools import lru_cache

from ..relating import PLACES, M, outer_mentions
from ..tables import read_table

CLAUSE = re.compile(r"[,,;;。::!?]")


@lru_cache(maxsize=1)
def cue_words() -> dict[str, tuple[str, ...]]:
    """The cue words of patterns/relations.tsv by kind, longest first."""
    out: dict[str, list[str]] = {}
    for row in read_table("relations.tsv"):
        out.setdefault(row[0], []).append(row[1])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=None)
def _rx(template: str, *kinds: str) -> re.Pattern:
    """A cue regex compiled once: {0}, {1} … are the alternations of the cue kinds."""
    cues = cue_words()
    return re.compile(template.format(*("|".join(map(re.escape, cues[k])) for k in kinds)))


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
