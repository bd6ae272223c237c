"""Where the Neo4j server is and how to log in: environment first, then the project's own server.

Credentials come from NEO4J_PASSWORD, or a file readable only by its owner (0600):
NEO4J_PASSWORD_FILE, else the password file of the server `policykg neo4j start` runs.
They are never printed or logged.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import PolicyKGError

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Neo4jConfigError(PolicyKGError):
    pass


def server_home() -> Path:
    """The folder of the project's own server: $POLICYKG_NEO4J_HOME, else .neo4j/ in the project."""
    return Path(os.environ.get("POLICYKG_NEO4J_HOME") or PROJECT_ROOT / ".neo4j").resolve()


def port_setting(variable: str, default: int) -> int:
    """A TCP port from the environment, checked: a one-line error when it is no port number."""
    value = os.environ.get(variable, "").strip() or str(default)
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise Neo4jConfigError(f"{variable}={value!r} is not a port number: give a whole number from 1 to 65535")
    return int(value)


def bolt_port() -> int:
    """The Bolt port of the project's own server ($POLICYKG_NEO4J_BOLT_PORT, 7687)."""
    return port_setting("POLICYKG_NEO4J_BOLT_PORT", 7687)


def http_port() -> int:
    """The HTTP port of the project's own server ($POLICYKG_NEO4J_HTTP_PORT, 7474)."""
    return port_setting("POLICYKG_NEO4J_HTTP_PORT", 7474)


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str
    password: str = field(repr=False)
    database: str | None = None


def read_secret_file(path: Path) -> str:
    """A password from a file that only its owner may read (refused otherwise)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        raise Neo4jConfigError(f"password file {path} does not exist") from exc
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise Neo4jConfigError(f"password file {path} is readable by others; run: chmod 600 {path}")
    return path.read_text(encoding="utf-8").strip()


def load_settings() -> Neo4jSettings:
    """The server to use and how to log in: NEO4J_* variables, else the project's own server."""
    uri = os.environ.get("NEO4J_URI") or f"bolt://127.0.0.1:{bolt_port()}"
    user = os.environ.get("NEO4J_USER") or os.environ.get("NEO4J_USERNAME") or "neo4j"
    database = os.environ.get("NEO4J_DATABASE") or None
    password = os.environ.get("NEO4J_PASSWORD")
    if password is None and os.environ.get("NEO4J_PASSWORD_FILE"):
        password = read_secret_file(Path(os.environ["NEO4J_PASSWORD_FILE"]).expanduser())
    if password is None:
        pw_file = server_home() / "password"
        if not pw_file.exists():
            raise Neo4jConfigError(
                "no Neo4j password: set NEO4J_PASSWORD or NEO4J_PASSWORD_FILE, "
                "or start the project's server with `policykg neo4j start`"
            )
        password = read_secret_file(pw_file)
    return Neo4jSettings(uri=uri, user=user, password=password, database=database)
