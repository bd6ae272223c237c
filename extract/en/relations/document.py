"""Relations of an English document: every registered rule (``table.py``) over every sentence."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Entity, Relation, Sentence
from ...relating import RelationSink, mentions_by_sentence
from ..sectors import sector_rules
from .context import EnDocument, home_place, sentence_contexts
from .table import bound_rules

__all__ = ["find_english_relations"]


def find_english_relations(sentences: Sequence[Sentence], entities: Sequence[Entity]) -> tuple[Relation, ...]:
    """Relations the sentences state between the entities, each with its sentence and rule."""
    doc = EnDocument(
        home_place(sentences, entities), tuple(e for e in entities if e.type == "Industry"), sector_rules()
    )
    sink = RelationSink()
    rules = bound_rules()
    for s in sentence_contexts(doc, sentences, mentions_by_sentence(sentences, entities)):
        out = sink.at(s.sentence)
        for rule, cues in rules:
            rule.apply(s, cues, out)
    return sink.relations()
