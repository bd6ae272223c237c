"""One reader for every data table of the extractor, and the shape of each table.

The rules' knowledge lives in tab-separated files: ``extract/patterns/*.tsv`` (cue words,
heads, regexes), ``extract/lexicon/*.tsv`` (registry, divisions) and
``extract/translation/*.tsv`` (glossary). Every file is UTF-8, one row a line; a line starting
with ``#`` is a comment and a blank line is skipped; cells are taken as written (a regex may
end with a space). ``TABLES`` declares each file's columns, how many a row needs and the values a
column may hold (a kind, an entity type), and ``read_table`` checks every row against it: a bad
row is a ``TableError`` naming the file and line (``extract/patterns/words.tsv:12: kind 'brake'
is not one of break, joiner, …``). ``extract/patterns/README.md`` documents the files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import PolicyKGError
from .model import ENTITY_TYPES
from .textnorm import HAN_CHARS

__all__ = ["TABLES", "Row", "Table", "TableError", "parse_table", "read_table", "table"]


class TableError(PolicyKGError, ValueError):
    """A row of a data table that does not fit the table's shape (the message names file:line)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a table: its cells as written, and where it stands (``file:line``)."""

    cells: tuple[str, ...]
    where: str
    names: Mapping[str, int] = field(default_factory=dict)  # header name -> column (headed tables)

    def __len__(self) -> int:
        return len(self.cells)

    def __getitem__(self, i: int) -> str:
        return self.cells[i]

    def get(self, i: int, default: str = "") -> str:
        """Cell ``i``, or ``default`` where the row is shorter."""
        return self.cells[i] if i < len(self.cells) else default

    def field(self, name: str) -> str | None:
        """The cell under header ``name`` (a headed table), None where the row is shorter."""
        i = self.names[name]
        return self.cells[i] if i < len(self.cells) else None

    def error(self, message: str) -> TableError:
        """An error about this row, naming its file and line."""
        return TableError(f"{self.where}: {message}")

    def regex(self, i: int, flags: int = 0) -> re.Pattern:
        """Cell ``i`` compiled as a regex (``\\h`` in it: the Han characters, for a character class);
        a bad one is a TableError naming the row."""
        try:
            return re.compile(self.cells[i].replace("\\h", HAN_CHARS), flags)
        except re.error as exc:
            raise self.error(f"bad regex {self.cells[i]!r}: {exc}") from exc


@dataclass(frozen=True)
class Table:
    """A table's shape: where it is, its columns, how many a row needs, the values a column may hold."""

    package: str
    name: str
    columns: tuple[str, ...]
    required: int = 0  # 0: every column
    allowed: Mapping[str, frozenset[str]] = field(default_factory=dict)  # column -> its values
    header: bool = False  # the first row names the columns

    @property
    def path(self) -> str:
        """The file's path in the repository (extract/patterns/words.tsv)."""
        return f"{self.package.replace('.', '/')}/{self.name}"


def _table(
    folder: str, file: str, columns: str, required: int = 0, header: bool = False, **allowed: Iterable[str]
) -> Table:
    return Table(
        f"extract.{folder}",
        file,
        tuple(columns.split()),
        required,
        {k: frozenset(v) for k, v in allowed.items()},
        header,
    )


TYPES = ENTITY_TYPES
# The Chinese rules' word lists (words.tsv, quoted.tsv; extract/zh/rules.py)
WORD_KINDS = (
    "break",
    "joiner",
    "trim",
    "generic",
    "category",
    "quantity",
    "keep",
    "abbrev",
    "organ",
    "industry",
    "nominal",
    "lead",
    "designation",
    "place",
    "ranking",
    "umbrella",
    "science",
    "link_head",
    "spec_unit",
    "one_char_verb",
    "counting",
    "division_char",
    "division_end",
    "division_suffix",
    "scope",
    "rank",
    "not_sector_after",
    "campus_of",
    "honorific",
    "firm_word",
    "group_word",
    "not_firm_item",
    "project_item",
)
NAME_REGEXES = (
    "quantity",
    "digit_or_scale",
    "count_start",
    "segment",
    "project_before",
    "counted",
    "firm_type",
    "built_in",
    "phase",
    "list_stop",
    "key_technology",
    "weak_cue",
    "slogan",
    "target_label",
    "years",
    "title_note",
)
RELATION_REGEXES = (
    "clusters",
    "situated",
    "jointly",
    "carrier_phrase",
    "firms_of_kind",
    "operate_verb",
    "firm_builds",
    "firm_to_verb",
    "facility",
    "composed",
    "anchor_span",
    "advance",
    "host",
)
QUOTE_KINDS = ("not_a_name", "quote_after", "quote_before")

TABLES: Mapping[str, Table] = {
    t.name: t
    for t in (
        # extract/patterns: Chinese
        _table("patterns", "furniture.tsv", "kind regex", kind=("drop", "date", "issuer", "footer", "note")),
        _table("patterns", "structure.tsv", "kind regex", kind=("chapter", "article")),
        _table("patterns", "entity_heads.tsv", "head type flags", 2, type=TYPES),
        _table("patterns", "words.tsv", "kind word", kind=WORD_KINDS),
        _table("patterns", "quoted.tsv", "kind word", kind=QUOTE_KINDS),
        _table("patterns", "name_regexes.tsv", "name regex", name=NAME_REGEXES),
        _table("patterns", "entity_patterns.tsv", "type rule regex more", 3, type=TYPES),
        _table("patterns", "list_cues.tsv", "type side regex", type=TYPES, side=("after", "before", "inside")),
        _table("patterns", "head_forms.tsv", "long short"),
        _table("patterns", "actor_cues.tsv", "kind word", kind=("before", "after", "milestone", "not_brand")),
        _table(
            "patterns",
            "indicators.tsv",
            "kind word value",
            2,
            kind=("unit", "before", "after", "achieved", "target", "review", "not_after", "le_units"),
        ),
        _table(
            "patterns",
            "relations.tsv",
            "kind word condition",
            2,
            kind=(
                "anchor_core",
                "anchor_rely",
                "build",
                "carrier",
                "coop_verb",
                "aid",
                "located",
                "settle",
                "make",
                "carry_out",
                "plan",
                "within",
                "part_is",
                "area",
                "not_object",
                "anaphor",
                "part_whole",
                "develop",
                "beside",
                "opener",
                "firm_lead",
                "subject_lead",
                "article_lead",
                "region_part",
            ),
        ),
        _table("patterns", "relation_regexes.tsv", "name regex", name=RELATION_REGEXES),
        # extract/patterns: formats
        _table("patterns", "html_furniture.tsv", "kind value", kind=("tag", "attr", "block")),
        _table("patterns", "pdf_furniture.tsv", "regex"),
        # extract/patterns: English
        _table("patterns", "en_heads.tsv", "type head extends", type=TYPES, extends=("of", "num", "title", "-")),
        _table("patterns", "en_name_stopwords.txt", "word"),
        _table("patterns", "en_not_names.tsv", "regex"),
        _table("patterns", "en_list_cues.tsv", "type regex", type=TYPES),
        _table("patterns", "en_terms.tsv", "type name_en name_zh aliases_en", 3, type=TYPES),
        _table("patterns", "en_abbreviations.txt", "word"),
        _table("patterns", "en_place_cues.tsv", "regex"),
        _table("patterns", "en_sectors.tsv", "kind value", kind=("cue", "head", "generic", "stop", "sector_head")),
        _table("patterns", "en_quoted.tsv", "kind regex", kind=("kind_after", "before")),
        _table(
            "patterns",
            "en_relations.tsv",
            "kind regex",
            kind=(
                "located",
                "hosts",
                "whole",
                "part",
                "anchor",
                "rely",
                "coop",
                "together",
                "between",
                "jointly",
                "jointly_by",
                "firms",
                "firm_nouns",
                "firm_roles",
                "build",
                "specialize",
            ),
        ),
        _table(
            "patterns",
            "en_units.tsv",
            "kind surface unit",
            kind=("percent", "points", "scale", "prefix", "money", "count", "notcount", "duration"),
        ),
        _table(
            "patterns",
            "en_indicator_cues.tsv",
            "kind value regex",
            kind=("comparator", "after", "target", "period", "past", "rate", "duration"),
        ),
        # extract/lexicon
        _table(
            "lexicon",
            "registry.tsv",
            "id type name_zh name_en aliases_zh aliases_en source match",
            7,
            header=True,
            type=TYPES,
        ),
        _table(
            "lexicon",
            "divisions.tsv",
            "adcode name level short",
            3,
            header=True,
            level=("province", "prefecture", "county"),
        ),
        # extract/translation
        _table(
            "translation",
            "glossary.tsv",
            "zh en position types note",
            4,
            header=True,
            position=("any", "end", "counter"),
        ),
        _table("translation", "pinyin.tsv", "zh pinyin note", 2, header=True),
        _table("translation", "units.tsv", "zh en", header=True),
    )
}


def table(name: str) -> Table:
    """The declared shape of a data table, by file name."""
    return TABLES[name]


@cache
def read_table(name: str) -> tuple[Row, ...]:
    """Every row of a shipped table, by file name (``words.tsv``), checked against its declared
    shape; read once per process."""
    spec = TABLES[name]
    text = resources.files(spec.package).joinpath(spec.name).read_text("utf-8")
    return parse_table(spec, text.splitlines(), spec.path)


def parse_table(spec: Table, lines: Iterable[str], source: str | Path) -> tuple[Row, ...]:
    """The rows of ``lines`` (a table's text, or another file of the same shape), checked; a headed
    table's header row must name its columns, in order."""
    names: dict[str, int] = {}
    rows = []
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        row = Row(tuple(line.split("\t")), f"{source}:{n}", names)
        if spec.header and not names:
            if row.cells[: len(spec.columns)] != spec.columns[: len(row.cells)] or len(row) < (spec.required or 1):
                raise row.error(f"the header must name the columns {' '.join(spec.columns)}")
            names.update((c, i) for i, c in enumerate(spec.columns))
            continue
        _check(spec, row)
        rows.append(row)
    return tuple(rows)


def _check(spec: Table, row: Row) -> None:
    least, most = spec.required or len(spec.columns), len(spec.columns)
    if not least <= len(row) <= most:
        count = str(most) if least == most else f"{least} to {most}"
        raise row.error(f"{len(row)} column{'s' * (len(row) != 1)}, need {count}: {' '.join(spec.columns)}")
    for column, values in spec.allowed.items():
        i = spec.columns.index(column)
        if i < len(row) and row[i] not in values:
            raise row.error(f"{column} {row[i]!r} is not one of {', '.join(sorted(values))}")
