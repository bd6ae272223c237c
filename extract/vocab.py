"""The values the extraction's objects take, each defined once: entity and relation types (the
ontology's classes and properties), where an English name comes from, an indicator's status and
comparators.

Each group is a namespace of plain string constants (``RelationType.SERVES == "SERVES"``, a
``str``), so the contract, RDF, GraphML and Neo4j see the same strings as ever; the tuples list
every value of a group, for validation.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "COMPARATORS",
    "COOPERATORS",
    "ENTITY_TYPES",
    "NAME_SOURCES",
    "PLACES",
    "RELATION_TYPES",
    "STATUSES",
    "Comparator",
    "EntityType",
    "IndicatorStatus",
    "NameSource",
    "RelationType",
]


class EntityType:
    """The ontology class of an entity."""

    REGION: Final = "Region"
    PLATFORM: Final = "Platform"
    INSTITUTION: Final = "Institution"
    ENTERPRISE: Final = "Enterprise"
    INDUSTRY: Final = "Industry"
    PROJECT: Final = "Project"
    INITIATIVE: Final = "Initiative"
    EVENT: Final = "Event"


class RelationType:
    """The ontology property a relation states."""

    SERVES: Final = "SERVES"
    LOCATED_IN: Final = "LOCATED_IN"
    PART_OF: Final = "PART_OF"
    ANCHORED_BY: Final = "ANCHORED_BY"
    COOPERATES_WITH: Final = "COOPERATES_WITH"
    OPERATES_IN: Final = "OPERATES_IN"


class NameSource:
    """Where an entity's English name comes from (``Entity.name_en_source``)."""

    OFFICIAL: Final = "official"  # the registry's official name
    GENERATED: Final = "generated"  # composed from the Chinese name (glossary + pinyin)
    DOCUMENT: Final = "document"  # as an English document writes it


class IndicatorStatus:
    """Whether a figure is a target or something achieved."""

    TARGET: Final = "target"
    ACHIEVED: Final = "achieved"


class Comparator:
    """How an indicator's value bounds the quantity."""

    EQUAL: Final = "="
    MORE: Final = ">"
    AT_LEAST: Final = ">="
    LESS: Final = "<"
    AT_MOST: Final = "<="
    ABOUT: Final = "~"


def _values(group: type) -> tuple[str, ...]:
    return tuple(v for k, v in vars(group).items() if k.isupper())


ENTITY_TYPES: Final = _values(EntityType)
RELATION_TYPES: Final = _values(RelationType)
NAME_SOURCES: Final = _values(NameSource)
STATUSES: Final = _values(IndicatorStatus)
COMPARATORS: Final = _values(Comparator)
PLACES: Final = (EntityType.PLATFORM, EntityType.REGION)  # what a thing lies in
COOPERATORS: Final = (EntityType.REGION, EntityType.PLATFORM, EntityType.INSTITUTION)  # who may cooperate
