"""The values the extraction's objects take, each defined once: entity and relation types (the
ontology's classes and properties), where an English name comes from, an indicator's status and
comparators, the languages policykg reads.

The enums are ``StrEnum``s: a member is its string (``EntityType.PLATFORM == "Platform"``), so the
contract, RDF and Neo4j see plain strings.
"""
from __future__ import annotations

from enum import StrEnum

__all__ = ["COMPARATORS", "COOPERATORS", "ENTITY_TYPES", "PLACES", "RELATION_TYPES", "Comparator", "EntityType",
           "IndicatorStatus", "NameSource", "RelationType"]


class EntityType(StrEnum):
    """The ontology class of an entity."""

    REGION = "Region"
    PLATFORM = "Platform"
    INSTITUTION = "Institution"
    ENTERPRISE = "Enterprise"
    INDUSTRY = "Industry"
    PROJECT = "Project"
    INITIATIVE = "Initiative"
    EVENT = "Event"


class RelationType(StrEnum):
    """The ontology property a relation states."""

    SERVES = "SERVES"
    LOCATED_IN = "LOCATED_IN"
    PART_OF = "PART_OF"
    ANCHORED_BY = "ANCHORED_BY"
    COOPERATES_WITH = "COOPERATES_WITH"
    OPERATES_IN = "OPERATES_IN"


class NameSource(StrEnum):
    """Where an entity's English name comes from (``Entity.name_en_source``)."""

    OFFICIAL = "official"           # the registry's official name
    GENERATED = "generated"         # composed from the Chinese name (glossary + pinyin)
    DOCUMENT = "document"           # as an English document writes it


class IndicatorStatus(StrEnum):
    """Whether a figure is a target or something achieved."""

    TARGET = "target"
    ACHIEVED = "achieved"


class Comparator(StrEnum):
    """How an indicator's value bounds the quantity."""

    EQUAL = "="
    MORE = ">"
    AT_LEAST = ">="
    LESS = "<"
    AT_MOST = "<="
    ABOUT = "~"


ENTITY_TYPES: tuple[str, ...] = tuple(t.value for t in EntityType)
RELATION_TYPES: tuple[str, ...] = tuple(t.value for t in RelationType)
COMPARATORS: tuple[str, ...] = tuple(c.value for c in Comparator)
PLACES: tuple[str, ...] = (EntityType.PLATFORM.value, EntityType.REGION.value)      # what a thing lies in
COOPERATORS: tuple[str, ...] = (EntityType.REGION.value, EntityType.PLATFORM.value,  # who may cooperate
                                EntityType.INSTITUTION.value)
