"""RDF output: round trips in every format, named graphs, stable IRIs, labels, evidence."""

from decimal import Decimal

import pytest
from handmade import eid, handmade_extraction
from rdf_terms import literal, literals
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from extract.model import ENTITY_TYPES
from kg.iri import TAXONOMY_GRAPH, document_iri, iri
from kg.output.rdf import FORMATS, merged, parse, serialize, to_dataset, to_graph, write
from kg.output.shacl import validate
from kg.vocab import PKG


def test_rdf_types_and_labels(sample_extraction):
    g = to_graph([sample_extraction])
    kc = iri("Platform/sino-singapore-guangzhou-knowledge-city")
    assert (kc, RDF.type, PKG.Platform) in g
    labels = {(str(o), o.language) for o in literals(g, kc, RDFS.label)}
    assert ("中新广州知识城", "zh") in labels and ("Sino-Singapore Guangzhou Knowledge City", "en") in labels


@pytest.fixture(scope="module")
def sample_ds(sample_extraction):
    return to_dataset([sample_extraction])


@pytest.fixture(scope="module")
def two_docs():
    return to_dataset([handmade_extraction("doc-a"), handmade_extraction("doc-b")])


def named_graphs(ds: Dataset) -> dict:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def assert_same_dataset(a: Dataset, b: Dataset) -> None:
    ga, gb = named_graphs(a), named_graphs(b)
    assert ga.keys() == gb.keys()
    for name in ga:
        assert isomorphic(ga[name], gb[name]), name


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_round_trips_to_an_isomorphic_graph(fmt, sample_ds, two_docs, tmp_path):
    for n, ds in enumerate((sample_ds, two_docs)):
        path = write(ds, tmp_path / f"g{n}.{fmt}", fmt)
        back = parse(path, fmt)
        name, keeps_graphs = FORMATS[fmt]
        if keeps_graphs:
            assert_same_dataset(ds, back)
            assert sum(len(g) for g in back.graphs()) == sum(len(g) for g in ds.graphs()) > 1000
        else:
            assert isomorphic(merged(back), merged(ds))
            assert len(merged(back)) == len(merged(ds)) > 1000


def test_one_named_graph_per_document_plus_the_taxonomy(two_docs):
    names = set(named_graphs(two_docs))
    assert names == {str(document_iri("doc-a")), str(document_iri("doc-b")), str(TAXONOMY_GRAPH)}
    a = two_docs.graph(document_iri("doc-a"))
    assert (document_iri("doc-a"), RDF.type, PKG.Document) in a
    assert (document_iri("doc-b"), RDF.type, PKG.Document) not in a


def test_iris_are_content_derived_and_stable_across_runs(sample_extraction):
    from extract.pipeline import extract_file

    again = extract_file(sample_extraction.document.source)
    a, b = to_graph([sample_extraction]), to_graph([again])
    assert set(a.all_nodes()) == set(b.all_nodes())
    assert isomorphic(a, b)
    assert not any(n.__class__.__name__ == "BNode" for n in a.all_nodes())  # no blank nodes in the data
    kc = iri("Platform/sino-singapore-guangzhou-knowledge-city")
    assert str(kc) == "https://w3id.org/policykg/id/Platform/sino-singapore-guangzhou-knowledge-city"


def test_every_entity_has_one_type_and_zh_and_en_labels(sample_extraction):
    g = to_graph([sample_extraction])
    entities = {s for t in ENTITY_TYPES for s in g.subjects(RDF.type, PKG[t])}
    assert len(entities) == len(sample_extraction.entities)
    for e in entities:
        assert len(list(g.objects(e, RDF.type))) == 1
        langs = [o.language for o in literals(g, e, RDFS.label)]
        assert "zh" in langs and "en" in langs, e
        assert g.value(e, PKG.englishLabelSource) in (Literal("official"), Literal("generated"))


def test_generated_english_labels_are_flagged_and_registry_english_aliases_are_altlabels():
    g = to_graph([handmade_extraction()])
    park = iri(eid("将军山数字创新园"))
    assert Literal("Jiangjunshan Digital Innovation Park", lang="en") in set(g.objects(park, RDFS.label))
    assert g.value(park, PKG.englishLabelSource) == Literal("generated")
    lab = iri(eid("生物岛实验室"))
    assert g.value(lab, PKG.englishLabelSource) == Literal("official")
    assert Literal("Bioland", lang="en") in set(g.objects(lab, SKOS.altLabel))
    assert Literal("Bioland Laboratory", lang="en") not in set(g.objects(lab, SKOS.altLabel))  # it is the prefLabel


def test_relations_are_asserted_and_reified_with_their_sentence():
    x = handmade_extraction()
    g = to_graph([x])
    head, tail = iri(eid("广州国际生物岛")), iri(eid("基因检测"))
    assert (head, PKG.serves, tail) in g
    (stmt,) = [s for s in g.subjects(RDF.subject, head) if g.value(s, RDF.object) == tail]
    assert g.value(stmt, RDF.predicate) == PKG.serves
    sentence = g.value(stmt, PROV.wasDerivedFrom)
    assert "广州国际生物岛重点发展基因检测" in str(g.value(sentence, RDF.value))
    start, end = literal(g, stmt, PKG.charStart).toPython(), literal(g, stmt, PKG.charEnd).toPython()
    assert x.document.text[start:end] == str(g.value(sentence, RDF.value))


def test_indicators_are_nodes_with_typed_literals():
    g = to_graph([handmade_extraction()])
    (ind,) = g.subjects(RDF.type, PKG.Indicator)
    value = literal(g, ind, PKG.value)
    assert value.datatype == XSD.decimal and value.toPython() == Decimal("1000")
    assert g.value(ind, PKG.year) == Literal("2025", datatype=XSD.gYear)
    assert (str(g.value(ind, PKG.unit)), str(g.value(ind, PKG.comparator)), str(g.value(ind, PKG.status))) == (
        "亿元",
        ">",
        "target",
    )
    assert (iri(eid("生物医药")), PKG.hasIndicator, ind) in g


def test_industries_map_to_taxonomy_concepts():
    g = to_graph([handmade_extraction()])
    from ontology.taxonomy import IND

    assert (iri(eid("基因检测")), SKOS.exactMatch, IND["genetic-testing"]) in g
    assert (iri(eid("高端生物医药")), SKOS.broadMatch, IND["biomedicine"]) in g


def test_unknown_format_and_bad_file_are_one_line_errors(tmp_path):
    from kg.output.rdf import RDFFormatError

    with pytest.raises(RDFFormatError):
        serialize(Dataset(), "rdfxml")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(RDFFormatError) as err:
        parse(bad)
    assert "\n" not in str(err.value)


def test_taxonomy_graph_is_exported(sample_ds):
    tax = sample_ds.graph(TAXONOMY_GRAPH)
    assert len(set(tax.subjects(RDF.type, SKOS.Concept))) >= 200
    assert isinstance(merged(sample_ds), Graph)


def test_a_fraction_without_unit_is_dimensionless_not_missing():
    """The contract writes 2/3 as value 0.6667 with unit "" (annotation guide); RDF says unit "1" (UCUM)."""
    from dataclasses import replace

    x = handmade_extraction()
    x = replace(x, indicators=(replace(x.indicators[0], value=0.6667, unit=""),))
    g = to_graph([x])
    (ind,) = g.subjects(RDF.type, PKG.Indicator)
    assert g.value(ind, PKG.unit) == Literal("1")
    assert validate(g).conforms
