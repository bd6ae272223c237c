"""Typed, immutable objects passed between pipeline stages.

Every offset is a character offset into ``Document.text``: the decoded text of the source
file, unchanged, so a reader can highlight the source.
"""

from __future__ import annotations

from dataclasses import dataclass

from .vocab import ENTITY_TYPES, RELATION_TYPES

__all__ = [
    "ENTITY_TYPES",
    "RELATION_TYPES",
    "Document",
    "Entity",
    "Evidence",
    "Extraction",
    "Indicator",
    "Mention",
    "Relation",
    "Section",
    "Sentence",
]


@dataclass(frozen=True, slots=True)
class Section:
    """A chapter (一、), article ((一)) or paragraph, as a span of the raw text."""

    id: str
    kind: str  # "chapter" | "article" | "paragraph"
    number: int | None  # 3 for 三、 or (三); None where no numeral was written
    title: str
    start: int
    end: int
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    start: int
    end: int
    text: str
    section: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned document: metadata, where the body lies, and its structure."""

    id: str
    text: str  # raw decoded text; offsets index this
    title: str = ""
    lang: str = "zh"
    source: str = ""
    date: str | None = None
    issuer: str | None = None
    note: str | None = None  # e.g. the adoption note (…会议通过)
    body_start: int = 0
    body_end: int = 0
    sections: tuple[Section, ...] = ()
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact comes from: a sentence and the span inside the raw text."""

    sentence: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text naming something, before mentions are merged into entities."""

    start: int
    end: int
    text: str
    type: str
    sentence: str
    rule: str
    key: str  # resolution key: registry id, or normalised name
    name: str  # canonical name for this key
    registry_id: str | None = None
    nested: bool = False  # inside a longer name (知识城 in 知识城南方医院)


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str
    name: str
    name_en: str | None = None
    name_en_source: str | None = None  # a NameSource ("official" | "generated" | "document") or None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Evidence, ...] = ()
    registry_id: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    head: str
    type: str
    tail: str
    evidence: Evidence
    rule: str


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    subject: str | None
    metric: str
    value: float
    unit: str
    comparator: str
    year: int | None
    status: str
    evidence: Evidence
    rule: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one document yields; serialised as the extraction contract."""

    document: Document
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    indicators: tuple[Indicator, ...] = ()
