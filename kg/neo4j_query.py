"""Run Cypher against Neo4j, read-only unless the caller asks for writes."""
from __future__ import annotations

from dataclasses import dataclass

from neo4j import READ_ACCESS, WRITE_ACCESS, Driver
from neo4j.exceptions import ClientError

from extract.errors import PolicyKGError


class QueryError(PolicyKGError):
    pass


@dataclass(frozen=True)
class QueryResult:
    keys: tuple[str, ...]
    rows: tuple[tuple, ...]


def run_query(driver: Driver, cypher: str, params: dict | None = None, write: bool = False,
              database: str | None = None) -> QueryResult:
    mode = WRITE_ACCESS if write else READ_ACCESS
    try:
        with driver.session(database=database, default_access_mode=mode) as session:
            result = session.run(cypher, params or {})
            keys = tuple(result.keys())
            rows = tuple(tuple(r.values()) for r in result)
    except ClientError as exc:
        if not write and (exc.code or "").endswith(("AccessMode", "ForbiddenDueToTransactionType")):
            raise QueryError(f"the query writes to the database but the session is read-only "
                             f"({exc.code}); pass --write to allow writes") from None
        raise QueryError(f"Cypher failed: {exc.code}: {exc.message}") from None
    return QueryResult(keys, rows)
