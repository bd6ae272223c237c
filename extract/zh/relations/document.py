"""Relations of a Chinese document: every registered rule (``table.py``) over every sentence."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Entity, Relation, Sentence
from ...relating import RelationSink, mentions_by_sentence
from .context import document_context, sentence_contexts
from .table import bound_rules

__all__ = ["find_relations"]


def find_relations(sentences: Sequence[Sentence], entities: Sequence[Entity], title: str = "") -> tuple[Relation, ...]:
    """Relations the sentences state between the entities, each with its sentence and rule."""
    doc = document_context(sentences, entities, title)
    sink = RelationSink()
    rules = bound_rules()
    for s in sentence_contexts(doc, sentences, mentions_by_sentence(sentences, entities)):
        out = sink.at(s.sentence)
        for rule, cues in rules:
            rule.apply(s, cues, out)
    return sink.relations()
