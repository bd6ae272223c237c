"""The OWL ontology: bilingual labels and definitions, alignments, and that code only uses declared terms."""

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV

from extract.model import ENTITY_TYPES, RELATION_TYPES
from kg.vocab import PKG, RELATION_PROPERTY

ROOT = Path(__file__).resolve().parents[1]
NS = str(PKG._NS)
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ROOT / "ontology" / "policykg.ttl")


def declared(g: Graph) -> set[str]:
    return {str(s)[len(NS) :] for k in KINDS for s in g.subjects(RDF.type, k) if str(s).startswith(NS)}


def test_closed_namespace_matches_the_ontology_both_ways(onto):
    assert set(PKG.__annotations__) == declared(onto)
    with pytest.raises(AttributeError):
        PKG.Platfrom  # noqa: B018 - a misspelt term must raise


def test_every_term_has_zh_and_en_label_and_definition(onto):
    for name in declared(onto):
        term = URIRef(NS + name)
        for prop in (RDFS.label, SKOS.definition):
            langs = {o.language for o in onto.objects(term, prop)}
            assert {"zh", "en"} <= langs, (name, prop)


def test_vocabulary_of_the_extraction_contract_is_declared(onto):
    for t in (*ENTITY_TYPES, "Indicator", "Document", "Section"):
        assert (PKG[t], RDF.type, OWL.Class) in onto
        if t in ENTITY_TYPES:
            assert (PKG[t], RDFS.subClassOf, PKG.Entity) in onto
    assert set(RELATION_PROPERTY) == set(RELATION_TYPES) | {"HAS_INDICATOR"}
    annotated = {str(o): p for p, o in onto.subject_objects(PKG.relationType)}
    assert {k: str(v) for k, v in RELATION_PROPERTY.items()} == {k: str(v) for k, v in annotated.items()}
    for p in RELATION_PROPERTY.values():
        assert (p, RDF.type, OWL.ObjectProperty) in onto


def test_indicator_datatypes(onto):
    from rdflib import XSD

    assert (PKG.value, RDFS.range, XSD.decimal) in onto
    assert (PKG.year, RDFS.range, XSD.gYear) in onto
    for p in (PKG.unit, PKG.comparator, PKG.status):
        assert (p, RDF.type, OWL.DatatypeProperty) in onto


def test_alignments_to_standard_vocabularies(onto):
    assert (PKG.Document, RDFS.subClassOf, PROV.Entity) in onto
    assert (PKG.Indicator, RDFS.subClassOf, PROV.Entity) in onto
    assert (PKG.Region, RDFS.subClassOf, DCTERMS.Location) in onto
    assert (PKG.Industry, RDFS.subClassOf, SKOS.Concept) in onto
    assert (PKG.partOf, RDFS.subPropertyOf, DCTERMS.isPartOf) in onto


def _code_terms() -> set[tuple[str, str]]:
    """(file, term) for every PKG.term / PKG["term"] in the code and every pkg:term in shapes and queries."""
    found = set()
    code = [*ROOT.glob("kg/**/*.py"), *ROOT.glob("extract/*.py"), *ROOT.glob("commands/*.py"), *ROOT.glob("tests/*.py")]
    for f in (f for f in code if f.name != Path(__file__).name):  # this file misspells on purpose
        for m in re.finditer(r"\bPKG(?:\.([A-Za-z_]\w*)|\[\"(\w+)\"\])", f.read_text(encoding="utf-8")):
            name = m.group(1) or m.group(2)
            if not name.startswith("_"):
                found.add((f.name, name))
    for f in [ROOT / "ontology" / "shapes.ttl", *ROOT.glob("ontology/queries/*.rq"), ROOT / "README.md"]:
        for m in re.finditer(r"\bpkg:([A-Za-z_]\w*)", f.read_text(encoding="utf-8")):
            found.add((f.name, m.group(1)))
    return found


def test_ontology_terms_used_in_code_shapes_and_queries_exist(onto):
    terms = _code_terms()
    assert len({t for _, t in terms}) > 20  # the scan does see the code
    missing = sorted((f, t) for f, t in terms if t not in declared(onto))
    assert not missing, f"terms used but not declared in ontology/policykg.ttl: {missing}"
