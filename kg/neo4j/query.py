"""Run Cypher against Neo4j, read-only unless the caller asks for writes.

Read-only is the session's access mode: the server itself refuses a write, whatever the query.
A read can still reach outside the database — ``LOAD CSV FROM 'http://…'`` fetches a URL or reads
a file, and procedures (APOC's ``apoc.load.*``, ``apoc.import.*`` …) do more — so a read-only
query may call only the built-in ``db.*`` procedures and no LOAD CSV; ``--write`` lifts both.
"""

from __future__ import annotations

import re
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


# what is not code in a Cypher text: string literals, quoted names, comments
_NOT_CODE = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?\*/""",
    re.DOTALL,
)
_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)
_CALL = re.compile(r"\bCALL\s+((?:`[^`]*`|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:`[^`]*`|[A-Za-z_][\w$]*))*)", re.IGNORECASE)
READ_ONLY_PROCEDURES = re.compile(r"^db\.", re.IGNORECASE)  # built-in, read the database only


def _code(cypher: str) -> str:
    """The Cypher with strings and comments blanked out (quoted names stay, their quotes dropped below)."""
    return _NOT_CODE.sub(lambda m: " " if m.group(0)[0] in "/" else "''", cypher)


def check_read_only(cypher: str) -> None:
    """Refuse, in one line, what a read-only query must not do: LOAD CSV, procedures other than db.*."""
    code = _code(cypher)
    if _LOAD_CSV.search(code):
        raise QueryError("LOAD CSV reads files and URLs, which read-only queries may not; pass --write to allow it")
    for m in _CALL.finditer(code):
        name = re.sub(r"[`\s]", "", m.group(1))
        if not READ_ONLY_PROCEDURES.match(name):
            raise QueryError(
                f"procedure {name} may reach outside the database, which read-only queries may not "
                "(only db.* procedures); pass --write to allow it"
            )


def _first_line(text: str | None) -> str:
    lines = [ln.strip() for ln in (text or "").splitlines() if ln.strip()]
    return lines[0] if lines else ""


def run_query(
    driver: Driver, cypher: str, params: dict | None = None, write: bool = False, database: str | None = None
) -> QueryResult:
    """Run Cypher with parameters in a read-only session (or a write one) and return every row."""
    if not write:
        check_read_only(cypher)
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
    except (OverflowError, ValueError, TypeError) as exc:  # a parameter the driver cannot send
        raise QueryError(f"a parameter cannot be sent to Neo4j ({type(exc).__name__}: {exc})") from None
    return QueryResult(keys, rows)
