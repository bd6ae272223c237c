"""networkx: the same ids as RDF, node-link JSON and GraphML round trips, and `policykg stats`."""
from click.testing import CliRunner
from handmade import eid, handmade_extraction
from rdflib import RDF, URIRef

from cli import main
from extract.contract import write_contract
from kg.iri import iri
from kg.output.nxgraph import entity_nodes, read_graphml, read_node_link, to_networkx, write_graphml, write_node_link
from kg.output.rdf import to_graph
from kg.output.stats import compute


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
    assert isinstance(read_graphml(tmp_path / "g.graphml").nodes[kc]["aliases"], list)   # lists decoded


def test_stats_counts_and_unmapped_industries():
    x = handmade_extraction()
    odd = x.entities[0].__class__(id="Industry/n-odd", type="Industry", name="四区四中心",
                                  mentions=x.entities[0].mentions)
    x = x.__class__(x.document, x.entities + (odd,), x.relations, x.indicators)
    s = compute([x], top=3)
    assert dict(s.entities_by_type) == {"Platform": 3, "Institution": 1, "Industry": 5}
    assert dict(s.relations_by_type) == {"SERVES": 4, "HAS_INDICATOR": 1}
    assert s.indicators == 1 and s.documents == 1
    assert s.unmapped_industries == ("四区四中心",)
    assert s.most_connected[0].degree == 2 and s.most_connected[0].name_zh == "生物医药"


def test_cli_stats_and_export(tmp_path):
    write_contract(handmade_extraction(), tmp_path / "handmade.extraction.json")
    runner = CliRunner()
    out = runner.invoke(main, ["stats", str(tmp_path)])
    assert out.exit_code == 0, out.output
    assert "SERVES" in out.output and "industries mapped to the taxonomy: 4 of 4" in out.output
    for fmt in ("ttl", "trig", "nq", "jsonld", "nt"):
        out = runner.invoke(main, ["export", str(tmp_path), "--format", fmt])
        assert out.exit_code == 0 and (tmp_path / f"graph.{fmt}").exists(), out.output
    out = runner.invoke(main, ["validate", str(tmp_path / "graph.trig")])
    assert out.exit_code == 0 and "conforms" in out.output
    (tmp_path / "broken.ttl").write_text(
        "<https://w3id.org/policykg/id/Region/x> a <https://w3id.org/policykg/ontology#Region> .", encoding="utf-8")
    out = runner.invoke(main, ["validate", str(tmp_path / "broken.ttl")])
    assert out.exit_code == 1 and "an entity has a Chinese label" in out.output
