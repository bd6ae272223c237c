"""SERVES from a platform's name and from what a sentence builds on a carrier.

* 集成电路产业园 -> 集成电路: a platform whose name holds an industry's name serves it;
* 发挥生物岛生物医药集群优势: a platform right before an industry, in a clause about clusters;
* 以P为牵引/载体 … 发展X: the carriers serve what the next clause develops;
* 依托P建设X产业集群: the platform relied on serves what is built there;
* 落实知识城总体发展规划,…打造A、B…四大组团: the platform whose plan is carried out serves the
  industries of its clusters;
* a clause that develops industries (a ``SERVES.before`` cue before them, or a ``SERVES.after``
  cue closing their list: 重点围绕X、Y等领域) serves them from its subject, carried from the clause,
  the sentence, the paragraph or the document (``topic.py``); a weak cue (``SERVES.weak``: 推进,
  支持) only from a subject the sentence names: A规划面积…,定位为…,重点发展X → A
  SERVES X; a zone's own plan (支持开展X等技术攻关) → the zone SERVES X;
* a company the clause speaks of, developing industries, operates in them (OPERATES_IN);
* 经开区获A、B等称号: a designation the subject receives holds industries it serves.
"""

from __future__ import annotations

from ...relating import SentenceSink
from ...vocab import PLACES, RelationType
from .clauses import CLAUSE, clause_end, list_after
from .context import SentenceContext
from .cues import CueWords
from .topic import SUBJECT_TYPES, Subject

ACTORS = ("Platform", "Institution", "Enterprise")  # named before a sector, they take it up

__all__ = [
    "carriers",
    "plan_clusters",
    "relied_on",
    "serves_adjacent",
    "serves_by_name",
    "serves_titles",
    "serves_topic",
]


def serves_by_name(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """A platform whose name holds an industry's name serves it (集成电路产业园 -> 集成电路)."""
    text = s.text
    for platform in s.mentions:
        if platform.entity.type != "Platform":
            continue
        name = text[platform.start : platform.end]
        for form, ind in s.doc.name_forms:
            if form in name:
                out.add(platform.entity, RelationType.SERVES, ind, "serves:name")


def serves_adjacent(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """发挥生物岛生物医药集群优势: a place right before an industry, in a clause about clusters."""
    text, outer = s.text, s.outer
    for a, b in zip(outer, outer[1:], strict=False):
        clause = CLAUSE.search(text, b.end)
        if (
            a.entity.type == "Platform"
            and b.entity.type == "Industry"
            and a.end == b.start
            and "集群" in text[b.end : clause.start() if clause else len(text)]
        ):
            out.add(a.entity, RelationType.SERVES, b.entity, "serves:adjacent")


def carriers(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """以P、Q为牵引/载体, … 发展X: P and Q serve X (the verb in the clause, or in the next one)."""
    text = s.text
    build = cues.regex(r"(?:{0})", "build")
    for m in cues.regex(r"以(?P<x>[^,,。;;以]{{2,60}}?)为(?:主要|重要|核心)?(?:{0})", "carrier").finditer(text):
        places = list_after(s.outer, m.start("x"), m.end("x"), PLACES)
        if not places:
            continue
        rest = text[m.end() :]
        brk = CLAUSE.search(rest)
        stop = m.end() + (brk.start() if brk else len(rest))
        scope_end = stop
        verb = build.search(text[m.end() : scope_end])
        if not verb:  # 以P为牵引,大力发展X: the next clause
            nxt = CLAUSE.search(text, stop + 1)
            scope_end = nxt.start() if nxt else len(text)
            verb = build.search(text[m.end() : scope_end])
            if (
                not verb
                and nxt is not None
                and text.startswith(("以", "依托"), stop + 1)
                and text[nxt.start() : nxt.start() + 1] in ",,"
            ):  # 以P为载体,以A为龙头,重点发展X
                after = CLAUSE.search(text, nxt.start() + 1)
                scope_end = after.start() if after else len(text)
                verb = build.search(text[m.end() : scope_end])
        if not verb:
            continue
        for ind in list_after(s.outer, m.end() + verb.start(), scope_end, ("Industry",)):
            for p in places:
                out.add(p.entity, RelationType.SERVES, ind.entity, "serves:carrier")
        for platform in list_after(s.outer, m.end() + verb.start(), scope_end, ("Platform",)):
            for i in s.mentions:
                if i.entity.type == "Industry" and platform.start <= i.start and i.end <= platform.end:
                    for p in places:
                        out.add(p.entity, RelationType.SERVES, i.entity, "serves:carrier")


def relied_on(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """依托P建设/打造X产业集群: the platform a clause relies on serves the industries it builds there."""
    text = s.text
    for m in cues.regex(r"依托(?P<x>[^,,。;;]{{2,30}}?)[,,]?(?:{0})", "build").finditer(text):
        places = [p for p in list_after(s.outer, m.start("x"), m.end("x"), ("Platform",)) if p.end == m.end("x")]
        if not places:
            continue
        end = clause_end(text, m.end())
        for ind in list_after(s.outer, m.end(), end, ("Industry",)):
            out.add(places[-1].entity, RelationType.SERVES, ind.entity, "serves:relied_on")


def plan_clusters(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """落实知识城总体发展规划,…打造A、B…四大组团: the platform whose plan the sentence carries out
    serves the industries of the clusters it builds."""
    ms = s.mentions
    for m in cues.pattern("clusters").finditer(s.text):
        plans = [p for p in ms if p.entity.type == "Initiative" and p.end <= m.start()]
        subject = next(
            (
                pl
                for p in plans
                for pl in ms
                if pl.entity.type == "Platform" and p.start <= pl.start and pl.end <= p.end
            ),
            None,
        )
        if subject is None:
            continue
        for ind in list_after(s.outer, m.start("x"), m.end("x"), ("Industry",)):
            out.add(subject.entity, RelationType.SERVES, ind.entity, "serves:plan_clusters")


def serves_topic(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """A clause developing industries serves them from its subject (its own, carried from the clause
    before, the paragraph's or heading's topic, or the document's own platform): a SERVES cue in
    the clause before the industry or closing its list, no blocking word in the clause, and no
    other place written before it in the clause (在P…, 依托P…: the place rules' case). A subject
    from outside the sentence applies only where the sentence names no platform and builds no
    unnamed park (依托A建设智能终端产业园,重点发展X: X is the new park's)."""
    text = s.text
    before = cues.regex(r"(?:{0})", "SERVES.before")
    weak = cues.regex(r"(?:{0})", "SERVES.weak")
    after = cues.regex(r"(?:{0})", "SERVES.after")
    block = cues.regex(r"(?:{0})", "SERVES.block")
    for ind in s.outer:
        if ind.entity.type != "Industry":
            continue
        clause = s.clause_at(ind.start)
        own = {m.entity.id for m in clause.subjects}
        if any(
            m.entity.type in SUBJECT_TYPES and m.entity.id not in own and clause.start <= m.start and m.end <= ind.start
            for m in s.outer
        ):
            continue
        if block.search(text, clause.start, clause.end):
            continue
        strong = before.search(text, clause.start, ind.start) or after.search(text, ind.end, clause.end)
        if not (strong or weak.search(text, clause.start, ind.start)):
            continue
        subject = s.subject_at(ind.start)
        if subject is None or (subject.source != "clause" and _other_place(s, cues, subject, ind.start)):
            continue
        if subject.source != "clause" and _own_park(text, cues, clause.start, ind.start):
            continue  # 物联网小镇重点发展X: a park of its own the entity side did not name
        if not strong and subject.source not in ("clause", "carried", "issued"):
            continue  # 推进X, 支持X: a sector the sentence's own subject takes up, not the topic's
        for head in subject.entities:
            if head.type == "Enterprise" and subject.source in ("clause", "carried"):
                out.add(head, RelationType.OPERATES_IN, ind.entity, f"operates:topic:{subject.source}")
            else:  # (a company the clause speaks of works in the sector; a place serves it)
                out.add(head, RelationType.SERVES, ind.entity, f"serves:topic:{subject.source}")


def _other_place(s: SentenceContext, cues: CueWords, subject: Subject, pos: int) -> bool:
    """Does the sentence, before ``pos``, name a platform, company or institute other than the
    subject (a company or institute inside a 以…为龙头 frame anchors, a platform there carries),
    or build an unnamed park (建设智能终端产业园) whose sectors follow?"""
    heads = {e.id for e in subject.entities}
    if any(
        m.entity.type in ACTORS
        and m.entity.id not in heads
        and m.end <= pos
        and (m.entity.type == "Platform" or not _framed(s.text, m.start))
        for m in s.outer
    ):
        return True  # (推动湖南大学与三一集团共建…,开展X攻关: the actors named take X up)
    unnamed = cues.regex(r"(?:{0})[^,;。]{{0,24}}?(?:{1})", "make", "SERVES.place_kind")
    return any(not _framed(s.text, m.start()) for m in unnamed.finditer(s.text, 0, pos))


def _framed(text: str, pos: int) -> bool:
    """Is ``pos`` inside a 以…为 frame (以建设试点园区为契机): a circumstance, not a new park?"""
    start = text.rfind("以", 0, pos)
    return start >= 0 and not any(ch in ",;:。" for ch in text[start:pos]) and "为" in text[pos : clause_end(text, pos)]


def serves_titles(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """经开区获A、B等称号: the subject serves the industries the designations it receives hold."""
    text = s.text
    title = cues.regex(r"(?:{0})", "SERVES.title")
    end = cues.regex(r"(?:{0})", "SERVES.title_end")
    for clause in s.clauses:
        verb = title.search(text, clause.start, clause.end)
        if verb is None or not end.search(text, verb.end(), clause.end):
            continue
        subject = s.subject_at(verb.start())
        if subject is None or subject.source not in ("clause", "carried"):
            continue
        for ind in s.mentions:
            if ind.entity.type == "Industry" and verb.end() <= ind.start and ind.end <= clause.end:
                for head in subject.entities:
                    out.add(head, RelationType.SERVES, ind.entity, "serves:title")


def _own_park(text: str, cues: CueWords, start: int, end: int) -> bool:
    """Does the clause name, before ``end``, a park of its own by a kind word after a name
    (物联网小镇), not the bare word standing for the topic (园区重点发展X: the paragraph's park)?"""
    kinds = cues.regex(r"(?:{0})", "SERVES.place_kind")
    return any(m.start() - start >= 2 and text[m.start() - 1] not in "该本全" for m in kinds.finditer(text, start, end))
