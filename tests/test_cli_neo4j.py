"""The load and query commands' own checks, before any server is involved."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    env = {**os.environ, "NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "x"}
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True, cwd=ROOT, env=env
    )


def test_broken_contract_is_one_line_naming_the_file(tmp_path):
    bad = tmp_path / "broken.extraction.json"
    bad.write_text('{"version": 1, "document": {', encoding="utf-8")
    res = run("load", str(tmp_path))
    assert res.returncode == 1
    lines = [ln for ln in res.stderr.splitlines() if not ln.startswith("warning:")]
    assert len(lines) == 1 and str(bad) in lines[0] and "Traceback" not in res.stderr


def test_query_needs_cypher_or_saved_name():
    res = run("query")
    assert res.returncode == 2 and "give either CYPHER or --saved" in res.stderr
    res = run("query", "--saved", "no-such-query")
    assert res.returncode == 1 and "no saved query 'no-such-query'" in res.stderr
    res = run("query", "RETURN 1", "--json", "--csv")
    assert res.returncode == 2 and "choose one of --json and --csv" in res.stderr
