"""English ANCHORED_BY: anchored by A and B; with A, B and C as its core; relying on A (P relies on A;
relying on A, we will build P).
"""

from __future__ import annotations

import re

from ...relating import SentenceSink
from ...vocab import RelationType
from .context import ANCHORS, CLAUSE_END, EnSentence, list_from, subject_at
from .cues import CuePatterns

__all__ = ["anchors"]


def anchors(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """P, anchored by A and B / with A and B as its core / relying on A, build P: P ANCHORED_BY A, B
    (the companies and institutes named)."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    for c in cues.find("anchor", text):
        place = subject_at(text, subjects, c.start())
        if c.groupdict().get("anchors"):
            # “…, with A, B and C as its core / its two poles”: “its” is the platform just named
            listed = [m for m in ms if c.start("anchors") <= m.start and m.end <= c.end("anchors")]
            anchors = [m for m in listed if m.entity.type in ANCHORS]
            clause = max((x.end() for x in CLAUSE_END.finditer(text, 0, c.start())), default=0)
            owner = [m for m in ms if clause <= m.start and m.end <= c.start() and m.entity.type == "Platform"]
            place = owner[-1] if owner else place
            if place is not None and place.entity.type == "Platform":
                for m in listed:
                    if m.entity.type == "Platform":
                        out.add(m.entity, RelationType.PART_OF, place.entity, "en:part_of:core")
        else:
            anchors = list_from(text, ms, c.end(), ANCHORS)
        if place is not None and place.entity.type == "Platform":
            for a in anchors:
                out.add(place.entity, RelationType.ANCHORED_BY, a.entity, "en:anchored_by")
    for c in cues.find("rely", text):
        anchors = list_from(text, ms, c.end(), ANCHORS)
        if not anchors:
            continue
        place = subject_at(text, subjects, c.start())
        if place is None or place.kind == "we" or place.entity.type != "Platform":
            # “Relying on A, we will build P”: the platform the main clause builds
            comma = text.find(",", anchors[-1].end)
            built = re.compile(r"\b(?:build|develop|construct|create|establish|set up|upgrade|turn|make)\b[^;.]*?$")
            place = next(
                (
                    m
                    for m in ms
                    if comma >= 0
                    and m.start > comma
                    and m.entity.type == "Platform"
                    and built.search(text[comma : m.start])
                ),
                None,
            )
        if place is not None and place.entity.type == "Platform":
            for a in anchors:
                out.add(place.entity, RelationType.ANCHORED_BY, a.entity, "en:anchored_by:rely")
