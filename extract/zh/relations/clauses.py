"""Clauses, clause groups and what they name: the helpers every Chinese relation rule reads a
sentence with (a sentence's outer mentions, ``SentenceContext.outer``, are what they search)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ...relating import MentionView
from ...vocab import PLACES

__all__ = ["CLAUSE", "clause_end", "clause_start", "list_after", "segment_start", "segment_subject"]

CLAUSE = re.compile(r"[,,;;。::!?]")
SEGMENT = re.compile(r"[;;。]")
# A time adverbial opening a clause group (截至2023年, 2023年, 到2027年, “十四五”以来, 近年来,): the
# group's subject comes after it.
TIME_LEAD = re.compile(
    r"^(?:截至|截止|到|至|自)?(?:\d{4}年(?:底|末|以来)?|“?十[一二三四五]五”?(?:以来|期间|时期)?"
    r"|近年来|近[一二三四五六七八九十\d]+年来?|目前|当前|今后)[,,]?"
)


def list_after(outer: Sequence[MentionView], pos: int, end: int, types: Collection[str]) -> list[MentionView]:
    """Named things between pos and end; of regions written together (广州市番禺区) the last."""
    found = [m for m in outer if pos <= m.start and m.end <= end and m.entity.type in types]
    return [
        m
        for i, m in enumerate(found)
        if not (
            m.entity.type == "Region"
            and i + 1 < len(found)
            and found[i + 1].start == m.end
            and found[i + 1].entity.type in PLACES
        )
    ]


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last clause break before it)."""
    return max((c.end() for c in CLAUSE.finditer(text, 0, pos)), default=0)


def clause_end(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends (the next clause break, or the text's end)."""
    c = CLAUSE.search(text, pos)
    return c.start() if c else len(text)


def segment_start(text: str, pos: int) -> int:
    """Where the independent clause group holding ``pos`` starts (after the last ；or 。)."""
    return max((m.end() for m in SEGMENT.finditer(text, 0, pos)), default=0)


def segment_subject(
    outer: Sequence[MentionView], text: str, pos: int, types: Collection[str] = PLACES
) -> MentionView | None:
    """The place a clause group is about: a place it opens with (万庄片区依托…建设…,重点发展…),
    or the P of an opening 以P为… (以华祥片区为综合服务核,…)."""
    seg = segment_start(text, pos)
    first = next((m for m in outer if m.start >= seg), None)
    if first is None or first.start >= pos or first.entity.type not in types:
        return None
    lead = TIME_LEAD.sub("", text[seg : first.start])
    if text.startswith(("与", "和", "同"), first.end):
        return None  # A与B共建…: a joint subject
    if lead == "" or (lead in ("以", "坚持以") and text.startswith("为", first.end)):
        return first
    return None
