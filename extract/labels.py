"""The label stage: every entity leaves extraction with an English name and where it came from.

The registry's official English name comes first ("official"). Otherwise the name is generated
("generated", so readers can tell the two apart): for an industry that matches a concept of the
industry taxonomy exactly, the concept's curated English label; for anything else a compositional
translation from extract.translate.
"""
from __future__ import annotations

from dataclasses import replace

from .model import Entity
from .translate import english_name

OFFICIAL = "official"
GENERATED = "generated"


def _taxonomy_english(name: str) -> str | None:
    from kg.industries import EXACT, concept, map_industry   # the taxonomy is ontology data, read by kg
    hit = map_industry(name)
    return concept(hit[0]).en if hit and hit[1] == EXACT else None


def label_entity(e: Entity) -> Entity:
    if e.name_en:
        return e if e.name_en_source else replace(e, name_en_source=OFFICIAL)
    en = (_taxonomy_english(e.name) if e.type == "Industry" else None) or english_name(e.name, e.type)
    return replace(e, name_en=en, name_en_source=GENERATED)


def add_english_names(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    return tuple(label_entity(e) for e in entities)
