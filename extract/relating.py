"""What the relation rules of every language share.

A relation rule is a registered unit (``RelationRule``): a name, the cue kinds it reads, and a
function over one sentence's context that emits what the sentence states into a sink. Each
language lists its rules, in the order they run, in one table (``extract/zh/relations/table.py``,
``extract/en/relations/table.py``) and gives every rule only the cues it declares. Shared here:
the mention view of a sentence (an entity named in it, offsets relative to the sentence), its
outer mentions, and the sink that keeps one statement per (head, type, tail).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

from .model import Entity, Evidence, Relation, Sentence
from .vocab import RelationType

__all__ = ["MentionView", "RelationRule", "RelationSink", "SentenceSink", "mentions_by_sentence", "outer_mentions"]


class MentionView(NamedTuple):
    """An entity named (or referred to) inside one sentence, offsets relative to the sentence."""

    start: int
    end: int
    entity: Entity
    kind: str = "name"  # "name" | "anaphor" | "plural" | "we" (how the sentence refers to it)


def mentions_by_sentence(sentences: Iterable[Sentence], entities: Iterable[Entity]) -> dict[str, list[MentionView]]:
    """Each sentence's mentions (by sentence id), offsets relative to the sentence."""
    start = {s.id: s.start for s in sentences}
    out: dict[str, list[MentionView]] = {}
    for e in entities:
        for m in e.mentions:
            base = start.get(m.sentence)
            if base is not None:
                out.setdefault(m.sentence, []).append(MentionView(m.start - base, m.end - base, e))
    return out


def outer_mentions(ms: Sequence[MentionView]) -> list[MentionView]:
    """The mentions not inside another mention (a span written twice counts as outer both times)."""
    return [
        m
        for m in ms
        if not any(o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end) for o in ms)
    ]


class RelationSink:
    """The relations a document states, one per (head, type, tail) in the order first stated: the
    first statement keeps its evidence and rule; cooperation is one relation whichever way it is
    stated; nothing relates to itself."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str, str], Relation] = {}

    def at(self, sentence: Sentence) -> SentenceSink:
        """Where the rules emit what ``sentence`` states (its whole text is the evidence)."""
        return SentenceSink(self._found, Evidence(sentence.id, sentence.start, sentence.end, sentence.text))

    def relations(self) -> tuple[Relation, ...]:
        """Every relation kept, in the order first stated."""
        return tuple(self._found.values())


class SentenceSink:
    """A document's sink, with one sentence as the evidence of what is added."""

    __slots__ = ("_evidence", "_found")

    def __init__(self, found: dict[tuple[str, str, str], Relation], evidence: Evidence):
        self._found = found
        self._evidence = evidence

    def add(self, head: Entity, type_: str, tail: Entity, rule: str) -> None:
        """State ``head type_ tail``, found by ``rule`` (kept unless already stated)."""
        if head.id == tail.id:
            return
        if type_ == RelationType.COOPERATES_WITH and (tail.id, type_, head.id) in self._found:
            return
        key = (head.id, type_, tail.id)
        if key not in self._found:
            self._found[key] = Relation(head.id, type_, tail.id, self._evidence, rule)


Context = TypeVar("Context")
CueBook = TypeVar("CueBook")


@dataclass(frozen=True, slots=True)
class RelationRule(Generic[Context, CueBook]):
    """A relation rule: its name, the cue kinds it reads, and what it does with one sentence."""

    name: str
    cues: tuple[str, ...]  # cue kinds (a pattern file's kinds)
    apply: Callable[[Context, CueBook, SentenceSink], None]  # (sentence context, its cues, the sink)
