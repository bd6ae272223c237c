"""The one reader of the data tables: every shipped table fits its declared shape, and a bad row
is reported with its file and line."""

from importlib import resources

import pytest

from extract.tables import TABLES, Table, TableError, parse_table, read_table


def test_every_shipped_table_is_declared_and_fits_its_shape():
    shipped = {
        f.name
        for folder in ("patterns", "lexicon", "translation")
        for f in resources.files(f"extract.{folder}").iterdir()
        if f.name.endswith((".tsv", ".txt"))
    }
    assert shipped == set(TABLES)
    for name in TABLES:
        assert read_table(name), name


KINDS = Table("extract.patterns", "t.tsv", ("kind", "word", "note"), 2, {"kind": frozenset({"a", "b"})})


def test_rows_keep_their_cells_as_written_and_skip_comments_and_blank_lines():
    rows = parse_table(KINDS, ["# a comment", "", "a\tx ", "b\ty\tz"], "t.tsv")
    assert [r.cells for r in rows] == [("a", "x "), ("b", "y", "z")]
    assert [r.where for r in rows] == ["t.tsv:3", "t.tsv:4"]
    assert rows[0].get(2) == "" and rows[1].get(2) == "z"


@pytest.mark.parametrize(
    "line, message",
    [
        ("c\tx", "t.tsv:2: kind 'c' is not one of a, b"),
        ("a", "t.tsv:2: 1 column, need 2 to 3: kind word note"),
        ("a\tx\ty\tz", "t.tsv:2: 4 columns, need 2 to 3: kind word note"),
    ],
)
def test_a_bad_row_names_its_file_and_line(line, message):
    with pytest.raises(TableError) as err:
        parse_table(KINDS, ["# header comment", line], "t.tsv")
    assert str(err.value) == message


def test_a_bad_regex_names_its_row():
    row = parse_table(KINDS, ["a\t(unclosed"], "t.tsv")[0]
    with pytest.raises(TableError, match=r"^t\.tsv:1: bad regex '\(unclosed'"):
        row.regex(1)


def test_a_headed_table_needs_its_header_and_reads_cells_by_name():
    headed = Table("extract.lexicon", "h.tsv", ("id", "name", "note"), 2, header=True)
    rows = parse_table(headed, ["id\tname\tnote", "1\tone"], "h.tsv")
    assert rows[0].field("name") == "one" and rows[0].field("note") is None
    with pytest.raises(TableError, match=r"^h\.tsv:1: the header must name the columns id name note"):
        parse_table(headed, ["name\tid", "1\tone"], "h.tsv")
