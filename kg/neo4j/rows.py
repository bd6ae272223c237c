"""One extraction as the Cypher parameters the loader sends: plain rows grouped by statement.

Pure functions, no driver: the rows are what the UNWIND statements of ``kg.neo4j.load`` consume.
Everything a row says about provenance (document id, sentence id, offsets, sentence text) travels
with it, so a fact can be retracted exactly when its document is re-ingested.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from extract.errors import PolicyKGError
from extract.model import ENTITY_TYPES, RELATION_TYPES, Evidence, Extraction

from kg.iri import document_iri, iri
from kg.neo4j.taxonomy import IndustryTaxonomy, map_entity

class ContractDataError(PolicyKGError):
    """The extraction cannot be loaded as it stands (it names something it does not define)."""


_HAN = re.compile(r"[\u3400-\u9fff]")


def chinese_name(e) -> str | None:
    """The entity's Chinese name: its canonical name, unless the entity is known only from English
    documents (its canonical name is the English one it was written with, as ``kg.output.rdf`` reads it)."""
    english_only = e.name_en_source == "document" and e.name == e.name_en and not _HAN.search(e.name or "")
    return None if english_only else e.name


def section_iri(doc_id: str, section_id: str) -> str:
    return str(iri(f"Document/{doc_id}/{section_id}"))


@dataclass(frozen=True)
class DocumentRows:
    doc_id: str
    document: dict
    entities: dict[str, tuple[dict, ...]] = field(default_factory=dict)    # label -> rows
    sections: tuple[dict, ...] = ()
    mentions: tuple[dict, ...] = ()                                        # from a Section
    document_mentions: tuple[dict, ...] = ()                               # from the Document itself
    relations: dict[str, tuple[dict, ...]] = field(default_factory=dict)   # type -> rows
    indicators: tuple[dict, ...] = ()

    @property
    def entity_ids(self) -> list[str]:
        return [r["id"] for rows in self.entities.values() for r in rows]

    @property
    def elements(self) -> int:
        """Nodes and relationships this document writes (Document, HAS_SECTION, BROADER included)."""
        nodes = 1 + len(self.entity_ids) + len(self.sections) + len(self.indicators)
        rels = (len(self.sections) + len(self.mentions) + len(self.document_mentions)
                + sum(len(r) for r in self.relations.values()) + len(self.indicators)
                + sum(1 for r in self.entities.get("Industry", ()) if r["concept"]))
        return nodes + rels


def document_rows(x: Extraction, taxonomy: IndustryTaxonomy | None = None) -> DocumentRows:
    d = x.document
    doc_iri = str(document_iri(d.id))
    sentences = {s.id: s for s in d.sentences}
    section_ids = {s.id for s in d.sections}

    def evidence(ev: Evidence) -> dict:
        s = sentences.get(ev.sentence)
        return {"doc": d.id, "sentence": ev.sentence, "start": ev.start, "end": ev.end, "text": ev.text,
                "sentence_text": s.text if s else None}

    entities: dict[str, dict[str, dict]] = defaultdict(dict)
    mentions: dict[tuple, dict] = {}
    document_mentions: dict[tuple, dict] = {}
    known: set[str] = set()
    for e in x.entities:
        if e.type not in ENTITY_TYPES:
            raise ContractDataError(f"{d.id}: entity {e.id} has unknown type {e.type!r} "
                                    f"(expected one of {', '.join(ENTITY_TYPES)})")
        eid = str(iri(e.id))
        known.add(e.id)
        hit = map_entity(taxonomy, e)
        entities[e.type][eid] = {
            "id": eid, "entity_id": e.id, "name": e.name, "name_zh": chinese_name(e), "name_en": e.name_en or None,
            "name_en_source": e.name_en_source, "aliases": list(e.aliases), "registry_id": e.registry_id,
            "concept": hit.concept if hit else None, "match": hit.match if hit else None}
        for m in e.mentions:
            row = {**evidence(m), "entity": eid}
            s = sentences.get(m.sentence)
            key = (eid, m.sentence, m.start, m.end)
            if s is not None and s.section in section_ids:
                mentions[key] = {**row, "source": section_iri(d.id, s.section)}
            else:
                document_mentions[key] = row

    relations: dict[str, dict[tuple, dict]] = defaultdict(dict)
    for r in x.relations:
        if r.type not in RELATION_TYPES:
            raise ContractDataError(f"{d.id}: relation type {r.type!r} is not in the ontology "
                                    f"(expected one of {', '.join(RELATION_TYPES)})")
        for end in (r.head, r.tail):
            if end not in known:
                raise ContractDataError(f"{d.id}: relation {r.head} -{r.type}-> {r.tail} names {end}, "
                                        "which the extraction's entities do not contain")
        ev = r.evidence
        relations[r.type][(r.head, r.tail, ev.sentence, ev.start, ev.end)] = {
            **evidence(ev), "head": str(iri(r.head)), "tail": str(iri(r.tail)), "rule": r.rule}

    indicators: dict[str, dict] = {}
    for i in x.indicators:
        if i.subject is not None and i.subject not in known:
            raise ContractDataError(f"{d.id}: indicator {i.id} has subject {i.subject}, "
                                    "which the extraction's entities do not contain")
        indicators[i.id] = {
            **evidence(i.evidence), "id": str(iri(i.id)), "indicator_id": i.id,
            "subject": str(iri(i.subject)) if i.subject else None, "metric": i.metric,
            "value": i.value, "unit": i.unit, "comparator": i.comparator, "year": i.year,
            "status": i.status, "rule": i.rule}

    sections = tuple({"id": section_iri(d.id, s.id), "doc": d.id, "section_id": s.id, "kind": s.kind,
                 "number": s.number, "title": s.title, "start": s.start, "end": s.end,
                 "parent": section_iri(d.id, s.parent) if s.parent in section_ids else None}
                for s in d.sections)
    document = {"id": doc_iri, "doc_id": d.id, "title": d.title, "lang": d.lang, "source": d.source,
                "date": d.date, "issuer": d.issuer, "note": d.note}
    return DocumentRows(
        doc_id=d.id, document=document,
        entities={t: tuple(rows.values()) for t, rows in entities.items()},
        sections=sections, mentions=tuple(mentions.values()),
        document_mentions=tuple(document_mentions.values()),
        relations={t: tuple(rows.values()) for t, rows in relations.items()},
        indicators=tuple(indicators.values()))
