"""The bilingual entity registry: one data file, loaded once, driving matching and labels."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .model import ENTITY_TYPES
from .textnorm import normalise_name


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    id: str
    type: str
    name_zh: str
    name_en: str
    aliases_zh: tuple[str, ...]
    aliases_en: tuple[str, ...]
    source: str
    contextual: tuple[str, ...] = ()     # short aliases (~科学城) that count only beside a fuller name
    match: tuple[str, ...] = ("zh", "en")   # the languages whose texts are matched against its forms

    @property
    def surface_forms(self) -> tuple[str, ...]:
        return (self.name_zh, *self.aliases_zh, self.name_en, *self.aliases_en)


@dataclass(frozen=True)
class Registry:
    entries: tuple[RegistryEntry, ...]
    by_id: dict
    by_form: dict          # normalised surface form -> entry

    def lookup(self, form: str) -> RegistryEntry | None:
        return self.by_form.get(normalise_name(form))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(a.strip().lstrip("~") for a in cell.split("|") if a.strip().lstrip("~"))


def _contextual(cell: str) -> tuple[str, ...]:
    return tuple(a.strip()[1:] for a in cell.split("|") if a.strip().startswith("~"))


def _match(cell: str | None) -> tuple[str, ...]:
    langs = tuple(x.strip() for x in (cell or "").split("|") if x.strip())
    if any(x not in ("zh", "en") for x in langs):
        raise ValueError(f"registry: unknown match language in {cell!r}")
    return langs or ("zh", "en")


def parse_registry(lines) -> Registry:
    rows = csv.DictReader((ln for ln in lines if ln.strip() and not ln.startswith("#")),
                          delimiter="\t", quoting=csv.QUOTE_NONE)
    entries, by_id, by_form = [], {}, {}
    for n, row in enumerate(rows, start=2):
        entry = RegistryEntry(row["id"].strip(), row["type"].strip(), row["name_zh"].strip(),
                              row["name_en"].strip(), _split(row.get("aliases_zh") or ""),
                              _split(row.get("aliases_en") or ""), (row.get("source") or "").strip(),
                              _contextual(row.get("aliases_zh") or ""), _match(row.get("match")))
        if entry.type not in ENTITY_TYPES:
            raise ValueError(f"registry row {n} ({entry.id}): unknown type {entry.type!r}")
        if entry.id in by_id:
            raise ValueError(f"registry row {n}: duplicate id {entry.id!r}")
        by_id[entry.id] = entry
        entries.append(entry)
        for form in entry.surface_forms:
            key = normalise_name(form)
            other = by_form.get(key)
            if other is not None and other.id != entry.id:
                raise ValueError(f"registry row {n} ({entry.id}): form {form!r} already names {other.id}")
            by_form[key] = entry
    return Registry(tuple(entries), by_id, by_form)


@lru_cache(maxsize=4)
def load_registry(path: str | None = None) -> Registry:
    """The registry shipped in extract/lexicon/ (or another file with the same format)."""
    if path is None:
        text = resources.files("extract.lexicon").joinpath("registry.tsv").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    return parse_registry(text.splitlines())
