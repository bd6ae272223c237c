"""Against the real Neo4j server that `make test` starts."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j_counts import counts

from kg.batch.build import build
from kg.neo4j.load import load

pytestmark = pytest.mark.neo4j
ROOT = Path(__file__).resolve().parents[1]


def test_build_load_twice_is_idempotent(tmp_path, sample_path, clean_db):
    report = build([sample_path], tmp_path)
    data = json.loads((tmp_path / "huangpu-14th-fyp-proposal.extraction.json").read_text(encoding="utf-8"))
    load(clean_db, report.extractions)
    entity_nodes = clean_db.execute_query("MATCH (n:Entity) RETURN count(n) AS n").records[0]["n"]
    assert entity_nodes == len(data["entities"])
    before = counts(clean_db)
    load(clean_db, report.extractions)
    assert counts(clean_db) == before


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True,
                          env=env, cwd=ROOT)


def test_wrong_password_gives_one_clear_line(neo4j_settings):
    import os
    env = {**os.environ, "NEO4J_URI": neo4j_settings.uri, "NEO4J_USER": "neo4j",
           "NEO4J_PASSWORD": "definitely-wrong"}
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


def test_query_prints_loaded_count(tmp_path, sample_path, clean_db, neo4j_settings):
    import os
    report = build([sample_path], tmp_path)
    load(clean_db, report.extractions)
    env = {**os.environ, "NEO4J_URI": neo4j_settings.uri, "NEO4J_PASSWORD": neo4j_settings.password}
    res = run_cli("query", "MATCH (n:Entity) RETURN count(n) AS n", env=env)
    assert res.returncode == 0, res.stderr
    assert str(len(report.extractions[0].entities)) in res.stdout


def test_server_listens_on_loopback_only(neo4j_settings):
    port = int(neo4j_settings.uri.rsplit(":", 1)[1])
    local = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            addr, p = fields[1].rsplit(":", 1)
            if int(p, 16) == port and fields[3] == "0A":     # LISTEN
                local.append(addr)
    assert local, "nothing listens on the bolt port"
    loopback = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}
    assert all(a in loopback for a in local), local


def test_server_advertises_its_own_ports(neo4j_settings):
    """The Browser connects where discovery says: it must be this server's bolt port, not 7687."""
    import json as _json
    import urllib.request

    from kg.neo4j.settings import bolt_port, http_port
    with urllib.request.urlopen(f"http://127.0.0.1:{http_port()}/", timeout=10) as resp:
        discovery = _json.loads(resp.read())
    assert discovery["bolt_direct"] == f"bolt://127.0.0.1:{bolt_port()}"
    with urllib.request.urlopen(f"http://127.0.0.1:{http_port()}/browser/", timeout=10) as resp:
        assert resp.status == 200
