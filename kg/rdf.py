"""Extractions as RDF with rdflib: typed, labelled entities with provenance to their sentences."""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal
from rdflib.namespace import DCTERMS, PROV

from extract.model import Extraction

from .iri import PKG, document_iri, iri, sentence_iri


def add_extraction(g: Graph, x: Extraction) -> Graph:
    d = x.document
    doc = document_iri(d.id)
    g.add((doc, RDF.type, PKG.Document))
    if d.title:
        g.add((doc, DCTERMS.title, Literal(d.title, lang=d.lang)))
    if d.date:
        g.add((doc, DCTERMS.date, Literal(d.date, datatype=XSD.date)))
    if d.source:
        g.add((doc, DCTERMS.source, Literal(d.source)))
    for s in d.sentences:
        node = sentence_iri(d.id, s.id)
        g.add((node, RDF.type, PKG.Sentence))
        g.add((node, DCTERMS.isPartOf, doc))
        g.add((node, RDF.value, Literal(s.text, lang=d.lang)))
    for e in x.entities:
        node = iri(e.id)
        g.add((node, RDF.type, PKG[e.type]))
        g.add((node, RDFS.label, Literal(e.name, lang="zh")))
        if e.name_en:
            g.add((node, RDFS.label, Literal(e.name_en, lang="en")))
        for m in e.mentions:
            g.add((node, PROV.wasDerivedFrom, sentence_iri(d.id, m.sentence)))
    for r in x.relations:
        g.add((iri(r.head), PKG[r.type.lower()], iri(r.tail)))
    for i in x.indicators:
        node = iri(i.id)
        g.add((node, RDF.type, PKG.Indicator))
        g.add((node, PKG.value, Literal(str(i.value), datatype=XSD.decimal)))
        g.add((node, PKG.unit, Literal(i.unit)))
        g.add((node, PROV.wasDerivedFrom, sentence_iri(d.id, i.evidence.sentence)))
    return g


def to_graph(extractions: Iterable[Extraction]) -> Graph:
    g = Graph()
    g.bind("pkg", PKG)
    g.bind("prov", PROV)
    g.bind("dcterms", DCTERMS)
    for x in extractions:
        add_extraction(g, x)
    return g
