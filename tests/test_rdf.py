"""RDF output: round trips in every format, named graphs, stable IRIs, labels, evidence, SHACL."""
from decimal import Decimal

import pytest
from handmade import eid, handmade_extraction
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from extract.model import ENTITY_TYPES, Relation
from kg.iri import TAXONOMY_GRAPH, document_iri, iri
from kg.rdf import FORMATS, merged, parse, serialize, to_dataset, to_graph, write
from kg.shacl import ShaclViolations, validate
from kg.vocab import PKG


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
    assert not any(n.__class__.__name__ == "BNode" for n in a.all_nodes())   # no blank nodes in the data
    kc = iri("Platform/sino-singapore-guangzhou-knowledge-city")
    assert str(kc) == "https://w3id.org/policykg/id/Platform/sino-singapore-guangzhou-knowledge-city"


def test_every_entity_has_one_type_and_zh_and_en_labels(sample_extraction):
    g = to_graph([sample_extraction])
    entities = {s for t in ENTITY_TYPES for s in g.subjects(RDF.type, PKG[t])}
    assert len(entities) == len(sample_extraction.entities)
    for e in entities:
        assert len(list(g.objects(e, RDF.type))) == 1
        langs = [o.language for o in g.objects(e, RDFS.label)]
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
    start, end = g.value(stmt, PKG.charStart).toPython(), g.value(stmt, PKG.charEnd).toPython()
    assert x.document.text[start:end] == str(g.value(sentence, RDF.value))


def test_indicators_are_nodes_with_typed_literals():
    g = to_graph([handmade_extraction()])
    (ind,) = g.subjects(RDF.type, PKG.Indicator)
    value = g.value(ind, PKG.value)
    assert value.datatype == XSD.decimal and value.toPython() == Decimal("1000")
    assert g.value(ind, PKG.year) == Literal("2025", datatype=XSD.gYear)
    assert (str(g.value(ind, PKG.unit)), str(g.value(ind, PKG.comparator)), str(g.value(ind, PKG.status))) == \
        ("亿元", ">", "target")
    assert (iri(eid("生物医药")), PKG.hasIndicator, ind) in g


def test_industries_map_to_taxonomy_concepts():
    g = to_graph([handmade_extraction()])
    from ontology.taxonomy import IND
    assert (iri(eid("基因检测")), SKOS.exactMatch, IND["genetic-testing"]) in g
    assert (iri(eid("高端生物医药")), SKOS.broadMatch, IND["biomedicine"]) in g


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
    g.add((park, RDF.type, PKG.Region))                                   # two types
    g.remove((bio, RDFS.label, Literal("Biomedicine", lang="en")))        # no English label
    g.add((iri(eid("集成电路")), PKG.serves, park))                       # wrong domain and range
    (ind,) = g.subjects(RDF.type, PKG.Indicator)
    g.remove((ind, PKG.unit, None))                                       # indicator without unit
    report = validate(g)
    assert not report.conforms
    messages = {v.message for v in report.violations}
    assert {"an entity has exactly one type, one of the eight entity classes",
            "an entity has an English label (rdfs:label @en)",
            "SERVES starts at a Platform, Institution or Project",
            "SERVES ends at an Industry",
            "an indicator has one non-empty unit"} <= messages
    text = report.text()
    assert "生物医药" in text and "violation" in text


def test_a_statement_about_an_unasserted_triple_is_a_violation():
    g = to_graph([handmade_extraction()])
    g.remove((iri(eid("广州国际生物岛")), PKG.serves, iri(eid("基因检测"))))
    assert "a relation statement describes a triple that the graph asserts" in \
        {v.message for v in validate(g).violations}


def test_build_fails_loudly_with_the_report_on_violations(tmp_path, monkeypatch):
    import kg.build
    import kg.ingest_worker
    bad = handmade_extraction()
    bad = bad.__class__(bad.document, bad.entities,
                        bad.relations + (Relation(eid("集成电路"), "SERVES", eid("广州科学城"),
                                                  bad.relations[0].evidence, "bad"),), bad.indicators)
    monkeypatch.setattr(kg.ingest_worker, "extract_source", lambda text, doc_id, source: bad)
    (tmp_path / "in.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ShaclViolations) as err:
        kg.build.build([tmp_path / "in.txt"], tmp_path / "out")
    assert "SERVES starts at a Platform, Institution or Project" in str(err.value)
    assert (tmp_path / "out" / "graph.trig").exists()      # kept for inspection


def test_unknown_format_and_bad_file_are_one_line_errors(tmp_path):
    from kg.rdf import RDFFormatError
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
