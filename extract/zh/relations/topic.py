"""Who a clause speaks of: a sentence cut into clauses, each clause's own subject, and the subject
carried to a clause that has none (tests/gold/README.md, "Topic carry-over").

A clause is a stretch of a sentence between , ; : (outside brackets, quotes and titles). Its
subject is the named thing it opens with (after a time phrase or a lead word, ``topic.lead`` in
relation_cues.tsv: 同时, 目前 …), with the things listed with it (A、B和C); a clause opening with
以/在/依托/与 … has none of its own. A clause without a subject takes the subject of the nearest
clause before it in the sentence that has one, else the sentence takes the topic of its paragraph
(the place the paragraph's first sentence opens with) or of the heading it stands under (a heading
that names a place: （二）南山园区; a heading naming no place ends the topic), else the document's
own place. A clause that issues a plan (印发《…》, ``home.issued``) carries no subject on: the
clauses after it speak of the plan's place, not of the issuer. ``Topics`` walks a document's
sentences in order and carries paragraph and heading topics along.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ...model import Entity
from ...relating import MentionView
from ...vocab import PLACES, EntityType
from .clauses import TIME_LEAD

__all__ = [
    "HEADING",
    "SUBJECT_TYPES",
    "Clause",
    "Subject",
    "Topics",
    "clause_index",
    "clause_subjects",
    "split_clauses",
]

# What may be a clause's subject: a named place or actor (not a sector, programme or event).
SUBJECT_TYPES = (EntityType.PLATFORM, EntityType.REGION, EntityType.INSTITUTION, EntityType.ENTERPRISE)
OPEN, CLOSE = "(“《", ")”》"
BREAKS = ",;:!?。"
LISTED = ("、", "和", "及", "与", "以及")
# A heading: （一）… / （1）…, 一、…, 1. …, 第一章 / 第一节 …, a short line with no clause inside.
HEADING = re.compile(
    r"^\s*(?:[(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)]|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}(?:[、.](?!\d)|\s)"
    r"|第[一二三四五六七八九十\d]{1,3}[章节篇部分条])\s*(?P<name>[^,;:!?。]{1,40}?)\s*[。.]?\s*$"
)


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence (offsets in the sentence) and the things it opens with as subject."""

    start: int
    end: int
    subjects: tuple[MentionView, ...]
    issues: bool = False  # it issues a plan (印发《…》): what follows is the plan's, not the issuer's


class Subject(NamedTuple):
    """Who a clause speaks of, and where that was found: ``clause`` (its own), ``carried`` (an
    earlier clause of the sentence), ``issued`` (the place of the plan an earlier clause issues:
    the document's own), ``paragraph``, ``heading`` or ``document``."""

    entities: tuple[Entity, ...]
    source: str


def split_clauses(text: str) -> list[tuple[int, int]]:
    """The clauses' spans: breaks at , ; : ! ? 。 outside brackets, quotes and 《titles》."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif ch in BREAKS and depth == 0:
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def clause_subjects(
    text: str, outer: Sequence[MentionView], start: int, end: int, leads: Sequence[str]
) -> tuple[MentionView, ...]:
    """The things a clause opens with as its subject (A、B和C…), after a time phrase or lead words;
    none when it opens otherwise, or when the first is a modifier (A的B)."""
    inside = [m for m in outer if start <= m.start and m.end <= end]
    if not inside or inside[0].entity.type not in SUBJECT_TYPES:
        return ()
    first = inside[0]
    if not _only_leads(text[start : first.start], leads):
        return ()
    subjects = [first]
    for m in inside[1:]:
        gap = text[subjects[-1].end : m.start]
        gap = re.sub(r"^[(][^()]*[)]", "", gap)  # 南京江北新区(以下简称新区)、…
        if gap in LISTED and m.entity.type in SUBJECT_TYPES:
            subjects.append(m)
        else:
            break
    if text.startswith("的", subjects[-1].end):
        return ()  # A的B: B is what the clause speaks of
    return tuple(subjects)


def _only_leads(lead: str, leads: Sequence[str]) -> bool:
    """Is what stands before a clause's first name only a time phrase and lead words?"""
    lead = lead.strip()
    while lead:
        t = TIME_LEAD.match(lead)
        if t and t.end():
            lead = lead[t.end() :].strip()
            continue
        word = next((w for w in leads if lead.startswith(w)), None)
        if word is None:
            return False
        lead = lead[len(word) :].strip()
    return True


def clause_index(clauses: Sequence[Clause], pos: int) -> int:
    """The index of the clause holding ``pos`` (the last one starting at or before it)."""
    i = 0
    for j, c in enumerate(clauses):
        if c.start <= pos:
            i = j
        else:
            break
    return i


class Topics:
    """The paragraph and heading topics of a document, carried from sentence to sentence in order:
    ``at(section, text, clauses, named)`` reads one sentence and returns the topic it stands
    under (None, or the topic and its source)."""

    __slots__ = ("_heading", "_paragraph", "_section")

    def __init__(self) -> None:
        self._section: str | None = None
        self._paragraph: Entity | None = None
        self._heading: Entity | None = None

    def at(
        self, section: str | None, text: str, clauses: Sequence[Clause], named: Sequence[MentionView]
    ) -> tuple[Entity, str] | None:
        """The topic over this sentence (from before it), then take what the sentence sets."""
        heading = HEADING.match(text)
        if heading is not None:  # a heading: its place (or none) is the topic from here on
            s, e = heading.span("name")
            places = [m for m in named if m.entity.type in PLACES and s <= m.start and m.end == e]
            self._heading = places[0].entity if places else None
            self._section, self._paragraph = section, None
            return None
        if section != self._section or section is None:
            self._section, self._paragraph = section, None
            first = next((c.subjects[0] for c in clauses if c.subjects), None)  # the paragraph's opening
            if first is not None and first.entity.type in PLACES:
                self._paragraph = first.entity
            return (self._heading, "heading") if self._heading is not None else None
        if self._paragraph is not None:
            return self._paragraph, "paragraph"
        return (self._heading, "heading") if self._heading is not None else None
