"""The project's own Neo4j server: listens on loopback only, advertises its own ports."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.neo4j


def test_server_listens_on_loopback_only(neo4j_settings):
    port = int(neo4j_settings.uri.rsplit(":", 1)[1])
    local = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            addr, p = fields[1].rsplit(":", 1)
            if int(p, 16) == port and fields[3] == "0A":  # LISTEN
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
