"""OPERATES_IN: the industries a company works in.

* A、B等基因检测企业: the companies operate in that industry;
* 以A、B为龙头,壮大X、Y产业集群: each company in the industry at the same place of the list (all in
  X when one industry is named);
* A(、B等企业)做强/布局/开通 X: companies a predicate ties to an industry in their clause;
* 联想将在屯门设立智能制造基地: a company building a facility for an industry operates in it.
"""

from __future__ import annotations

from ...relating import MentionView, SentenceSink
from ...vocab import RelationType
from .clauses import CLAUSE, clause_end, list_after
from .context import SentenceContext
from .cues import CueWords

__all__ = ["operates_builds", "operates_lead", "operates_list", "operates_predicate"]

LISTED = ("、", "和", "及")


def operates_list(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """A、B等基因检测企业: the companies listed before 等 operate in the industry the kind names."""
    text = s.text
    prev = 0
    for m in cues.pattern("firms_of_kind").finditer(text):
        inds = list_after(s.outer, m.start("x"), m.end("x"), ("Industry",))
        if not inds and text[m.end() : m.end() + 1] in ",,":  # …等龙头企业,推动电子信息产业集群发展
            nxt = CLAUSE.search(text, m.end() + 1)
            inds = list_after(s.outer, m.end(), nxt.start() if nxt else len(text), ("Industry",))
            if len(inds) != 1:
                inds = []  # several sectors and no mapping: none
        opening = max((c.end() for c in CLAUSE.finditer(text, 0, m.start())), default=prev)
        firms = list_after(s.outer, max(opening, prev), m.start(), ("Enterprise",))
        prev = m.end()  # A等X企业和B等Y企业: B's kind is Y only
        for f in firms:
            for i in inds:
                out.add(f.entity, RelationType.OPERATES_IN, i.entity, "operates:list")


def operates_lead(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """以A、B为龙头,(分别)壮大X、Y产业集群: one to one, or all in the one industry named."""
    text = s.text
    for m in cues.regex(r"以(?P<x>[^,,。;;以]{{2,60}}?)为(?:{0})(?P<c>[,,]?)", "anchor_core").finditer(text):
        firms = list_after(s.outer, m.start("x"), m.end("x"), ("Enterprise",))
        clause = CLAUSE.search(text, m.end())
        inds = list_after(s.outer, m.end(), clause.start() if clause else len(text), ("Industry",))
        if not inds and m.group("c") and clause is not None:  # 以A、B为龙头,依托P建设X产业集群
            nxt = clause_end(text, clause.end())
            inds = list_after(s.outer, clause.end(), nxt, ("Industry",))
            inds = inds if len(inds) == 1 else []
        if firms and len(firms) == len(inds) and (len(inds) == 1 or (m.group("c") and "分别" in text[m.end() :])):
            for f, i in zip(firms, inds, strict=True):  # 以A、B为龙头,分别壮大X、Y: one to one
                out.add(f.entity, RelationType.OPERATES_IN, i.entity, "operates:lead")
        elif firms and len(inds) == 1:  # 以A、B为龙头…建设X产业集群: all in X
            for f in firms:
                out.add(f.entity, RelationType.OPERATES_IN, inds[0].entity, "operates:lead")


def operates_predicate(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """A(、B等企业)做强/布局/开通 X: companies that a predicate ties to an industry in their clause."""
    text, outer = s.text, s.outer
    for i, f in enumerate(outer):
        if f.entity.type != "Enterprise" or (
            i + 1 < len(outer)
            and outer[i + 1].entity.type == "Enterprise"
            and text[f.end : outer[i + 1].start] in LISTED
        ):
            continue  # not the last of its list
        firms = [f]
        for g in reversed(outer[:i]):
            if g.entity.type == "Enterprise" and text[g.end : firms[0].start] in LISTED:
                firms.insert(0, g)
            else:
                break
        end = clause_end(text, f.end)
        v = cues.pattern("operate_verb").match(text[f.end : end])
        if v is None or any(m.entity.type == "Enterprise" for m in outer if f.end <= m.start < f.end + v.end()):
            continue
        inds = list_after(outer, f.end + v.end(), end, ("Industry",))
        if len(firms) > 1 and len(inds) == len(firms) and "分别" in v.group(0):
            for g, ind in zip(firms, inds, strict=True):  # A、B分别做强X和Y: one to one
                out.add(g.entity, RelationType.OPERATES_IN, ind.entity, "operates:predicate")
        elif len(inds) == 1 or len(firms) == 1 or (len(inds) == 2 and "分别" not in v.group(0)):
            for g in firms:  # (A、B在P开展X和Y应用: both in both)
                for ind in inds[:2]:
                    out.add(g.entity, RelationType.OPERATES_IN, ind.entity, "operates:predicate")


def operates_builds(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """联想将在屯门设立智能制造基地, 支持华为终端在片区内建设智能终端研发中心: a company building a
    facility for an industry operates in it (A、B分别建设X和Y…中心: one to one)."""
    ms, text, outer = s.mentions, s.text, s.outer
    if not any(m.entity.type == "Enterprise" for m in ms):
        return
    to_verb = cues.pattern("firm_to_verb")
    for v in cues.pattern("firm_builds").finditer(text):
        if any(o.start <= v.start() < o.end for o in outer):
            continue
        before = [o for o in outer if o.end <= v.start() and not CLAUSE.search(text, o.end, v.start())]
        firms: list[MentionView] = []
        for o in reversed(before):
            if o.entity.type == "Enterprise" and (
                not firms and to_verb.match(text[o.end : v.start()]) or firms and text[o.end : firms[0].start] in LISTED
            ):
                firms.insert(0, o)
            elif firms or o.entity.type != "Region" and o.entity.type != "Platform":
                break
        if not firms:
            continue
        end = clause_end(text, v.end())
        inds = [i for i in ms if i.entity.type == "Industry" and v.end() <= i.start < end]
        inds = [
            i
            for n, i in enumerate(inds)
            if i.start == v.end() or (n > 0 and text[inds[n - 1].end : i.start] in ("和", "、", "及"))
        ]
        if not inds or cues.pattern("facility").match(text, inds[-1].end) is None:
            continue
        if len(firms) > 1 and len(inds) == len(firms) and "分别" in text[firms[-1].end : v.start()]:
            for f, i in zip(firms, inds, strict=True):
                out.add(f.entity, RelationType.OPERATES_IN, i.entity, "operates:builds")
        elif len(inds) == 1:
            for f in firms:
                out.add(f.entity, RelationType.OPERATES_IN, inds[0].entity, "operates:builds")
