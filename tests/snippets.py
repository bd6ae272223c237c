"""Extracting a snippet written for a test: a title line, then the body, as one small document."""

from __future__ import annotations

from extract.model import Extraction
from extract.pipeline import extract_text


def extract_snippet(body: str, title: str = "某某市发展规划") -> tuple[set, set, Extraction]:
    """(entities as (type, name), relations as (head name, type, tail name), the extraction)."""
    x = extract_text(title + "\n\n" + body + "\n", "t")
    names = {e.id: e.name for e in x.entities}
    ents = {(e.type, e.name) for e in x.entities}
    rels = {(names[r.head], r.type, names[r.tail]) for r in x.relations}
    return ents, rels, x
