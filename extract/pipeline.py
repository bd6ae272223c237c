"""The extraction pipeline: source file -> Document -> mentions -> entities, relations, indicators."""
from __future__ import annotations

from pathlib import Path

from .clean import clean
from .indicators import find_indicators
from .labels import add_english_names
from .mentions import find_mentions
from .model import Document, Extraction
from .reader import read_source
from .relations import find_relations
from .resolve import resolve
from .structure import parse


def document_id(path: str | Path) -> str:
    return Path(path).stem


def make_document(text: str, doc_id: str, source: str = "", lang: str = "zh") -> Document:
    cleaned = clean(text)
    sections, sentences = parse(text, cleaned)
    return Document(id=doc_id, text=text, title=cleaned.title, lang=lang, source=source,
                    date=cleaned.date, issuer=cleaned.issuer, note=cleaned.note,
                    body_start=cleaned.body_start, body_end=cleaned.body_end,
                    sections=sections, sentences=sentences)


def extract_document(doc: Document) -> Extraction:
    mentions = find_mentions(doc)
    entities = add_english_names(resolve(mentions))
    relations = find_relations(doc.sentences, entities, doc.title)
    indicators = find_indicators(doc, entities=entities)
    return Extraction(document=doc, entities=entities, relations=relations, indicators=indicators)


def extract_text(text: str, doc_id: str, source: str = "", lang: str = "zh") -> Extraction:
    return extract_document(make_document(text, doc_id, source, lang))


def extract_file(path: str | Path) -> Extraction:
    src = read_source(path)
    return extract_text(src.text, document_id(path), source=str(path))
