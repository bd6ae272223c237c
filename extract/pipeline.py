"""The extraction pipeline: source file -> Document -> mentions -> entities, relations, indicators.

The language is detected per document (``extract/lang.py``) and its rules are found in the
language table (``extract/languages.py``); every language is called the same way. Chinese text
is matched as simplified while every offset indexes the original text (``extract/matching.py``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .clean import clean
from .lang import detect_language
from .languages import language
from .matching import matching_view, original_span, restore_original
from .model import Document, Extraction
from .reader import read_source
from .resolve import resolve
from .structure import parse

__all__ = ["document_id", "extract_document", "extract_file", "extract_text", "make_document"]


def document_id(path: str | Path) -> str:
    """A document's id: its file name without the extension."""
    return Path(path).stem


def make_document(text: str, doc_id: str, source: str = "", lang: str | None = None) -> Document:
    """Clean and parse ``text``; ``lang`` None detects it. Offsets and texts are the original's."""
    lang = lang or detect_language(text)
    rules = language(lang)
    match = rules.matching_text(text)
    cleaned = clean(match)
    sections, sentences = parse(match, cleaned, rules.split_sentences)
    title = cleaned.title
    if match != text:
        title = original_span(text, match, title)
        sections = tuple(replace(s, title=original_span(text, match, s.title, s.start, s.end)) for s in sections)
        sentences = tuple(replace(s, text=text[s.start : s.end]) for s in sentences)
    return Document(
        id=doc_id,
        text=text,
        title=title,
        lang=lang,
        source=source,
        date=cleaned.date,
        issuer=cleaned.issuer,
        note=cleaned.note,
        body_start=cleaned.body_start,
        body_end=cleaned.body_end,
        sections=sections,
        sentences=sentences,
    )


def extract_document(doc: Document) -> Extraction:
    """Entities, relations and indicators of a parsed document, by its language's rules."""
    rules = language(doc.lang)
    view = matching_view(doc, rules.matching_text)
    entities = rules.labels(resolve(rules.mentions(view), rules.divisions()))
    indicators = rules.indicators(view, entities)
    relations = rules.relations(view, entities)
    x = Extraction(document=view, entities=entities, relations=relations, indicators=indicators)
    return x if view is doc else restore_original(x, doc)


def extract_text(text: str, doc_id: str, source: str = "", lang: str | None = None) -> Extraction:
    """Extract from a text (``lang`` None detects it)."""
    return extract_document(make_document(text, doc_id, source, lang))


def extract_file(path: str | Path, doc_id: str | None = None) -> Extraction:
    """Read a source file (any supported format) and extract from its text."""
    src = read_source(path)
    return extract_text(src.text, doc_id or document_id(path), source=str(path))
