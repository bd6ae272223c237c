"""English containment: LOCATED_IN and PART_OF.

* X located in P; P is home to / hosts X; what a named place builds lies in it;
* A of P and A in P (Pudong New Area of Shanghai, the Hong Kong Park in the Lok Ma Chau Loop);
* P includes Q and R (platforms: PART_OF; regions a region consists of: LOCATED_IN);
* Q is the core area of P.
"""

from __future__ import annotations

import re

from ...relating import SentenceSink
from ...vocab import PLACES, RelationType
from .context import CLAUSE_END, NOT_LOCATED, EnSentence, group, list_ending_at, list_from, subject_at
from .cues import CuePatterns

__all__ = ["builds", "hosts", "located", "of_and_in", "parts", "wholes"]


def located(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """X located in P: the clause's subject (and the names listed with it) lies in the first place
    named after the cue."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    for c in cues.find("located", text):
        tail = next(
            (
                m
                for m in ms
                if m.start >= c.end()
                and m.entity.type in PLACES
                and not CLAUSE_END.search(text, c.end(), m.start)
                and m.start - c.end() <= 60
            ),
            None,
        )
        for head in group(text, ms, subject_at(text, subjects, c.start())):
            if tail is not None and (head.entity.type not in NOT_LOCATED or head.entity.type == "Event"):
                out.add(head.entity, RelationType.LOCATED_IN, tail.entity, "en:located_in")


def hosts(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """P is home to / hosts X: the institutions, companies, projects and events named after the cue
    lie in the clause's subject P."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    for c in cues.find("hosts", text):
        host = subject_at(text, subjects, c.start())
        if host is None or host.entity.type not in PLACES or host.start > c.start():
            continue
        end = re.compile(r"[;.!?]|,\s+and\s+(?!the\s+[a-z])").search(text, c.end())
        for m in ms:
            if (
                m.start >= c.end()
                and (end is None or m.end <= end.start())
                and m.entity.type in ("Institution", "Enterprise", "Project", "Event")
            ):
                out.add(m.entity, RelationType.LOCATED_IN, host.entity, "en:hosts")


def of_and_in(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """“Pudong New Area of Shanghai”, “the Hong Kong Park in the Lok Ma Chau Loop”, “Guangzhou, …
    and Zhaoqing in Guangdong Province”."""
    text, ms = s.text, s.mentions
    names = [m for m in ms if m.kind != "we"]
    for a, b in zip(names, names[1:], strict=False):
        gap = text[a.end : b.start]
        if b.entity.type not in PLACES or a.entity.type in NOT_LOCATED:
            continue
        if re.fullmatch(r"\s+of\s+(?:the\s+)?", gap) and a.entity.type in PLACES:
            if a.entity.type == "Platform" and b.entity.type == "Platform":
                out.add(a.entity, RelationType.PART_OF, b.entity, "en:part_of:of")
            else:
                out.add(a.entity, RelationType.LOCATED_IN, b.entity, "en:located_in:of")
        elif re.fullmatch(r"\s+in\s+(?:the\s+)?", gap):
            for item in list_ending_at(text, names, a):
                out.add(item.entity, RelationType.LOCATED_IN, b.entity, "en:located_in:in")


def wholes(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """P includes Q and R: platforms are PART_OF P, regions a region consists of lie in it."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    for c in cues.find("whole", text):
        whole = subject_at(text, subjects, c.start())
        direct = [
            m for m in ms if m.end <= c.start() and re.fullmatch(r"\s*(?:\([^()]*\)\s*)?", text[m.end : c.start()])
        ]
        if direct:
            whole = direct[-1]
        if whole is None or whole.entity.type not in PLACES:
            continue
        for part in list_from(text, ms, c.end(), PLACES, descriptors=True):
            if re.search(r"\d[\d,.]*\s+(?:[a-z-]+\s+){1,4}of\s+(?:the\s+)?$", text[c.end() : part.start]):
                continue  # “covers 27 districts and counties of Chongqing”: the container
            if part.entity.type == "Platform":
                out.add(part.entity, RelationType.PART_OF, whole.entity, "en:part_of:includes")
            elif whole.entity.type == "Region":
                out.add(part.entity, RelationType.LOCATED_IN, whole.entity, "en:located_in:consists")


def parts(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """Q is the core area of P (or “…, part of P”): the platform Q is PART_OF P."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    for c in cues.find("part", text):
        part = subject_at(text, subjects, c.start())
        if c.group(0).startswith(","):
            part = next((m for m in reversed(ms) if m.end <= c.start()), None)
        whole = next((m for m in ms if m.start >= c.end() and m.start - c.end() <= 12), None)
        if part is not None and whole is not None and part.entity.type == "Platform" and whole.entity.type in PLACES:
            out.add(part.entity, RelationType.PART_OF, whole.entity, "en:part_of")


def builds(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """“Suzhou National Hi-tech District will build the Suzhou Medical Device Industrial Park”:
    what a named place builds is in that place."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    for c in cues.find("build", text):
        subject = subject_at(text, subjects, c.start())
        if (
            subject is None
            or subject.kind != "name"
            or subject.entity.type not in PLACES
            or subject.start > c.start()
            or len(group(text, ms, subject)) > 1
        ):
            continue
        for m in list_from(text, ms, c.end(), ("Platform", "Institution", "Project"), lead=12):
            out.add(m.entity, RelationType.LOCATED_IN, subject.entity, "en:located_in:build")
