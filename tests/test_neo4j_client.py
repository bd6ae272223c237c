"""Connection failures through the CLI: one clear line, no traceback, no password."""

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.neo4j


ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args, env=None):
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True, env=env, cwd=ROOT
    )


def test_wrong_password_gives_one_clear_line(neo4j_settings):
    import os

    env = {**os.environ, "NEO4J_URI": neo4j_settings.uri, "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "definitely-wrong"}
    res = run_cli("query", "RETURN 1", env=env)
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert "refused the credentials" in lines[0] and "definitely-wrong" not in res.stderr
    assert "Traceback" not in res.stderr


def test_server_down_gives_one_clear_line():
    import os

    env = {**os.environ, "NEO4J_URI": "neo4j://127.0.0.1:1", "NEO4J_PASSWORD": "x"}
    res = run_cli("query", "RETURN 1", env=env)
    assert res.returncode == 1
    assert len(res.stderr.strip().splitlines()) == 1 and "not reachable" in res.stderr
