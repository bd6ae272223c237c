"""Extractions as a networkx MultiDiGraph keyed by the same ids as the RDF and Neo4j graphs (the IRIs).

Nodes: entities (kind "entity"), indicators (kind "indicator") and the industry-taxonomy concepts
that extracted industries map to, with their ancestors (kind "concept"). Edges: the relations
(key = the IRI of the reified RDF statement, with evidence), HAS_INDICATOR, and BROADER from an
extracted industry to its concept and from a concept to its broader concepts, as in Neo4j.
Written as node-link JSON and GraphML; GraphML has no list type, so lists are JSON strings and
the graph attribute ``json_encoded`` names them (read_graphml decodes them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import cast

import networkx as nx

from extract.model import Extraction
from extract.zh.labels import label_entity
from kg.iri import document_iri, iri, sentence_iri, statement_iri
from ontology.taxonomy import concept as taxonomy_concept
from ontology.taxonomy import map_names

LIST_ATTRIBUTES = ("aliases", "documents")
# the "kind" attribute of nodes and edges
ENTITY_KIND = "entity"
INDICATOR_KIND = "indicator"
CONCEPT_KIND = "concept"
RELATION_KIND = "relation"  # edges: relation statements and HAS_INDICATOR
TAXONOMY_KIND = "taxonomy"  # edges: BROADER, from an industry to its concept and between concepts
# edge types (keys) besides the ontology's relation types, named as in Neo4j
BROADER_EDGE = "BROADER"
HAS_INDICATOR_EDGE = "HAS_INDICATOR"
CONCEPT_TYPE = "IndustryConcept"


def _add_concept(g: nx.MultiDiGraph, concept_iri: str) -> None:
    """A taxonomy concept and, transitively, its broader concepts with BROADER edges."""
    todo = [concept_iri]
    while todo:
        c = taxonomy_concept(todo.pop())
        if c is None or g.nodes.get(c.iri, {}).get("kind") == CONCEPT_KIND:
            continue
        g.add_node(c.iri, kind=CONCEPT_KIND, type=CONCEPT_TYPE, name_zh=c.zh, name_en=c.en)
        for b in c.broader:
            g.add_edge(c.iri, b, key=BROADER_EDGE, type=BROADER_EDGE, kind=TAXONOMY_KIND)
            todo.append(b)


def add_extraction(g: nx.MultiDiGraph, x: Extraction) -> None:
    """Add one document's entities, relations and indicators (and the concepts its industries map to)."""
    doc = x.document
    for e in map(label_entity, x.entities):
        node = str(iri(e.id))
        if node in g:
            data = g.nodes[node]
            data["documents"] = sorted(set(data["documents"]) | {doc.id})
            data["aliases"] = sorted(set(data["aliases"]) | set(e.aliases))
            data["mentions"] += len(e.mentions)
            continue
        g.add_node(
            node,
            kind=ENTITY_KIND,
            type=e.type,
            local_id=e.id,
            name_zh=e.name,
            name_en=e.name_en,
            name_en_source=e.name_en_source,
            aliases=sorted(e.aliases),
            documents=[doc.id],
            mentions=len(e.mentions),
        )
        if e.registry_id:
            g.nodes[node]["registry_id"] = e.registry_id
        if e.type == "Industry":
            mapped = map_names((e.name, e.name_en, *e.aliases))
            if mapped:
                _add_concept(g, mapped[0])
                g.nodes[node].update(industry_concept=mapped[0], industry_match=mapped[1])
                g.add_edge(node, mapped[0], key=BROADER_EDGE, type=BROADER_EDGE, kind=TAXONOMY_KIND, match=mapped[1])
    sentences = {s.id: s for s in doc.sentences}
    for r in x.relations:
        ev = r.evidence
        sent = sentences.get(ev.sentence)
        g.add_edge(
            str(iri(r.head)),
            str(iri(r.tail)),
            key=str(statement_iri(doc.id, r.head, r.type, r.tail, ev.sentence, ev.start, ev.end)),
            type=r.type,
            kind=RELATION_KIND,
            document=str(document_iri(doc.id)),
            sentence=str(sentence_iri(doc.id, ev.sentence)),
            start=ev.start,
            end=ev.end,
            evidence=sent.text if sent else ev.text,
            rule=r.rule,
        )
    for i in x.indicators:
        node = str(iri(i.id))
        data = dict(
            kind=INDICATOR_KIND,
            type="Indicator",
            local_id=i.id,
            document=doc.id,
            metric=i.metric,
            value=float(i.value),
            unit=i.unit,
            comparator=i.comparator,
            status=i.status,
            sentence=str(sentence_iri(doc.id, i.evidence.sentence)),
        )
        if i.year is not None:
            data["year"] = int(i.year)
        g.add_node(node, **data)
        if i.subject:
            g.add_edge(
                str(iri(i.subject)),
                node,
                key=HAS_INDICATOR_EDGE,
                type=HAS_INDICATOR_EDGE,
                kind=RELATION_KIND,
                document=str(document_iri(doc.id)),
                sentence=data["sentence"],
                rule=i.rule,
            )


def to_networkx(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """The documents' graph: one node per entity across documents, one edge per relation statement."""
    g: nx.MultiDiGraph = nx.MultiDiGraph(name="policykg")
    for x in extractions:
        add_extraction(g, x)
    return g


def entity_nodes(g: nx.MultiDiGraph) -> list[str]:
    """The graph's entity nodes (not indicators or taxonomy concepts)."""
    return [n for n, d in g.nodes(data=True) if d.get("kind") == ENTITY_KIND]


# ---------------------------------------------------------------- node-link JSON


def write_node_link(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as networkx node-link JSON (edges under "edges")."""
    p = Path(path)
    data = nx.node_link_data(g, edges="edges")
    p.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return p


def read_node_link(path: str | Path) -> nx.MultiDiGraph:
    """Read node-link JSON written by write_node_link."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return cast(nx.MultiDiGraph, nx.node_link_graph(data, directed=True, multigraph=True, edges="edges"))


# ---------------------------------------------------------------- GraphML


def _graphml_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML has no list attributes (nor None): lists become JSON strings, None is left out."""
    h: nx.MultiDiGraph = nx.MultiDiGraph()
    h.graph.update(g.graph)
    h.graph["json_encoded"] = ",".join(LIST_ATTRIBUTES)
    for n, data in g.nodes(data=True):
        h.add_node(
            n,
            **{
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, tuple, dict)) else v
                for k, v in data.items()
                if v is not None
            },
        )
    for u, v, k, data in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **{a: b for a, b in data.items() if b is not None})
    return h


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as GraphML, lists JSON-encoded (see read_graphml)."""
    nx.write_graphml(_graphml_safe(g), str(path), encoding="utf-8")
    return Path(path)


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read our GraphML back, decoding the JSON-encoded list attributes."""
    g = cast(nx.MultiDiGraph, nx.read_graphml(str(path), node_type=str, force_multigraph=True))
    encoded = [a for a in g.graph.pop("json_encoded", "").split(",") if a]
    for empty in ("node_default", "edge_default"):  # added by the reader, not ours
        if not g.graph.get(empty):
            g.graph.pop(empty, None)
    for _, data in g.nodes(data=True):
        for a in encoded:
            if isinstance(data.get(a), str):
                data[a] = json.loads(data[a])
    return g
