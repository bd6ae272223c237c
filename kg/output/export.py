"""Where the export, validate, stats and sparql commands get the graph from.

A folder means the extraction contracts in it (``*.extraction.json``, as build writes them): the graph
is rebuilt in process by the same code as build, so every command sees exactly what build wrote.
A file means an RDF file in one of the export formats.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from extract.contract import read_contract
from extract.errors import PolicyKGError
from extract.model import Extraction

from kg.output.rdf import parse, to_dataset


class GraphSourceError(PolicyKGError):
    pass


def read_extractions(graph_dir: str | Path) -> list[Extraction]:
    d = Path(graph_dir)
    if not d.is_dir():
        raise GraphSourceError(f"{d} is not a folder of extractions")
    files = sorted(d.glob("*.extraction.json"))
    if not files:
        raise GraphSourceError(f"no *.extraction.json in {d}: run `policykg build` first")
    out = []
    for f in files:
        try:
            out.append(read_contract(f))
        except (ValueError, KeyError, TypeError) as exc:
            raise GraphSourceError(f"{f} is not a valid extraction contract: {exc}") from None
    return out


def load_dataset(path: str | Path) -> Dataset:
    p = Path(path)
    if p.is_dir():
        return to_dataset(read_extractions(p))
    if not p.exists():
        raise GraphSourceError(f"{p} does not exist: give a graph folder (policykg build --out) or an RDF file")
    return parse(p)
