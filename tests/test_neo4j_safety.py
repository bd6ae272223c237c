"""Safe defaults around Neo4j: no password in the process list, a private store, one-line errors.

The first two tests start a second real server in a fresh home (the project's jars, other ports).
"""

import os
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def env_for(home: Path, bolt: int, http: int, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "POLICYKG_NEO4J_HOME": str(home),
        "POLICYKG_NEO4J_BOLT_PORT": str(bolt),
        "POLICYKG_NEO4J_HTTP_PORT": str(http),
        "POLICYKG_NEO4J_HEAP": "512m",
        "POLICYKG_NEO4J_PAGECACHE": "128m",
        **extra,
    }


def fresh_home(tmp_path: Path) -> Path:
    """A server home that shares the project's jars (no download) and nothing else."""
    from kg.neo4j.server import paths

    home = tmp_path / "neo4j-home"
    home.mkdir()
    (home / "lib").symlink_to(paths().lib)
    return home


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def policykg(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "policykg"), *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=timeout
    )


class CommandLines:
    """Watches every process's command line while a block runs."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.running = True

    def watch(self) -> None:
        while self.running:
            for entry in Path("/proc").iterdir():
                if entry.name.isdigit():
                    try:
                        self.seen.add((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
                    except OSError:
                        pass
            time.sleep(0.02)


@pytest.mark.neo4j
def test_first_start_keeps_the_password_out_of_process_arguments_and_the_store_private(tmp_path):
    home = fresh_home(tmp_path)
    env = env_for(home, free_port(), free_port())
    lines = CommandLines()
    watcher = threading.Thread(target=lines.watch, daemon=True)
    watcher.start()
    try:
        res = policykg("neo4j", "start", env=env)
    finally:
        lines.running = False
        watcher.join()
    try:
        assert res.returncode == 0, res.stderr
        password = (home / "password").read_text(encoding="utf-8").strip()
        assert len(password) >= 24
        assert any("set-initial-password" in c for c in lines.seen)  # the watcher did see the admin tool run
        assert not any(password in c for c in lines.seen)
        assert not (home / "run" / "initial-password.args").exists()
        assert stat.S_IMODE(home.stat().st_mode) == 0o700
        for top in ("data", "logs", "conf", "run"):
            for root, _dirs, files in os.walk(home / top):
                assert stat.S_IMODE(os.stat(root).st_mode) == 0o700, root
                for f in files:
                    assert stat.S_IMODE(os.stat(os.path.join(root, f)).st_mode) & 0o077 == 0, f
        assert policykg("neo4j", "status", env=env).returncode == 0  # the password set is the one in the file
    finally:
        policykg("neo4j", "stop", env=env)


@pytest.mark.neo4j
def test_a_busy_port_is_reported_at_once(tmp_path):
    home = fresh_home(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        start = time.monotonic()
        res = policykg("neo4j", "start", "--timeout", "120", env=env_for(home, port, free_port()))
        assert time.monotonic() - start < 60  # not the whole timeout
    assert res.returncode == 1
    assert res.stderr.count("\n") == 1 and "Address already in use" in res.stderr
    assert f"127.0.0.1:{port}" in res.stderr and "POLICYKG_NEO4J_BOLT_PORT" in res.stderr


@pytest.mark.parametrize(
    "variable,value,words",
    [
        ("POLICYKG_NEO4J_BOLT_PORT", "seven", "is not a port number"),
        ("POLICYKG_NEO4J_HTTP_PORT", "99999", "is not a port number"),
        ("POLICYKG_NEO4J_HEAP", "lots", "is not a memory size"),
    ],
)
def test_bad_server_settings_are_one_line(tmp_path, variable, value, words):
    env = {**env_for(fresh_home(tmp_path), free_port(), free_port()), variable: value}
    res = policykg("neo4j", "start", env=env, timeout=120)
    assert res.returncode == 1 and res.stderr.count("\n") == 1 and words in res.stderr, res.stderr


def query(*args: str) -> subprocess.CompletedProcess:
    return policykg("query", *args, timeout=120)


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "cypher,words",
    [
        ("LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row", "LOAD CSV reads files and URLs"),
        ("load  /* c */ csv from 'file:///etc/passwd' as r return r", "LOAD CSV reads files and URLs"),
        ("CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')", "procedure dbms.setConfigValue"),
        ("CALL apoc.load.json('http://127.0.0.1:9/')", "procedure apoc.load.json"),
    ],
)
def test_read_only_queries_cannot_reach_outside(neo4j_settings, cypher, words):
    res = query(cypher)
    assert res.returncode == 1 and res.stderr.count("\n") == 1 and words in res.stderr, res.stderr
    assert "--write" in res.stderr


@pytest.mark.neo4j
def test_read_only_queries_may_call_db_procedures(neo4j_settings):
    res = query("CALL db.labels() YIELD label RETURN count(label) AS n")
    assert res.returncode == 0, res.stderr


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "args,words",
    [
        (("RETURN $x AS x", "--param", "x=99999999999999999999"), "too large for Neo4j"),
        (("RETURN $x AS x", "--param", "x=[1, 99999999999999999999]"), "too large for Neo4j"),
        (
            ("--saved", "fulltext-search", "--param", "q=知识城", "--param", "limit=99999999999999999999"),
            "too large for Neo4j",
        ),
        (("--saved", "fulltext-search", "--param", "q="), "needs a value in --param q"),
        (("--saved", "fulltext-search", "--param", "q=   "), "needs a value in --param q"),
    ],
)
def test_bad_parameters_are_one_line(neo4j_settings, args, words):
    res = query(*args)
    assert res.returncode == 1 and res.stderr.count("\n") == 1 and words in res.stderr, res.stderr
    assert "Traceback" not in res.stderr
