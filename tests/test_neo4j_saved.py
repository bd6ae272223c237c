"""Saved query files: headers parse, parameters bind and are typed (no server needed)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.neo4j.saved import SavedQueryError, adhoc_value, bind, get, parse, saved_queries, split_params

ROOT = Path(__file__).resolve().parents[1]


REQUIRED = {
    "platforms-serving-industry",
    "targets",
    "entity-profile",
    "cooperation-network",
    "documents-mentioning",
    "fulltext-search",
}


def test_required_saved_queries_exist_with_descriptions():
    queries = saved_queries()
    assert REQUIRED <= set(queries)
    for q in queries.values():
        assert len(q.description) > 20
        used = set(
            re.findall(r"\$([A-Za-z_]\w*)", "\n".join(ln for ln in q.cypher.splitlines() if not ln.startswith("//")))
        )
        assert used == {p.name for p in q.params}, q.name  # every $param declared, none unused


def test_bind_types_defaults_and_errors():
    q = get("targets")
    assert bind(q, {"year": "2025"}) == {"year": 2025, "subject": None, "status": "target"}
    assert bind(q, {"subject": "2025", "year": "null"}) == {"year": None, "subject": "2025", "status": "target"}
    with pytest.raises(SavedQueryError, match="must be an int"):
        bind(q, {"year": "soon"})
    with pytest.raises(SavedQueryError, match="no parameter 'yr'"):
        bind(q, {"yr": "2025"})
    with pytest.raises(SavedQueryError, match="needs --param industry"):
        bind(get("platforms-serving-industry"), {})
    with pytest.raises(SavedQueryError, match="no saved query"):
        get("nope")


def test_header_parsing():
    q = parse(
        "x", "// Does a thing.\n// @param n int = 3: how many\n// @param s string: a name\n// a note\nRETURN $n, $s"
    )
    assert q.description == "Does a thing."
    assert [(p.name, p.type, p.required, p.default) for p in q.params] == [
        ("n", "int", False, 3),
        ("s", "string", True, None),
    ]
    with pytest.raises(SavedQueryError, match="unknown type"):
        parse("x", "// d\n// @param n integer: x\nRETURN 1")
    with pytest.raises(SavedQueryError):
        parse("x", "RETURN 1")


def test_adhoc_params():
    assert split_params(("a=1", "b=x=y", "c=")) == {"a": "1", "b": "x=y", "c": ""}
    with pytest.raises(SavedQueryError):
        split_params(("novalue",))
    assert [adhoc_value(v) for v in ("2025", "1.5", "true", "null", '"2025"', "[1]", "生物医药", "NaN", "")] == [
        2025,
        1.5,
        True,
        None,
        "2025",
        [1],
        "生物医药",
        "NaN",
        "",
    ]


def test_list_shows_every_saved_query_without_a_server():
    res = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "query", "--list"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "NEO4J_URI": "bolt://127.0.0.1:1"},
    )
    assert res.returncode == 0, res.stderr
    for name, q in saved_queries().items():
        assert name in res.stdout and q.description in res.stdout
    assert "--param industry=<string>" in res.stdout
