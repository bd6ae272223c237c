"""Provision, start and stop a real Neo4j Community server assembled from Maven Central.

Everything lives in one git-ignored folder (``.neo4j/`` or $POLICYKG_NEO4J_HOME):
lib/ (jars copied by Maven), conf/neo4j.conf, data/, logs/, run/, and ``password`` (0600).
The folder is its owner's alone (0700; the server runs with umask 077, and files an older
version left readable are closed on start). The initial password reaches Neo4j's admin tool in
an argument file (``@file``, 0600, removed at once), never on a command line another user could
read in the process list. A port another program holds is reported before the server starts.
"""

from __future__ import annotations

import errno
import glob
import os
import re
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from neo4j import GraphDatabase

from extract.errors import PolicyKGError
from kg.neo4j.client import quiet_driver_log
from kg.neo4j.settings import Neo4jSettings, bolt_port, http_port, read_secret_file, server_home

NEO4J_VERSION = "5.26.30"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
MEMORY_SIZE = re.compile(r"^[1-9][0-9]{0,6}[kKmMgG]?$")  # what Neo4j and the JVM read as a size: 512m, 2g
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)


class ServerError(PolicyKGError):
    pass


def memory_setting(variable: str, default: str) -> str:
    """A memory size from the environment (``POLICYKG_NEO4J_HEAP`` …), checked: one line when unusable."""
    value = os.environ.get(variable, default).strip()
    if not MEMORY_SIZE.match(value):
        raise ServerError(f"{variable}={value!r} is not a memory size: give a number with k, m or g, such as 1g")
    return value


def heap() -> str:
    """The server's heap ($POLICYKG_NEO4J_HEAP, 2g)."""
    return memory_setting("POLICYKG_NEO4J_HEAP", "2g")


def pagecache() -> str:
    """The server's page cache ($POLICYKG_NEO4J_PAGECACHE, 2g)."""
    return memory_setting("POLICYKG_NEO4J_PAGECACHE", "2g")


@dataclass(frozen=True)
class ServerPaths:
    home: Path

    lib = property(lambda self: self.home / "lib")
    conf = property(lambda self: self.home / "conf")
    data = property(lambda self: self.home / "data")
    logs = property(lambda self: self.home / "logs")
    run = property(lambda self: self.home / "run")
    password = property(lambda self: self.home / "password")
    pidfile = property(lambda self: self.home / "run" / "policykg-neo4j.pid")
    console = property(lambda self: self.home / "logs" / "console.log")
    complete = property(lambda self: self.home / "lib" / ".complete")


def paths() -> ServerPaths:
    """Where the project's own server lives ($POLICYKG_NEO4J_HOME or .neo4j/)."""
    return ServerPaths(server_home())


# ---------------------------------------------------------------- Java and Maven


def _java_major(java: str) -> int | None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30).stderr
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'version "(\d+)', out)
    return int(m.group(1)) if m else None


def find_java() -> str:
    """An absolute path to Java 17 (or 21): $POLICYKG_JAVA, $JAVA17_HOME, /usr/lib/jvm/*17*, PATH."""
    candidates = []
    if os.environ.get("POLICYKG_JAVA"):
        candidates.append(os.environ["POLICYKG_JAVA"])
    if os.environ.get("JAVA17_HOME"):
        candidates.append(os.path.join(os.environ["JAVA17_HOME"], "bin", "java"))
    candidates += sorted(glob.glob("/usr/lib/jvm/java-17-openjdk*/bin/java"))
    candidates += sorted(glob.glob("/usr/lib/jvm/*17*/bin/java"))
    candidates += sorted(glob.glob("/usr/lib/jvm/*21*/bin/java"))
    on_path = shutil.which("java")
    if on_path:
        candidates.append(os.path.realpath(on_path))
    for c in candidates:
        if os.path.isabs(c) and os.access(c, os.X_OK) and _java_major(c) in (17, 21):
            return c
    raise ServerError(
        "no Java 17 found: install it (apt-get install openjdk-17-jre-headless) or set POLICYKG_JAVA to its java binary"
    )


def pom_path() -> Path:
    """The Maven file that lists the server's jars."""
    return Path(str(resources.files("kg.neo4j").joinpath("server.pom.xml")))


def provision(p: ServerPaths | None = None, log=print) -> ServerPaths:
    """Fetch the server's jars from Maven Central into <home>/lib (once)."""
    p = p or paths()
    if p.complete.exists() and p.complete.read_text().strip() == NEO4J_VERSION:
        return p
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ServerError("Maven (mvn) is not installed: apt-get install maven")
    if p.lib.exists():
        shutil.rmtree(p.lib)
    p.lib.mkdir(parents=True)
    log(f"fetching Neo4j {NEO4J_VERSION} from Maven Central into {p.lib} …")
    cmd = [
        mvn,
        "-q",
        "-B",
        "-f",
        str(pom_path()),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={p.lib}",
        "-DincludeScope=runtime",
        f"-Dneo4j.version={NEO4J_VERSION}",
    ]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        tail = [ln for ln in (res.stdout + res.stderr).strip().splitlines() if ln.strip()][-1:]
        raise ServerError(f"Maven could not fetch Neo4j: {' '.join(tail)[-300:]}; check the network and run again")
    if not list(p.lib.glob("neo4j-server-*.jar")):
        raise ServerError(f"Maven finished but no neo4j-server jar is in {p.lib}")
    p.complete.write_text(NEO4J_VERSION)
    return p


# ---------------------------------------------------------------- configuration


def owner_only(p: ServerPaths) -> None:
    """Make the server's folder its owner's alone: 0700 folders and 0600 files under conf, data, logs, run."""
    os.chmod(p.home, 0o700)
    for top in (p.conf, p.data, p.logs, p.run, p.home / "plugins", p.home / "import"):
        top.mkdir(mode=0o700, parents=True, exist_ok=True)
        for root, _dirs, files in os.walk(top):
            os.chmod(root, 0o700)
            for name in files:
                path = os.path.join(root, name)
                if not os.path.islink(path) and stat.S_IMODE(os.stat(path).st_mode) & 0o077:
                    os.chmod(path, 0o600)


def write_config(p: ServerPaths) -> Path:
    """Write conf/neo4j.conf (loopback only, the configured ports and memory) and the folders it names."""
    owner_only(p)
    conf = f"""# Written by policykg (kg/neo4j/server.py) on every start; edit that file, not this one.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:{bolt_port()}
server.http.listen_address=127.0.0.1:{http_port()}
server.bolt.advertised_address=127.0.0.1:{bolt_port()}
server.http.advertised_address=127.0.0.1:{http_port()}
server.https.enabled=false
server.memory.heap.initial_size={heap()}
server.memory.heap.max_size={heap()}
server.memory.pagecache.size={pagecache()}
db.transaction.timeout=10m
# a project-local server keeps little transaction history (the default keeps two days, GBs)
db.tx_log.rotation.size=64M
db.tx_log.rotation.retention_policy=2 files
server.directories.data={p.data}
server.directories.logs={p.logs}
server.directories.run={p.run}
server.directories.plugins={p.home / "plugins"}
server.directories.import={p.home / "import"}
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
"""
    path = p.conf / "neo4j.conf"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(conf)
    return path


def _env(p: ServerPaths) -> dict:
    return {**os.environ, "NEO4J_HOME": str(p.home), "NEO4J_CONF": str(p.conf)}


def ensure_password(p: ServerPaths, java: str) -> None:
    """Before the first start: a random password, set with AdminTool and kept in a 0600 file."""
    if p.password.exists():
        return
    if (p.data / "dbms").exists():
        raise ServerError(
            f"{p.data} exists but the password file {p.password} is gone: remove {p.data} to start afresh"
        )
    password = secrets.token_urlsafe(24)
    # the admin tool reads "@file" as more arguments: the password never shows in the process list
    args = p.run / "initial-password.args"
    args.unlink(missing_ok=True)
    fd = os.open(args, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(password + "\n")
    try:
        res = subprocess.run(
            [java, "-cp", f"{p.lib}/*", ADMIN_CLASS, "dbms", "set-initial-password", f"@{args}"],
            cwd=p.home,
            env=_env(p),
            capture_output=True,
            text=True,
            umask=0o077,
        )
    finally:
        args.unlink(missing_ok=True)
    if res.returncode != 0:
        raise ServerError("could not set the initial password: " + " ".join(res.stderr.split())[-300:])
    fd = os.open(p.password, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(password + "\n")


# ---------------------------------------------------------------- process control


def running_pid(p: ServerPaths | None = None) -> int | None:
    """The pid of the project's server when it runs (checked against the process's command line)."""
    p = p or paths()
    try:
        pid = int(p.pidfile.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return pid
    return pid if MAIN_CLASS.encode() in cmdline else None


def local_settings(p: ServerPaths) -> Neo4jSettings:
    """How to log in to the project's own server."""
    return Neo4jSettings(uri=f"bolt://127.0.0.1:{bolt_port()}", user="neo4j", password=read_secret_file(p.password))


def answers(settings: Neo4jSettings) -> bool:
    """Whether the server answers `RETURN 1` now (quietly: a server still starting is no error)."""
    quiet_driver_log()
    try:
        with GraphDatabase.driver(
            settings.uri, auth=(settings.user, settings.password), connection_timeout=3, max_transaction_retry_time=0
        ) as driver:
            with driver.session() as session:
                record = session.run("RETURN 1 AS ok").single()
                return record is not None and record["ok"] == 1
    except Exception:  # noqa: BLE001 - any failure means "not answering yet"
        return False


def _log_tail(p: ServerPaths) -> str:
    """The last error-looking line of the console log, and where the log is (for a one-line message)."""
    try:
        lines = [ln.strip() for ln in p.console.read_text(errors="replace").splitlines() if ln.strip()]
    except FileNotFoundError:
        return "no console log"
    last = next((ln for ln in reversed(lines) if "ERROR" in ln or "Exception" in ln), lines[-1] if lines else "")
    return f"{last[-200:]} (see {p.console})"


def port_in_use(port: int) -> bool:
    """Whether another program listens on 127.0.0.1:``port`` (binding it fails with EADDRINUSE).

    SO_REUSEADDR, as the server sets it: a port whose last connections are closing is free.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError as exc:
            return exc.errno == errno.EADDRINUSE
    return False


def check_ports() -> None:
    """A one-line ServerError naming the first port another program holds."""
    for name, variable, port in (
        ("Bolt", "POLICYKG_NEO4J_BOLT_PORT", bolt_port()),
        ("HTTP", "POLICYKG_NEO4J_HTTP_PORT", http_port()),
    ):
        if port_in_use(port):
            raise ServerError(
                f"cannot start Neo4j: {name} port 127.0.0.1:{port}: Address already in use; stop the program "
                f"using it or choose another port with {variable}"
            )


def _bind_failure(p: ServerPaths, since: int) -> str | None:
    """The console's 'Address already in use' line, written since byte ``since``, if any."""
    try:
        with open(p.console, "rb") as fh:
            fh.seek(since)
            text = fh.read().decode("utf-8", "replace")
    except OSError:
        return None
    return next((" ".join(ln.split()) for ln in text.splitlines() if "Address already in use" in ln), None)


def start(timeout: float = 180, log=print) -> ServerPaths:
    """Provision, configure and start the server, and wait until it answers; returns its paths."""
    p = provision(log=log)
    if running_pid(p):
        if answers(local_settings(p)):
            log(f"Neo4j already running (pid {running_pid(p)}) on 127.0.0.1:{bolt_port()}")
            return p
    java = find_java()
    write_config(p)
    check_ports()
    ensure_password(p, java)
    cmd = [
        java,
        f"-Xms{heap()}",
        f"-Xmx{heap()}",
        *JVM_FLAGS,
        "-cp",
        f"{p.lib}/*",
        MAIN_CLASS,
        f"--home-dir={p.home}",
        f"--config-dir={p.conf}",
        "--console-mode",
    ]
    fd = os.open(p.console, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "ab") as out:
        since = out.tell()
        proc = subprocess.Popen(
            cmd,
            cwd=p.home,
            env=_env(p),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            umask=0o077,
        )
    fd = os.open(p.pidfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(str(proc.pid))
    settings = local_settings(p)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = _bind_failure(p, since)
        if busy is not None:
            stop(log=lambda *_: None)
            raise ServerError(f"Neo4j could not listen: {busy[-240:]}; free the port or choose another one")
        if proc.poll() is not None:
            raise ServerError(f"Neo4j exited with code {proc.returncode} while starting: {_log_tail(p)}")
        if answers(settings):
            log(
                f"Neo4j {NEO4J_VERSION} running (pid {proc.pid}) on bolt://127.0.0.1:{bolt_port()}, "
                f"browser http://127.0.0.1:{http_port()}/browser/ ; password in {p.password}"
            )
            return p
        time.sleep(1)
    stop(log=lambda *_: None)
    raise ServerError(f"Neo4j did not answer within {timeout:.0f}s: {_log_tail(p)}")


def stop(timeout: float = 90, log=print) -> bool:
    """Stop the server (SIGTERM, SIGKILL after ``timeout``); False when it was not running."""
    p = paths()
    pid = running_pid(p)
    if pid is None:
        log("Neo4j is not running")
        p.pidfile.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if running_pid(p) is None:
            break
        time.sleep(0.5)
    else:
        os.kill(pid, signal.SIGKILL)
        log(f"Neo4j (pid {pid}) did not stop within {timeout:.0f}s; killed")
    p.pidfile.unlink(missing_ok=True)
    log(f"Neo4j stopped (pid {pid})")
    return True


def status() -> tuple[int | None, bool]:
    """The server's pid (None when not running) and whether it answers."""
    p = paths()
    pid = running_pid(p)
    return pid, bool(pid) and p.password.exists() and answers(local_settings(p))
