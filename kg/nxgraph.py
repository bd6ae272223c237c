"""Extractions as a networkx MultiDiGraph keyed by the same ids as the RDF and Neo4j graphs."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from extract.model import Extraction


def to_networkx(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for x in extractions:
        doc = x.document
        for e in x.entities:
            if e.id in g:
                data = g.nodes[e.id]
                data["documents"] = sorted(set(data["documents"]) | {doc.id})
                data["mentions"] += len(e.mentions)
            else:
                g.add_node(e.id, type=e.type, name=e.name, name_en=e.name_en or "",
                           aliases=list(e.aliases), documents=[doc.id], mentions=len(e.mentions))
        for r in x.relations:
            g.add_edge(r.head, r.tail, key=f"{r.type}@{doc.id}:{r.evidence.sentence}", type=r.type,
                       document=doc.id, sentence=r.evidence.sentence, evidence=r.evidence.text, rule=r.rule)
    return g


def _graphml_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML has no list attributes: lists become JSON strings."""
    h = g.copy()
    for _, data in h.nodes(data=True):
        for k, v in list(data.items()):
            if isinstance(v, (list, tuple, dict)):
                data[k] = json.dumps(v, ensure_ascii=False)
    return h


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> Path:
    nx.write_graphml(_graphml_safe(g), str(path), encoding="utf-8")
    return Path(path)
