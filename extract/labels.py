"""The label stage: every entity leaves extraction with an English name and where it came from.

The registry's official English name comes first ("official"); otherwise a compositional
translation from extract.translate ("generated"), so readers can tell the two apart.
"""
from __future__ import annotations

from dataclasses import replace

from .model import Entity
from .translate import english_name

OFFICIAL = "official"
GENERATED = "generated"


def label_entity(e: Entity) -> Entity:
    if e.name_en:
        return e if e.name_en_source else replace(e, name_en_source=OFFICIAL)
    return replace(e, name_en=english_name(e.name, e.type), name_en_source=GENERATED)


def add_english_names(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    return tuple(label_entity(e) for e in entities)
