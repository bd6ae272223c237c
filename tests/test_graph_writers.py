import networkx as nx
from rdflib import RDF, RDFS, Graph

from kg.batch.build import build
from kg.iri import iri
from kg.output.nxgraph import entity_nodes, to_networkx
from kg.output.rdf import to_graph
from kg.vocab import PKG


def test_rdf_types_and_labels(sample_extraction):
    g = to_graph([sample_extraction])
    kc = iri("Platform/sino-singapore-guangzhou-knowledge-city")
    assert (kc, RDF.type, PKG.Platform) in g
    labels = {(str(o), o.language) for o in g.objects(kc, RDFS.label)}
    assert ("中新广州知识城", "zh") in labels and ("Sino-Singapore Guangzhou Knowledge City", "en") in labels


def test_networkx_nodes_are_entities(sample_extraction):
    g = to_networkx([sample_extraction])
    assert len(entity_nodes(g)) == len(sample_extraction.entities)
    assert g.nodes[str(iri("Platform/sino-singapore-guangzhou-knowledge-city"))]["type"] == "Platform"


def test_build_writes_all_outputs(tmp_path, sample_path):
    report = build([sample_path], tmp_path)
    assert report.ok == (str(sample_path),) and not report.failed
    assert (tmp_path / "huangpu-14th-fyp-proposal.extraction.json").exists()
    g = Graph().parse(tmp_path / "graph.ttl")
    assert len(g) > 100
    h = nx.read_graphml(tmp_path / "graph.graphml")
    assert sum(1 for _, d in h.nodes(data=True) if d["kind"] == "entity") == len(report.extractions[0].entities)
    assert (tmp_path / "graph.trig").exists() and (tmp_path / "graph.json").exists()
    assert report.shacl is not None and report.shacl.conforms


def test_build_skips_bad_file_and_keeps_good(tmp_path, sample_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    report = build([tmp_path / "in"], tmp_path / "out")
    assert [p for p, _ in report.failed] == [str(tmp_path / "in" / "empty.txt")]
    assert (tmp_path / "out" / "good.extraction.json").exists()
