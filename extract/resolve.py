"""Merge mentions into entities: one entity per (type, key), with every mention as provenance."""
from __future__ import annotations

from collections import defaultdict

from .ids import entity_id
from .model import Entity, Evidence, Mention
from .registry import load_registry


def resolve(mentions: tuple[Mention, ...]) -> tuple[Entity, ...]:
    registry = load_registry()
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[(m.type, m.key)].append(m)
    entities = []
    for (type_, key), ms in groups.items():
        entry = registry.by_id.get(ms[0].registry_id) if ms[0].registry_id else None
        name = entry.name_zh if entry else ms[0].name
        aliases = sorted({m.text for m in ms} - {name})
        if entry:
            aliases = sorted(set(aliases) | set(entry.aliases_zh) | set(entry.aliases_en) | {entry.name_en} - {name})
        evidence = tuple(Evidence(m.sentence, m.start, m.end, m.text) for m in sorted(ms, key=lambda m: m.start))
        entities.append(Entity(
            id=entity_id(type_, key), type=type_, name=name,
            name_en=entry.name_en if entry else None,
            name_en_source="official" if entry and entry.name_en else None,
            aliases=tuple(aliases), mentions=evidence,
            registry_id=entry.id if entry else None))
    return tuple(sorted(entities, key=lambda e: e.id))
