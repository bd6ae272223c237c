"""The pkg: vocabulary as a closed rdflib namespace: a term not declared in ontology/policykg.ttl raises.

Kept in step with the ontology file by tests/test_ontology.py (both directions), so code can only
use terms that exist, each with its zh/en label and definition.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace


class PKG(DefinedNamespace):
    """https://w3id.org/policykg/ontology# (ontology/policykg.ttl)."""

    _NS = Namespace("https://w3id.org/policykg/ontology#")
    _fail = True

    # classes
    Entity: URIRef
    Region: URIRef
    Platform: URIRef
    Institution: URIRef
    Enterprise: URIRef
    Industry: URIRef
    Project: URIRef
    Initiative: URIRef
    Event: URIRef
    Document: URIRef
    Section: URIRef
    Sentence: URIRef
    Indicator: URIRef
    # object properties
    serves: URIRef
    locatedIn: URIRef
    partOf: URIRef
    anchoredBy: URIRef
    cooperatesWith: URIRef
    operatesIn: URIRef
    hasIndicator: URIRef
    mentionedIn: URIRef
    # datatype properties
    value: URIRef
    unit: URIRef
    comparator: URIRef
    year: URIRef
    status: URIRef
    metric: URIRef
    charStart: URIRef
    charEnd: URIRef
    extractionRule: URIRef
    englishLabelSource: URIRef
    sectionKind: URIRef
    sectionNumber: URIRef
    # annotation properties
    relationType: URIRef


# Relation types of the extraction contract -> object properties (pkg:relationType in the ontology).
RELATION_PROPERTY: dict[str, URIRef] = {
    "SERVES": PKG.serves,
    "LOCATED_IN": PKG.locatedIn,
    "PART_OF": PKG.partOf,
    "ANCHORED_BY": PKG.anchoredBy,
    "COOPERATES_WITH": PKG.cooperatesWith,
    "OPERATES_IN": PKG.operatesIn,
    "HAS_INDICATOR": PKG.hasIndicator,
}


def relation_property(relation_type: str) -> URIRef:
    """The ontology property of a contract relation type (ValueError for an unknown one)."""
    try:
        return RELATION_PROPERTY[relation_type]
    except KeyError:
        raise ValueError(f"unknown relation type {relation_type!r}; known: {sorted(RELATION_PROPERTY)}") from None
