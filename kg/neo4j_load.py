"""Load extractions into Neo4j: parameterised UNWIND batches, MERGE by id (idempotent)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from neo4j import Driver

from extract.model import ENTITY_TYPES, Extraction

from .iri import iri

BATCH = 1000

CONSTRAINTS = ["CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE"]


def _merge_entities(label: str) -> str:
    if label not in ENTITY_TYPES:        # labels cannot be parameters: only ontology names pass
        raise ValueError(f"unknown entity type {label!r}")
    return (f"UNWIND $rows AS row MERGE (n:Entity {{id: row.id}}) SET n:{label}, "
            "n.name_zh = row.name_zh, n.name_en = row.name_en, n.aliases = row.aliases")


@dataclass(frozen=True)
class LoadSummary:
    documents: int
    entities: int


def entity_rows(extractions: Iterable[Extraction]) -> dict[str, list[dict]]:
    rows: dict[str, dict[str, dict]] = defaultdict(dict)
    for x in extractions:
        for e in x.entities:
            rows[e.type][e.id] = {"id": str(iri(e.id)), "name_zh": e.name, "name_en": e.name_en,
                                  "aliases": list(e.aliases)}
    return {t: list(r.values()) for t, r in rows.items()}


def load(driver: Driver, extractions: list[Extraction], database: str | None = None) -> LoadSummary:
    with driver.session(database=database) as session:
        for stmt in CONSTRAINTS:
            session.run(stmt).consume()
        n = 0
        for label, rows in entity_rows(extractions).items():
            for i in range(0, len(rows), BATCH):
                batch = rows[i:i + BATCH]
                session.execute_write(lambda tx, b=batch, q=_merge_entities(label): tx.run(q, rows=b).consume())
                n += len(batch)
    return LoadSummary(documents=len(extractions), entities=n)
