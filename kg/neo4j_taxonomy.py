"""The industry taxonomy in Neo4j: concepts as (:Industry:Concept) nodes linked by [:BROADER].

The taxonomy itself (ontology/industries.ttl) is read by ``kg.industries``; this module only
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


class IndustryTaxonomy(Protocol):
    """What ``kg.industries`` provides (a module satisfies this protocol)."""

    def taxonomy(self) -> tuple: ...            # Concept(iri, zh, en, broader, aliases), ...

    def map_industry(self, name: str) -> tuple[str, str] | None: ...   # (concept iri, "exact"|"broader")


@dataclass(frozen=True, slots=True)
class ConceptMatch:
    concept: str          # concept IRI
    match: str            # "exact" | "broader"


def default_taxonomy() -> IndustryTaxonomy:
    """The project's taxonomy: ``kg.industries`` (ontology/industries.ttl)."""
    from ontology import taxonomy as industries
    return industries


def _broader_iris(broader) -> list[str]:
    if broader is None:
        return []
    if isinstance(broader, str):
        return [broader]
    return [str(b) for b in broader]


def concept_rows(tax: IndustryTaxonomy) -> list[dict]:
    """Concepts as rows; ``aliases`` are the skos:altLabels (Concept.aliases)."""
    return [{"id": str(c.iri), "name_zh": c.zh, "name_en": c.en,
             "aliases": [str(a) for a in getattr(c, "aliases", ()) or ()],
             "broader": _broader_iris(c.broader)} for c in tax.taxonomy()]


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


_MERGE_CONCEPTS = """
UNWIND $rows AS row
MERGE (c:Concept {id: row.id})
SET c:Industry, c.name_zh = row.name_zh, c.name_en = row.name_en, c.aliases = row.aliases
"""
_MERGE_BROADER = """
UNWIND $pairs AS pair
MATCH (c:Concept {id: pair[0]}), (b:Concept {id: pair[1]})
MERGE (c)-[:BROADER]->(b)
"""
_DROP_STALE_BROADER = """
MATCH (c:Concept)-[r:BROADER]->(b:Concept) WHERE NOT [c.id, b.id] IN $pairs DELETE r
"""
_DROP_STALE_CONCEPTS = "MATCH (c:Concept) WHERE NOT c.id IN $ids DETACH DELETE c"


def write_taxonomy(tx: ManagedTransaction, rows: Iterable[dict]) -> None:
    """Make the concepts and their BROADER links exactly those of the taxonomy (idempotent)."""
    rows = list(rows)
    pairs = [[r["id"], b] for r in rows for b in r["broader"]]
    tx.run(_MERGE_CONCEPTS, rows=rows).consume()
    tx.run(_MERGE_BROADER, pairs=pairs).consume()
    tx.run(_DROP_STALE_BROADER, pairs=pairs).consume()
    tx.run(_DROP_STALE_CONCEPTS, ids=[r["id"] for r in rows]).consume()
