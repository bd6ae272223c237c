"""SERVES from a platform's name and from what a sentence builds on a carrier.

* 集成电路产业园 -> 集成电路: a platform whose name holds an industry's name serves it;
* 发挥生物岛生物医药集群优势: a platform right before an industry, in a clause about clusters;
* 以P为牵引/载体 … 发展X: the carriers serve what the next clause develops;
* 依托P建设X产业集群: the platform relied on serves what is built there;
* 落实知识城总体发展规划,…打造A、B…四大组团: the platform whose plan is carried out serves the
  industries of its clusters.
"""

from __future__ import annotations

from ...relating import SentenceSink
from ...vocab import PLACES, RelationType
from .clauses import CLAUSE, clause_end, list_after
from .context import SentenceContext
from .cues import CueWords

__all__ = ["carriers", "plan_clusters", "relied_on", "serves_adjacent", "serves_by_name"]


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
