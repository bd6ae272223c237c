"""networkx: the same ids as RDF, node-link JSON and GraphML round trips."""

from handmade import eid, handmade_extraction
from rdflib import RDF, URIRef

from kg.iri import iri
from kg.output.nxgraph import entity_nodes, read_graphml, read_node_link, to_networkx, write_graphml, write_node_link
from kg.output.rdf import to_graph


def test_networkx_nodes_are_entities(sample_extraction):
    g = to_networkx([sample_extraction])
    assert len(entity_nodes(g)) == len(sample_extraction.entities)
    assert g.nodes[str(iri("Platform/sino-singapore-guangzhou-knowledge-city"))]["type"] == "Platform"


def edges(g):
    return sorted((u, v, k, tuple(sorted(d.items()))) for u, v, k, d in g.edges(keys=True, data=True))


def test_nodes_and_edges_use_the_rdf_iris():
    x = handmade_extraction()
    g, rdf = to_networkx([x]), to_graph([x])
    assert len(entity_nodes(g)) == len(x.entities)
    assert {d.get("kind") for _, d in g.nodes(data=True)} == {"entity", "indicator", "concept"}
    for n in entity_nodes(g):
        assert (URIRef(n), RDF.type, None) in rdf
    statements = {str(s) for s in rdf.subjects(RDF.type, RDF.Statement)}
    serves = [(u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d["type"] == "SERVES"]
    assert len(serves) == 4 and {k for _, _, k in serves} == statements
    assert (str(iri(eid("广州国际生物岛"))), str(iri(eid("基因检测")))) in {(u, v) for u, v, _ in serves}
    industry = g.nodes[str(iri(eid("基因检测")))]
    assert industry["industry_match"] == "exact" and g.has_edge(str(iri(eid("基因检测"))), industry["industry_concept"])


def test_node_link_and_graphml_round_trip(tmp_path, sample_extraction):
    g = to_networkx([handmade_extraction(), sample_extraction])
    for write, read, name in ((write_node_link, read_node_link, "g.json"), (write_graphml, read_graphml, "g.graphml")):
        back = read(write(g, tmp_path / name))
        assert dict(back.nodes(data=True)) == dict(g.nodes(data=True)), name
        assert edges(back) == edges(g), name
    kc = str(iri("Platform/sino-singapore-guangzhou-knowledge-city"))
    assert isinstance(read_graphml(tmp_path / "g.graphml").nodes[kc]["aliases"], list)  # lists decoded
