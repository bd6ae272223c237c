"""IRIs for everything the graph holds, derived from the content-based ids of extract/ids.py."""
from __future__ import annotations

from urllib.parse import quote

from rdflib import Namespace, URIRef

PKG = Namespace("https://w3id.org/policykg/ontology#")
RES = Namespace("https://w3id.org/policykg/id/")


def iri(local_id: str) -> URIRef:
    """Resource IRI for an id such as ``Platform/sino-singapore-guangzhou-knowledge-city``."""
    return RES[quote(local_id, safe="/-_.~")]


def document_iri(doc_id: str) -> URIRef:
    return iri(f"Document/{doc_id}")


def sentence_iri(doc_id: str, sentence_id: str) -> URIRef:
    return iri(f"Document/{doc_id}/{sentence_id}")
