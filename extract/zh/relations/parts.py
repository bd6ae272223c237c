"""PART_OF between places, and the regions a place includes.

* P(Q片区): Q PART_OF P;
* P包括Q、R: platforms Q, R PART_OF P; regions a region includes lie in it (LOCATED_IN); the
  districts a platform's 范围 includes lie in it (it lies in them where it covers 部分 of them);
* P由Q、R和S组成: Q, R, S PART_OF P.
"""

from __future__ import annotations

from ...relating import SentenceSink
from ...vocab import PLACES, RelationType
from .clauses import CLAUSE, list_after, segment_subject
from .context import SentenceContext
from .cues import CueWords

__all__ = ["composed", "part_of"]


def part_of(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """P(Q): Q PART_OF P; P包括Q、R: the parts (the whole is the place before the cue, the clause
    group's subject, or a platform opening the sentence or the sentence's subject)."""
    text, about = s.text, s.subject
    platforms = [m for m in s.mentions if m.entity.type == "Platform"]
    for a in platforms:
        if text[a.end : a.end + 1] in "((":
            inner = next((b for b in platforms if b.start == a.end + 1 and text[b.end : b.end + 1] in "))"), None)
            if inner is not None:
                out.add(inner.entity, RelationType.PART_OF, a.entity, "part_of:bracket")
    for m in cues.regex(r"(?:{0})", "part_whole").finditer(text):
        before = [
            p
            for p in s.outer
            if p.end <= m.start() and p.entity.type in PLACES and not CLAUSE.search(text, p.end, m.start())
        ]
        if not before:  # P位于…,包括Q、R: the sentence's subject
            first = next((p for p in s.outer if p.entity.type in PLACES and p.end <= m.start()), None)
            subject = segment_subject(s.outer, text, m.start())
            if subject is not None:
                before = [subject]
            elif (
                first is not None
                and first.entity.type == "Platform"
                and (first.start <= 2 or (about is not None and first.entity.id == about.id))
            ):
                before = [first]  # 本规划范围为P全域,…,包括Q、R
            else:
                continue
        whole = before[-1]
        clause = CLAUSE.search(text, m.end())
        end = clause.start() if clause else len(text)
        for part in list_after(s.outer, m.end(), end, ("Platform",)):
            out.add(part.entity, RelationType.PART_OF, whole.entity, "part_of:includes")
        if whole.entity.type == "Region":  # 都市圈包括长沙市全域、…醴陵市: regions lie in it
            for part in list_after(s.outer, m.end(), end, ("Region",)):
                if not text.startswith((*cues["region_part"], "部分", "的"), part.end):
                    out.add(part.entity, RelationType.LOCATED_IN, whole.entity, "located_in:includes")
        elif whole.entity.type == "Platform" and text[max(0, m.start() - 2) : m.start()] == "范围":
            # 新区范围包括浦口区、六合区: the districts lie in it
            parts = list_after(s.outer, m.end(), end, ("Region",))
            partly = bool(parts) and "部分" in text[parts[-1].end : end]
            for part in parts:
                if partly:  # A、B和C部分区域: the platform lies in them
                    out.add(whole.entity, RelationType.LOCATED_IN, part.entity, "located_in:covers")
                elif not text.startswith((*cues["region_part"], "的"), part.end):
                    out.add(part.entity, RelationType.LOCATED_IN, whole.entity, "located_in:includes")


def composed(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """P由Q、R和S组成: Q, R, S are PART_OF P."""
    text = s.text
    for m in cues.pattern("composed").finditer(text):
        whole = [
            p
            for p in s.outer
            if p.end <= m.start() and p.entity.type in PLACES and not CLAUSE.search(text, p.end, m.start())
        ]
        if not whole and text[max(0, m.start() - 1)] in ",,":
            subject = segment_subject(s.outer, text, m.start())  # P位于Q,由A、B组成: the group's subject
            whole = [subject] if subject is not None and subject.entity.type == "Platform" else []
        if whole:
            for part in list_after(s.outer, m.start("parts"), m.end("parts"), ("Platform",)):
                out.add(part.entity, RelationType.PART_OF, whole[-1].entity, "part_of:composed")
