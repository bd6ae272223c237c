"""Run Cypher against Neo4j, read-only unless the caller asks for writes.

Read-only is the session's access mode: the server itself refuses a write, whatever the query.
"""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import READ_ACCESS, WRITE_ACCESS, Driver
from neo4j.exceptions import ClientError, DriverError, Neo4jError

from extract.errors import PolicyKGError


class QueryError(PolicyKGError):
    pass


@dataclass(frozen=True)
class QueryResult:
    keys: tuple[str, ...]
    rows: tuple[tuple, ...]


def _first_line(text: str | None) -> str:
    lines = [ln.strip() for ln in (text or "").splitlines() if ln.strip()]
    return lines[0] if lines else ""


def run_query(
    driver: Driver, cypher: str, params: dict | None = None, write: bool = False, database: str | None = None
) -> QueryResult:
    """Run Cypher with parameters in a read-only session (or a write one) and return every row."""
    mode = WRITE_ACCESS if write else READ_ACCESS
    try:
        with driver.session(database=database, default_access_mode=mode) as session:
            result = session.run(cypher, params or {})
            keys = tuple(result.keys())
            rows = tuple(tuple(r.values()) for r in result)
    except ClientError as exc:
        if not write and (exc.code or "").endswith(("AccessMode", "ForbiddenDueToTransactionType")):
            raise QueryError(
                "the query writes to the database but queries are read-only; pass --write to allow writes"
            ) from None
        raise QueryError(f"Cypher failed: {exc.code}: {_first_line(exc.message)}") from None
    except (Neo4jError, DriverError) as exc:
        code = getattr(exc, "code", None) or type(exc).__name__
        raise QueryError(f"Neo4j failed: {code}: {_first_line(getattr(exc, 'message', None) or str(exc))}") from None
    return QueryResult(keys, rows)
