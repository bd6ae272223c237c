"""The bilingual entity registry: one data file, loaded once, driving matching and labels."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import ENTITY_TYPES
from .tables import Row, parse_table, read_table, table
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
    contextual: tuple[str, ...] = ()  # short aliases (~科学城) that count only beside a fuller name
    match: tuple[str, ...] = ("zh", "en")  # the languages whose texts are matched against its forms

    @property
    def surface_forms(self) -> tuple[str, ...]:
        return (self.name_zh, *self.aliases_zh, self.name_en, *self.aliases_en)


@dataclass(frozen=True)
class Registry:
    entries: tuple[RegistryEntry, ...]
    by_id: dict
    by_form: dict  # normalised surface form -> entry

    def lookup(self, form: str) -> RegistryEntry | None:
        return self.by_form.get(normalise_name(form))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(a.strip().lstrip("~") for a in cell.split("|") if a.strip().lstrip("~"))


def _contextual(cell: str) -> tuple[str, ...]:
    return tuple(a.strip()[1:] for a in cell.split("|") if a.strip().startswith("~"))


def _match(row: Row) -> tuple[str, ...]:
    cell = row.field("match")
    langs = tuple(x.strip() for x in (cell or "").split("|") if x.strip())
    if any(x not in ("zh", "en") for x in langs):
        raise row.error(f"unknown match language in {cell!r}")
    return langs or ("zh", "en")


def _entry(row: Row) -> RegistryEntry:
    aliases_zh = row.field("aliases_zh") or ""
    return RegistryEntry(
        row[0].strip(),
        row[1].strip(),
        row[2].strip(),
        row[3].strip(),
        _split(aliases_zh),
        _split(row.field("aliases_en") or ""),
        (row.field("source") or "").strip(),
        _contextual(aliases_zh),
        _match(row),
    )


def parse_registry(lines: Iterable[str], source: str = "registry.tsv") -> Registry:
    """A registry from the lines of a file in the registry's format (a header row, then one entry a
    row); a row that repeats an id or gives another entry's form is a TableError naming it."""
    return _registry(parse_table(table("registry.tsv"), lines, source))


def _registry(rows: Iterable[Row]) -> Registry:
    entries: list[RegistryEntry] = []
    by_id: dict[str, RegistryEntry] = {}
    by_form: dict[str, RegistryEntry] = {}
    for row in rows:
        entry = _entry(row)
        if entry.type not in ENTITY_TYPES:
            raise row.error(f"{entry.id}: unknown type {entry.type!r}")
        if entry.id in by_id:
            raise row.error(f"duplicate id {entry.id!r}")
        by_id[entry.id] = entry
        entries.append(entry)
        for form in entry.surface_forms:
            key = normalise_name(form)
            other = by_form.get(key)
            if other is not None and other.id != entry.id:
                raise row.error(f"{entry.id}: form {form!r} already names {other.id}")
            by_form[key] = entry
    return Registry(tuple(entries), by_id, by_form)


@lru_cache(maxsize=4)
def load_registry(path: str | None = None) -> Registry:
    """The registry shipped in extract/lexicon/ (or another file with the same format)."""
    if path is None:
        return _registry(read_table("registry.tsv"))
    return parse_registry(Path(path).read_text("utf-8").splitlines(), path)
