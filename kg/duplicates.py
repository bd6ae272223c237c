"""Likely duplicates the resolver did not merge: same type, similar names, different ids.

Resolution merges only on registry id, alias or identical normalised name (conservative); this
lists what a reviewer may want to merge by adding a registry entry or alias. Pairs are found by
blocking on rare name pieces (Han character pairs, Latin words) and then scored, so the cost
grows with the number of candidate pairs, not with the square of the entities.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from extract.textnorm import normalise_name
from kg.folder import CONTRACT_GLOB

_HAN = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[a-z0-9]+")
MAX_BLOCK = 60  # a piece shared by more entities than this says nothing
MIN_RATIO = 0.8
MIN_CONTAINED = 4  # characters a contained name must have
MIN_SHARE = 0.5  # and the share of the longer name it must cover


@dataclass(frozen=True, slots=True)
class GraphEntity:
    id: str
    type: str
    name: str
    name_en: str | None
    forms: frozenset[str]  # normalised name, aliases, English name
    documents: tuple[str, ...]
    registry_id: str | None = None
    words: frozenset[str] = frozenset()  # blocking pieces: Latin words, Han character pairs


@dataclass(frozen=True, slots=True)
class Duplicate:
    a: GraphEntity
    b: GraphEntity
    score: float
    reason: str


def graph_entities(graph_dir: str | Path) -> list[GraphEntity]:
    """Every entity in the folder's extractions, merged by id across documents."""
    merged: dict[str, dict] = {}
    for f in sorted(Path(graph_dir).glob(CONTRACT_GLOB)):
        data = json.loads(f.read_text(encoding="utf-8"))
        doc = data["document"]["id"]
        for e in data.get("entities", []):
            m = merged.setdefault(
                e["id"],
                {
                    "type": e["type"],
                    "name": e["name"],
                    "name_en": e.get("name_en"),
                    "forms": set(),
                    "docs": set(),
                    "registry_id": e.get("registry_id"),
                },
            )
            names = [x for x in (e["name"], e.get("name_en") or "", *e.get("aliases", [])) if x]
            m["forms"].update(normalise_name(x) for x in names)
            m.setdefault("words", set()).update(p for x in names for p in _pieces(x.lower()))
            m["name_en"] = m["name_en"] or e.get("name_en")
            m["docs"].add(doc)
    return [
        GraphEntity(
            i,
            m["type"],
            m["name"],
            m["name_en"],
            frozenset(m["forms"]),
            tuple(sorted(m["docs"])),
            m["registry_id"],
            frozenset(m.get("words", ())),
        )
        for i, m in sorted(merged.items())
    ]


def _pieces(form: str) -> set[str]:
    if _HAN.search(form):
        han = "".join(_HAN.findall(form))
        return {han[i : i + 2] for i in range(len(han) - 1)}
    return {w for w in _WORD.findall(form) if len(w) > 2}


def _score(a: GraphEntity, b: GraphEntity) -> tuple[float, str] | None:
    if a.registry_id and b.registry_id:
        return None  # two registry entries are two things by curation
    best: tuple[float, str] | None = None
    cand: tuple[float, str] | None
    for x in a.forms:
        for y in b.forms:
            if not x or not y or bool(_HAN.search(x)) != bool(_HAN.search(y)):
                continue
            short, long_ = sorted((x, y), key=len)
            if len(short) >= MIN_CONTAINED and short in long_ and len(short) >= MIN_SHARE * len(long_):
                cand = (len(short) / len(long_) * 0.5 + 0.5, f"'{short}' is part of '{long_}'")
            else:
                ratio = SequenceMatcher(None, x, y).ratio()
                cand = (ratio, f"similar names '{x}' and '{y}'") if ratio >= MIN_RATIO else None
            if cand and (best is None or cand[0] > best[0]):
                best = cand
    return best


def find_duplicates(entities: list[GraphEntity]) -> list[Duplicate]:
    """Pairs of entities of one type whose names look alike, best first."""
    by_type: dict[str, list[GraphEntity]] = defaultdict(list)
    for e in entities:
        by_type[e.type].append(e)
    out: list[Duplicate] = []
    for group in by_type.values():
        blocks: dict[str, list[int]] = defaultdict(list)
        for n, e in enumerate(group):
            for piece in e.words:
                blocks[piece].append(n)
        pairs = {
            (i, j)
            for members in blocks.values()
            if len(members) <= MAX_BLOCK
            for k, i in enumerate(members)
            for j in members[k + 1 :]
        }
        for i, j in sorted(pairs):
            hit = _score(group[i], group[j])
            if hit:
                out.append(Duplicate(group[i], group[j], round(hit[0], 3), hit[1]))
    return sorted(out, key=lambda d: (-d.score, d.a.type, d.a.id, d.b.id))
