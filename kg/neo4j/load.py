"""Load extractions into Neo4j: one managed transaction per document, parameterised UNWIND batches.

Re-ingesting a document replaces it: inside the same transaction its sections, mentions,
relations and indicators are deleted and written anew, so loading twice changes nothing and an
edited document leaves none of its old facts behind. Entities are shared: each keeps the list of
documents that contain it (``docs``) and is deleted only when the last of them is retracted.
Managed transactions (``execute_write``) retry on transient errors (deadlocks, leader switches).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import DriverError, Neo4jError

from extract.errors import PolicyKGError
from extract.model import ENTITY_TYPES, RELATION_TYPES, Extraction

from kg.iri import document_iri
from kg.neo4j.rows import DocumentRows, document_rows
from kg.neo4j.schema import ensure_schema
from kg.neo4j.taxonomy import IndustryTaxonomy, concept_rows, default_taxonomy, write_taxonomy

BATCH = 5000
_DEFAULT = object()


class LoadError(PolicyKGError):
    pass


# ------------------------------------------------------------------ retraction

_OLD_ENTITIES = "MATCH (d:Document {id: $doc_iri}) RETURN d.entity_ids AS ids"
_RETRACT_FACTS = (
    # sections carry the section-level mentions; DETACH removes both
    "MATCH (s:Section {doc: $doc}) DETACH DELETE s",
    "MATCH (:Document {id: $doc_iri})-[m:MENTIONS]->() DELETE m",
    "MATCH (i:Indicator {doc: $doc}) DETACH DELETE i",
    # every relation a document states starts at one of its entities (checked when loading)
    "UNWIND $old AS eid MATCH (:Entity {id: eid})-[r]->() WHERE r.doc = $doc DELETE r",
)
_FORGET_ENTITIES = """
UNWIND $ids AS eid
MATCH (e:Entity {id: eid})
SET e.docs = [x IN coalesce(e.docs, []) WHERE x <> $doc]
WITH e WHERE size(e.docs) = 0
DETACH DELETE e
"""


def _retract(tx: ManagedTransaction, doc: str, doc_iri: str) -> list[str]:
    """Delete the document's own facts; return the entity ids it contained before."""
    rec = tx.run(_OLD_ENTITIES, doc_iri=doc_iri).single()
    old = list(rec["ids"] or []) if rec else []
    for stmt in _RETRACT_FACTS:
        tx.run(stmt, doc=doc, doc_iri=doc_iri, old=old).consume()
    return old


# ------------------------------------------------------------------ writing

_MERGE_DOCUMENT = """
MERGE (d:Document {id: $row.id})
SET d += $row, d.entity_ids = $entity_ids
"""


def _merge_entities(label: str) -> str:
    if label not in ENTITY_TYPES:        # labels cannot be parameters: only ontology names pass
        raise ValueError(f"unknown entity type {label!r}")
    return f"""
UNWIND $rows AS row
MERGE (n:Entity {{id: row.id}})
SET n:{label}, n.entity_id = row.entity_id, n.name = row.name, n.name_zh = coalesce(row.name_zh, n.name_zh),
    n.name_en = row.name_en, n.name_en_source = row.name_en_source, n.aliases = row.aliases,
    n.registry_id = row.registry_id,
    n.docs = CASE WHEN $doc IN coalesce(n.docs, []) THEN n.docs ELSE coalesce(n.docs, []) + $doc END
"""


_LINK_INDUSTRIES = """
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
OPTIONAL MATCH (n)-[old:BROADER]->(:Concept)
DELETE old
WITH DISTINCT n, row WHERE row.concept IS NOT NULL
MATCH (c:Concept {id: row.concept})
MERGE (n)-[b:BROADER]->(c) SET b.match = row.match
"""
_CREATE_SECTIONS = """
UNWIND $rows AS row
CREATE (s:Section {id: row.id, doc: row.doc, section_id: row.section_id, kind: row.kind,
                   number: row.number, title: row.title, start: row.start, end: row.end})
"""
_LINK_TOP_SECTIONS = """
MATCH (d:Document {id: $doc_iri})
UNWIND $rows AS row
MATCH (s:Section {id: row.id})
CREATE (d)-[:HAS_SECTION]->(s)
"""
_LINK_SUB_SECTIONS = """
UNWIND $rows AS row
MATCH (p:Section {id: row.parent}), (s:Section {id: row.id})
CREATE (p)-[:HAS_SECTION]->(s)
"""
_EVIDENCE = ("doc: row.doc, sentence: row.sentence, start: row.start, end: row.end, text: row.text, "
             "sentence_text: row.sentence_text")
_SECTION_MENTIONS = f"""
UNWIND $rows AS row
MATCH (s:Section {{id: row.source}}), (e:Entity {{id: row.entity}})
CREATE (s)-[:MENTIONS {{{_EVIDENCE}}}]->(e)
"""
_DOCUMENT_MENTIONS = f"""
MATCH (d:Document {{id: $doc_iri}})
UNWIND $rows AS row
MATCH (e:Entity {{id: row.entity}})
CREATE (d)-[:MENTIONS {{{_EVIDENCE}}}]->(e)
"""


def _create_relations(rel_type: str) -> str:
    if rel_type not in RELATION_TYPES:
        raise ValueError(f"unknown relation type {rel_type!r}")
    return f"""
UNWIND $rows AS row
MATCH (h:Entity {{id: row.head}}), (t:Entity {{id: row.tail}})
CREATE (h)-[:{rel_type} {{{_EVIDENCE}, rule: row.rule}}]->(t)
"""


_CREATE_INDICATORS = f"""
MATCH (d:Document {{id: $doc_iri}})
UNWIND $rows AS row
OPTIONAL MATCH (s:Entity {{id: row.subject}})
CREATE (i:Indicator {{id: row.id, indicator_id: row.indicator_id, metric: row.metric, value: row.value,
                     unit: row.unit, comparator: row.comparator, year: row.year, status: row.status,
                     rule: row.rule, {_EVIDENCE}}})
WITH i, coalesce(s, d) AS owner
CREATE (owner)-[:HAS_INDICATOR]->(i)
"""


def _batches(rows: tuple | list, size: int) -> Iterable[tuple | list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _write(tx: ManagedTransaction, rows: DocumentRows, batch: int) -> None:
    doc, doc_iri = rows.doc_id, rows.document["id"]

    def run(stmt: str, items: tuple | list) -> None:
        for chunk in _batches(items, batch):
            tx.run(stmt, rows=chunk, doc=doc, doc_iri=doc_iri).consume()

    old = _retract(tx, doc, doc_iri)
    new_ids = rows.entity_ids
    tx.run(_MERGE_DOCUMENT, row=rows.document, entity_ids=new_ids).consume()
    for label, items in sorted(rows.entities.items()):
        run(_merge_entities(label), items)
    run(_LINK_INDUSTRIES, rows.entities.get("Industry", ()))
    run(_CREATE_SECTIONS, rows.sections)
    run(_LINK_TOP_SECTIONS, [s for s in rows.sections if s["parent"] is None])
    run(_LINK_SUB_SECTIONS, [s for s in rows.sections if s["parent"] is not None])
    run(_SECTION_MENTIONS, rows.mentions)
    run(_DOCUMENT_MENTIONS, rows.document_mentions)
    for rel_type, items in sorted(rows.relations.items()):
        run(_create_relations(rel_type), items)
    run(_CREATE_INDICATORS, rows.indicators)
    current = set(new_ids)
    gone = [e for e in old if e not in current]
    if gone:
        tx.run(_FORGET_ENTITIES, ids=gone, doc=doc).consume()


def _remove(tx: ManagedTransaction, doc: str, doc_iri: str) -> None:
    old = _retract(tx, doc, doc_iri)
    tx.run(_FORGET_ENTITIES, ids=old, doc=doc).consume()
    tx.run("MATCH (d:Document {id: $doc_iri}) DETACH DELETE d", doc_iri=doc_iri).consume()


# ------------------------------------------------------------------ entry points

@dataclass(frozen=True)
class LoadSummary:
    documents: int
    entities: int
    elements: int                 # nodes + relationships written
    pruned: tuple[str, ...] = ()
    taxonomy: int | None = None   # concepts written; None when no taxonomy was available


def loaded_documents(driver: Driver, database: str | None = None) -> list[str]:
    records, _, _ = driver.execute_query("MATCH (d:Document) RETURN d.doc_id AS id ORDER BY id",
                                         database_=database)
    return [r["id"] for r in records]


def _fail(exc: Exception, what: str) -> LoadError:
    code = getattr(exc, "code", None) or type(exc).__name__
    message = getattr(exc, "message", None) or str(exc)
    return LoadError(f"Neo4j failed while {what}: {code}: {message.splitlines()[0] if message else ''}")


def load(driver: Driver, extractions: list[Extraction], database: str | None = None, *,
         taxonomy: IndustryTaxonomy | None | object = _DEFAULT, prune: bool = False,
         batch: int = BATCH, progress: Callable[[str], None] = lambda msg: None) -> LoadSummary:
    """Replace each extraction's document in the graph; with ``prune``, drop documents not given.

    ``taxonomy`` defaults to ``kg.industries``; None loads without the taxonomy (tests, benchmarks).
    """
    tax = default_taxonomy() if taxonomy is _DEFAULT else taxonomy
    prepared = [document_rows(x, tax) for x in extractions]
    seen: set[str] = set()
    for r in prepared:
        if r.doc_id in seen:
            raise LoadError(f"document {r.doc_id} is given twice: document ids must be unique")
        seen.add(r.doc_id)
    what = "creating the schema"
    try:
        ensure_schema(driver, database)
        concepts = None
        with driver.session(database=database) as session:
            if tax is not None:
                what = "writing the industry taxonomy"
                rows = concept_rows(tax)
                session.execute_write(write_taxonomy, rows)
                concepts = len(rows)
            pruned: list[str] = []
            if prune:
                what = "pruning documents"
                for doc in loaded_documents(driver, database):
                    if doc not in seen:
                        session.execute_write(_remove, doc, str(document_iri(doc)))
                        pruned.append(doc)
                        progress(f"pruned {doc}")
            for r in prepared:
                what = f"loading document {r.doc_id}"
                session.execute_write(_write, r, batch)
                progress(f"loaded {r.doc_id}: {len(r.entity_ids)} entities, "
                         f"{sum(len(v) for v in r.relations.values())} relations, "
                         f"{len(r.indicators)} indicators")
    except (Neo4jError, DriverError) as exc:
        raise _fail(exc, what) from None
    return LoadSummary(documents=len(prepared), entities=len({e for r in prepared for e in r.entity_ids}),
                       elements=sum(r.elements for r in prepared), pruned=tuple(pruned), taxonomy=concepts)


def remove_document(driver: Driver, doc_id: str, database: str | None = None) -> None:
    """Retract one document entirely (its facts, its Document node, entities only it contained)."""
    with driver.session(database=database) as session:
        session.execute_write(_remove, doc_id, str(document_iri(doc_id)))

