"""What a built graph holds: counts by type and relation, the most-connected entities, unmapped industries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from extract.model import Extraction
from kg.output.nxgraph import INDICATOR_KIND, RELATION_KIND, entity_nodes, to_networkx


@dataclass(frozen=True)
class Connected:
    id: str  # the IRI (the node key)
    local_id: str  # Platform/…, as in the extraction contract
    type: str
    name_zh: str
    name_en: str
    degree: int  # relation edges in and out (taxonomy edges not counted)


@dataclass(frozen=True)
class GraphStats:
    documents: int
    entities_by_type: tuple[tuple[str, int], ...]
    relations_by_type: tuple[tuple[str, int], ...]
    indicators: int
    most_connected: tuple[Connected, ...]
    industries: int
    unmapped_industries: tuple[str, ...]

    @property
    def entities(self) -> int:
        return sum(n for _, n in self.entities_by_type)

    @property
    def relations(self) -> int:
        return sum(n for _, n in self.relations_by_type)


def compute(extractions: Iterable[Extraction], top: int = 10) -> GraphStats:
    """Counts by type and relation, the ``top`` most-connected entities, and unmapped industries."""
    extractions = list(extractions)
    g = to_networkx(extractions)
    entities = entity_nodes(g)
    by_type = Counter(g.nodes[n]["type"] for n in entities)
    relations = Counter(d["type"] for _, _, d in g.edges(data=True) if d.get("kind") == RELATION_KIND)
    degree: Counter[str] = Counter()
    for u, v, d in g.edges(data=True):
        if d.get("kind") == RELATION_KIND:
            degree[u] += 1
            degree[v] += 1
    ranked = sorted((n for n in entities if degree[n]), key=lambda n: (-degree[n], n))[:top]
    industries = [g.nodes[n] for n in entities if g.nodes[n]["type"] == "Industry"]
    return GraphStats(
        documents=len({x.document.id for x in extractions}),
        entities_by_type=tuple(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
        relations_by_type=tuple(sorted(relations.items(), key=lambda kv: (-kv[1], kv[0]))),
        indicators=sum(1 for _, d in g.nodes(data=True) if d.get("kind") == INDICATOR_KIND),
        most_connected=tuple(
            Connected(
                n, g.nodes[n]["local_id"], g.nodes[n]["type"], g.nodes[n]["name_zh"], g.nodes[n]["name_en"], degree[n]
            )
            for n in ranked
        ),
        industries=len(industries),
        unmapped_industries=tuple(dict.fromkeys(d["name_zh"] for d in industries if "industry_concept" not in d)),
    )
