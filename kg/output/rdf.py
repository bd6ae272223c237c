"""Extractions as RDF (rdflib): one named graph per document, the industry taxonomy in its own graph.

Every entity is typed with one ontology class and labelled in Chinese and English; every
relation is asserted directly (``?platform pkg:serves ?industry``) and also reified as an
``rdf:Statement`` that carries its evidence: the sentence (prov:wasDerivedFrom), the character
offsets and the rule that fired (ontology/README.md says why reification). Indicators are nodes
with typed literals. Vocabulary: kg.vocab.PKG (closed), PROV-O, DCTERMS, SKOS.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path, PurePath
from typing import TypeVar

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DC, DCTERMS, PROV

from extract.errors import PolicyKGError
from extract.model import Document, Entity, Extraction, Indicator, Relation
from extract.zh.labels import label_entity
from extract.zh.translate import unit_english
from kg.iri import RES, TAXONOMY_GRAPH, document_iri, iri, section_iri, sentence_iri, statement_iri
from kg.output.labels import reconcile_dataset
from kg.vocab import PKG, relation_property
from ontology.taxonomy import BROADER, IND, map_names, taxonomy_graph

_HAN = re.compile(r"[\u3400-\u9fff]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DIMENSIONLESS = "1"  # UCUM's unity: the contract's empty unit, a ratio written as a fraction (2/3)
COMPARATOR_WORDS = {"=": "", ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ ", "~": "≈ "}

# export format name -> (rdflib serializer, whether it keeps named graphs)
FORMATS = {
    "ttl": ("turtle", False),
    "trig": ("trig", True),
    "nq": ("nquads", True),
    "jsonld": ("json-ld", True),
    "nt": ("nt11", False),
}
SUFFIX = {"ttl": ".ttl", "trig": ".trig", "nq": ".nq", "jsonld": ".jsonld", "nt": ".nt"}
PREFIXES = {"pkg": PKG._NS, "res": RES, "ind": IND, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS, "dc": DC}


G = TypeVar("G", bound=Graph)


class RDFFormatError(PolicyKGError):
    pass


def _lang_of(text: str) -> str:
    return "zh" if _HAN.search(text) else "en"


def _offsets(g: Graph, node: URIRef, start: int, end: int) -> None:
    g.add((node, PKG.charStart, Literal(start, datatype=XSD.nonNegativeInteger)))
    g.add((node, PKG.charEnd, Literal(end, datatype=XSD.nonNegativeInteger)))


def _decimal(value: float) -> Literal:
    d = Decimal(repr(float(value)))
    return Literal(d, datatype=XSD.decimal)


def add_document(g: Graph, x: Extraction) -> None:
    """The document, its sections and its sentences (with offsets) into g."""
    d = x.document
    doc = document_iri(d.id)
    lang = d.lang or "zh"
    g.add((doc, RDF.type, PKG.Document))
    g.add((doc, DCTERMS.identifier, Literal(d.id)))
    g.add((doc, DCTERMS.language, Literal(lang, datatype=XSD.language)))
    if d.title:
        g.add((doc, DCTERMS.title, Literal(d.title, lang=lang)))
    if d.date:
        g.add((doc, DCTERMS.date, Literal(d.date, datatype=XSD.date) if _ISO_DATE.match(d.date) else Literal(d.date)))
    if d.source:  # the file name only: a local path would differ between machines
        g.add((doc, DCTERMS.source, Literal(PurePath(d.source.replace("\\", "/")).name)))
    if d.issuer:
        g.add((doc, DC.publisher, Literal(d.issuer, lang=lang)))
    if d.note:
        g.add((doc, DCTERMS.description, Literal(d.note, lang=lang)))
    _add_sections(g, d, doc, lang)
    _add_sentences(g, d, doc, lang)


def _add_sections(g: Graph, d: Document, doc: URIRef, lang: str) -> None:
    for s in d.sections:
        node = section_iri(d.id, s.id)
        g.add((node, RDF.type, PKG.Section))
        g.add((node, DCTERMS.isPartOf, section_iri(d.id, s.parent) if s.parent else doc))
        g.add((node, PKG.sectionKind, Literal(s.kind)))
        if s.number is not None:
            g.add((node, PKG.sectionNumber, Literal(s.number, datatype=XSD.integer)))
        if s.title:
            g.add((node, DCTERMS.title, Literal(s.title, lang=lang)))
        _offsets(g, node, s.start, s.end)


def _add_sentences(g: Graph, d: Document, doc: URIRef, lang: str) -> None:
    for s in d.sentences:
        node = sentence_iri(d.id, s.id)
        g.add((node, RDF.type, PKG.Sentence))
        g.add((node, DCTERMS.isPartOf, doc))
        if s.section:
            g.add((node, DCTERMS.isPartOf, section_iri(d.id, s.section)))
        g.add((node, RDF.value, Literal(s.text, lang=lang)))
        _offsets(g, node, s.start, s.end)


def add_entity(g: Graph, doc_id: str, e: Entity) -> None:
    """The entity into g: its class, zh and en labels, aliases, mentions and taxonomy match."""
    e = label_entity(e)
    node = iri(e.id)
    g.add((node, RDF.type, PKG[e.type]))
    g.add((node, DCTERMS.identifier, Literal(e.id)))
    # a thing known only from English documents has an English name and no Chinese one
    english_only = e.name_en_source == "document" and _lang_of(e.name) == "en"
    names = {(e.name, "en" if english_only else "zh"), (e.name_en, "en")}
    for text, lang in names:
        g.add((node, RDFS.label, Literal(text, lang=lang)))
        g.add((node, SKOS.prefLabel, Literal(text, lang=lang)))
    g.add((node, PKG.englishLabelSource, Literal(e.name_en_source)))
    for alias in e.aliases:  # registry English names included: they are matching aliases
        lit = (alias, _lang_of(alias))
        if lit not in names:  # SKOS: prefLabel and altLabel are disjoint
            g.add((node, SKOS.altLabel, Literal(alias, lang=lit[1])))
    for sentence in sorted({m.sentence for m in e.mentions}):
        g.add((node, PKG.mentionedIn, sentence_iri(doc_id, sentence)))
    if e.type == "Industry":
        mapped = map_names((e.name, e.name_en, *e.aliases))
        if mapped:
            concept, how = mapped
            g.add((node, SKOS.broadMatch if how == BROADER else SKOS.exactMatch, URIRef(concept)))


def add_relation(g: Graph, doc_id: str, r: Relation) -> None:
    """The relation into g, asserted and reified as an rdf:Statement with its evidence."""
    head, prop, tail = iri(r.head), relation_property(r.type), iri(r.tail)
    g.add((head, prop, tail))
    ev = r.evidence
    stmt = statement_iri(doc_id, r.head, r.type, r.tail, ev.sentence, ev.start, ev.end)
    g.add((stmt, RDF.type, RDF.Statement))
    g.add((stmt, RDF.subject, head))
    g.add((stmt, RDF.predicate, prop))
    g.add((stmt, RDF.object, tail))
    g.add((stmt, PROV.wasDerivedFrom, sentence_iri(doc_id, ev.sentence)))
    _offsets(g, stmt, ev.start, ev.end)
    if r.rule:
        g.add((stmt, PKG.extractionRule, Literal(r.rule)))


def indicator_labels(i: Indicator) -> tuple[str, str]:
    """The indicator's Chinese and English labels (metric, comparator, value, unit, year)."""
    cmp_ = COMPARATOR_WORDS.get(i.comparator, i.comparator + " ")
    number = f"{Decimal(repr(float(i.value))).normalize():f}"
    when = ", ".join(p for p in (str(i.year) if i.year else "", i.status) if p)
    zh = f"{i.metric} {cmp_}{number}{i.unit}".strip()
    en = f"Indicator: {cmp_}{number} {unit_english(i.unit or DIMENSIONLESS)}".strip() + (f" ({when})" if when else "")
    return zh, en


def add_indicator(g: Graph, doc_id: str, lang: str, i: Indicator) -> None:
    """The indicator into g as a node with typed literals, linked from its subject."""
    node = iri(i.id)
    g.add((node, RDF.type, PKG.Indicator))
    zh, en = indicator_labels(i)
    g.add((node, RDFS.label, Literal(zh, lang=lang)))
    g.add((node, RDFS.label, Literal(en, lang="en")))
    g.add((node, PKG.value, _decimal(i.value)))
    g.add((node, PKG.unit, Literal(i.unit or DIMENSIONLESS)))
    g.add((node, PKG.comparator, Literal(i.comparator)))
    g.add((node, PKG.status, Literal(i.status)))
    if i.metric:
        g.add((node, PKG.metric, Literal(i.metric, lang=lang)))
    if i.year is not None:
        g.add((node, PKG.year, Literal(f"{int(i.year):04d}", datatype=XSD.gYear)))
    if i.subject:
        g.add((iri(i.subject), PKG.hasIndicator, node))
    g.add((node, PROV.wasDerivedFrom, sentence_iri(doc_id, i.evidence.sentence)))
    _offsets(g, node, i.evidence.start, i.evidence.end)
    if i.rule:
        g.add((node, PKG.extractionRule, Literal(i.rule)))


def add_extraction(g: Graph, x: Extraction) -> Graph:
    """Every triple one document yields, added to g."""
    doc_id = x.document.id
    add_document(g, x)
    for e in x.entities:
        add_entity(g, doc_id, e)
    for r in x.relations:
        add_relation(g, doc_id, r)
    for i in x.indicators:
        add_indicator(g, doc_id, x.document.lang or "zh", i)
    return g


def _bind(g: G) -> G:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def to_dataset(extractions: Iterable[Extraction], taxonomy: bool = True) -> Dataset:
    """One named graph per document (named by the document IRI), plus the industry taxonomy graph.

    Across documents every IRI keeps one preferred label per language (``kg.output.labels``).
    """
    ds = _bind(Dataset(default_union=True))
    count = 0
    for x in extractions:
        add_extraction(ds.graph(document_iri(x.document.id)), x)
        count += 1
    if count > 1:
        reconcile_dataset(ds)
    if taxonomy:
        tax = ds.graph(TAXONOMY_GRAPH)
        for t in taxonomy_graph():
            tax.add(t)
    return ds


def merged(ds: Dataset) -> Graph:
    """The union of every graph of the dataset, as one graph (the default Turtle / N-Triples export)."""
    g = _bind(Graph())
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def to_graph(extractions: Iterable[Extraction], taxonomy: bool = True) -> Graph:
    """The extractions' triples as one merged graph."""
    return merged(to_dataset(extractions, taxonomy=taxonomy))


def serialize(ds: Dataset, fmt: str) -> str:
    """The dataset in an export format: ttl and nt merge the graphs, trig, nq and jsonld keep them."""
    if fmt not in FORMATS:
        raise RDFFormatError(f"unknown RDF format {fmt!r}; choose one of {', '.join(FORMATS)}")
    name, keeps_graphs = FORMATS[fmt]
    target = ds if keeps_graphs else merged(ds)
    if fmt == "jsonld":
        text = target.serialize(format=name, context={k: str(v) for k, v in PREFIXES.items()}, auto_compact=True)
    else:
        text = target.serialize(format=name)
    if fmt in ("nt", "nq"):  # line-based: sort so that equal graphs give equal files
        text = "".join(sorted(text.splitlines(keepends=True)))
    return text


def write(ds: Dataset, path: str | Path, fmt: str) -> Path:
    """Write the dataset in an export format (replacing the file whole); returns the path."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(p.suffix + ".tmp")
    tmp.write_text(serialize(ds, fmt), encoding="utf-8")
    tmp.replace(p)
    return p


def parse(path: str | Path, fmt: str | None = None) -> Dataset:
    """Read any of the export formats back (the format from the suffix unless given)."""
    p = Path(path)
    if fmt is None:
        fmt = next((f for f, suf in SUFFIX.items() if p.name.endswith(suf)), None)
        if fmt is None:
            raise RDFFormatError(
                f"{p}: cannot tell the RDF format from the suffix; use one of {', '.join(SUFFIX.values())}"
            )
    if fmt not in FORMATS:
        raise RDFFormatError(f"unknown RDF format {fmt!r}; choose one of {', '.join(FORMATS)}")
    name, keeps_graphs = FORMATS[fmt]
    ds = _bind(Dataset(default_union=True))
    try:
        if keeps_graphs:
            ds.parse(p, format=name)
        else:
            ds.graph(URIRef(p.resolve().as_uri())).parse(p, format=name)
    except FileNotFoundError:
        raise RDFFormatError(f"{p} does not exist: run `policykg build` first") from None
    except Exception as exc:  # noqa: BLE001 - any parser error is the file's fault, said in one line
        raise RDFFormatError(
            f"{p} is not valid {fmt}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
        ) from None
    return ds
