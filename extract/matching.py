"""Match on normalised text, report on the original: traditional Chinese is matched as simplified.

``to_simplified`` keeps the length, so a document's matching view has the same offsets as the
original; after extraction, every evidence text is taken back from the original text.
"""
from __future__ import annotations

from dataclasses import replace

from .hanzi import to_simplified
from .model import Document, Evidence, Extraction


def matching_view(doc: Document) -> Document:
    """The document with simplified text and sentences (same offsets); itself when nothing changes."""
    if doc.lang != "zh":
        return doc
    simple = to_simplified(doc.text)
    if simple == doc.text:
        return doc
    return replace(doc, text=simple,
                   sentences=tuple(replace(s, text=simple[s.start:s.end]) for s in doc.sentences))


def original_span(original: str, normalised: str, value: str, start: int = 0, end: int | None = None) -> str:
    """``value`` (found in ``normalised``) as written in ``original``; ``value`` when not found."""
    i = normalised.find(value, start, len(normalised) if end is None else end) if value else -1
    return original[i:i + len(value)] if i >= 0 else value


def _ev(ev: Evidence, text: str) -> Evidence:
    return replace(ev, text=text[ev.start:ev.end])


def restore_original(x: Extraction, original: Document) -> Extraction:
    """Put the original document back and re-read every evidence text from it."""
    text = original.text
    entities = tuple(replace(e, mentions=tuple(_ev(m, text) for m in e.mentions)) for e in x.entities)
    relations = tuple(replace(r, evidence=_ev(r.evidence, text)) for r in x.relations)
    indicators = tuple(replace(i, evidence=_ev(i.evidence, text)) for i in x.indicators)
    return Extraction(document=original, entities=entities, relations=relations, indicators=indicators)
