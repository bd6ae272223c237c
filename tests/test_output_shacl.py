"""SHACL validation of the graph: the sample and handmade graphs conform, broken ones are reported readably."""

from handmade import eid, handmade_extraction
from rdflib import RDF, RDFS, Literal

from kg.iri import iri
from kg.output.rdf import to_graph
from kg.output.shacl import validate
from kg.vocab import PKG


def test_shacl_conforms_on_the_sample(sample_extraction):
    report = validate(to_graph([sample_extraction]))
    assert report.conforms, report.text()
    assert report.focus_nodes > len(sample_extraction.entities)


def test_shacl_conforms_on_the_handmade_relations():
    report = validate(to_graph([handmade_extraction()]))
    assert report.conforms, report.text()


def test_shacl_reports_broken_graphs_readably():
    g = to_graph([handmade_extraction()])
    bio, park = iri(eid("生物医药")), iri(eid("将军山数字创新园"))
    g.add((park, RDF.type, PKG.Region))  # two types
    g.remove((bio, RDFS.label, Literal("Biomedicine", lang="en")))  # no English label
    g.add((iri(eid("集成电路")), PKG.serves, park))  # wrong domain and range
    (ind,) = g.subjects(RDF.type, PKG.Indicator)
    g.remove((ind, PKG.unit, None))  # indicator without unit
    report = validate(g)
    assert not report.conforms
    messages = {v.message for v in report.violations}
    assert {
        "an entity has exactly one type, one of the eight entity classes",
        "an entity has an English label (rdfs:label @en)",
        "SERVES starts at a Platform, Institution or Project",
        "SERVES ends at an Industry",
        "an indicator has one non-empty unit",
    } <= messages
    text = report.text()
    assert "生物医药" in text and "violation" in text


def test_a_statement_about_an_unasserted_triple_is_a_violation():
    g = to_graph([handmade_extraction()])
    g.remove((iri(eid("广州国际生物岛")), PKG.serves, iri(eid("基因检测"))))
    assert "a relation statement describes a triple that the graph asserts" in {
        v.message for v in validate(g).violations
    }
