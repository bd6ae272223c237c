"""Relations between entities, from sentence-level cues, each with its evidence sentence."""
from __future__ import annotations

import re

from .model import Entity, Evidence, Relation, Sentence

# 以X为核心 / 依托X …建设P: P is anchored by X.
ANCHOR_CUE = re.compile(r"(以|依托)(?P<x>[^,,。;;]{2,40}?)(为核心|为龙头|为依托|,|,)")


def find_relations(sentences: tuple[Sentence, ...], entities: tuple[Entity, ...]) -> tuple[Relation, ...]:
    by_sentence: dict[str, list[tuple[int, int, Entity]]] = {}
    for e in entities:
        for m in e.mentions:
            by_sentence.setdefault(m.sentence, []).append((m.start, m.end, e))
    out: dict[tuple[str, str, str], Relation] = {}
    for sent in sentences:
        found = by_sentence.get(sent.id)
        if not found:
            continue
        for m in ANCHOR_CUE.finditer(sent.text):
            xs, xe = sent.start + m.start("x"), sent.start + m.end("x")
            anchors = [e for s, t, e in found if xs <= s and t <= xe and e.type in ("Enterprise", "Institution")]
            platforms = [e for s, t, e in found if s >= xe and e.type == "Platform"]
            for p in platforms[:1]:
                for a in anchors:
                    key = (p.id, "ANCHORED_BY", a.id)
                    out.setdefault(key, Relation(p.id, "ANCHORED_BY", a.id,
                                                 Evidence(sent.id, sent.start, sent.end, sent.text), "anchor_cue"))
    return tuple(out.values())
