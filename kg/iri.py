"""IRIs for everything the graph holds, all derived from content, so identical across runs and machines.

- entities: ``id/<Type>/<registry id>`` or ``id/<Type>/n-<hash of the normalised name>`` (extract/ids.py)
- documents: ``id/Document/<doc id>`` (the source file's stem); also the name of the document's graph
- sections and sentences: ``id/Document/<doc id>/section/<id>``, ``…/sentence/<id>``, where the ids are
  the structure stage's positional ids (c2, s00017), a pure function of the document text
- indicators: ``id/Indicator/<doc id>/<hash of offset, metric, value, unit, subject>`` (extract/ids.py)
- relation statements: ``id/Statement/<doc id>/<hash of head, type, tail, sentence, offsets>``
"""

from __future__ import annotations

from urllib.parse import quote, unquote

from rdflib import Namespace, URIRef

from extract.ids import digest
from ontology.taxonomy import SCHEME

RES = Namespace("https://w3id.org/policykg/id/")
TAXONOMY_GRAPH: URIRef = SCHEME  # the industry taxonomy's named graph is named by its concept scheme

__all__ = ["RES", "TAXONOMY_GRAPH", "iri", "document_iri", "section_iri", "sentence_iri", "statement_iri", "local_id"]


def iri(local_id: str) -> URIRef:
    """Resource IRI for an id such as ``Platform/sino-singapore-guangzhou-knowledge-city``."""
    return RES[quote(local_id, safe="/-_.~")]


def local_id(resource: str) -> str | None:
    """The id an IRI of ours was made from (inverse of iri), or None for other IRIs."""
    s = str(resource)
    return unquote(s[len(str(RES)) :]) if s.startswith(str(RES)) else None


def document_iri(doc_id: str) -> URIRef:
    """A document's IRI, also the name of its named graph."""
    return iri(f"Document/{doc_id}")


def section_iri(doc_id: str, section_id: str) -> URIRef:
    """A section of a document (its structure-stage id, such as c2)."""
    return iri(f"Document/{doc_id}/section/{section_id}")


def sentence_iri(doc_id: str, sentence_id: str) -> URIRef:
    """A sentence of a document (its structure-stage id, such as s00017)."""
    return iri(f"Document/{doc_id}/sentence/{sentence_id}")


def statement_iri(doc_id: str, head: str, type_: str, tail: str, sentence_id: str, start: int, end: int) -> URIRef:
    """One reified relation statement: the same fact from another sentence is another statement."""
    return iri(f"Statement/{doc_id}/{digest(head, type_, tail, sentence_id, start, end)}")
