"""The extraction contract: <doc-id>.extraction.json, written by build/extract, read by load.

Later versions extend it (new keys), never break it.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from .model import Document, Entity, Evidence, Extraction, Indicator, Relation, Section, Sentence

VERSION = 1


def _evidence(ev: Evidence) -> dict:
    return {"sentence": ev.sentence, "start": ev.start, "end": ev.end, "text": ev.text}


def to_contract(x: Extraction) -> dict:
    """The extraction as the contract's JSON-shaped dict."""
    d = x.document
    return {
        "version": VERSION,
        "document": {
            "id": d.id,
            "title": d.title,
            "lang": d.lang,
            "source": d.source,
            "date": d.date,
            "issuer": d.issuer,
            "note": d.note,
            "body": [d.body_start, d.body_end],
        },
        "entities": [
            {
                "id": e.id,
                "type": e.type,
                "name": e.name,
                "name_en": e.name_en,
                "name_en_source": e.name_en_source,
                "aliases": list(e.aliases),
                "registry_id": e.registry_id,
                "mentions": [_evidence(m) for m in e.mentions],
            }
            for e in x.entities
        ],
        "relations": [
            {"head": r.head, "type": r.type, "tail": r.tail, "evidence": _evidence(r.evidence), "rule": r.rule}
            for r in x.relations
        ],
        "indicators": [
            {
                "id": i.id,
                "subject": i.subject,
                "metric": i.metric,
                "value": i.value,
                "unit": i.unit,
                "comparator": i.comparator,
                "year": i.year,
                "status": i.status,
                "evidence": _evidence(i.evidence),
                "rule": i.rule,
            }
            for i in x.indicators
        ],
        "sections": [asdict(s) for s in d.sections],
        "sentences": [asdict(s) for s in d.sentences],
    }


def from_contract(data: dict) -> Extraction:
    """Rebuild an Extraction from its JSON (Document.text is not stored: it is the source file)."""
    d = data["document"]
    body = d.get("body") or [0, 0]
    doc = Document(
        id=d["id"],
        text="",
        title=d.get("title", ""),
        lang=d.get("lang", "zh"),
        source=d.get("source", ""),
        date=d.get("date"),
        issuer=d.get("issuer"),
        note=d.get("note"),
        body_start=body[0],
        body_end=body[1],
        sections=tuple(Section(**s) for s in data.get("sections", [])),
        sentences=tuple(Sentence(**s) for s in data.get("sentences", [])),
    )
    ev = lambda e: Evidence(e["sentence"], e["start"], e["end"], e["text"])  # noqa: E731
    entities = tuple(
        Entity(
            id=e["id"],
            type=e["type"],
            name=e["name"],
            name_en=e.get("name_en"),
            name_en_source=e.get("name_en_source"),
            aliases=tuple(e.get("aliases", [])),
            mentions=tuple(ev(m) for m in e.get("mentions", [])),
            registry_id=e.get("registry_id"),
        )
        for e in data.get("entities", [])
    )
    relations = tuple(
        Relation(r["head"], r["type"], r["tail"], ev(r["evidence"]), r.get("rule", ""))
        for r in data.get("relations", [])
    )
    indicators = tuple(
        Indicator(
            id=i["id"],
            subject=i.get("subject"),
            metric=i.get("metric", ""),
            value=i["value"],
            unit=i.get("unit", ""),
            comparator=i.get("comparator", "="),
            year=i.get("year"),
            status=i.get("status", ""),
            evidence=ev(i["evidence"]),
            rule=i.get("rule", ""),
        )
        for i in data.get("indicators", [])
    )
    return Extraction(doc, entities, relations, indicators)


def write_contract(x: Extraction, path: str | Path, origin: dict | None = None) -> Path:
    """Write atomically; ``origin`` (format, encoding, sha256, text_file) becomes the "origin" key."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(p.suffix + ".tmp")
    data = to_contract(x)
    if origin is not None:
        data["origin"] = origin
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(p)
    return p


def read_contract(path: str | Path) -> Extraction:
    """An Extraction from a contract file."""
    return from_contract(json.loads(Path(path).read_text(encoding="utf-8")))
