"""Match on normalised text, report on the original: traditional Chinese is matched as simplified.

A language's ``matching_text`` keeps the length (``extract/hanzi.py`` for Chinese), so a
document's matching view has the same offsets as the original; after extraction, every evidence
text is taken back from the original text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .model import Document, Entity, Evidence, Extraction, Indicator


def matching_view(doc: Document, normalise: Callable[[str], str]) -> Document:
    """The document with ``normalise``d text, title, section titles and sentences (same offsets);
    itself when nothing changes."""
    simple = normalise(doc.text)
    if simple == doc.text:
        return doc
    return replace(
        doc,
        text=simple,
        title=normalise(doc.title),
        sections=tuple(replace(s, title=normalise(s.title)) for s in doc.sections),
        sentences=tuple(replace(s, text=simple[s.start : s.end]) for s in doc.sentences),
    )


def original_span(original: str, normalised: str, value: str, start: int = 0, end: int | None = None) -> str:
    """``value`` (found in ``normalised``) as written in ``original``; ``value`` when not found."""
    i = normalised.find(value, start, len(normalised) if end is None else end) if value else -1
    return original[i : i + len(value)] if i >= 0 else value


def _ev(ev: Evidence, text: str) -> Evidence:
    return replace(ev, text=text[ev.start : ev.end])


def restore_original(x: Extraction, original: Document) -> Extraction:
    """Put the original document back and re-read every evidence text from it; names found by the
    rules and indicator units and metrics are given as written (萬人, not 万人)."""
    text, simple = original.text, x.document.text
    entities = tuple(_entity(e, text, simple) for e in x.entities)
    relations = tuple(replace(r, evidence=_ev(r.evidence, text)) for r in x.relations)
    indicators = tuple(_indicator(i, text, simple) for i in x.indicators)
    return Extraction(document=original, entities=entities, relations=relations, indicators=indicators)


def _entity(e: Entity, text: str, simple: str) -> Entity:
    mentions = tuple(_ev(m, text) for m in e.mentions)
    if e.registry_id:
        return replace(e, mentions=mentions)
    first = e.mentions[0] if e.mentions else None
    name = original_span(text, simple, e.name, first.start if first else 0) if first else e.name
    aliases = tuple(sorted({original_span(text, simple, a) for a in e.aliases} - {name}))
    return replace(e, name=name, aliases=aliases, mentions=mentions)


def _indicator(i: Indicator, text: str, simple: str) -> Indicator:
    ev = i.evidence
    lo = max(0, ev.start - 40)
    return replace(
        i,
        evidence=_ev(ev, text),
        unit=original_span(text, simple, i.unit, ev.start, ev.end + 8) if i.unit else i.unit,
        metric=original_span(text, simple, i.metric, lo, ev.end) if i.metric else i.metric,
    )
