"""The Neo4j schema the loader relies on: uniqueness constraints, lookup indexes, full-text index.

Created before any data (idempotent: IF NOT EXISTS), then awaited so the first document's MERGEs
already use them and full-text search answers right after a load.
"""

from __future__ import annotations

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import ClientError

FULLTEXT_INDEX = "entity_names"

STATEMENTS = (
    # every node the loader MERGEs or MATCHes is found by its IRI through one of these
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT section_id IF NOT EXISTS FOR (n:Section) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (n:Indicator) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (n:Concept) REQUIRE n.id IS UNIQUE",
    # per-document retraction finds a document's sections and indicators by its plain id
    "CREATE INDEX section_doc IF NOT EXISTS FOR (n:Section) ON (n.doc)",
    "CREATE INDEX indicator_doc IF NOT EXISTS FOR (n:Indicator) ON (n.doc)",
    "CREATE INDEX document_doc_id IF NOT EXISTS FOR (n:Document) ON (n.doc_id)",
    # names in both languages and every alias; the CJK analyzer indexes Chinese as bigrams
    f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Entity|Concept) "
    "ON EACH [n.name_zh, n.name_en, n.aliases] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
)


def _run_statement(tx: ManagedTransaction, statement: str) -> None:
    tx.run(statement).consume()


def ensure_schema(driver: Driver, database: str | None = None, wait_seconds: int = 300) -> None:
    """Create constraints and indexes (schema commands run outside data transactions) and wait."""
    with driver.session(database=database) as session:
        for stmt in STATEMENTS:
            try:  # managed: a deadlock with a concurrent loader is retried
                session.execute_write(_run_statement, stmt)
            except ClientError as exc:  # another loader created it a moment ago: same rule
                if "AlreadyExists" not in (exc.code or ""):
                    raise
        session.run("CALL db.awaitIndexes($t)", t=wait_seconds).consume()
