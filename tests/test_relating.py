"""The relation sink every language's rules emit into (extract/relating.py): one statement per
(head, type, tail) and sentence, only between the types the ontology allows."""

from pathlib import Path

from rdflib import RDF, Graph, Namespace
from rdflib.collection import Collection

from extract.model import Entity, Sentence
from extract.relating import RelationSink, allowed
from extract.vocab import RELATION_SIGNATURES
from kg.vocab import PKG, RELATION_PROPERTY

ROOT = Path(__file__).resolve().parents[1]
SH = Namespace("http://www.w3.org/ns/shacl#")

PARK = Entity("p", "Platform", "知识城")
BIO = Entity("b", "Industry", "生物医药")
CITY = Entity("c", "Region", "广州")
S1 = Sentence("s1", 0, 10, "知识城发展生物医药。")
S2 = Sentence("s2", 10, 20, "知识城壮大生物医药。")


def test_a_fact_stated_in_two_sentences_is_two_statements_each_with_its_evidence():
    sink = RelationSink()
    sink.at(S1).add(PARK, "SERVES", BIO, "first")
    sink.at(S1).add(PARK, "SERVES", BIO, "second")  # the same sentence again: the first rule keeps it
    sink.at(S2).add(PARK, "SERVES", BIO, "first")
    rels = sink.relations()
    assert [(r.evidence.sentence, r.rule) for r in rels] == [("s1", "first"), ("s2", "first")]
    assert rels[1].evidence.start == 10


def test_cooperation_is_one_statement_per_sentence_whichever_way_round():
    sink = RelationSink()
    sink.at(S1).add(PARK, "COOPERATES_WITH", CITY, "r")
    sink.at(S1).add(CITY, "COOPERATES_WITH", PARK, "r")
    assert len(sink.relations()) == 1


def test_the_sink_keeps_only_what_the_ontology_allows():
    sink = RelationSink()
    out = sink.at(S1)
    out.add(CITY, "SERVES", BIO, "r")  # a region never heads SERVES
    out.add(PARK, "PART_OF", BIO, "r")  # nor is anything part of an industry
    out.add(PARK, "LOCATED_IN", PARK, "r")  # nothing relates to itself
    out.add(PARK, "LOCATED_IN", CITY, "r")
    assert [(r.head, r.type, r.tail) for r in sink.relations()] == [("p", "LOCATED_IN", "c")]
    assert allowed("Institution", "SERVES", "Industry") and not allowed("Region", "ANCHORED_BY", "Enterprise")


def _classes(g: Graph, node) -> set[str]:
    """The classes a shape node admits: its sh:class, or each sh:class of its sh:or list."""
    found = {str(c).rsplit("#", 1)[-1] for c in g.objects(node, SH["class"])}
    for alternatives in g.objects(node, SH["or"]):
        for alt in Collection(g, alternatives):
            found |= {str(c).rsplit("#", 1)[-1] for c in g.objects(alt, SH["class"])}
    return found


def test_the_signatures_are_the_shacl_shapes_domains_and_ranges():
    g = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    for type_, (heads, tails) in RELATION_SIGNATURES.items():
        prop = RELATION_PROPERTY[type_]
        (shape,) = g.subjects(SH.targetSubjectsOf, prop)
        assert _classes(g, shape) == set(heads), type_
        (tail_shape,) = (p for p in g.objects(shape, SH.property) if (p, SH.path, prop) in g)
        assert _classes(g, tail_shape) == set(tails), type_
    assert PKG.serves in {o for s in g.subjects(RDF.type, SH.NodeShape) for o in g.objects(s, SH.targetSubjectsOf)}
