"""One extraction as the Cypher parameters the loader sends: plain rows grouped by statement.

Pure functions, no driver: the rows are what the UNWIND statements of ``kg.neo4j.load`` consume.
Everything a row says about provenance (document id, sentence id, offsets, sentence text) travels
with it, so a fact can be retracted exactly when its document is re-ingested.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from extract.errors import PolicyKGError
from extract.model import ENTITY_TYPES, RELATION_TYPES, Document, Entity, Evidence, Extraction, Sentence
from kg.iri import document_iri, iri
from kg.neo4j.taxonomy import IndustryTaxonomy, map_entity


class ContractDataError(PolicyKGError):
    """The extraction cannot be loaded as it stands (it names something it does not define)."""


_HAN = re.compile(r"[\u3400-\u9fff]")


def chinese_name(e: Entity) -> str | None:
    """The entity's Chinese name: its canonical name, unless the entity is known only from English
    documents (its canonical name is the English one it was written with, as ``kg.output.rdf`` reads it)."""
    english_only = e.name_en_source == "document" and e.name == e.name_en and not _HAN.search(e.name or "")
    return None if english_only else e.name


def section_node_id(doc_id: str, section_id: str) -> str:
    """The ``id`` of a (:Section) node. Not the RDF section IRI (``kg.iri.section_iri`` has a
    ``section/`` step); kept as it is so that databases loaded before stay valid."""
    return str(iri(f"Document/{doc_id}/{section_id}"))


Row = dict[str, Any]


@dataclass(frozen=True)
class DocumentRows:
    """One document's rows, grouped by the statement that consumes them."""

    doc_id: str
    document: Row
    entities: dict[str, tuple[Row, ...]] = field(default_factory=dict)  # label -> rows
    sections: tuple[Row, ...] = ()
    mentions: tuple[Row, ...] = ()  # from a Section
    document_mentions: tuple[Row, ...] = ()  # from the Document itself
    relations: dict[str, tuple[Row, ...]] = field(default_factory=dict)  # type -> rows
    indicators: tuple[Row, ...] = ()

    @property
    def entity_ids(self) -> list[str]:
        """The IRIs of the document's entities."""
        return [r["id"] for rows in self.entities.values() for r in rows]

    @property
    def elements(self) -> int:
        """Nodes and relationships this document writes (Document, HAS_SECTION, BROADER included)."""
        nodes = 1 + len(self.entity_ids) + len(self.sections) + len(self.indicators)
        rels = (
            len(self.sections)
            + len(self.mentions)
            + len(self.document_mentions)
            + sum(len(r) for r in self.relations.values())
            + len(self.indicators)
            + sum(1 for r in self.entities.get("Industry", ()) if r["concept"])
        )
        return nodes + rels


@dataclass(frozen=True)
class _Document:
    """The document's parts the rows refer to: sentences by id, section ids."""

    doc: Document
    sentences: dict[str, Sentence]
    section_ids: frozenset[str]

    @classmethod
    def of(cls, d: Document) -> _Document:
        return cls(d, {s.id: s for s in d.sentences}, frozenset(s.id for s in d.sections))

    def evidence(self, ev: Evidence) -> Row:
        s = self.sentences.get(ev.sentence)
        return {
            "doc": self.doc.id,
            "sentence": ev.sentence,
            "start": ev.start,
            "end": ev.end,
            "text": ev.text,
            "sentence_text": s.text if s else None,
        }

    def section_of(self, sentence_id: str) -> str | None:
        """The section holding the sentence, when it is one of the document's sections."""
        s = self.sentences.get(sentence_id)
        return s.section if s is not None and s.section in self.section_ids else None


VOTE_SEP = "\u001f"  # between the fields of a name vote
ALIAS_SEP = "\u001e"  # between the aliases inside a vote


def name_vote(doc_id: str, e: Entity) -> str:
    """What one document says an entity is called: doc, name, Chinese name, English name, its source,
    aliases. The entity's names in Neo4j are chosen from all its documents' votes (``cypher.NAME_ENTITIES``)."""
    names = (doc_id, e.name, chinese_name(e) or "", e.name_en or "", e.name_en_source or "")
    aliases = ALIAS_SEP.join(a.replace(VOTE_SEP, " ").replace(ALIAS_SEP, " ") for a in e.aliases)
    return VOTE_SEP.join([*(f.replace(VOTE_SEP, " ").replace(ALIAS_SEP, " ") for f in names), aliases])


def _entity_row(e: Entity, eid: str, taxonomy: IndustryTaxonomy | None, doc_id: str) -> Row:
    hit = map_entity(taxonomy, e)
    return {
        "id": eid,
        "entity_id": e.id,
        "name": e.name,
        "name_zh": chinese_name(e),
        "name_en": e.name_en or None,
        "name_en_source": e.name_en_source,
        "aliases": list(e.aliases),
        "registry_id": e.registry_id,
        "concept": hit.concept if hit else None,
        "match": hit.match if hit else None,
        "vote": name_vote(doc_id, e),
    }


@dataclass(frozen=True)
class _EntityRows:
    by_type: dict[str, tuple[Row, ...]]
    mentions: tuple[Row, ...]
    document_mentions: tuple[Row, ...]
    known: frozenset[str]  # the contract ids of the entities


def _entity_rows(x: Extraction, view: _Document, taxonomy: IndustryTaxonomy | None) -> _EntityRows:
    d = x.document
    entities: dict[str, dict[str, Row]] = defaultdict(dict)
    mentions: dict[tuple, Row] = {}
    document_mentions: dict[tuple, Row] = {}
    for e in x.entities:
        if e.type not in ENTITY_TYPES:
            raise ContractDataError(
                f"{d.id}: entity {e.id} has unknown type {e.type!r} (expected one of {', '.join(ENTITY_TYPES)})"
            )
        eid = str(iri(e.id))
        entities[e.type][eid] = _entity_row(e, eid, taxonomy, d.id)
        for m in e.mentions:
            row = {**view.evidence(m), "entity": eid}
            key = (eid, m.sentence, m.start, m.end)
            section = view.section_of(m.sentence)
            if section is not None:
                mentions[key] = {**row, "source": section_node_id(d.id, section)}
            else:
                document_mentions[key] = row
    return _EntityRows(
        {t: tuple(rows.values()) for t, rows in entities.items()},
        tuple(mentions.values()),
        tuple(document_mentions.values()),
        frozenset(e.id for e in x.entities),
    )


def _relation_rows(x: Extraction, view: _Document, known: frozenset[str]) -> dict[str, tuple[Row, ...]]:
    d = x.document
    relations: dict[str, dict[tuple, Row]] = defaultdict(dict)
    for r in x.relations:
        if r.type not in RELATION_TYPES:
            raise ContractDataError(
                f"{d.id}: relation type {r.type!r} is not in the ontology (expected one of {', '.join(RELATION_TYPES)})"
            )
        for end in (r.head, r.tail):
            if end not in known:
                raise ContractDataError(
                    f"{d.id}: relation {r.head} -{r.type}-> {r.tail} names {end}, "
                    "which the extraction's entities do not contain"
                )
        ev = r.evidence
        relations[r.type][(r.head, r.tail, ev.sentence, ev.start, ev.end)] = {
            **view.evidence(ev),
            "head": str(iri(r.head)),
            "tail": str(iri(r.tail)),
            "rule": r.rule,
        }
    return {t: tuple(rows.values()) for t, rows in relations.items()}


def _indicator_rows(x: Extraction, view: _Document, known: frozenset[str]) -> tuple[Row, ...]:
    indicators: dict[str, Row] = {}
    for i in x.indicators:
        if i.subject is not None and i.subject not in known:
            raise ContractDataError(
                f"{x.document.id}: indicator {i.id} has subject {i.subject}, "
                "which the extraction's entities do not contain"
            )
        indicators[i.id] = {
            **view.evidence(i.evidence),
            "id": str(iri(i.id)),
            "indicator_id": i.id,
            "subject": str(iri(i.subject)) if i.subject else None,
            "metric": i.metric,
            "value": i.value,
            "unit": i.unit,
            "comparator": i.comparator,
            "year": i.year,
            "status": i.status,
            "rule": i.rule,
        }
    return tuple(indicators.values())


def _section_rows(view: _Document) -> tuple[Row, ...]:
    d = view.doc
    return tuple(
        {
            "id": section_node_id(d.id, s.id),
            "doc": d.id,
            "section_id": s.id,
            "kind": s.kind,
            "number": s.number,
            "title": s.title,
            "start": s.start,
            "end": s.end,
            "parent": section_node_id(d.id, s.parent) if s.parent in view.section_ids else None,
        }
        for s in d.sections
    )


def _document_row(d: Document) -> Row:
    return {
        "id": str(document_iri(d.id)),
        "doc_id": d.id,
        "title": d.title,
        "lang": d.lang,
        "source": d.source,
        "date": d.date,
        "issuer": d.issuer,
        "note": d.note,
    }


def document_rows(x: Extraction, taxonomy: IndustryTaxonomy | None = None) -> DocumentRows:
    """The extraction as loader rows; raises ContractDataError when it names what it does not define."""
    view = _Document.of(x.document)
    entities = _entity_rows(x, view, taxonomy)
    relations = _relation_rows(x, view, entities.known)
    indicators = _indicator_rows(x, view, entities.known)
    return DocumentRows(
        doc_id=x.document.id,
        document=_document_row(x.document),
        entities=entities.by_type,
        sections=_section_rows(view),
        mentions=entities.mentions,
        document_mentions=entities.document_mentions,
        relations=relations,
        indicators=indicators,
    )
