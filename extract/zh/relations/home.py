"""The document's own place (its home): the region or zone whose plan, report or measures it is.

A plan's title usually names it (徐汇区建设上海人工智能创新集聚区发展规划: of the places the title
names, the one named most). A real page often has no usable title (an index table, a dateline, a
notice's heading) and names its place by signs in the text instead (``relation_cues.tsv``,
relation ``home``): the plan it issues (印发《临港新片区创新型产业规划》: a place heading the name
of a plan), a short form it defines (南京江北新区(以下简称新区)) and the self-references 我省 /
我市 / 我区 that name a place's kind. Each sign weighs more than a mention; a place written only
inside an organ's name (上海市经济和信息化委员会) is the organ's, not the page's subject, and does
not count.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from ...model import Entity, Sentence
from ...textnorm import fold_width
from ...vocab import PLACES
from .cues import relation_cues

__all__ = ["home_place"]

SIGN = 3  # what a sign weighs against one mention
ISSUED = 2  # more for the plan the page issues (印发《…》) than for one it cites


def home_place(sentences: Sequence[Sentence], entities: Sequence[Entity], title: str = "") -> Entity | None:
    """The place the document is about: of the regions and platforms its title names, the one
    named most (the later one on a tie: 佛山市南海区 -> 南海区); else the place the text's signs and
    mentions point to (``_signed``); else the region mentioned most, if more than once. (English plans name their
    place in full in the title: ``extract/en/relations/context.py`` has its own policy.)"""
    regions = [e for e in entities if e.type == "Region"]
    first = sentences[0] if sentences else None
    titled = first is not None and bool(title) and first.text.strip() == title.strip()
    if titled and first is not None:
        spans = [(m.start, m.end, e) for e in entities for m in e.mentions if m.sentence == first.id]
        in_title = [
            (s, e)
            for s, t, e in spans
            if e.type in PLACES and not any(a <= s and t <= b and (a, b) != (s, t) for a, b, _ in spans)
        ]
        if in_title:
            counts = Counter(e.id for _, e in in_title)
            return max(in_title, key=lambda t: (counts[t[1].id], t[1].type == "Region", t[0]))[1]
    signed = _signed(sentences, entities)
    if signed is not None:
        return signed
    if titled:
        return _dominant(regions)  # 闽宁东西部协作规划: a title naming no place has no home,
    named = max(regions, key=lambda e: len(e.mentions)) if regions else None
    return named if named is not None and len(named.mentions) > 1 else None  # (a place named once: none)


def _dominant(regions: Sequence[Entity]) -> Entity | None:
    """…unless one region dominates the text (a policy address naming 香港 again and again): named at
    least three times and at least twice as often as any other region."""
    ranked = sorted(regions, key=lambda e: -len(e.mentions))
    if not ranked or len(ranked[0].mentions) < 3:
        return None
    if len(ranked) > 1 and len(ranked[0].mentions) < 2 * len(ranked[1].mentions):
        return None
    return ranked[0]


@lru_cache(maxsize=1)
def _home_cues() -> tuple[re.Pattern, re.Pattern, re.Pattern, dict[str, str]]:
    """(organ words after a place, a plan's name ending, issuing words before 《, self-references
    by the end of the place's name they stand for)."""
    cues = relation_cues()

    def alternation(kind: str) -> str:
        return "|".join(map(re.escape, cues[kind]))

    selves = {}
    for row in cues["home.self"]:
        word, _, end = row.partition("=")
        selves[word] = end
    return (
        re.compile(f"(?:{alternation('home.organ')})"),
        re.compile(f"(?:{alternation('home.plan')})(?:[(][^()]*[)])?$"),
        re.compile(f"(?:{alternation('home.issued')})[《“]?$"),
        selves,
    )


def _signed(sentences: Sequence[Sentence], entities: Sequence[Entity]) -> Entity | None:
    """The place the text's signs point to, when it has any: each place scores its mentions (not
    those inside an organ's name) plus SIGN for each plan its name heads (more for one the page
    issues), each short form it defines and each self-reference to its kind of place."""
    organ, plan_end, issued, selves = _home_cues()
    text_of = {s.id: (s.start, fold_width(s.text)) for s in sentences}
    plans = [
        (m.sentence, m.start, m.end)
        for e in entities
        if e.type == "Initiative"
        for m in e.mentions
        if plan_end.search(m.text)
    ]
    score: Counter[str] = Counter()
    signed: set[str] = set()
    places = [e for e in entities if e.type in PLACES]
    spans = [(m.sentence, m.start, m.end, e) for e in places for m in e.mentions]
    for sent_id, start, end, e in spans:
        if any(s == sent_id and a <= start and end <= b and (a, b) != (start, end) for s, a, b, _ in spans):
            continue  # 济南 in 济南高新区: the longer name's place
        base, text = text_of.get(sent_id, (0, ""))
        if organ.match(text, end - base):
            continue  # 上海市经济和信息化委员会: the organ's place
        score[e.id] += 1
        if text.startswith("(以下简称", end - base):
            score[e.id] += SIGN
            signed.add(e.id)
        for sent, plan_start, _ in plans:
            if sent == sent_id and plan_start == start:
                score[e.id] += SIGN + (ISSUED if issued.search(text, 0, start - base) else 0)
                signed.add(e.id)
    self_counts: Counter[str] = Counter()
    for _, text in text_of.values():
        for word in selves:
            self_counts[word] += text.count(word)
    for e in places:
        for word, suffix in selves.items():
            if self_counts[word] and any(m.text.endswith(suffix) for m in e.mentions):
                score[e.id] += SIGN * self_counts[word]  # (我市: a place written …市, not 乐陵)
                signed.add(e.id)
    if not signed:
        return None
    by_id = {e.id: e for e in places}
    best = max(score, key=lambda i: (score[i], by_id[i].type == "Platform"))
    return by_id[best]
