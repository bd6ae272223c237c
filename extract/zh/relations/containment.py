"""Containment: what lies in a place (LOCATED_IN) or is an area of it (PART_OF), from sentence cues.

Cue words live in patterns/relations.tsv (kinds ``located``, ``settle``, ``make``, ``carry_out``,
``plan``, ``within``, ``part_is``, ``area``, ``not_object``). The cues, with P a place
(Platform or Region, or an anaphor of the document's own place) and X a named thing:

* X位于/落户/坐落于/入驻/选址 P; 位于/落户 P 的 X;
* 在P(内)…建设/打造/布局/设立 X (X落户/落地 在P too: 在P落地的X); an industry built there is
  served by P (在P布局X产业);
* P as the clause's subject: P(重点/加快)建设/打造 X;
* 落实/实施 P…规划(方案/计划), … 建设 X: what a sentence builds while carrying out a place's plan
  lies in that place;
* P内(的)X, P的X (X a platform, institution, project, enterprise or event);
* X是P的组成部分/核心区;
* in an article about a platform, what a clause builds lies in that platform; a place that hosts
  an event (承办世界人工智能大会) holds it.

X an area of P (its name ends with an area head: 片区, 组团, 板块, 核心区, 经济带 …) is PART_OF P;
anything else is LOCATED_IN P. Named things written inside 以…为核心的 (the anchors of a park) are
not what the sentence builds, and neither are things after a not-object word (沿开放大道构建: along).
A thing whose name already holds the place's name (知识城南方医院 in 知识城) is left alone: the name
says it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Entity
from ...relating import MentionView, SentenceSink
from ...vocab import PLACES, RelationType
from .clauses import CLAUSE, clause_end, clause_start, list_after, segment_start, segment_subject
from .context import SentenceContext
from .cues import CueWords

__all__ = [
    "article_builds",
    "built_in",
    "carried_out_plan",
    "hosted",
    "located",
    "part_is",
    "relate",
    "subject_builds",
    "within",
]

OBJECTS = ("Platform", "Institution", "Project", "Enterprise", "Event")


def relate(
    x: MentionView, p: MentionView, text: str, cues: CueWords, out: SentenceSink, rule: str, explicit: bool = False
) -> None:
    """X in P: PART_OF for an area of a platform P, LOCATED_IN otherwise (大朗片区位于大朗镇: an area lies
    in a region). A region lies in a region only by an explicit cue (位于, 地处, 隶属), never by two
    names written together."""
    if x.entity.id == p.entity.id or p.entity.type not in PLACES:
        return
    if x.entity.type not in OBJECTS and not (explicit and x.entity.type == "Region" == p.entity.type):
        return
    if _names_place(x, p, text):
        return
    if x.entity.type == "Platform" and x.entity.name.endswith(cues["area"]) and p.entity.type != "Region":
        out.add(x.entity, RelationType.PART_OF, p.entity, rule.replace("located_in", "part_of"))
    else:
        out.add(x.entity, RelationType.LOCATED_IN, p.entity, rule)


def _names_place(x: MentionView, p: MentionView, text: str) -> bool:
    forms = {text[p.start : p.end], p.entity.name}
    name = x.entity.name
    return any(len(f) >= 2 and f in name for f in forms)


def _objects(outer: Sequence[MentionView], text: str, start: int, end: int, cues: CueWords) -> list[MentionView]:
    """Named things a build verb makes between ``start`` and ``end``: not the anchors written
    inside 以…为核心的, not those of a clause that opens with a not-object word (沿, 依托, 与 …)."""
    anchors = [m.span() for m in cues.pattern("anchor_span").finditer(text, start, end)]
    not_obj = cues["not_object"]
    found = []
    for m in list_after(outer, start, end, OBJECTS):
        if any(a <= m.start < b for a, b in anchors):
            continue
        opening = max((c.end() for c in CLAUSE.finditer(text, start, m.start)), default=start)
        before = text[opening : m.start]
        if any(w in before[: len(w) + 2] for w in not_obj):
            continue  # 沿开放大道构建, 积极对接X: the clause's verb is not a build verb
        found.append(m)
    return found


def article_builds(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """In an article about a platform, what a clause builds (建设X, 加快X建设) lies in that platform,
    unless the clause or its group names a place of its own."""
    local = s.local
    if local is None:
        return
    text = s.text
    here = MentionView(0, 0, local)
    build = cues.regex(r"(?:{0})", "make")
    spans = [(v.end(), clause_end(text, v.end()), v.start()) for v in build.finditer(text)]
    spans += [(m.start("x"), m.end("x"), m.start()) for m in cues.pattern("advance").finditer(text)]
    for start, end, verb in spans:
        clause = clause_start(text, verb)
        if any(
            p.entity.type in PLACES and clause <= p.start and p.end <= verb and p.entity.id != local.id for p in s.outer
        ):
            continue  # 在柳东新区建设X: the clause names its place
        subject = segment_subject(s.outer, text, verb)
        if subject is not None and subject.entity.id != local.id:
            continue
        for x in _objects(s.outer, text, start, end, cues):
            relate(x, here, text, cues, out, "located_in:article")


def located(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """X(、Y等)位于/落户P; 位于/落户P的X; a later clause's 隶属P speaks of the sentence's subject."""
    text, outer = s.text, s.outer
    for m in cues.regex(r"(?:{0})于?", "located").finditer(text):
        end = clause_end(text, m.end())
        tails = list_after(outer, m.end(), end, PLACES)
        if not tails and m.end() == end:  # P…,吸引A、B等企业总部入驻,: into the clause group's place
            subject = segment_subject(outer, text, m.start(), ("Platform",)) or _short_local(text, m.start(), s.local)
            if subject is not None:
                for h in _list_before(outer, text, m.start()):
                    if h.entity.type in ("Enterprise", "Institution"):
                        relate(h, subject, text, cues, out, "located_in:settles", explicit=True)
            continue
        if not tails:
            continue
        p = tails[0]
        places = _places_at(outer, text, m.end(), end)
        last = places[-1] if places else p
        if text.startswith(cues["beside"], last.end):
            continue  # 位于密云经济开发区西侧: beside the place, not in it
        if text.startswith("的", p.end):  # 落户知识城的百济神州
            after = [x for x in list_after(outer, p.end + 1, end, OBJECTS + ("Region",)) if x.start == p.end + 1]
            for x in after:
                relate(x, p, text, cues, out, "located_in:cue", explicit=True)
            if after:
                continue
        heads = _list_before(outer, text, m.start())
        if not heads:
            subject = segment_subject(outer, text, m.start(), OBJECTS + ("Region",))
            heads = [subject] if subject is not None else []
        for h in heads:
            for q in places or [p]:
                relate(h, q, text, cues, out, "located_in:cue", explicit=True)


def _short_local(text: str, pos: int, local: Entity | None) -> MentionView | None:
    """The article's platform when its clause group opens with its name less a leading place
    (（二）深圳湾超级总部基地。超级总部基地规划面积…)."""
    if local is None:
        return None
    seg = segment_start(text, pos)
    name = local.name
    for i in range(1, len(name) - 2):
        if text.startswith(name[i:], seg):
            return MentionView(seg, seg + len(name) - i, local)
    return None


def _places_at(outer: Sequence[MentionView], text: str, start: int, end: int) -> list[MentionView]:
    """The places a 位于 cue names right after it: 位于北京市怀柔区和密云区 -> 北京市, 怀柔区, 密云区 (a
    region written before another is named too; places joined by 和/、/及), up to anything else."""
    found: list[MentionView] = []
    pos = start
    for p in outer:
        if p.start < pos or p.end > end:
            continue
        if p.start != pos or p.entity.type not in PLACES:
            break
        found.append(p)
        pos = p.end
        if text.startswith(("和", "、", "及", "与"), pos):
            pos += 1
    return found


def _list_before(outer: Sequence[MentionView], text: str, pos: int) -> list[MentionView]:
    """The named things of the list that ends right before ``pos`` in its clause
    (英发德耀、美科硅能源等项目落户…: both), else the nearest one."""
    clause = clause_start(text, pos)
    before = [
        h for h in outer if clause <= h.start and h.end <= pos and h.entity.type not in ("Industry", "Initiative")
    ]  # (…等科学仪器企业落户: the companies)
    if not before:
        return []
    listed = [before[-1]]
    for h in reversed(before[:-1]):
        gap = text[h.end : listed[0].start]
        if gap not in ("、", "和", "及", "与", ",") or h.entity.type != listed[0].entity.type:
            break
        listed.insert(0, h)
    tail = text[listed[-1].end : pos]
    if len(tail) > 8 and not tail.startswith("等"):
        return []  # the cue speaks of something else
    return listed


def built_in(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """在P(内)…建设X; X在P落户; 在P布局X产业 (P serves the industry)."""
    text = s.text
    if "在" not in text:
        return
    build = cues.regex(r"(?:{0})", "make")
    settle = cues.regex(r"(?:{0})", "settle")
    for p in s.outer:
        if p.entity.type not in PLACES or p.start == 0 or text[p.start - 1] != "在":
            continue
        end = clause_end(text, p.end)
        rest = text[p.end : end]
        settles = settle.match(rest.lstrip("内中"))
        v = build.search(rest, 0, 12)
        if settles or v:  # 百济神州在知识城落户; 安踏集团在西吉县设立车间
            for h in _list_before(s.outer, text, p.start - 1):
                if h.entity.type in ("Enterprise", "Institution"):
                    relate(h, p, text, cues, out, "located_in:settle")
        if v is None:
            continue
        for x in _objects(s.outer, text, p.end + v.end(), end, cues):
            relate(x, p, text, cues, out, "located_in:built_in")
        if p.entity.type == "Platform":
            for ind in list_after(s.outer, p.end + v.end(), end, ("Industry",)):
                out.add(p.entity, RelationType.SERVES, ind.entity, "serves:built_in")


def subject_builds(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """P(重点/加快)建设X; in a clause group about P, a later clause (…,打造X) or one after an
    opening 以…为…/依托… phrase builds in P too; 依托P建设X and 以P为主平台…建设X build in P."""
    text = s.text
    build = cues.regex(r"(?:{0})", "make")
    names = None
    for v in build.finditer(text):
        if names is None:
            names = [(m.start, m.end) for m in s.outer]
        if any(a <= v.start() < b for a, b in names):
            continue  # 集聚 in 新金融集聚区: a name, not a verb
        clause = clause_start(text, v.start())
        lead = text[clause : v.start()]
        p = _lead_place(s.outer, text, clause, lead)
        if p is None:
            subject = segment_subject(s.outer, text, v.start())
            if subject is None:
                continue
            opener = lead[subject.end - clause :] if subject.start >= clause else lead
            if opener[:1] in ("和", "及") or (len(opener) > 4 and not opener.startswith(cues["opener"])):
                continue  # the clause has a subject of its own
            p = subject
        for x in _objects(s.outer, text, v.end(), clause_end(text, v.end()), cues):
            relate(x, p, text, cues, out, "located_in:subject")


def _lead_place(outer: Sequence[MentionView], text: str, clause: int, lead: str) -> MentionView | None:
    """P of a clause opening 依托P… or 以P为…: where the clause's building happens."""
    for opener in ("坚持依托", "依托", "坚持以", "以"):
        if lead.startswith(opener):
            pos = clause + len(opener)
            p = next((m for m in outer if m.start == pos and m.entity.type in PLACES), None)
            if p is not None and (opener.endswith("依托") or text.startswith("为", p.end)):
                return p
            return None
    return None


def carried_out_plan(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """落实P(总体发展)规划, …建设X: X lies in P (the rest of the sentence)."""
    text, ms = s.text, s.mentions
    if not any(w in text for w in cues["carry_out"]):
        return
    build = cues.regex(r"(?:{0})", "make")
    for plan in ms:
        if plan.entity.type != "Initiative" or not text[plan.start : plan.end].endswith(cues["plan"]):
            continue
        if not text[max(0, plan.start - 4) : plan.start].endswith(cues["carry_out"]):
            continue
        places = [p for p in ms if p.entity.type in PLACES and plan.start <= p.start and p.end <= plan.end]
        if not places:
            continue
        p = places[0]
        v = build.search(text, plan.end)
        if v is None:
            continue
        for x in _objects(s.outer, text, v.start(), len(text), cues):
            relate(x, p, text, cues, out, "located_in:plan")


def within(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """P内(的)X, P的X."""
    text = s.text
    words = cues["within"]
    obj = {m.start: m for m in s.outer if m.entity.type in OBJECTS}
    for p in s.outer:
        if p.entity.type not in PLACES:
            continue
        for w in words:
            if text.startswith(w, p.end) and p.end + len(w) in obj:
                relate(obj[p.end + len(w)], p, text, cues, out, "located_in:within")
                break


def part_is(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """X是P的(重要)组成部分/核心区."""
    text = s.text
    for m in cues.regex(r"是(?P<p>[^,,。;;]{{2,30}}?)的(?:重要|核心)?(?:{0})", "part_is").finditer(text):
        heads = [
            h
            for h in s.outer
            if h.end <= m.start() and h.entity.type == "Platform" and not CLAUSE.search(text, h.end, m.start())
        ]
        wholes = list_after(s.outer, m.start("p"), m.end("p"), PLACES)
        if (
            not heads
            and any(w.entity.type == "Platform" for w in wholes)
            and (text[m.start() - 1 : m.start()] in (",", ",") or text[m.start() - 2 : m.start()] in (",也", ",也"))
        ):
            subject = segment_subject(s.outer, text, m.start(), ("Platform",))  # P…,是A的核心承载区
            heads = [subject] if subject is not None else []
        if heads and wholes:  # X是A和B的核心承载区: a part of each platform
            for whole in [w for w in wholes if w.entity.type == "Platform"] or wholes[-1:]:
                out.add(heads[-1].entity, RelationType.PART_OF, whole.entity, "part_of:is")


def hosted(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """集聚区已连续多年承办世界人工智能大会: a place that hosts an event, named as the clause's subject."""
    text = s.text
    if "办" not in text:
        return
    for e in s.outer:
        if e.entity.type != "Event":
            continue
        clause = clause_start(text, e.start)
        verb = cues.pattern("host").search(text, clause, e.start)
        if verb is None:
            continue
        subject = next((p for p in s.outer if clause <= p.start and p.end <= verb.start()), None)
        if (
            subject is not None
            and subject.entity.type in PLACES
            and subject.start - clause <= 2
            and verb.start() - subject.end <= 8
        ):
            relate(e, subject, text, cues, out, "located_in:hosts", explicit=True)
