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
from kg.neo4j.rows import ALIAS_SEP, VOTE_SEP, DocumentRows, document_rows
from kg.neo4j.schema import ensure_schema
from kg.neo4j.taxonomy import PROJECT_TAXONOMY, IndustryTaxonomy, concept_rows, write_taxonomy

Progress = Callable[[str], None]


class CypherRunner(Protocol):
    """What writing a document needs: a transaction's run() (bench/neo4j.py passes an auto-commit stand-in)."""

    def run(self, query: str, parameters: dict[str, Any] | None = None, **kwparameters: Any) -> Result: ...


class LoadError(PolicyKGError):
    """Neo4j refused a load, or the extractions cannot be loaded as given."""


class DocumentCollision(LoadError):
    """A document of this id is in the database from another folder (corpus): it is not replaced."""


def _check_origin(tx: CypherRunner, doc: str, doc_iri: str, origin: str | None) -> None:
    """Refuse to replace a document another folder loaded (documents loaded before origins were kept are adopted)."""
    if origin is None:
        return
    rec = tx.run(cypher.DOCUMENT_ORIGIN, doc_iri=doc_iri).single()
    if rec is not None and rec["origin"] is not None and rec["origin"] != origin:
        corpus = f" (corpus {rec['corpus']!r})" if rec["corpus"] else ""
        raise DocumentCollision(
            f"document {doc} is already in Neo4j from another output folder{corpus}; not replaced: "
            "give this folder's corpus another name (ingest it into a new --out with --corpus NAME)"
        )


def _rename(tx: CypherRunner, ids: list[str]) -> None:
    """Choose the entities' names again from their documents' votes."""
    if ids:
        tx.run(cypher.NAME_ENTITIES, ids=ids, sep=VOTE_SEP, alias_sep=ALIAS_SEP).consume()


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


def write_document(
    tx: CypherRunner, rows: DocumentRows, batch: int = BATCH, origin: str | None = None, corpus: str | None = None
) -> None:
    """Replace one document in the transaction: retract its old facts, write the rows in batches.

    ``origin`` identifies the folder the document comes from: a document of the same id loaded
    from another folder is refused (DocumentCollision), never silently replaced.
    """
    doc, doc_iri = rows.doc_id, rows.document["id"]

    def run(stmt: str, items: tuple | list) -> None:
        for chunk in _batches(items, batch):
            tx.run(stmt, rows=chunk, doc=doc, doc_iri=doc_iri, sep=VOTE_SEP, alias_sep=ALIAS_SEP).consume()

    _check_origin(tx, doc, doc_iri, origin)
    old = _retract(tx, doc, doc_iri)
    new_ids = rows.entity_ids
    tx.run(cypher.MERGE_DOCUMENT, row=rows.document, entity_ids=new_ids, origin=origin, corpus=corpus).consume()
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
        tx.run(cypher.FORGET_ENTITIES, ids=gone, doc=doc, sep=VOTE_SEP, alias_sep=ALIAS_SEP).consume()
    _rename(tx, [*new_ids, *gone])


def _remove(tx: ManagedTransaction, doc: str, doc_iri: str, origin: str | None = None) -> None:
    """Retract the document's facts, forget its entities, delete its node."""
    _check_origin(tx, doc, doc_iri, origin)
    old = _retract(tx, doc, doc_iri)
    tx.run(cypher.FORGET_ENTITIES, ids=old, doc=doc, sep=VOTE_SEP, alias_sep=ALIAS_SEP).consume()
    _rename(tx, old)
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
    refused: tuple[tuple[str, str], ...] = ()  # (doc id, reason): documents another folder holds


def loaded_documents(driver: Driver, database: str | None = None, origin: str | None = None) -> list[str]:
    """The ids of the documents in the database, sorted; with ``origin``, only those loaded from that folder."""
    records, _, _ = driver.execute_query(cypher.LOADED_DOCUMENTS, database_=database)
    return [r["id"] for r in records if origin is None or r["origin"] == origin]


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


@dataclass(frozen=True)
class Origin:
    """Where the documents of a load come from: the folder's key and its corpus name."""

    key: str | None = None
    corpus: str | None = None


def _write_documents(
    session: Session, prepared: list[DocumentRows], batch: int, progress: Progress, origin: Origin
) -> list[tuple[str, str]]:
    """Write each document; returns those refused as another folder's (the others are written)."""
    refused = []
    for r in prepared:
        try:
            with _failing_as(f"loading document {r.doc_id}"):
                session.execute_write(write_document, r, batch, origin.key, origin.corpus)
        except DocumentCollision as exc:
            refused.append((r.doc_id, str(exc)))
            progress(f"refused {r.doc_id}: {exc}")
            continue
        progress(
            f"loaded {r.doc_id}: {len(r.entity_ids)} entities, "
            f"{sum(len(v) for v in r.relations.values())} relations, "
            f"{len(r.indicators)} indicators"
        )
    return refused


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
    origin: Origin = Origin(),
) -> LoadSummary:
    """Replace each extraction's document in the graph; with ``prune``, drop documents not given.

    ``taxonomy`` defaults to the project's (``ontology.taxonomy``); None loads without the taxonomy
    (tests, benchmarks). With an ``origin`` (the folder the extractions come from), a document
    another folder loaded is refused rather than replaced, and ``prune`` drops only documents
    that came from this folder.
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
                        session,
                        loaded_documents(driver, database, origin.key),
                        {r.doc_id for r in prepared},
                        progress,
                    )
            refused = _write_documents(session, prepared, batch, progress, origin)
    return LoadSummary(
        documents=len(prepared),
        entities=len({e for r in prepared for e in r.entity_ids}),
        elements=sum(r.elements for r in prepared),
        pruned=tuple(pruned),
        taxonomy=concepts,
        refused=tuple(refused),
    )


def remove_document(driver: Driver, doc_id: str, database: str | None = None, origin: str | None = None) -> bool:
    """Retract one document entirely (its facts, its Document node, entities only it contained).

    With ``origin``, a document another folder loaded is left alone; returns whether it was removed.
    """
    with driver.session(database=database) as session:
        try:
            session.execute_write(_remove, doc_id, str(document_iri(doc_id)), origin)
        except DocumentCollision:
            return False
    return True
