"""ANCHORED_BY: the companies and institutes a platform is built around.

* 以A、B为核心/龙头的P: P ANCHORED_BY A, B; a clause-opening 以A、B为核心, … anchors the platform
  its clause group opens with, or the article's platform (outside any article: the plan's own);
* 依托X, … 建设/打造P (or P…,依托X…): P ANCHORED_BY X.

An anchor company operates in the industry the platform's name holds (OPERATES_IN), when it
holds one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Entity
from ...relating import MentionView, SentenceSink
from ...textnorm import HAN_CHARS
from ...vocab import RelationType
from .clauses import CLAUSE, clause_start, list_after, segment_start
from .context import SentenceContext
from .cues import CueWords

__all__ = ["anchors"]

SEGMENT_END = re.compile(r"[;;。]")
ANCHORS = ("Enterprise", "Institution")


def anchors(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """以A、B为核心的P and 依托X…建设P: P ANCHORED_BY the companies and institutes named."""
    text = s.text
    local = s.local or s.doc.own_platform
    for m in cues.regex(r"以(?P<x>[^,,。;;以]{{2,60}}?)为(?:{0})的?", "anchor_core").finditer(text):
        named = list_after(s.outer, m.start("x"), m.end("x"), ANCHORS)
        if not named:
            continue
        place = next((p for p in s.outer if p.start >= m.end() and p.entity.type == "Platform"), None)
        between = text[m.end() : place.start] if place is not None else ""
        if place is None or (
            CLAUSE.search(between)
            and not cues.regex("[,,][" + HAN_CHARS + "]{{0,4}}?(?:{0})[^,,。;;]{{0,12}}", "build").fullmatch(between)
        ):
            subject = _anchor_subject(s.outer, text, m.start(), local, cues)
            if subject is not None and not text[m.end() - 1 : m.end()] == "的":
                _anchor(s, subject, named, out, "anchor:subject")
            continue  # 以X为核心,高标准建设P: the next clause builds P
        _anchor(s, place, named, out, "anchor:core")
    for m in cues.regex(r"(?:{0})(?P<x>[^,,。;;]{{2,40}}?)(?:[,,]|(?=(?:{1})))", "anchor_rely", "build").finditer(text):
        named = list_after(s.outer, m.start("x"), m.end("x"), ANCHORS)
        if not named:
            continue
        seg = segment_start(text, m.start())
        end = next((c.start() for c in SEGMENT_END.finditer(text, m.end())), len(text))
        after = [
            p
            for p in s.outer
            if m.end() <= p.start < end
            and p.entity.type == "Platform"
            and cues.regex(r"(?:{0})[^,,。;;]*$", "build").search(text[m.end() : p.start])
        ]
        before = [
            p
            for p in s.outer
            if seg <= p.start
            and p.end <= m.start()
            and p.entity.type == "Platform"
            and not CLAUSE.search(text, p.end, m.start() - 1)
        ]
        situated = cues.pattern("situated")
        opening = next((p for p in before if p.start - seg <= 1 and situated.match(text, p.end, m.start())), None)
        place = after[0] if after else (opening or (before[-1] if before else None))
        if place is not None:  # 依托X建设P; P…,依托X…: the platform it relies on X
            # (P位于Q核心区域,依托X…: P, not Q)
            _anchor(s, place, named, out, "anchor:rely")


def _anchor_subject(
    outer: Sequence[MentionView], text: str, pos: int, local: Entity | None, cues: CueWords
) -> MentionView | None:
    """The platform a clause-opening 以X为核心/龙头 speaks of: the platform its clause group opens with
    (生物医药园以人福…为龙头), else the article's platform its heading names."""
    seg = segment_start(text, pos)
    first = next((p for p in outer if p.start >= seg), None)
    if (
        first is not None
        and first.end <= pos
        and first.entity.type == "Platform"
        and (first.end == pos or text[first.end : pos] in cues["subject_lead"])
    ):
        return first
    if (
        first is not None
        and first.end <= pos
        and first.entity.type == "Platform"
        and first.start - seg <= 1
        and text[pos - 1 : pos] in ",,"
        and cues.pattern("situated").match(text, first.end, pos)
    ):
        return first  # P位于Q,(规划面积…,)以A、B为核心: P's own clauses first
    if local is not None and clause_start(text, pos) == seg and (seg == pos or text[seg:pos] in cues["article_lead"]):
        return MentionView(pos, pos, local)
    return None


def _anchor(s: SentenceContext, place: MentionView, named: list[MentionView], out: SentenceSink, rule: str) -> None:
    """P ANCHORED_BY each anchor; an anchor company operates in the industry P's name holds (one
    industry: a park named for several does not say which company works in which)."""
    inds = {
        i.entity.id: i.entity
        for i in s.mentions
        if i.entity.type == "Industry" and place.start <= i.start and i.end <= place.end and place.end > place.start
    }
    if not inds:
        inds = {e.id: e for f, e in s.doc.industries if f in place.entity.name}
    for a in named:
        out.add(place.entity, RelationType.ANCHORED_BY, a.entity, rule)
        if a.entity.type == "Enterprise" and len(inds) == 1:
            for ind in inds.values():
                out.add(a.entity, RelationType.OPERATES_IN, ind, "operates:anchor")
