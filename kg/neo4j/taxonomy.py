"""The industry taxonomy in Neo4j: concepts as (:Industry:Concept) nodes linked by [:BROADER].

The taxonomy itself (ontology/industries.ttl) is read by ``ontology.taxonomy``; this module only
turns it into Cypher parameters and maps extracted Industry entities onto its concepts, so that
``(p)-[:SERVES]->(:Industry)-[:BROADER*0..]->(target)`` finds platforms serving narrower
industries too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from neo4j import ManagedTransaction

from extract.model import Entity
from kg.neo4j import cypher
from ontology import taxonomy as industries


class IndustryTaxonomy(Protocol):
    """What ``ontology.taxonomy`` provides (a module satisfies this protocol)."""

    def taxonomy(self) -> tuple: ...  # Concept(iri, zh, en, broader, aliases), ...

    def map_industry(self, name: str) -> tuple[str, str] | None: ...  # (concept iri, "exact"|"broader")


@dataclass(frozen=True, slots=True)
class ConceptMatch:
    concept: str  # concept IRI
    match: str  # "exact" | "broader"


PROJECT_TAXONOMY: IndustryTaxonomy = industries  # ontology/industries.ttl


def _broader_iris(broader) -> list[str]:
    if broader is None:
        return []
    if isinstance(broader, str):
        return [broader]
    return [str(b) for b in broader]


def concept_rows(tax: IndustryTaxonomy) -> list[dict]:
    """Concepts as rows; ``aliases`` are the skos:altLabels (Concept.aliases)."""
    return [
        {
            "id": str(c.iri),
            "name_zh": c.zh,
            "name_en": c.en,
            "aliases": [str(a) for a in getattr(c, "aliases", ()) or ()],
            "broader": _broader_iris(c.broader),
        }
        for c in tax.taxonomy()
    ]


def map_entity(tax: IndustryTaxonomy | None, e: Entity) -> ConceptMatch | None:
    """The concept an extracted Industry entity belongs to: its names tried in order."""
    if tax is None or e.type != "Industry":
        return None
    for name in (e.name, e.name_en, *e.aliases):
        if name:
            hit = tax.map_industry(name)
            if hit:
                return ConceptMatch(str(hit[0]), str(hit[1]))
    return None


def write_taxonomy(tx: ManagedTransaction, rows: Iterable[dict]) -> None:
    """Make the concepts and their BROADER links exactly those of the taxonomy (idempotent)."""
    rows = list(rows)
    pairs = [[r["id"], b] for r in rows for b in r["broader"]]
    tx.run(cypher.MERGE_CONCEPTS, rows=rows).consume()
    tx.run(cypher.MERGE_BROADER, pairs=pairs).consume()
    tx.run(cypher.DROP_STALE_BROADER, pairs=pairs).consume()
    tx.run(cypher.DROP_STALE_CONCEPTS, ids=[r["id"] for r in rows]).consume()
