"""Relations between entities, from sentence-level cues, each with its evidence sentence and the
rule that fired. Cue words live in patterns/relations.tsv.

* SERVES: an industry named inside a place's name (集成电路产业园 -> 集成电路); a place right
  before an industry (生物岛生物医药集群); 以P为牵引/载体 … 发展X.
* ANCHORED_BY / OPERATES_IN: 以A、B为核心的P; 依托X … 打造P; the anchor company operates in
  the industries its park serves.
* COOPERATES_WITH: 与X、Y合作/共建/协同 …; 对口帮扶/扶贫协作 with named regions. Without a named
  actor the actor is the document's own region (the region its title names).
* PART_OF: P(Q片区); P包括Q、R.  LOCATED_IN: X位于/落户P.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from contextvars import ContextVar
from typing import NamedTuple

from ..model import Entity, Evidence, Relation, Sentence
from ..relating import COOP, PLACES, M, mentions_by_sentence, outer_mentions
from ..textnorm import fold_width
from .anaphora import find_anaphors
from .clauses import CLAUSE, _rx, cue_words, list_after, segment_start, segment_subject
from .containment import find_containment
from .mentions import HEADING

_INDUSTRIES: ContextVar[list] = ContextVar("industries", default=[])   # the document's industry forms


def home_region(sentences: Sequence[Sentence], entities: Sequence[Entity], title: str = "") -> Entity | None:
    """The place the document is about: of the regions and platforms its title names, the one
    named most (the later one on a tie: 佛山市南海区 -> 南海区), else the region mentioned most."""
    regions = [e for e in entities if e.type == "Region"]
    first = sentences[0] if sentences else None
    if first is not None and title and first.text.strip() == title.strip():
        spans = [(m.start, m.end, e) for e in entities for m in e.mentions if m.sentence == first.id]
        in_title = [(s, e) for s, t, e in spans if e.type in PLACES
                    and not any(a <= s and t <= b and (a, b) != (s, t) for a, b, _ in spans)]
        if in_title:
            counts = Counter(e.id for _, e in in_title)
            return max(in_title, key=lambda t: (counts[t[1].id], t[1].type == "Region", t[0]))[1]
        return _dominant(regions)                   # 闽宁东西部协作规划: a title naming no place has no home,
    return max(regions, key=lambda e: len(e.mentions)) if regions else None


def _dominant(regions: Sequence[Entity]) -> Entity | None:
    """…unless one region dominates the text (a policy address naming 香港 again and again): named at
    least three times and at least twice as often as any other region."""
    ranked = sorted(regions, key=lambda e: -len(e.mentions))
    if not ranked or len(ranked[0].mentions) < 3:
        return None
    if len(ranked) > 1 and len(ranked[0].mentions) < 2 * len(ranked[1].mentions):
        return None
    return ranked[0]


def find_relations(sentences: Sequence[Sentence], entities: Sequence[Entity],
                   title: str = "") -> tuple[Relation, ...]:
    cues = cue_words()
    by_sentence: dict[str, list[M]] = mentions_by_sentence(sentences, entities)
    home = home_region(sentences, entities, title)
    title_platform = _title_platform(sentences, entities, title, home)
    industries = _industry_forms(entities)
    stems = {(f, e.id) for f, e in industries}      # (X产业 lies in a name only where X does)
    name_forms = [(f, e) for f, e in industries if not (f.endswith("产业") and (f[:-2], e.id) in stems)]
    _INDUSTRIES.set(industries)
    out: dict[tuple[str, str, str], Relation] = {}

    def add(head: Entity, type_: str, tail: Entity, sent: Sentence, rule: str) -> None:
        if head.id == tail.id:
            return
        key = (head.id, type_, tail.id)
        if type_ == "COOPERATES_WITH" and (tail.id, type_, head.id) in out:
            return
        out.setdefault(key, Relation(head.id, type_, tail.id,
                                     Evidence(sent.id, sent.start, sent.end, sent.text), rule))

    article: tuple[str | None, Entity | None] = (None, None)
    for sent in sentences:
        ms = by_sentence.get(sent.id, [])
        text = fold_width(sent.text)
        heading = _heading_subject(text, ms)
        if heading is not None:
            article = (sent.section, heading)       # the heading names its article's subject
        local = article[1] if article[0] is not None and article[0] == sent.section else None
        subject = local or home
        ms = ms + [M(s, e, ent) for s, e, ent in find_anaphors(text, home, [(m.start, m.end, m.entity) for m in ms],
                                                                local or title_platform)]
        if len(ms) < 2 and not (local is not None and ms):
            continue                                # a relation needs two things named
        ms.sort(key=lambda m: (m.start, -m.end))
        _serves_by_name(ms, text, sent, name_forms, add)
        _serves_adjacent(ms, text, sent, add)
        _anchors(ms, text, sent, cues, add, local or _own_platform(home, title_platform))
        _carriers(ms, text, sent, cues, add)
        _relied_on(ms, text, sent, add)
        _cooperation(ms, text, sent, cues, home, add)
        _part_of(ms, text, sent, cues, subject, add)
        _develops(ms, text, sent, cues, subject, add, local)
        _composed(ms, text, sent, add)
        _plan_clusters(ms, text, sent, add)
        _operates(ms, text, sent, cues, add)
        find_containment(ms, text, sent, home, add, local)
    return tuple(out.values())


def _own_platform(home: Entity | None, title_platform: Entity | None) -> Entity | None:
    """The platform the plan is about (its home, or the platform its title names)."""
    return home if home is not None and home.type == "Platform" else title_platform


def _title_platform(sentences: Sequence[Sentence], entities: Sequence[Entity], title: str,
                    home: Entity | None) -> Entity | None:
    """A platform the title names when the home place is a region (徐汇区建设上海人工智能创新集聚区
    发展规划): the plan's own platform, which its kind word (集聚区) stands for."""
    if home is None or home.type != "Region" or not sentences or sentences[0].text.strip() != title.strip():
        return None
    first = sentences[0].id
    named = [e for e in entities if e.type == "Platform" and any(m.sentence == first for m in e.mentions)]
    return max(named, key=lambda e: len(e.mentions)) if named else None


def _heading_subject(text: str, ms: list[M]) -> Entity | None:
    """An article heading that is a place's name (（一）海沧集成电路产业园。): that place, the implied
    subject of the article's sentences (the same paragraph)."""
    m = HEADING.match(text)
    if m is None:
        return None
    s, e = m.span("name")
    names = sorted((x for x in ms if x.end == e and s <= x.start and x.entity.type == "Platform"), key=lambda x: x.start)
    return names[0].entity if names else None


def _industry_forms(entities: Sequence[Entity]) -> list[tuple[str, Entity]]:
    """Chinese forms of the document's industries, longest first; a form inside a longer one
    (显示 in 柔性显示) is left to the longer."""
    forms = {}
    for e in entities:
        if e.type == "Industry":
            for f in (e.name, *e.aliases, *(m.text for m in e.mentions)):
                if f and len(f) >= 2 and not f.isascii():
                    forms.setdefault(f, e)
    ordered = sorted(forms.items(), key=lambda kv: -len(kv[0]))
    joined = "\n".join(f for f, _ in ordered)
    out = []
    for f, e in ordered:
        i = joined.find(f)
        inside_other = False
        while i >= 0:                               # f inside a longer form of another industry
            line_start = joined.rfind("\n", 0, i) + 1
            line_end = joined.find("\n", i)
            g = joined[line_start:line_end if line_end >= 0 else len(joined)]
            if len(g) > len(f) and forms[g] is not e:
                inside_other = True
                break
            i = joined.find(f, i + 1)
        if not inside_other:
            out.append((f, e))
    return out


def _serves_by_name(ms: list[M], text: str, sent, industries, add) -> None:
    """A platform whose name holds an industry's name serves it (集成电路产业园 -> 集成电路)."""
    for outer in ms:
        if outer.entity.type != "Platform":
            continue
        name = text[outer.start:outer.end]
        for form, ind in industries:
            if form in name:
                add(outer.entity, "SERVES", ind, sent, "serves:name")


def _serves_adjacent(ms: list[M], text: str, sent, add) -> None:
    """发挥生物岛生物医药集群优势: a place right before an industry, in a clause about clusters."""
    outer = outer_mentions(ms)
    for a, b in zip(outer, outer[1:]):
        clause = CLAUSE.search(text, b.end)
        if a.entity.type == "Platform" and b.entity.type == "Industry" and a.end == b.start \
                and "集群" in text[b.end:clause.start() if clause else len(text)]:
            add(a.entity, "SERVES", b.entity, sent, "serves:adjacent")


def _anchors(ms: list[M], text: str, sent, cues, add, local: Entity | None = None) -> None:
    for m in _rx(r"以(?P<x>[^,,。;;以]{{2,60}}?)为(?:{0})的?", "anchor_core").finditer(text):
        anchors = list_after(ms, m.start("x"), m.end("x"), ("Enterprise", "Institution"))
        if not anchors:
            continue
        place = next((p for p in outer_mentions(ms) if p.start >= m.end() and p.entity.type == "Platform"), None)
        between = text[m.end():place.start] if place is not None else ""
        if place is None or (CLAUSE.search(between) and not _rx(
                r"[,,][\u4e00-\u9fff]{{0,4}}?(?:{0})[^,,。;;]{{0,12}}", "build").fullmatch(between)):
            subject = _anchor_subject(ms, text, m.start(), local)
            if subject is not None and not text[m.end() - 1:m.end()] == "的":
                _anchor(subject, anchors, ms, sent, add, "anchor:subject")
            continue                                # 以X为核心,高标准建设P: the next clause builds P
        _anchor(place, anchors, ms, sent, add, "anchor:core")
    for m in _rx(r"(?:{0})(?P<x>[^,,。;;]{{2,40}}?)(?:[,,]|(?=(?:{1})))", "anchor_rely", "build").finditer(text):
        anchors = list_after(ms, m.start("x"), m.end("x"), ("Enterprise", "Institution"))
        if not anchors:
            continue
        seg = segment_start(text, m.start())
        end = next((c.start() for c in SEGMENT_END.finditer(text, m.end())), len(text))
        after = [p for p in outer_mentions(ms) if m.end() <= p.start < end and p.entity.type == "Platform"
                 and _rx(r"(?:{0})[^,,。;;]*$", "build").search(text[m.end():p.start])]
        before = [p for p in outer_mentions(ms) if seg <= p.start and p.end <= m.start() and p.entity.type == "Platform"
                  and not CLAUSE.search(text, p.end, m.start() - 1)]
        opening = next((p for p in before if p.start - seg <= 1 and SITUATED.match(text, p.end, m.start())), None)
        place = after[0] if after else (opening or (before[-1] if before else None))
        if place is not None:                       # 依托X建设P; P…,依托X…: the platform it relies on X
                                                    # (P位于Q核心区域,依托X…: P, not Q)
            _anchor(place, anchors, ms, sent, add, "anchor:rely")


SEGMENT_END = re.compile(r"[;;。]")
SITUATED = re.compile(r"(?:[((][^()()]{1,12}[))])?(?:位于|地处|坐落于|规划面积|总面积|占地)[^;;。]*[,,]$")


def _anchor_subject(ms: list[M], text: str, pos: int, local: Entity | None) -> M | None:
    """The platform a clause-opening 以X为核心/龙头 speaks of: the platform its clause group opens with
    (生物医药园以人福…为龙头), else the article's platform its heading names."""
    seg = segment_start(text, pos)
    first = next((p for p in outer_mentions(ms) if p.start >= seg), None)
    if first is not None and first.end <= pos and first.entity.type == "Platform" \
            and text[first.end:pos] in ("", "将", "要", "坚持", "着力"):
        return first
    if first is not None and first.end <= pos and first.entity.type == "Platform" and first.start - seg <= 1 \
            and text[pos - 1:pos] in ",," and SITUATED.match(text, first.end, pos):
        return first                                # P位于Q,(规划面积…,)以A、B为核心: P's own clauses first
    clause = max((c.end() for c in CLAUSE.finditer(text, 0, pos)), default=0)
    if local is not None and clause == seg and text[seg:pos] in ("", "坚持", "着力", "重点"):
        return M(pos, pos, local)
    return None


def _anchor(place: M, anchors: list[M], ms: list[M], sent, add, rule: str) -> None:
    """P ANCHORED_BY each anchor; an anchor company operates in the industry P's name holds (one
    industry: a park named for several does not say which company works in which)."""
    inds = {i.entity.id: i.entity for i in ms if i.entity.type == "Industry"
            and place.start <= i.start and i.end <= place.end and place.end > place.start}
    if not inds:
        inds = {e.id: e for f, e in _INDUSTRIES.get() if f in place.entity.name}
    for a in anchors:
        add(place.entity, "ANCHORED_BY", a.entity, sent, rule)
        if a.entity.type == "Enterprise" and len(inds) == 1:
            for ind in inds.values():
                add(a.entity, "OPERATES_IN", ind, sent, "operates:anchor")


def _carriers(ms: list[M], text: str, sent, cues, add) -> None:
    build = _rx(r"(?:{0})", "build")
    for m in _rx(r"以(?P<x>[^,,。;;以]{{2,60}}?)为(?:主要|重要|核心)?(?:{0})", "carrier").finditer(text):
        places = list_after(ms, m.start("x"), m.end("x"), PLACES)
        if not places:
            continue
        rest = text[m.end():]
        clause_end = m.end() + (CLAUSE.search(rest).start() if CLAUSE.search(rest) else len(rest))
        scope_end = clause_end
        verb = build.search(text[m.end():scope_end])
        if not verb:                                    # 以P为牵引,大力发展X: the next clause
            nxt = CLAUSE.search(text, clause_end + 1)
            scope_end = nxt.start() if nxt else len(text)
            verb = build.search(text[m.end():scope_end])
            if not verb and nxt is not None and text.startswith(("以", "依托"), clause_end + 1) \
                    and text[nxt.start():nxt.start() + 1] in ",,":    # 以P为载体,以A为龙头,重点发展X
                after = CLAUSE.search(text, nxt.start() + 1)
                scope_end = after.start() if after else len(text)
                verb = build.search(text[m.end():scope_end])
        if not verb:
            continue
        for ind in list_after(ms, m.end() + verb.start(), scope_end, ("Industry",)):
            for p in places:
                add(p.entity, "SERVES", ind.entity, sent, "serves:carrier")
        for outer in list_after(ms, m.end() + verb.start(), scope_end, ("Platform",)):
            for i in ms:
                if i.entity.type == "Industry" and outer.start <= i.start and i.end <= outer.end:
                    for p in places:
                        add(p.entity, "SERVES", i.entity, sent, "serves:carrier")


def _relied_on(ms: list[M], text: str, sent, add) -> None:
    """依托P建设/打造X产业集群: the platform a clause relies on serves the industries it builds there."""
    for m in _rx(r"依托(?P<x>[^,,。;;]{{2,30}}?)[,,]?(?:{0})", "build").finditer(text):
        places = [p for p in list_after(ms, m.start("x"), m.end("x"), ("Platform",)) if p.end == m.end("x")]
        if not places:
            continue
        end = _clause_end_at(text, m.end())
        for ind in list_after(ms, m.end(), end, ("Industry",)):
            add(places[-1].entity, "SERVES", ind.entity, sent, "serves:relied_on")


def _actor(ms: list[M], text: str, pos: int, home: Entity | None) -> Entity | None:
    """The named actor before ``pos`` (the 与 of 与X合作): a place or institute written right
    before it (知识城与生物岛协同) or right after 以 (以中新广州知识城…为牵引), else the document's
    own place."""
    before = [m for m in outer_mentions(ms) if m.end <= pos and m.entity.type in COOP]
    if before and before[-1].end == pos:
        return before[-1].entity
    if before and pos - before[-1].end <= 4 and not CLAUSE.search(text, before[-1].end, pos) \
            and before[-1].start <= segment_start(text, pos) + 2:
        return before[-1].entity                    # 福建省(坚持)与宁夏回族自治区…协作
    for m in reversed(before):
        if m.start > 0 and text[m.start - 1] == "以":
            return m.entity
    if text[max(0, pos - 2):pos] in (",并", ",并", "并") or text[pos - 1:pos] in ",,":
        subject = segment_subject(ms, text, pos, ("Platform",))
        if subject is not None:                     # P重点发展…,并与Q协同发展: P, the group's subject
            return subject.entity
    return home


def _joined_before(ms: list[M], text: str, pos: int) -> list[M]:
    """A、B与X…: the places listed with the actor written right before 与."""
    before = [m for m in outer_mentions(ms) if m.end <= pos and m.entity.type in COOP]
    if not before or before[-1].end != pos:
        return []
    out = [before[-1]]
    for m in reversed(before[:-1]):
        if text[m.end:out[0].start] in ("、", "和", "及") and m.entity.type == out[0].entity.type:
            out.insert(0, m)
        else:
            break
    return out[:-1]


def _list_before_pos(ms: list[M], text: str, pos: int) -> list[M]:
    """The place or institute written right before ``pos``, with those listed with it."""
    before = [m for m in outer_mentions(ms) if m.end <= pos and m.entity.type in COOP]
    if not before or before[-1].end != pos:
        return []
    return _joined_before(ms, text, pos) + [before[-1]]


class _Partners(NamedTuple):
    """与X…合作: where 与 stands and the span X of the partners."""
    pos: int
    x: tuple[int, int]

    def start(self, group: str | None = None) -> int:
        return self.x[0] if group else self.pos

    def end(self, group: str | None = None) -> int:
        return self.x[1]


def _partners(ms: list[M], text: str) -> list[_Partners]:
    """Each 与 followed in its clause by a cooperation verb that is not part of a place's or a
    body's name (合作 in 深港科技创新合作区 is not one; a quoted programme may state the cooperation)."""
    if "与" not in text:
        return []
    verbs = _rx(r"(?:{0})", "coop_verb")
    names = [(m.start, m.end) for m in outer_mentions(ms) if m.entity.type != "Initiative"]
    out = []
    for i in [j for j, ch in enumerate(text) if ch == "与"]:
        if any(a <= i < b for a, b in names):
            continue
        clause_end = _clause_end_at(text, i + 1)
        limit = min(clause_end, i + 1 + 68)
        nxt = text.find("与", i + 1, limit)
        limit = nxt if nxt >= 0 else limit          # (the partners hold no other 与)
        for v in verbs.finditer(text, i + 3, clause_end):
            if v.start() >= limit:
                break
            if not any(a <= v.start() < b for a, b in names):
                out.append(_Partners(i, (i + 1, v.start())))
                break
    return out


def _cooperation(ms: list[M], text: str, sent, cues, home, add) -> None:
    for m in _partners(ms, text):
        actor = _actor(ms, text, m.start(), home)
        if actor is None:
            continue
        joined = _joined_before(ms, text, m.start())
        if joined and text[joined[0].start - 1:joined[0].start] == "与":
            for pair in _list_before_pos(ms, text, joined[0].start - 1):   # A与B、C与D: A-B, C-D
                add(pair.entity, "COOPERATES_WITH", joined[0].entity, sent, "cooperates:with")
            joined = []
        actors = [actor] + [a.entity for a in joined if a.entity.id != actor.id]
        cut = text.find("等", m.start("x"), m.end("x"))
        xe = cut if cut > m.start("x") else m.end("x")   # 与A、B等中东国家…合作: the kind after 等 is no partner
        for t in list_after(ms, m.start("x"), xe, COOP):
            if text.startswith("的", t.end) and text[max(0, t.start - 2):t.start] in ("位于", "地处"):
                continue                            # 与位于福田区的P协同: the place qualifies the partner
            for a in actors:
                add(a, "COOPERATES_WITH", t.entity, sent, "cooperates:with")
    for m in _rx(r"由(?P<x>[^,,。;;由]{{2,40}}?)(?:等[^,,。;;]{{0,6}})?(?:{0})", "coop_verb").finditer(text):
        cut = text.find("等", m.start("x"), m.end("x"))
        members = list_after(ms, m.start("x"), cut if cut > 0 else m.end("x"), ("Institution", "Enterprise"))
        for b in members[1:]:                           # 由A、B等院校协作: A works with each of the others
            add(members[0].entity, "COOPERATES_WITH", b.entity, sent, "cooperates:jointly")
    if home is not None and any(w in text for w in cues["aid"]):
        regions = [m for m in outer_mentions(ms) if m.entity.type == "Region" and m.entity.id != home.id]
        for i, r in enumerate(regions):
            nxt = regions[i + 1] if i + 1 < len(regions) else None
            if nxt is not None and nxt.start == r.end:
                continue                                   # 贵州黔南: the province qualifies the prefecture
            add(home, "COOPERATES_WITH", r.entity, sent, "cooperates:aid")


def _part_of(ms: list[M], text: str, sent, cues, home, add) -> None:
    outer = [m for m in ms if m.entity.type == "Platform"]
    for a in outer:
        if text[a.end:a.end + 1] in "((":
            inner = next((b for b in outer if b.start == a.end + 1 and text[b.end:b.end + 1] in "))"), None)
            if inner is not None:
                add(inner.entity, "PART_OF", a.entity, sent, "part_of:bracket")
    for m in _rx(r"(?:{0})", "part_whole").finditer(text):
        before = [p for p in outer_mentions(ms) if p.end <= m.start() and p.entity.type in PLACES
                  and not CLAUSE.search(text, p.end, m.start())]
        if not before:                              # P位于…,包括Q、R: the sentence's subject
            first = next((p for p in outer_mentions(ms) if p.entity.type in PLACES and p.end <= m.start()), None)
            subject = segment_subject(ms, text, m.start())
            if subject is not None:
                before = [subject]
            elif first is not None and first.entity.type == "Platform" and (
                    first.start <= 2 or (home is not None and first.entity.id == home.id)):
                before = [first]                    # 本规划范围为P全域,…,包括Q、R
            else:
                continue
        whole = before[-1]
        clause = CLAUSE.search(text, m.end())
        end = clause.start() if clause else len(text)
        for part in list_after(ms, m.end(), end, ("Platform",)):
            add(part.entity, "PART_OF", whole.entity, sent, "part_of:includes")
        if whole.entity.type == "Region":           # 都市圈包括长沙市全域、…醴陵市: regions lie in it
            for part in list_after(ms, m.end(), end, ("Region",)):
                if not text.startswith(("中心城区", "城区", "部分", "的"), part.end):
                    add(part.entity, "LOCATED_IN", whole.entity, sent, "located_in:includes")
        elif whole.entity.type == "Platform" and text[max(0, m.start() - 2):m.start()] == "范围":
            parts = list_after(ms, m.end(), end, ("Region",))   # 新区范围包括浦口区、六合区: the districts lie in it
            partly = bool(parts) and "部分" in text[parts[-1].end:end]
            for part in parts:
                if partly:                              # A、B和C部分区域: the platform lies in them
                    add(whole.entity, "LOCATED_IN", part.entity, sent, "located_in:covers")
                elif not text.startswith(("中心城区", "城区", "的"), part.end):
                    add(part.entity, "LOCATED_IN", whole.entity, sent, "located_in:includes")


def _composed(ms: list[M], text: str, sent, add) -> None:
    """P由Q、R和S组成: Q, R, S are PART_OF P."""
    for m in re.finditer(r"由(?P<parts>[^,,。;;]{2,80}?)(?:组成|构成)", text):
        whole = [p for p in outer_mentions(ms) if p.end <= m.start() and p.entity.type in PLACES
                 and not CLAUSE.search(text, p.end, m.start())]
        if not whole and text[max(0, m.start() - 1)] in ",,":
            subject = segment_subject(ms, text, m.start())     # P位于Q,由A、B组成: the group's subject
            whole = [subject] if subject is not None and subject.entity.type == "Platform" else []
        if whole:
            for part in list_after(ms, m.start("parts"), m.end("parts"), ("Platform",)):
                add(part.entity, "PART_OF", whole[-1].entity, sent, "part_of:composed")


def _develops(ms: list[M], text: str, sent, cues, home: Entity | None, add, local: Entity | None = None) -> None:
    """滨江片区重点发展化学药、现代中药: a place right before a develop verb serves the industries
    after it in the clause. A develop verb opening a clause with no place of its own takes the
    sentence's subject (园区位于…,重点发展A、B) or, in a platform's own plan, that platform."""
    for m in _rx(r"(?:{0})", "develop").finditer(text):
        outer = [p for p in outer_mentions(ms) if p.end <= m.start()]
        place = outer[-1] if outer else None
        if place is None or place.entity.type != "Platform" or CLAUSE.search(text, place.end, m.start()):
            implied = _implied_subject(outer, text, m.start(), home, local)
            if implied is None:
                _firm_develops(ms, outer, text, m, sent, add)
                continue
            places = [implied]
        else:
            between = text[place.end:m.start()]
            if len(between) > 2 and not re.fullmatch(r"与[^,,。;;]{1,8}?(?:协同|共同|联动|携手)", between):
                continue                                # 知识城与生物岛协同发展生物医药
            places = [place.entity]
            if len(outer) > 1 and outer[-2].entity.type == "Platform" and text[outer[-2].end:place.start] in "与和及、":
                places.insert(0, outer[-2].entity)      # 知识城与生物岛协同发展生物医药: both
        clause = CLAUSE.search(text, m.end())
        for ind in list_after(ms, m.end(), clause.start() if clause else len(text), ("Industry",)):
            for p in places:
                add(p, "SERVES", ind.entity, sent, "serves:develop")


CARRIER_PHRASE = re.compile(r"以[^,,。;;以]{1,60}?为[\u4e00-\u9fff]{0,4}?(?:载体|核心|支撑|依托|平台|龙头|牵引)"
                            r"|依托[^,,。;;]{1,60}?(?=[,,]|建设|打造|布局|建成)")


def _firm_develops(ms: list[M], outer: list[M], text: str, m: re.Match, sent, add) -> None:
    """支持山东港口集团以…推进…,布局港航物流、冷链物流等产业: a company that opens the clause group
    operates in the industries a later clause of the group develops."""
    clause_start = max((c.end() for c in CLAUSE.finditer(text, 0, m.start())), default=0)
    if m.start() - clause_start > 2:
        return
    seg = segment_start(text, m.start())
    first = next((p for p in outer if p.start >= seg), None)
    if first is None or first.entity.type != "Enterprise" or text[seg:first.start] not in ("", "支持", "推动", "鼓励", "引导"):
        return
    if any(p.entity.type in PLACES and p.start >= seg and not text.startswith("为", p.end) for p in outer[1:]
           if p is not first and not text[max(0, p.start - 1):p.start] == "以"):
        return                                      # another place acts in between
    clause = CLAUSE.search(text, m.end())
    for ind in list_after(ms, m.end(), clause.start() if clause else len(text), ("Industry",)):
        add(first.entity, "OPERATES_IN", ind.entity, sent, "operates:develop")


def _implied_subject(before: list[M], text: str, pos: int, home: Entity | None,
                     local: Entity | None = None) -> Entity | None:
    """The platform a clause-opening develop verb speaks of: the platform its clause group opens
    with (万庄片区依托…建设…,重点发展…; 以华祥片区为综合服务核,重点发展…), else the platform the
    group built or named last (依托江湾镇建设江湾文旅特色小镇,重点发展…), else, when the sentence
    names no place before the verb, the document's own platform."""
    clause_start = max((c.end() for c in CLAUSE.finditer(text, 0, pos)), default=0)
    if pos - clause_start > 2:
        return None                                 # the verb does not open its clause
    subject = segment_subject(before, text, pos)
    if subject is not None and subject.entity.type == "Platform":
        return subject.entity                       # (a region opening the group: its platform below)
    seg0 = segment_start(text, pos)
    opener = next((p for p in before if p.start == seg0 + 1 and text[seg0] == "在" and p.entity.type == "Platform"), None)
    if subject is None and opener is not None and not any(
            opener.end <= p.start < pos and p.entity.type in ("Platform", "Initiative", "Project") for p in before):
        return opener.entity                        # 在P预留…用地,重点引进X: P, where it all happens
                                                    # (在P建设Q,Q…重点发展X: Q's)
    if local is not None and subject is None:
        return local                                # an article's heading platform is its subject: 依托X建设Y,
    seg = segment_start(text, pos)                  # 重点发展… in 怀北片区's article serves 怀北片区, not Y
    places = [p for p in before if p.start >= seg and p.entity.type in PLACES]
    carriers = [m.span() for m in CARRIER_PHRASE.finditer(text, seg, pos)]
    platforms = [p for p in places if p.entity.type == "Platform" and not any(a <= p.start < b for a, b in carriers)]
    if platforms:
        return platforms[-1].entity
    if subject is None and not [p for p in before if p.entity.type in PLACES]:
        return home if home is not None and home.type == "Platform" else None
    return None


def _operates(ms: list[M], text: str, sent, cues, add) -> None:
    """A、B等基因检测企业: the companies operate in that industry; 以A、B为龙头,壮大X、Y产业集群:
    each company in the industry at the same place of the list."""
    prev = 0
    for m in re.finditer(r"等(?P<x>[^,,。;;、等]{0,10}?)(?:龙头|骨干|领军)?企业", text):
        inds = list_after(ms, m.start("x"), m.end("x"), ("Industry",))
        if not inds and text[m.end():m.end() + 1] in ",,":   # …等龙头企业,推动电子信息产业集群发展
            nxt = CLAUSE.search(text, m.end() + 1)
            inds = list_after(ms, m.end(), nxt.start() if nxt else len(text), ("Industry",))
            if len(inds) != 1:
                inds = []                           # several sectors and no mapping: none
        clause_start = max((c.end() for c in CLAUSE.finditer(text, 0, m.start())), default=prev)
        firms = list_after(ms, max(clause_start, prev), m.start(), ("Enterprise",))
        prev = m.end()                              # A等X企业和B等Y企业: B's kind is Y only
        for f in firms:
            for i in inds:
                add(f.entity, "OPERATES_IN", i.entity, sent, "operates:list")
    for m in _rx(r"以(?P<x>[^,,。;;以]{{2,60}}?)为(?:{0})(?P<c>[,,]?)", "anchor_core").finditer(text):
        firms = list_after(ms, m.start("x"), m.end("x"), ("Enterprise",))
        clause = CLAUSE.search(text, m.end())
        inds = list_after(ms, m.end(), clause.start() if clause else len(text), ("Industry",))
        if not inds and m.group("c") and clause is not None:   # 以A、B为龙头,依托P建设X产业集群
            nxt = _clause_end_at(text, clause.end())
            inds = list_after(ms, clause.end(), nxt, ("Industry",))
            inds = inds if len(inds) == 1 else []
        if firms and len(firms) == len(inds) and (len(inds) == 1 or (m.group("c") and "分别" in text[m.end():])):
            for f, i in zip(firms, inds):           # 以A、B为龙头,分别壮大X、Y: one to one
                add(f.entity, "OPERATES_IN", i.entity, sent, "operates:lead")
        elif firms and len(inds) == 1:              # 以A、B为龙头…建设X产业集群: all in X
            for f in firms:
                add(f.entity, "OPERATES_IN", inds[0].entity, sent, "operates:lead")
    _operates_predicate(ms, text, sent, add)
    _operates_builds(ms, text, sent, add)


OPERATE_VERB = re.compile(r"^(?:[^,,。;;]{0,8}?)(?:做强|做大|做优|做精|布局|深耕|拓展|开通|进军|主攻|发展|扩大|开展)")


def _operates_predicate(ms: list[M], text: str, sent, add) -> None:
    """A(、B等企业)做强/布局/开通 X: companies that a predicate ties to an industry in their clause."""
    outer = outer_mentions(ms)
    for i, f in enumerate(outer):
        if f.entity.type != "Enterprise" or (i + 1 < len(outer) and outer[i + 1].entity.type == "Enterprise"
                                             and text[f.end:outer[i + 1].start] in ("、", "和", "及")):
            continue                                # not the last of its list
        firms = [f]
        for g in reversed(outer[:i]):
            if g.entity.type == "Enterprise" and text[g.end:firms[0].start] in ("、", "和", "及"):
                firms.insert(0, g)
            else:
                break
        end = _clause_end_at(text, f.end)
        v = OPERATE_VERB.match(text[f.end:end])
        if v is None or any(m.entity.type == "Enterprise" for m in outer if f.end <= m.start < f.end + v.end()):
            continue
        inds = list_after(ms, f.end + v.end(), end, ("Industry",))
        if len(firms) > 1 and len(inds) == len(firms) and "分别" in v.group(0):
            for g, ind in zip(firms, inds):         # A、B分别做强X和Y: one to one
                add(g.entity, "OPERATES_IN", ind.entity, sent, "operates:predicate")
        elif len(inds) == 1 or len(firms) == 1 or (len(inds) == 2 and "分别" not in v.group(0)):
            for g in firms:                         # (A、B在P开展X和Y应用: both in both)
                for ind in inds[:2]:
                    add(g.entity, "OPERATES_IN", ind.entity, sent, "operates:predicate")


FIRM_BUILDS = re.compile(r"(?:设立|建设|布局|建成|打造)")
FIRM_TO_VERB = re.compile(r"^(?:将|要|正|加快|分别)*(?:在[^,,。;;在]{1,16}?(?:内|中)?)?(?:分别|加快)*$")
FACILITY = re.compile(r"(?:产业)?(?:研发中心|创新中心|研究院|基地|生产基地|制造基地|工厂|生产线|中心|平台|项目)")


def _operates_builds(ms: list[M], text: str, sent, add) -> None:
    """联想将在屯门设立智能制造基地, 支持华为终端在片区内建设智能终端研发中心: a company building a
    facility for an industry operates in it (A、B分别建设X和Y…中心: one to one)."""
    if not any(m.entity.type == "Enterprise" for m in ms):
        return
    outer = outer_mentions(ms)
    for v in FIRM_BUILDS.finditer(text):
        if any(o.start <= v.start() < o.end for o in outer):
            continue
        before = [o for o in outer if o.end <= v.start() and not CLAUSE.search(text, o.end, v.start())]
        firms = []
        for o in reversed(before):
            if o.entity.type == "Enterprise" and (not firms and FIRM_TO_VERB.match(text[o.end:v.start()])
                                                 or firms and text[o.end:firms[0].start] in ("、", "和", "及")):
                firms.insert(0, o)
            elif firms or o.entity.type != "Region" and o.entity.type != "Platform":
                break
        if not firms:
            continue
        end = _clause_end_at(text, v.end())
        inds = [i for i in ms if i.entity.type == "Industry" and v.end() <= i.start < end]
        inds = [i for n, i in enumerate(inds) if i.start == v.end() or (n > 0 and text[inds[n - 1].end:i.start] in ("和", "、", "及"))]
        if not inds or FACILITY.match(text, inds[-1].end) is None:
            continue
        if len(firms) > 1 and len(inds) == len(firms) and "分别" in text[firms[-1].end:v.start()]:
            for f, i in zip(firms, inds):
                add(f.entity, "OPERATES_IN", i.entity, sent, "operates:builds")
        elif len(inds) == 1:
            for f in firms:
                add(f.entity, "OPERATES_IN", inds[0].entity, sent, "operates:builds")


def _clause_end_at(text: str, pos: int) -> int:
    c = CLAUSE.search(text, pos)
    return c.start() if c else len(text)


CLUSTERS = re.compile(r"(?:打造|建设|形成|培育|发展)(?P<x>[^,,。;;]{4,80}?)[一二两三四五六七八九十\d]+大(?:产业)?(?:组团|集群|板块|基地)")


def _plan_clusters(ms: list[M], text: str, sent, add) -> None:
    """落实知识城总体发展规划,…打造A、B…四大组团: the platform whose plan the sentence carries out
    serves the industries of the clusters it builds."""
    for m in CLUSTERS.finditer(text):
        plans = [p for p in ms if p.entity.type == "Initiative" and p.end <= m.start()]
        subject = next((pl for p in plans for pl in ms if pl.entity.type == "Platform"
                        and p.start <= pl.start and pl.end <= p.end), None)
        if subject is None:
            continue
        for ind in list_after(ms, m.start("x"), m.end("x"), ("Industry",)):
            add(subject.entity, "SERVES", ind.entity, sent, "serves:plan_clusters")
