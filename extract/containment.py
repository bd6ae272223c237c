"""Containment: what lies in a place (LOCATED_IN) or is an area of it (PART_OF), from sentence cues.

Cue words live in patterns/relations.tsv (kinds ``located``, ``settle``, ``build``, ``carry_out``,
``plan``, ``within``, ``part_is``, ``area``, ``not_object``). The cues, with P a place
(Platform or Region, or an anaphor of the document's own place) and X a named thing:

* X位于/落户/坐落于/入驻/选址 P; 位于/落户 P 的 X;
* 在P(内)…建设/打造/布局/设立 X (X落户/落地 在P too: 在P落地的X); an industry built there is
  served by P (在P布局X产业);
* P as the clause's subject: P(重点/加快)建设/打造 X;
* 落实/实施 P…规划(方案/计划), … 建设 X: what a sentence builds while carrying out a place's plan
  lies in that place;
* P内(的)X, P的X (X a platform, institution, project, enterprise or event);
* X是P的组成部分/核心区.

X an area of P (its name ends with an area head: 片区, 组团, 板块, 核心区, 经济带 …) is PART_OF P;
anything else is LOCATED_IN P. Named things written inside 以…为核心的 (the anchors of a park) are
not what the sentence builds, and neither are things after a not-object word (沿开放大道构建: along).
A thing whose name already holds the place's name (知识城南方医院 in 知识城) is left alone: the name
says it.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .model import Entity
from .relation_base import CLAUSE, PLACES, M, _rx, cue_words, list_after, outer_mentions

OBJECTS = ("Platform", "Institution", "Project", "Enterprise", "Event")
ANCHOR_SPAN = re.compile(r"以[^,,。;;以]{1,60}?为(?:核心|龙头|主体|依托|支撑|引领)的?")
Add = Callable[[Entity, str, Entity, object, str], None]


def find_containment(ms: list[M], text: str, sent, home: Entity | None, add: Add) -> None:
    cues = cue_words()
    _located(ms, text, sent, add)
    if "在" in text:
        _built_in(ms, text, sent, add)
    _subject_builds(ms, text, sent, add)
    if any(w in text for w in cues["carry_out"]):
        _carried_out_plan(ms, text, sent, add)
    _within(ms, text, sent, add)
    _part_is(ms, text, sent, add)


def relate(x: M, p: M, text: str, sent, add: Add, rule: str) -> None:
    """X in P: PART_OF for an area of P, LOCATED_IN otherwise."""
    if x.entity.id == p.entity.id or x.entity.type not in OBJECTS or p.entity.type not in PLACES:
        return
    if p.entity.type == "Region" and x.entity.type == "Region":
        return
    if _names_place(x, p, text):
        return
    if x.entity.type == "Platform" and _is_area(x.entity):
        add(x.entity, "PART_OF", p.entity, sent, rule.replace("located", "part_of"))
    else:
        add(x.entity, "LOCATED_IN", p.entity, sent, rule)


def _names_place(x: M, p: M, text: str) -> bool:
    forms = {text[p.start:p.end], p.entity.name, *p.entity.aliases}
    name = x.entity.name
    return any(len(f) >= 2 and f in name for f in forms)


def _is_area(e: Entity) -> bool:
    return e.name.endswith(cue_words()["area"])


def _objects(ms: list[M], text: str, start: int, end: int) -> list[M]:
    """Named things a build verb makes between ``start`` and ``end``: not the anchors written
    inside 以…为核心的, not those of a clause that opens with a not-object word (沿, 依托, 与 …)."""
    anchors = [m.span() for m in ANCHOR_SPAN.finditer(text, start, end)]
    not_obj = cue_words()["not_object"]
    out = []
    for m in list_after(ms, start, end, OBJECTS):
        if any(a <= m.start < b for a, b in anchors):
            continue
        clause_start = max((c.end() for c in CLAUSE.finditer(text, start, m.start)), default=start)
        before = text[clause_start:m.start]
        if any(w in before[:len(w) + 2] for w in not_obj):
            continue                                # 沿开放大道构建, 积极对接X: the clause's verb is not a build verb
        out.append(m)
    return out


def _clause_end(text: str, pos: int) -> int:
    c = CLAUSE.search(text, pos)
    return c.start() if c else len(text)


def _located(ms: list[M], text: str, sent, add: Add) -> None:
    """X位于/落户P; 位于/落户P的X."""
    for m in _rx(r"(?:{0})于?", "located").finditer(text):
        end = _clause_end(text, m.end())
        tails = list_after(ms, m.end(), end, PLACES)
        if not tails:
            continue
        p = tails[0]
        if text.startswith("的", p.end):           # 落户知识城的百济神州
            after = [x for x in list_after(ms, p.end + 1, end, OBJECTS) if x.start == p.end + 1]
            for x in after:
                relate(x, p, text, sent, add, "located_in:cue")
            if after:
                continue
        heads = [h for h in outer_mentions(ms) if h.end <= m.start() and not CLAUSE.search(text, h.end, m.start())]
        if heads:
            relate(heads[-1], p, text, sent, add, "located_in:cue")


def _built_in(ms: list[M], text: str, sent, add: Add) -> None:
    """在P(内)…建设X; X在P落户; 在P布局X产业 (P serves the industry)."""
    build = _rx(r"(?:{0})", "make")
    settle = _rx(r"(?:{0})", "settle")
    for p in outer_mentions(ms):
        if p.entity.type not in PLACES or p.start == 0 or text[p.start - 1] != "在":
            continue
        end = _clause_end(text, p.end)
        rest = text[p.end:end]
        s = settle.match(rest.lstrip("内中"))
        if s:                                       # 百济神州在知识城落户
            heads = [h for h in outer_mentions(ms) if h.end <= p.start - 1
                     and not CLAUSE.search(text, h.end, p.start)]
            if heads:
                relate(heads[-1], p, text, sent, add, "located_in:settle")
            continue
        v = build.search(rest, 0, 12)
        if v is None:
            continue
        for x in _objects(ms, text, p.end + v.end(), end):
            relate(x, p, text, sent, add, "located_in:built_in")
        if p.entity.type == "Platform":
            for ind in list_after(ms, p.end + v.end(), end, ("Industry",)):
                add(p.entity, "SERVES", ind.entity, sent, "serves:built_in")


def _subject_builds(ms: list[M], text: str, sent, add: Add) -> None:
    """P(重点/加快)建设X: a place at the start of a clause builds X."""
    build = _rx(r"(?:[\u4e00-\u9fff]{{0,3}}?)(?:{0})", "make")
    for p in outer_mentions(ms):
        if p.entity.type not in PLACES:
            continue
        if p.start and text[p.start - 1] not in ",,;;。:: " and not CLAUSE.match(text, p.start - 1):
            continue
        end = _clause_end(text, p.end)
        v = build.match(text, p.end, end)
        if v is None or any(ch in text[p.end:v.end()] for ch in "的与和及"):
            continue
        for x in _objects(ms, text, v.end(), end):
            relate(x, p, text, sent, add, "located_in:subject")


def _carried_out_plan(ms: list[M], text: str, sent, add: Add) -> None:
    """落实P(总体发展)规划, …建设X: X lies in P (the rest of the sentence)."""
    cues = cue_words()
    build = _rx(r"(?:{0})", "make")
    for plan in ms:
        if plan.entity.type != "Initiative" or not text[plan.start:plan.end].endswith(cues["plan"]):
            continue
        if not text[max(0, plan.start - 4):plan.start].endswith(cues["carry_out"]):
            continue
        places = [p for p in ms if p.entity.type in PLACES and plan.start <= p.start and p.end <= plan.end]
        if not places:
            continue
        p = places[0]
        v = build.search(text, plan.end)
        if v is None:
            continue
        for x in _objects(ms, text, v.start(), len(text)):
            relate(x, p, text, sent, add, "located_in:plan")


def _within(ms: list[M], text: str, sent, add: Add) -> None:
    """P内(的)X, P的X."""
    within = cue_words()["within"]
    obj = {m.start: m for m in outer_mentions(ms) if m.entity.type in OBJECTS}
    for p in outer_mentions(ms):
        if p.entity.type not in PLACES:
            continue
        for w in within:
            if text.startswith(w, p.end) and p.end + len(w) in obj:
                relate(obj[p.end + len(w)], p, text, sent, add, "located_in:within")
                break


def _part_is(ms: list[M], text: str, sent, add: Add) -> None:
    """X是P的(重要)组成部分/核心区."""
    for m in _rx(r"是(?P<p>[^,,。;;]{{2,30}}?)的(?:重要|核心)?(?:{0})", "part_is").finditer(text):
        heads = [h for h in outer_mentions(ms) if h.end <= m.start() and h.entity.type == "Platform"
                 and not CLAUSE.search(text, h.end, m.start())]
        wholes = list_after(ms, m.start("p"), m.end("p"), PLACES)
        if heads and wholes:
            add(heads[-1].entity, "PART_OF", wholes[-1].entity, sent, "part_of:is")
