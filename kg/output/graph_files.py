"""The collection's graph files, assembled from per-document fragments without reloading RDF.

Each document's worker writes ``<doc-id>.nt``: its named graph as sorted N-Triples. The
collection files are streamed from those fragments, so writing them costs a file copy, not an
rdflib graph of every document in memory:

* ``graph.ttl`` — every graph merged; written in the N-Triples subset of Turtle (one triple a
  line, full IRIs), which any Turtle parser reads;
* ``graph.trig`` — one named graph per document (named by the document IRI) plus the industry
  taxonomy graph, each a ``<graph> { … }`` block of N-Triples lines;
* ``graph.graphml`` and ``graph.json`` (networkx node-link), from the extraction contracts.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from extract.contract import read_contract
from extract.model import Extraction

from kg.iri import TAXONOMY_GRAPH, document_iri
from kg.output.nxgraph import to_networkx, write_graphml, write_node_link
from kg.output.rdf import serialize, to_dataset

from kg.batch.ingest import GRAPH_FILES  # noqa: F401  (the names, kept in one place)
HEADER = "# policykg graph: N-Triples lines (valid {fmt}); {n} documents\n"


def document_fragment(x: Extraction) -> str:
    """The document's own graph as sorted N-Triples (no taxonomy: that is written once)."""
    return serialize(to_dataset([x], taxonomy=False), "nt")


@lru_cache(maxsize=1)
def taxonomy_fragment() -> str:
    return serialize(to_dataset([], taxonomy=True), "nt")


def _replace(path: Path, chunks: Iterable[str]) -> Path:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for chunk in chunks:
            fh.write(chunk)
    tmp.replace(path)
    return path


def write_graph_files(out: Path, doc_ids: list[str]) -> list[Path]:
    """Write the four collection files for these documents (fragments and contracts in ``out``)."""
    doc_ids = sorted(doc_ids)

    def fragment(doc_id: str) -> str:
        return (out / f"{doc_id}.nt").read_text(encoding="utf-8")

    def ttl():
        yield HEADER.format(fmt="Turtle", n=len(doc_ids))
        yield taxonomy_fragment()
        for d in doc_ids:
            yield fragment(d)

    def trig():
        yield HEADER.format(fmt="TriG", n=len(doc_ids))
        yield f"<{TAXONOMY_GRAPH}> {{\n{taxonomy_fragment()}}}\n"
        for d in doc_ids:
            yield f"<{document_iri(d)}> {{\n{fragment(d)}}}\n"

    outputs = [_replace(out / "graph.ttl", ttl()), _replace(out / "graph.trig", trig())]
    g = to_networkx(read_contract(out / f"{d}.extraction.json") for d in doc_ids)
    outputs += [write_graphml(g, out / "graph.graphml"), write_node_link(g, out / "graph.json")]
    return outputs
