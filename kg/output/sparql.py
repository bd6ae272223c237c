"""SPARQL over the graph in process (rdflib), no server: SELECT and ASK give rows, CONSTRUCT a graph."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import cast

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import ResultRow

from extract.errors import PolicyKGError
from kg.iri import RES


class SparqlError(PolicyKGError):
    """A query that cannot be found, read, parsed or run."""


@dataclass(frozen=True)
class SparqlResult:
    """What a query gave: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT, DESCRIBE)."""

    kind: str  # "rows" | "boolean" | "graph"
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()  # rdflib terms (None where unbound)
    boolean: bool | None = None
    graph: Graph | None = None


def run(ds: Dataset, query: str) -> SparqlResult:
    """Run a SPARQL 1.1 query over the union of the dataset's graphs."""
    try:
        result = ds.query(query)
    except Exception as exc:  # noqa: BLE001 - rdflib raises parser errors of several kinds
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise SparqlError(f"SPARQL query failed: {first}") from None
    if result.type == "ASK":
        return SparqlResult("boolean", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return SparqlResult("graph", graph=result.graph)
    columns = tuple(str(v) for v in result.vars or ())
    return SparqlResult("rows", columns, tuple(tuple(cast(ResultRow, row)) for row in result))


def show(term, ds: Graph | None = None) -> str:
    """A term for a table cell: our IRIs as res:<id>, known namespaces as prefixed names, literals as text."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, URIRef):
        s = str(term)
        if s.startswith(str(RES)):
            return "res:" + s[len(str(RES)) :]
        if ds is not None:
            try:
                return ds.namespace_manager.normalizeUri(term)
            except Exception:  # noqa: BLE001 - not in a bound namespace
                return s
        return s
    return str(term)


def saved_queries() -> dict[str, tuple[str, str]]:
    """name -> (description, query text) for the .rq files in ontology/queries/."""
    out = {}
    for f in sorted(resources.files("ontology").joinpath("queries").iterdir(), key=lambda f: f.name):
        if f.name.endswith(".rq"):
            text = f.read_text("utf-8")
            first = next((ln for ln in text.splitlines() if ln.startswith("#")), "# ")
            out[f.name[:-3]] = (first.lstrip("# ").strip(), text)
    return out


def saved_query(name: str) -> str:
    """The text of the saved query ``name`` (ontology/queries/<name>.rq)."""
    queries = saved_queries()
    if name not in queries:
        raise SparqlError(f"no saved query {name!r}; `policykg sparql --list` shows them")
    return queries[name][1]


def _names_a_file(query: str) -> bool:
    return query.endswith(".rq") or (len(query) < 4096 and "\n" not in query and Path(query).is_file())


def query_text(query: str) -> str:
    """The query itself, or the text of the .rq file it names."""
    if not _names_a_file(query):
        return query
    path = Path(query)
    if not path.is_file():
        raise SparqlError(f"{path} does not exist")
    return path.read_text(encoding="utf-8")
