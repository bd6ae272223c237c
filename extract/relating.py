"""What the relation rules of every language share: the mention view of a sentence (an entity
named in it, offsets relative to the sentence) and the outer mentions of a sentence."""
from __future__ import annotations

from typing import NamedTuple

from .model import Entity

PLACES = ("Platform", "Region")
COOP = ("Region", "Platform", "Institution")


class M(NamedTuple):
    """An entity mention inside one sentence (offsets relative to the sentence)."""
    start: int
    end: int
    entity: Entity


def mentions_by_sentence(sentences, entities, make=M) -> dict[str, list]:
    """Each sentence's mentions (by sentence id), offsets relative to the sentence; make builds
    one mention from (start, end, entity)."""
    start = {s.id: s.start for s in sentences}
    out: dict[str, list] = {}
    for e in entities:
        for m in e.mentions:
            base = start.get(m.sentence)
            if base is not None:
                out.setdefault(m.sentence, []).append(make(m.start - base, m.end - base, e))
    return out


_OUTER_CACHE: dict[int, tuple[list[M], list[M]]] = {}


def outer_mentions(ms: list[M]) -> list[M]:
    """Mentions not inside another mention (computed once per sentence's list)."""
    hit = _OUTER_CACHE.get(id(ms))
    if hit is not None and hit[0] is ms:
        return hit[1]
    out = [m for m in ms if not any(o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
                                    for o in ms)]
    if len(_OUTER_CACHE) >= 8:                      # a sentence's list and the few sublists its rules pass
        _OUTER_CACHE.clear()
    _OUTER_CACHE[id(ms)] = (ms, out)
    return out


