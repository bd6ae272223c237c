"""PART_OF between places, and the regions a place includes.

* P(Q片区): Q PART_OF P;
* P包括Q、R: platforms Q, R PART_OF P; regions a region includes lie in it (LOCATED_IN); the
  districts a platform's 范围 includes lie in it (it lies in them where it covers 部分 of them);
* P由Q、R和S组成: Q, R, S PART_OF P;
* enumerated structures (``structure``): a named layout's members (“三区”即A、B和C; “一轴”即Q,以A、B
  为组团: Q PART_OF the layout's owner, A and B PART_OF Q), a counted list (N个重点园区:A、B…) and
  a bracketed list after a zone (P(A、B、C)) are PART_OF their owner, the clause's subject
  (carried, or the document's own place); A作为B核心区: A PART_OF B; P是A和B的交汇点: P PART_OF A, B.
"""

from __future__ import annotations

from ...model import Entity
from ...relating import SentenceSink
from ...vocab import PLACES, RelationType
from .clauses import CLAUSE, clause_end, list_after, segment_subject
from .context import SentenceContext
from .cues import CueWords

__all__ = ["composed", "part_of", "structure"]


def part_of(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """P(Q): Q PART_OF P (not P(Q)党工委: two names of one zone's organ); P包括Q、R: the parts (the
    whole is the place before the cue, the clause group's subject, or a platform opening the
    sentence or the sentence's subject)."""
    text, about = s.text, s.subject
    platforms = [m for m in s.mentions if m.entity.type == "Platform"]
    for a in platforms:
        if text[a.end : a.end + 1] in "((":
            inner = next((b for b in platforms if b.start == a.end + 1 and text[b.end : b.end + 1] in "))"), None)
            if inner is not None and not cues.regex(r"(?:{0})", "home.organ").match(text, inner.end + 1):
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


LISTED = "、和及与"


def structure(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """Enumerated structures: layout members, counted lists, bracketed lists, 作为B核心区."""
    _layout(s, cues, out)
    _counted(s, cues, out)
    _bracketed(s, out)
    _as_part(s, cues, out)
    _node(s, cues, out)


def _owner(s: SentenceContext, pos: int) -> Entity | None:
    """Whose structure is written at ``pos``: the clause's subject (a Platform or Region), carried
    from the sentence, paragraph or heading, else the document's own place."""
    subject = s.subject_at(pos)
    if subject is None:
        return None
    found = [e for e in subject.entities if e.type in PLACES]
    return found[0] if len(found) == 1 else None


def _layout(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """“三区”即A、B和C: A, B, C PART_OF the owner; “一轴”即Q,以A、B为组团: Q PART_OF the owner and
    the platforms the rest of its sentence names PART_OF Q (not one 以建设X为机遇 names)."""
    text = s.text
    codes = list(
        cues.regex(r"“[一二三四五六七八九十两多双\d]+[^“”,;。]{{0,4}}”(?:{0})", "PART_OF.layout").finditer(text)
    )
    occasion = cues.regex(r"以(?:{0})?(?P<x>[^,;。]{{2,40}}?)为[^,;。]{{0,4}}?(?:{1})", "make", "PART_OF.occasion")
    framed = [(m.start("x"), m.end("x")) for m in occasion.finditer(text)]
    for i, code in enumerate(codes):
        end = codes[i + 1].start() if i + 1 < len(codes) else len(text)
        first_end = clause_end(text, code.end())
        members = [
            m
            for m in list_after(s.outer, code.end(), first_end, ("Platform",))
            if m.start - code.end() <= 2 or text[m.start - 1] in LISTED
        ]
        owner = _owner(s, code.start())
        for m in members:
            if owner is not None:
                out.add(m.entity, RelationType.PART_OF, owner, "part_of:layout")
        if len(members) != 1:
            continue
        for part in list_after(s.outer, first_end, end, ("Platform",)):
            if not any(a <= part.start and part.end <= b for a, b in framed):
                out.add(part.entity, RelationType.PART_OF, members[0].entity, "part_of:layout_member")


def _counted(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """N个重点园区:A、B…, 下设三个园区,分别为A、B和C: the listed platforms PART_OF the owner."""
    text = s.text
    head = cues.regex(
        r"[一二三四五六七八九十两\d]+(?:个|大)[^,;:。“”]{{0,8}}?(?:{0})(?::|,(?:{1}))",
        "PART_OF.counted",
        "PART_OF.named",
    )
    for m in head.finditer(text):
        owner = _owner(s, m.start())
        if owner is None:
            continue
        stop = next((i for i in range(m.end(), len(text)) if text[i] in ",;。"), len(text))
        for part in list_after(s.outer, m.end(), stop, ("Platform",)):
            out.add(part.entity, RelationType.PART_OF, owner, "part_of:counted")


def _bracketed(s: SentenceContext, out: SentenceSink) -> None:
    """P(A、B和C): a zone and its parks, each PART_OF P (a list of two or more platforms); P(Q), Q
    a region alone in the bracket: a location gloss, P LOCATED_IN Q."""
    text = s.text
    for p in s.outer:
        if p.entity.type != "Platform" or not text.startswith("(", p.end):
            continue
        close = text.find(")", p.end)
        if close < 0:
            continue
        inner = [m for m in s.mentions if p.end < m.start and m.end <= close]
        if (
            len(inner) == 1
            and inner[0].entity.type == "Region"
            and (inner[0].start, inner[0].end) == (p.end + 1, close)
        ):
            out.add(p.entity, RelationType.LOCATED_IN, inner[0].entity, "located_in:gloss")
            continue
        if len(inner) < 2 or any(m.entity.type != "Platform" for m in inner):
            continue
        gaps = [text[a.end : b.start] for a, b in zip(inner, inner[1:], strict=False)]
        if (
            text[p.end + 1 : inner[0].start]
            or text[inner[-1].end : close].strip("等")
            or any(g not in LISTED for g in gaps)
        ):
            continue
        for m in inner:
            out.add(m.entity, RelationType.PART_OF, p.entity, "part_of:bracket_list")


def _as_part(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """A作为B(的)核心区: A PART_OF B."""
    text = s.text
    part_word = cues.regex(r"(?:[(][^()]*[)])?的?(?:{0})", "PART_OF.as_part")
    for a, b in zip(s.outer, s.outer[1:], strict=False):
        if a.entity.type == "Platform" and b.entity.type in PLACES and text[a.end : b.start] == "作为":
            if part_word.match(text, b.end):
                out.add(a.entity, RelationType.PART_OF, b.entity, "part_of:as_part")


def _node(s: SentenceContext, cues: CueWords, out: SentenceSink) -> None:
    """(P)是A和B的(战略)交汇点/重要节点: the clause's subject P PART_OF A and B."""
    text = s.text
    rx = cues.regex(r"是(?P<x>[^,;。]{{2,40}}?)的[^,;。的]{{0,4}}?(?:{0})", "PART_OF.node")
    for m in rx.finditer(text):
        wholes = list_after(s.outer, m.start("x"), m.end("x"), PLACES)
        rest = text[wholes[-1].end : m.end("x")] if wholes else ""
        if not wholes or (rest and rest[0] not in LISTED):
            continue  # (是A和B的: B may be a name the entity side did not find)
        if any(text[a.end : b.start] not in LISTED for a, b in zip(wholes, wholes[1:], strict=False)):
            continue
        subject = s.subject_at(m.start())
        if subject is None or len(subject.entities) != 1:
            continue
        for w in wholes:
            out.add(subject.entities[0], RelationType.PART_OF, w.entity, "part_of:node")
