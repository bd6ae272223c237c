"""Load extractions into Neo4j: one managed transaction per document, parameterised UNWIND batches.

Re-ingesting a document replaces it: inside the same transaction its sections, mentions,
relations and indicators are deleted and written anew, so loading twice changes nothing and an
edited document leaves none of its old facts behind. Entities are shared: each keeps the list of
documents that contain it (``docs``) and is deleted only when the last of them is retracted.
Managed transactions (``execute_write``) retry on transient errors (deadlocks, leader switches).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from neo4j import Driver, ManagedTransaction, Result, Session
from neo4j.exceptions import DriverError, Neo4jError

from extract.errors import PolicyKGError
from extract.model import Extraction
from kg.iri import document_iri
from kg.neo4j import cypher
from kg.neo4j.cypher import BATCH
from kg.neo4j.rows import DocumentRows, document_rows
from kg.neo4j.schema import ensure_schema
from kg.neo4j.taxonomy import PROJECT_TAXONOMY, IndustryTaxonomy, concept_rows, write_taxonomy

Progress = Callable[[str], None]


class CypherRunner(Protocol):
    """What writing a document needs: a transaction's run() (bench/neo4j.py passes an auto-commit stand-in)."""

    def run(self, query: str, parameters: dict[str, Any] | None = None, **kwparameters: Any) -> Result: ...


class LoadError(PolicyKGError):
    """Neo4j refused a load, or the extractions cannot be loaded as given."""


def _retract(tx: CypherRunner, doc: str, doc_iri: str) -> list[str]:
    """Delete the document's own facts; return the entity ids it contained before."""
    rec = tx.run(cypher.OLD_ENTITIES, doc_iri=doc_iri).single()
    old = list(rec["ids"] or []) if rec else []
    for stmt in cypher.RETRACT_FACTS:
        tx.run(stmt, doc=doc, doc_iri=doc_iri, old=old).consume()
    return old


def _batches(rows: tuple | list, size: int) -> Iterable[tuple | list]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def write_document(tx: CypherRunner, rows: DocumentRows, batch: int = BATCH) -> None:
    """Replace one document in the transaction: retract its old facts, write the rows in batches."""
    doc, doc_iri = rows.doc_id, rows.document["id"]

    def run(stmt: str, items: tuple | list) -> None:
        for chunk in _batches(items, batch):
            tx.run(stmt, rows=chunk, doc=doc, doc_iri=doc_iri).consume()

    old = _retract(tx, doc, doc_iri)
    new_ids = rows.entity_ids
    tx.run(cypher.MERGE_DOCUMENT, row=rows.document, entity_ids=new_ids).consume()
    for label, items in sorted(rows.entities.items()):
        run(cypher.merge_entities(label), items)
    run(cypher.LINK_INDUSTRIES, rows.entities.get("Industry", ()))
    run(cypher.CREATE_SECTIONS, rows.sections)
    run(cypher.LINK_TOP_SECTIONS, [s for s in rows.sections if s["parent"] is None])
    run(cypher.LINK_SUB_SECTIONS, [s for s in rows.sections if s["parent"] is not None])
    run(cypher.SECTION_MENTIONS, rows.mentions)
    run(cypher.DOCUMENT_MENTIONS, rows.document_mentions)
    for rel_type, items in sorted(rows.relations.items()):
        run(cypher.create_relations(rel_type), items)
    run(cypher.CREATE_INDICATORS, rows.indicators)
    current = set(new_ids)
    gone = [e for e in old if e not in current]
    if gone:
        tx.run(cypher.FORGET_ENTITIES, ids=gone, doc=doc).consume()


def _remove(tx: ManagedTransaction, doc: str, doc_iri: str) -> None:
    """Retract the document's facts, forget its entities, delete its node."""
    old = _retract(tx, doc, doc_iri)
    tx.run(cypher.FORGET_ENTITIES, ids=old, doc=doc).consume()
    tx.run(cypher.DELETE_DOCUMENT, doc_iri=doc_iri).consume()


# ------------------------------------------------------------------ entry points


@dataclass(frozen=True)
class LoadSummary:
    """What a load wrote."""

    documents: int
    entities: int
    elements: int  # nodes + relationships written
    pruned: tuple[str, ...] = ()
    taxonomy: int | None = None  # concepts written; None when no taxonomy was available


def loaded_documents(driver: Driver, database: str | None = None) -> list[str]:
    """The ids of the documents in the database, sorted."""
    records, _, _ = driver.execute_query(cypher.LOADED_DOCUMENTS, database_=database)
    return [r["id"] for r in records]


def _fail(exc: Exception, what: str) -> LoadError:
    code = getattr(exc, "code", None) or type(exc).__name__
    message = getattr(exc, "message", None) or str(exc)
    return LoadError(f"Neo4j failed while {what}: {code}: {message.splitlines()[0] if message else ''}")


@contextmanager
def _failing_as(what: str) -> Iterator[None]:
    """Turn a Neo4j or driver error inside the block into a LoadError saying what was being done."""
    try:
        yield
    except (Neo4jError, DriverError) as exc:
        raise _fail(exc, what) from None


def _prepare(extractions: Iterable[Extraction], taxonomy: IndustryTaxonomy | None) -> list[DocumentRows]:
    """Every document's rows, refused whole when a document id is given twice."""
    prepared = [document_rows(x, taxonomy) for x in extractions]
    seen: set[str] = set()
    for r in prepared:
        if r.doc_id in seen:
            raise LoadError(f"document {r.doc_id} is given twice: document ids must be unique")
        seen.add(r.doc_id)
    return prepared


def _write_taxonomy(session: Session, taxonomy: IndustryTaxonomy | None) -> int | None:
    """Write the taxonomy's concepts; how many, or None without a taxonomy."""
    if taxonomy is None:
        return None
    with _failing_as("writing the industry taxonomy"):
        rows = concept_rows(taxonomy)
        session.execute_write(write_taxonomy, rows)
    return len(rows)


def _prune_others(session: Session, loaded: list[str], keep: set[str], progress: Progress) -> list[str]:
    """Remove every loaded document not in ``keep``; the ids removed."""
    pruned = []
    for doc in loaded:
        if doc not in keep:
            session.execute_write(_remove, doc, str(document_iri(doc)))
            pruned.append(doc)
            progress(f"pruned {doc}")
    return pruned


def _write_documents(session: Session, prepared: list[DocumentRows], batch: int, progress: Progress) -> None:
    for r in prepared:
        with _failing_as(f"loading document {r.doc_id}"):
            session.execute_write(write_document, r, batch)
        progress(
            f"loaded {r.doc_id}: {len(r.entity_ids)} entities, "
            f"{sum(len(v) for v in r.relations.values())} relations, "
            f"{len(r.indicators)} indicators"
        )


def _quiet(message: str) -> None:
    pass


def load(
    driver: Driver,
    extractions: Iterable[Extraction],
    database: str | None = None,
    *,
    taxonomy: IndustryTaxonomy | None = PROJECT_TAXONOMY,
    prune: bool = False,
    batch: int = BATCH,
    progress: Progress = _quiet,
) -> LoadSummary:
    """Replace each extraction's document in the graph; with ``prune``, drop documents not given.

    ``taxonomy`` defaults to the project's (``ontology.taxonomy``); None loads without the taxonomy
    (tests, benchmarks).
    """
    prepared = _prepare(extractions, taxonomy)
    pruned: list[str] = []
    with _failing_as("creating the schema"):
        ensure_schema(driver, database)
        with driver.session(database=database) as session:
            concepts = _write_taxonomy(session, taxonomy)
            if prune:
                with _failing_as("pruning documents"):
                    pruned = _prune_others(
                        session, loaded_documents(driver, database), {r.doc_id for r in prepared}, progress
                    )
            _write_documents(session, prepared, batch, progress)
    return LoadSummary(
        documents=len(prepared),
        entities=len({e for r in prepared for e in r.entity_ids}),
        elements=sum(r.elements for r in prepared),
        pruned=tuple(pruned),
        taxonomy=concepts,
    )


def remove_document(driver: Driver, doc_id: str, database: str | None = None) -> None:
    """Retract one document entirely (its facts, its Document node, entities only it contained)."""
    with driver.session(database=database) as session:
        session.execute_write(_remove, doc_id, str(document_iri(doc_id)))
