"""The extraction pipeline: source file -> Document -> mentions -> entities, relations, indicators.

The language is detected per document (``extract.lang``); English documents go through the
English rules (``extract.english``), Chinese ones through the Chinese rules, traditional
characters matched as simplified while every offset indexes the original text.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .clean import clean
from .english.indicators import find_english_indicators
from .english.labels import label_english
from .english.mentions import find_english_mentions
from .english.relations import find_english_relations
from .hanzi import to_simplified
from .indicators import find_indicators
from .labels import add_english_names
from .lang import detect_language
from .matching import matching_view, original_span, restore_original
from .mentions import find_mentions
from .model import Document, Extraction
from .reader import read_source
from .relations import find_relations
from .resolve import resolve
from .structure import parse


def document_id(path: str | Path) -> str:
    return Path(path).stem


def make_document(text: str, doc_id: str, source: str = "", lang: str | None = None) -> Document:
    """Clean and parse ``text``; ``lang`` None detects it. Offsets and texts are the original's."""
    lang = lang or detect_language(text)
    match = to_simplified(text) if lang == "zh" else text
    cleaned = clean(match)
    sections, sentences = parse(match, cleaned, lang)
    title = cleaned.title
    if match != text:
        title = original_span(text, match, title)
        sections = tuple(replace(s, title=original_span(text, match, s.title, s.start, s.end)) for s in sections)
        sentences = tuple(replace(s, text=text[s.start:s.end]) for s in sentences)
    return Document(id=doc_id, text=text, title=title, lang=lang, source=source,
                    date=cleaned.date, issuer=cleaned.issuer, note=cleaned.note,
                    body_start=cleaned.body_start, body_end=cleaned.body_end,
                    sections=sections, sentences=sentences)


def extract_document(doc: Document) -> Extraction:
    view = matching_view(doc)
    if view.lang == "en":
        mentions = find_english_mentions(view)
        entities = label_english(resolve(mentions))
        indicators = find_english_indicators(view.id, view.sentences)
        relations = find_english_relations(view.sentences, entities)
    else:
        mentions = find_mentions(view)
        entities = add_english_names(resolve(mentions))
        indicators = find_indicators(view, entities=entities)
        relations = find_relations(view.sentences, entities, view.title)
    x = Extraction(document=view, entities=entities, relations=relations, indicators=indicators)
    return x if view is doc else restore_original(x, doc)


def extract_text(text: str, doc_id: str, source: str = "", lang: str | None = None) -> Extraction:
    return extract_document(make_document(text, doc_id, source, lang))


def extract_file(path: str | Path, doc_id: str | None = None) -> Extraction:
    src = read_source(path)
    return extract_text(src.text, doc_id or document_id(path), source=str(path))
