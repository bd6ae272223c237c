"""English SERVES: P focuses on developing / develops / cultivates / serves A, B and C (in P); the A
and B industries in P; a platform whose name holds a sector the document names (… Artificial
Intelligence Island → artificial intelligence).
"""

from __future__ import annotations

import re

from ...relating import SentenceSink
from ...vocab import RelationType
from ..sectors import cue_ends
from .context import EnSentence, contains_stem, group, list_ending_at, list_from, place_after, subject_at, words_of
from .cues import CuePatterns

__all__ = ["serves", "serves_by_name"]


SERVERS = ("Platform", "Institution", "Project")


def serves(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """P focuses on developing A, B and C (in Q): the subject (or the place after the list) serves
    each sector; the A and B industries in P: P serves them."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    r = s.doc.sectors
    special = [c.end() for c in cues.find("specialize", text)]
    for pos in cue_ends(text, r):
        inds = list_from(text, ms, pos, ("Industry",), lead=8)
        if not inds:
            continue
        if pos in special:  # “…, specializing in X”: the platform just named
            before = [m for m in ms if m.end <= pos and m.entity.type in SERVERS]
            places = before[-1:]
        else:
            at = place_after(text, ms, inds[-1].end)
            places = [at] if at else group(text, ms, subject_at(text, subjects, pos))
        places = [p for p in places if p.entity.type in SERVERS]
        respectively = re.match(r"\s*,?\s*respectively\b", text[inds[-1].end :]) is not None
        if respectively and len(places) == len(inds) > 1:
            for p, i in zip(places, inds, strict=False):
                out.add(p.entity, RelationType.SERVES, i.entity, "en:serves:respectively")
            continue
        for p in places:
            for i in inds:
                out.add(p.entity, RelationType.SERVES, i.entity, "en:serves:develop")
    for h in r.head.finditer(text):
        inds = [m for m in ms if m.entity.type == "Industry" and m.end <= h.start()]
        if not inds or not re.fullmatch(r"\s*", text[inds[-1].end : h.start()]):
            continue
        listed = list_ending_at(text, ms, inds[-1])
        place = place_after(text, ms, h.end())
        if place is not None and place.entity.type in SERVERS:
            for i in listed:
                out.add(place.entity, RelationType.SERVES, i.entity, "en:serves:industries_in")


def serves_by_name(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """A platform whose name holds a sector the document names (“Zhangjiang Artificial Intelligence
    Island” → artificial intelligence; “Suzhou Biomedical Industrial Park” → biomedicine)."""
    text, names, industries = s.text, s.names, s.doc.industries
    for m in names:
        if m.entity.type != "Platform":
            continue
        words = words_of(text[m.start : m.end])
        hits = []
        for ind in industries:
            forms = {ind.name_en or "", *(a for a in ind.aliases if a.isascii())}
            best = max((words_of(f) for f in forms if f and contains_stem(words, words_of(f))), key=len, default=None)
            if best:
                hits.append((best, ind))
        for best, ind in hits:  # “Medical Tourism” is medical tourism, not tourism
            if not any(len(other) > len(best) and contains_stem(other, best) for other, _ in hits):
                out.add(m.entity, RelationType.SERVES, ind, "en:serves:name")
