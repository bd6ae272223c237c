"""SERVES from a develop verb: 滨江片区重点发展化学药、现代中药.

A platform right before a develop verb (重点发展, 大力发展 …) serves the industries after it in
the clause (知识城与生物岛协同发展X: both). A develop verb opening a clause with no platform of
its own takes the clause group's subject (园区位于…,重点发展A、B), the platform the group builds,
the article's platform, or in a platform's own plan that platform; a company opening the group
operates in them instead (支持山东港口集团…,布局港航物流…).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Entity
from ...relating import MentionView, SentenceSink
from ...vocab import PLACES, RelationType
from .clauses import CLAUSE, clause_start, list_after, segment_start, segment_subject
from .context import SentenceContext
from .cues import CueWords

__all__ = ["develops"]


def develops(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """A place before a develop verb (or the subject it implies) serves the industries after it."""
    text = s.text
    for m in cues.regex(r"(?:{0})", "develop").finditer(text):
        before = [p for p in s.outer if p.end <= m.start()]
        place = before[-1] if before else None
        if place is None or place.entity.type != "Platform" or CLAUSE.search(text, place.end, m.start()):
            implied = _implied_subject(before, text, m.start(), s.subject, s.local, cues)
            if implied is None:
                _firm_develops(s, before, m, cues, out)
                continue
            places = [implied]
        else:
            between = text[place.end : m.start()]
            if len(between) > 2 and not cues.pattern("jointly").fullmatch(between):
                continue  # 知识城与生物岛协同发展生物医药
            places = [place.entity]
            if (
                len(before) > 1
                and before[-2].entity.type == "Platform"
                and text[before[-2].end : place.start] in "与和及、"
            ):
                places.insert(0, before[-2].entity)  # 知识城与生物岛协同发展生物医药: both
        clause = CLAUSE.search(text, m.end())
        for ind in list_after(s.outer, m.end(), clause.start() if clause else len(text), ("Industry",)):
            for p in places:
                out.add(p, RelationType.SERVES, ind.entity, "serves:develop")


def _firm_develops(
    s: SentenceContext, before: list[MentionView], m: re.Match, cues: CueWords, out: SentenceSink
) -> None:
    """支持山东港口集团以…推进…,布局港航物流、冷链物流等产业: a company that opens the clause group
    operates in the industries a later clause of the group develops."""
    text = s.text
    if m.start() - clause_start(text, m.start()) > 2:
        return
    seg = segment_start(text, m.start())
    first = next((p for p in before if p.start >= seg), None)
    if (
        first is None
        or first.entity.type != "Enterprise"
        or not (seg == first.start or text[seg : first.start] in cues["firm_lead"])
    ):
        return
    if any(
        p.entity.type in PLACES and p.start >= seg and not text.startswith("为", p.end)
        for p in before[1:]
        if p is not first and not text[max(0, p.start - 1) : p.start] == "以"
    ):
        return  # another place acts in between
    clause = CLAUSE.search(text, m.end())
    for ind in list_after(s.outer, m.end(), clause.start() if clause else len(text), ("Industry",)):
        out.add(first.entity, RelationType.OPERATES_IN, ind.entity, "operates:develop")


def _implied_subject(
    before: Sequence[MentionView],
    text: str,
    pos: int,
    subject_of_sentence: Entity | None,
    local: Entity | None,
    cues: CueWords,
) -> Entity | None:
    """The platform a clause-opening develop verb speaks of: the platform its clause group opens
    with (万庄片区依托…建设…,重点发展…; 以华祥片区为综合服务核,重点发展…), else the platform the
    group built or named last (依托江湾镇建设江湾文旅特色小镇,重点发展…), else, when the sentence
    names no place before the verb, the document's own platform."""
    if pos - clause_start(text, pos) > 2:
        return None  # the verb does not open its clause
    subject = segment_subject(before, text, pos)
    if subject is not None and subject.entity.type == "Platform":
        return subject.entity  # (a region opening the group: its platform below)
    seg0 = segment_start(text, pos)
    opener = next(
        (p for p in before if p.start == seg0 + 1 and text[seg0] == "在" and p.entity.type == "Platform"), None
    )
    if (
        subject is None
        and opener is not None
        and not any(
            opener.end <= p.start < pos and p.entity.type in ("Platform", "Initiative", "Project") for p in before
        )
    ):
        return opener.entity  # 在P预留…用地,重点引进X: P, where it all happens
        # (在P建设Q,Q…重点发展X: Q's)
    if local is not None and subject is None:
        return local  # an article's heading platform is its subject: 依托X建设Y,
    seg = segment_start(text, pos)  # 重点发展… in 怀北片区's article serves 怀北片区, not Y
    places = [p for p in before if p.start >= seg and p.entity.type in PLACES]
    carriers = [c.span() for c in cues.pattern("carrier_phrase").finditer(text, seg, pos)]
    platforms = [p for p in places if p.entity.type == "Platform" and not any(a <= p.start < b for a, b in carriers)]
    if platforms:
        return platforms[-1].entity
    if subject is None and not [p for p in before if p.entity.type in PLACES]:
        own = subject_of_sentence
        return own if own is not None and own.type == "Platform" else None
    return None
