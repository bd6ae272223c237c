"""The collection's graph files, assembled from per-document fragments without reloading RDF.

Each document's worker writes ``<doc-id>.nt``: its named graph as sorted N-Triples. The
collection files are streamed from those fragments, so writing them costs a file copy, not an
rdflib graph of every document in memory:

* ``graph.ttl`` — every graph merged; written in the N-Triples subset of Turtle (one triple a
  line, full IRIs), which any Turtle parser reads;
* ``graph.trig`` — one named graph per document (named by the document IRI) plus the industry
  taxonomy graph, each a ``<graph> { … }`` block of N-Triples lines;
* ``graph.graphml`` and ``graph.json`` (networkx node-link), from the extraction contracts.

One writer per file, all with the same base (``GraphFileWriter``), in one table from file name
to writer (``WRITERS``); ``write_graph_files`` runs them in the table's order.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import networkx as nx

from extract.contract import read_contract
from extract.model import Extraction
from kg.folder import contract_file, fragment_file
from kg.iri import TAXONOMY_GRAPH, document_iri
from kg.output.labels import label_votes, reconcile_lines
from kg.output.nxgraph import to_networkx, write_graphml, write_node_link
from kg.output.rdf import serialize, to_dataset

__all__ = [
    "GRAPH_FILES",
    "WRITERS",
    "GraphFileWriter",
    "GraphFolder",
    "document_fragment",
    "taxonomy_fragment",
    "write_graph_files",
]

HEADER = "# policykg graph: N-Triples lines (valid {fmt}); {n} documents\n"


def document_fragment(x: Extraction) -> str:
    """The document's own graph as sorted N-Triples (no taxonomy: that is written once)."""
    return serialize(to_dataset([x], taxonomy=False), "nt")


@lru_cache(maxsize=1)
def taxonomy_fragment() -> str:
    """The industry taxonomy's graph as sorted N-Triples."""
    return serialize(to_dataset([], taxonomy=True), "nt")


@dataclass(frozen=True)
class GraphFolder:
    """An output folder and the documents whose fragments and contracts the graph files gather."""

    out: Path
    doc_ids: tuple[str, ...]  # sorted

    def raw_fragment(self, doc_id: str) -> str:
        """One document's N-Triples fragment, as its worker wrote it."""
        return (self.out / fragment_file(doc_id)).read_text(encoding="utf-8")

    @cached_property
    def preferred_labels(self) -> dict[tuple[str, str], str]:
        """The one preferred label per (IRI, language) across the documents (``kg.output.labels``)."""
        return label_votes(self.raw_fragment(d) for d in self.doc_ids)

    def fragment(self, doc_id: str) -> str:
        """One document's fragment within the collection: labels other documents prefer become altLabels."""
        return "".join(reconcile_lines(self.raw_fragment(doc_id), self.preferred_labels))

    @cached_property
    def networkx(self) -> nx.MultiDiGraph:
        """The networkx graph of every document's contract (built once for the writers that need it)."""
        return to_networkx(read_contract(self.out / contract_file(d)) for d in self.doc_ids)


class GraphFileWriter(ABC):
    """Writes one collection file of a graph folder."""

    @abstractmethod
    def write(self, folder: GraphFolder, path: Path) -> Path:
        """Write the file at ``path`` (replacing it whole) and return the path."""


def _replace(path: Path, chunks: Iterable[str]) -> Path:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for chunk in chunks:
            fh.write(chunk)
    tmp.replace(path)
    return path


class TurtleWriter(GraphFileWriter):
    """``graph.ttl``: the taxonomy and every document's fragment, merged, as N-Triples lines."""

    def write(self, folder: GraphFolder, path: Path) -> Path:
        return _replace(path, self._chunks(folder))

    @staticmethod
    def _chunks(folder: GraphFolder) -> Iterator[str]:
        yield HEADER.format(fmt="Turtle", n=len(folder.doc_ids))
        yield taxonomy_fragment()
        for d in folder.doc_ids:
            yield folder.fragment(d)


class TrigWriter(GraphFileWriter):
    """``graph.trig``: the taxonomy graph and one named graph per document."""

    def write(self, folder: GraphFolder, path: Path) -> Path:
        return _replace(path, self._chunks(folder))

    @staticmethod
    def _chunks(folder: GraphFolder) -> Iterator[str]:
        yield HEADER.format(fmt="TriG", n=len(folder.doc_ids))
        yield f"<{TAXONOMY_GRAPH}> {{\n{taxonomy_fragment()}}}\n"
        for d in folder.doc_ids:
            yield f"<{document_iri(d)}> {{\n{folder.fragment(d)}}}\n"


class GraphMLWriter(GraphFileWriter):
    """``graph.graphml``: the networkx graph as GraphML."""

    def write(self, folder: GraphFolder, path: Path) -> Path:
        return write_graphml(folder.networkx, path)


class NodeLinkWriter(GraphFileWriter):
    """``graph.json``: the networkx graph as node-link JSON."""

    def write(self, folder: GraphFolder, path: Path) -> Path:
        return write_node_link(folder.networkx, path)


# file name -> writer, in the order the files are written and reported
WRITERS: dict[str, GraphFileWriter] = {
    "graph.ttl": TurtleWriter(),
    "graph.trig": TrigWriter(),
    "graph.graphml": GraphMLWriter(),
    "graph.json": NodeLinkWriter(),
}
GRAPH_FILES: tuple[str, ...] = tuple(WRITERS)


def write_graph_files(out: Path, doc_ids: Iterable[str]) -> list[Path]:
    """Write every collection file for these documents (fragments and contracts in ``out``)."""
    folder = GraphFolder(out, tuple(sorted(doc_ids)))
    return [writer.write(folder, out / name) for name, writer in WRITERS.items()]
