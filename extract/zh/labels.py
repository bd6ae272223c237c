"""The label stage: every entity leaves extraction with an English name and where it came from.

The registry's official English name comes first ("official"). Otherwise the name is generated
("generated", so readers can tell the two apart): for an industry that matches a concept of the
industry taxonomy exactly, the concept's curated English label; for anything else a compositional
translation from extract.translate.
"""

from __future__ import annotations

from dataclasses import replace

from ..hanzi import to_simplified
from ..model import Entity
from ..textnorm import normalise_name
from ..vocab import NameSource
from .translate import composed_name


def _taxonomy_english(name: str, glossary_only: bool) -> str | None:
    """The concept's English label when the name is the concept's own Chinese label, or a synonym
    the glossary cannot render (数据服务 is an altLabel of 数据产业 but reads "Data Services")."""
    from ontology.taxonomy import EXACT, concept, map_industry  # (rdflib loads on first use)

    hit = map_industry(name)
    c = concept(hit[0]) if hit and hit[1] == EXACT else None
    if c is None:
        return None
    own = normalise_name(to_simplified(name)) in {normalise_name(c.zh), normalise_name(c.zh.removesuffix("产业"))}
    return c.en if own or not glossary_only else None


def label_entity(e: Entity) -> Entity:
    """The entity with an English name: the registry's (official), else a generated one."""
    if e.name_en:
        return e if e.name_en_source else replace(e, name_en_source=NameSource.OFFICIAL)
    en, romanised = composed_name(e.name, e.type)
    if e.type == "Industry":
        en = _taxonomy_english(e.name, glossary_only=not romanised) or en
    return replace(e, name_en=en, name_en_source=NameSource.GENERATED)


def add_english_names(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Every entity with an English name and where it comes from."""
    return tuple(label_entity(e) for e in entities)
