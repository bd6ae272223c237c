"""A batch stopped from outside: its workers never outlive it, and what finished is reported.

The ingest runs as a real command in its own process group; a long document keeps a worker busy
while the test sends SIGKILL, SIGTERM or Ctrl-C's SIGINT (to the whole group, as a terminal does).
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.ingest import generate
from kg.batch.ingest import IngestOptions, Interrupted, ingest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def slow_batch(tmp_path_factory):
    """Two short documents, then a long one (about 300,000 characters: well over ten seconds of work)."""
    folder = tmp_path_factory.mktemp("slow")
    parts = generate(folder / "parts", 60)
    src = folder / "in"
    src.mkdir()
    (src / "a-short.txt").write_text(parts[0].read_text(encoding="utf-8")[:600], encoding="utf-8")
    (src / "b-short.txt").write_text(parts[1].read_text(encoding="utf-8")[:600], encoding="utf-8")
    (src / "c-long.txt").write_text("\n".join(p.read_text(encoding="utf-8") for p in parts), encoding="utf-8")
    return src


def children(pid: int) -> set[int]:
    """Processes whose parent is ``pid``."""
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(entry.name))
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def start_ingest(src, out, report):
    return subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "cli.py"),
            "ingest",
            str(src),
            "--out",
            str(out),
            "--workers",
            "1",
            "--no-progress",
            "--report",
            str(report),
            "--timeout",
            "600",
            "--max-chars",
            "2000000",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wait_for_long_document(proc, out: Path) -> set[int]:
    """Wait until the two short documents are done and a worker is on the long one; its worker pids."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        workers = children(proc.pid)
        done = list(out.glob("*-short.extraction.json"))
        if len(done) == 2 and workers:
            time.sleep(1)
            return workers
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.2)
    raise AssertionError("the ingest never reached the long document")


def gone_within(pids: set[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(alive(p) for p in pids):
            return True
        time.sleep(0.1)
    return False


def test_workers_die_with_a_parent_killed_by_sigkill(slow_batch, tmp_path):
    proc = start_ingest(slow_batch, tmp_path / "out", tmp_path / "r.json")
    workers = wait_for_long_document(proc, tmp_path / "out")
    proc.kill()
    proc.wait()
    assert gone_within(workers, 5), "a worker outlived its parent"


@pytest.mark.parametrize("sig,code,words", [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")])
def test_stopped_ingest_reports_what_finished_and_leaves_no_workers(slow_batch, tmp_path, sig, code, words):
    out, report = tmp_path / "out", tmp_path / "r.json"
    proc = start_ingest(slow_batch, out, report)
    workers = wait_for_long_document(proc, out)
    os.killpg(proc.pid, sig) if sig == signal.SIGINT else proc.send_signal(sig)  # Ctrl-C reaches the group
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, stderr
    assert "Traceback" not in stderr and words in stderr
    assert gone_within(workers, 5)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["interrupted"].startswith(words)
    assert sorted(Path(d["path"]).name for d in data["documents"] if d["status"] == "ok") == [
        "a-short.txt",
        "b-short.txt",
    ]
    assert not list(out.glob("*.tmp")) and not list(tmp_path.glob("*.tmp"))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["documents"]) == 2  # what finished is kept: a rerun resumes from there


class StopAt:
    """A listener that presses Ctrl-C when the first document finishes."""

    def start(self, total, todo):
        pass

    def document(self, outcome):
        if outcome.status == "ok":
            raise KeyboardInterrupt

    def message(self, text):
        pass


def test_interrupted_ingest_raises_with_the_report_so_far(slow_batch, tmp_path):
    with pytest.raises(Interrupted) as stop:
        ingest(
            [slow_batch / "a-short.txt", slow_batch / "b-short.txt"],
            tmp_path / "out",
            IngestOptions(workers=1),
            listener=StopAt(),
        )
    report = stop.value.report
    assert report.interrupted == "interrupted (Ctrl-C)" and not report.ok
    assert [Path(o.path).name for o in report.outcomes] == ["a-short.txt"]
    again = ingest([slow_batch / "a-short.txt", slow_batch / "b-short.txt"], tmp_path / "out", IngestOptions(workers=1))
    assert again.count("skipped") == 1 and again.count("ok") == 1 and again.graph_rebuilt
