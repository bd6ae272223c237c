"""Where the export, validate and sparql commands get the graph from, and the RDF export.

A folder means the extraction contracts in it (``*.extraction.json``, as build writes them): the graph
is rebuilt in process by the same code as build, so every command sees exactly what build wrote.
A file means an RDF file in one of the export formats.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from extract.errors import PolicyKGError
from kg.folder import read_contracts
from kg.output.rdf import SUFFIX, parse, to_dataset, write


class GraphSourceError(PolicyKGError):
    """The graph to read is neither a folder nor an RDF file."""


def load_dataset(path: str | Path) -> Dataset:
    """The graph of a build folder (rebuilt from its contracts) or of an RDF file."""
    p = Path(path)
    if p.is_dir():
        return to_dataset(read_contracts(p))
    if not p.exists():
        raise GraphSourceError(f"{p} does not exist: give a graph folder (policykg build --out) or an RDF file")
    return parse(p)


@dataclass(frozen=True)
class Exported:
    path: Path
    triples: int


def default_export_path(graph: str | Path, fmt: str) -> Path:
    """``graph.<suffix>`` beside the graph: inside a graph folder, or in an RDF file's folder."""
    g = Path(graph)
    return (g if g.is_dir() else g.parent) / f"graph{SUFFIX[fmt]}"


def export(graph: str | Path, fmt: str, out: str | Path | None = None) -> Exported:
    """Write the graph of ``graph`` (folder or RDF file) in ``fmt`` to ``out`` (default beside it)."""
    ds = load_dataset(graph)
    target = write(ds, Path(out) if out else default_export_path(graph, fmt), fmt)
    return Exported(target, sum(len(g) for g in ds.graphs()))
