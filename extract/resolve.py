"""Merge mentions into entities within a document: one entity per (type, key), every mention
kept as provenance; registry aliases resolve to one key (知识城 = 广州知识城 = 中新广州知识城).

A contextual registry alias (~科学城 in the registry) names its entry only in a document that
also names the entry in full or names the entry's region. A name seen only inside a longer name
(知识城 in 知识城南方医院, never alone) is not an entity of
its own (the annotation guide's nested-name rule); its mentions are still passed to relations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from .ids import entity_id
from .model import Entity, Evidence, Mention
from .registry import load_registry
from .textnorm import HAN, normalise_name
from .vocab import NameSource


def resolve(mentions: tuple[Mention, ...], divisions: Mapping[str, str]) -> tuple[Entity, ...]:
    """One entity per (type, key) of the mentions, sorted by id. ``divisions``: administrative
    division names a name may open with (its language's ``divisions()``)."""
    registry = load_registry()
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[(m.type, m.key)].append(m)
    _merge_quoted(groups)
    _merge_short_forms(groups, divisions)
    region_forms = {m.text for m in mentions if m.type == "Region" and len(m.text) >= 2}
    for m in mentions:
        if m.type == "Region" and m.registry_id in registry.by_id:
            entry = registry.by_id[m.registry_id]
            region_forms.update(f for f in (entry.name_zh, *entry.aliases_zh) if len(f) >= 2)
    entities = []
    for (type_, key), ms in groups.items():
        if all(m.nested for m in ms):
            continue
        if all(m.rule == "registry~" for m in ms) and (
            not _in_region(ms[0], registry, region_forms) or _shadowed(ms, mentions)
        ):
            continue  # 科学城 alone, in a document about another 科学城
        entry = registry.by_id.get(ms[0].registry_id) if ms[0].registry_id else None
        name = entry.name_zh if entry else _fullest(ms)
        aliases = {m.text for m in ms} | {m.name for m in ms}
        if entry:
            aliases |= set(entry.aliases_zh) | set(entry.aliases_en) | {entry.name_en}
        if type_ == "Industry":
            aliases |= {a + INDUSTRY_SUFFIX for a in aliases | {name} if _takes_suffix(a)}
        aliases.discard(name)
        evidence = tuple(Evidence(m.sentence, m.start, m.end, m.text) for m in sorted(ms, key=lambda m: m.start))
        entities.append(
            Entity(
                id=entity_id(type_, key),
                type=type_,
                name=name,
                name_en=entry.name_en if entry else None,
                name_en_source=NameSource.OFFICIAL if entry and entry.name_en else None,
                aliases=tuple(sorted(a for a in aliases if a)),
                mentions=evidence,
                registry_id=entry.id if entry else None,
            )
        )
    return tuple(sorted(entities, key=lambda e: e.id))


INDUSTRY_SUFFIX = "产业"


def _takes_suffix(name: str) -> bool:
    """The guide (D3.1): X产业 is a surface form of the sector X (生物 = 生物产业, 汽车零部件 = 汽车零部件产业);
    a name already ending in 业 (金融业, 生物产业) or written in Latin letters (CRO) takes no suffix."""
    return len(name) >= 2 and not name.endswith("业") and HAN.match(name[-1]) is not None


def _merge_quoted(groups: dict[tuple[str, str], list[Mention]]) -> None:
    """A name written once in quotes and once without (“黄埔高铁站-白云机场”, 黄埔高铁站-白云机场) is
    one entity: groups of a type whose names read the same without quotes are merged (the first
    key seen wins, so ids stay stable)."""
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    for gk in list(groups):
        ms = groups[gk]
        if ms[0].registry_id:
            continue
        key = (gk[0], normalise_name(_fullest(ms)))
        if key in seen and seen[key] != gk:
            groups[seen[key]].extend(groups.pop(gk))
        else:
            seen.setdefault(key, gk)


def _merge_short_forms(groups: dict[tuple[str, str], list[Mention]], divisions: Mapping[str, str]) -> None:
    """A name that is another's name less a leading place (长沙片区 in 中国(湖南)自由贸易试验区长沙片区,
    生物医药产业园 in 江门高新区生物医药产业园) is that entity's short form in this document."""
    places = {m.text for ms in groups.values() for m in ms if m.type in ("Region", "Platform")}
    named = {gk: _fullest(ms) for gk, ms in groups.items()}
    longer: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # (type, short) -> groups
    leading = {gk: _leading_places(name, places, divisions) for gk, name in named.items()}
    for gk, name in named.items():
        for place in leading[gk]:
            longer[(gk[0], name[len(place) :])].append(gk)
    for gk, name in named.items():
        if groups[gk][0].registry_id or len(name) < 3:
            continue
        owners = [ok for ok in longer.get((gk[0], name), ()) if ok != gk and ok in groups]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(gk))
    registered: dict[tuple[str, str], tuple[str, str]] = {}  # 东莞松山湖科学城: a place, then a registry name
    for gk, ms in groups.items():
        if ms[0].registry_id:
            registered.setdefault((gk[0], ms[0].registry_id), gk)
    if not registered:
        return
    registry = load_registry()
    for gk, name in named.items():
        if gk not in groups or groups[gk][0].registry_id:
            continue
        for place in leading[gk]:
            rest = name[len(place) :]
            entry = registry.lookup(rest)
            if entry is None or rest in entry.contextual:
                continue  # (中关村科学城 is no 广州科学城: 科学城 is a shared short form)
            owner = registered.get((gk[0], entry.id))
            if owner is not None and owner in groups:
                groups[owner].extend(groups.pop(gk))
                break


def _leading_places(name: str, places: set[str], divisions: Mapping[str, str]) -> list[str]:
    """The places a name opens with: a place the document names, or a division's name (东莞 in
    东莞松山湖科学城, whose document writes 东莞市)."""
    return [name[:i] for i in range(2, len(name) - 2) if name[:i] in places or (i <= 4 and name[:i] in divisions)]


def _fullest(ms: list[Mention]) -> str:
    """The longest name the mentions give (a rebuilt 有轨电车3号线 beats its fragment 3号线)."""
    return max((m.name for m in ms), key=lambda n: (len(n), n))


def _shadowed(ms: list[Mention], mentions: tuple[Mention, ...]) -> bool:
    """The short form (科学城) is the end of a platform the rules named in this document (松山湖科学城):
    there it stands for that platform, not for the registry's entry it abbreviates elsewhere."""
    forms = {m.text for m in ms}
    return any(
        o.type == "Platform"
        and not o.registry_id
        and not o.nested
        and o.text.endswith(tuple(forms))
        and o.text not in forms
        for o in mentions
    )


def _in_region(m: Mention, registry, region_forms: set[str]) -> bool:
    """A contextual alias (生物岛) names its entry in a document that names the entry's region
    (广州 in 广州国际生物岛)."""
    entry = registry.by_id.get(m.registry_id) if m.registry_id else None
    return entry is not None and any(form in entry.name_zh for form in region_forms)
