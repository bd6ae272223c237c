"""COOPERATES_WITH: 与X、Y合作/共建/协同 …; 由A、B等…协作; 对口帮扶/扶贫协作 with named regions.

The actor is the place or institute written right before 与 (知识城与生物岛协同), the one after an
opening 以, the clause group's subject, else the document's own place (the region its title
names).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ...model import Entity
from ...relating import MentionView, SentenceSink
from ...vocab import COOPERATORS, RelationType
from .clauses import CLAUSE, clause_end, list_after, segment_start, segment_subject
from .context import SentenceContext
from .cues import CueWords

__all__ = ["cooperation"]


def cooperation(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """与X合作 (the actor before 与), 由A、B…协作 (the first with each other), 对口帮扶 (the home with
    every other region named)."""
    text, outer, home = s.text, s.outer, s.doc.home
    for m in _partners(outer, text, cues):
        actor = _actor(outer, text, m.start(), home)
        if actor is None:
            continue
        joined = _joined_before(outer, text, m.start())
        if joined and text[joined[0].start - 1 : joined[0].start] == "与":
            for pair in _list_before_pos(outer, text, joined[0].start - 1):  # A与B、C与D: A-B, C-D
                out.add(pair.entity, RelationType.COOPERATES_WITH, joined[0].entity, "cooperates:with")
            joined = []
        actors = [actor] + [a.entity for a in joined if a.entity.id != actor.id]
        cut = text.find("等", m.start("x"), m.end("x"))
        xe = cut if cut > m.start("x") else m.end("x")  # 与A、B等中东国家…合作: the kind after 等 is no partner
        for t in list_after(outer, m.start("x"), xe, COOPERATORS):
            if text.startswith("的", t.end) and text[max(0, t.start - 2) : t.start] in ("位于", "地处"):
                continue  # 与位于福田区的P协同: the place qualifies the partner
            for a in actors:
                out.add(a, RelationType.COOPERATES_WITH, t.entity, "cooperates:with")
    for j in cues.regex(r"由(?P<x>[^,,。;;由]{{2,40}}?)(?:等[^,,。;;]{{0,6}})?(?:{0})", "coop_verb").finditer(text):
        cut = text.find("等", j.start("x"), j.end("x"))
        members = list_after(outer, j.start("x"), cut if cut > 0 else j.end("x"), ("Institution", "Enterprise"))
        for b in members[1:]:  # 由A、B等院校协作: A works with each of the others
            out.add(members[0].entity, RelationType.COOPERATES_WITH, b.entity, "cooperates:jointly")
    if home is not None and any(w in text for w in cues["aid"]):
        regions = [m for m in outer if m.entity.type == "Region" and m.entity.id != home.id]
        for i, r in enumerate(regions):
            nxt = regions[i + 1] if i + 1 < len(regions) else None
            if nxt is not None and nxt.start == r.end:
                continue  # 贵州黔南: the province qualifies the prefecture
            out.add(home, RelationType.COOPERATES_WITH, r.entity, "cooperates:aid")


def _actor(outer: Sequence[MentionView], text: str, pos: int, home: Entity | None) -> Entity | None:
    """The named actor before ``pos`` (the 与 of 与X合作): a place or institute written right
    before it (知识城与生物岛协同) or right after 以 (以中新广州知识城…为牵引), else the document's
    own place."""
    before = [m for m in outer if m.end <= pos and m.entity.type in COOPERATORS]
    if before and before[-1].end == pos:
        return before[-1].entity
    if (
        before
        and pos - before[-1].end <= 4
        and not CLAUSE.search(text, before[-1].end, pos)
        and before[-1].start <= segment_start(text, pos) + 2
    ):
        return before[-1].entity  # 福建省(坚持)与宁夏回族自治区…协作
    for m in reversed(before):
        if m.start > 0 and text[m.start - 1] == "以":
            return m.entity
    if text[max(0, pos - 2) : pos] in (",并", ",并", "并") or text[pos - 1 : pos] in ",,":
        subject = segment_subject(outer, text, pos, ("Platform",))
        if subject is not None:  # P重点发展…,并与Q协同发展: P, the group's subject
            return subject.entity
    return home


def _joined_before(outer: Sequence[MentionView], text: str, pos: int) -> list[MentionView]:
    """A、B与X…: the places listed with the actor written right before 与."""
    before = [m for m in outer if m.end <= pos and m.entity.type in COOPERATORS]
    if not before or before[-1].end != pos:
        return []
    listed = [before[-1]]
    for m in reversed(before[:-1]):
        if text[m.end : listed[0].start] in ("、", "和", "及") and m.entity.type == listed[0].entity.type:
            listed.insert(0, m)
        else:
            break
    return listed[:-1]


def _list_before_pos(outer: Sequence[MentionView], text: str, pos: int) -> list[MentionView]:
    """The place or institute written right before ``pos``, with those listed with it."""
    before = [m for m in outer if m.end <= pos and m.entity.type in COOPERATORS]
    if not before or before[-1].end != pos:
        return []
    return _joined_before(outer, text, pos) + [before[-1]]


class _Partners(NamedTuple):
    """与X…合作: where 与 stands and the span X of the partners."""

    pos: int
    x: tuple[int, int]

    def start(self, group: str | None = None) -> int:
        return self.x[0] if group else self.pos

    def end(self, group: str | None = None) -> int:
        return self.x[1]


def _partners(outer: Sequence[MentionView], text: str, cues: CueWords) -> list[_Partners]:
    """Each 与 followed in its clause by a cooperation verb that is not part of a place's or a
    body's name (合作 in 深港科技创新合作区 is not one; a quoted programme may state the cooperation)."""
    if "与" not in text:
        return []
    verbs = cues.regex(r"(?:{0})", "coop_verb")
    names = [(m.start, m.end) for m in outer if m.entity.type != "Initiative"]
    found = []
    for i in [j for j, ch in enumerate(text) if ch == "与"]:
        if any(a <= i < b for a, b in names):
            continue
        stop = clause_end(text, i + 1)
        limit = min(stop, i + 1 + 68)
        nxt = text.find("与", i + 1, limit)
        limit = nxt if nxt >= 0 else limit  # (the partners hold no other 与)
        for v in verbs.finditer(text, i + 3, stop):
            if v.start() >= limit:
                break
            if not any(a <= v.start() < b for a, b in names):
                found.append(_Partners(i, (i + 1, v.start())))
                break
    return found
