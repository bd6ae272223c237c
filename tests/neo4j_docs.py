"""Hand-made extractions for loader tests: small, exact, independent of the extractor's rules."""

from __future__ import annotations

from extract.ids import entity_id, entity_key, indicator_id
from extract.model import Document, Entity, Evidence, Extraction, Indicator, Relation, Section, Sentence


class DocBuilder:
    """A document of given sentences (one chapter holding them); entities, relations by their text."""

    def __init__(self, doc_id: str, sentences: list[str], title: str = "测试文件"):
        self.doc_id = doc_id
        parts, sents, pos = [], [], 0
        for n, s in enumerate(sentences, 1):
            sents.append(Sentence(f"s{n:05d}", pos, pos + len(s), s, "c1"))
            parts.append(s)
            pos += len(s) + 1
        self.text = "\n".join(parts)
        self.sentences = tuple(sents)
        self.section = Section("c1", "chapter", 1, title, 0, len(self.text))
        self.title = title

    def evidence(self, i: int, text: str) -> Evidence:
        s = self.sentences[i]
        at = s.text.index(text)
        return Evidence(s.id, s.start + at, s.start + at + len(text), text)

    def entity(
        self,
        type_: str,
        name: str,
        name_en: str | None = None,
        aliases: tuple[str, ...] = (),
        mentions: tuple[tuple[int, str], ...] = (),
        registry_id: str | None = None,
    ) -> Entity:
        return Entity(
            entity_id(type_, entity_key(name, registry_id)),
            type_,
            name,
            name_en,
            "official" if name_en else None,
            aliases,
            tuple(self.evidence(i, t) for i, t in mentions),
            registry_id,
        )

    def relation(self, head: Entity, type_: str, tail: Entity, i: int, text: str) -> Relation:
        return Relation(head.id, type_, tail.id, self.evidence(i, text), "handmade")

    def indicator(
        self,
        subject: Entity | None,
        metric: str,
        value: float,
        unit: str,
        year: int,
        i: int,
        text: str,
        status: str = "target",
    ) -> Indicator:
        ev = self.evidence(i, text)
        return Indicator(
            indicator_id(self.doc_id, ev.start, metric, value, unit, subject.id if subject else None),
            subject.id if subject else None,
            metric,
            value,
            unit,
            "=",
            year,
            status,
            ev,
            "handmade",
        )

    def build(self, entities=(), relations=(), indicators=()) -> Extraction:
        doc = Document(
            id=self.doc_id,
            text=self.text,
            title=self.title,
            source=f"{self.doc_id}.txt",
            body_start=0,
            body_end=len(self.text),
            sections=(self.section,),
            sentences=self.sentences,
        )
        return Extraction(doc, tuple(entities), tuple(relations), tuple(indicators))
