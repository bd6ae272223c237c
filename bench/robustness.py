"""Robustness benchmark: a batch of hostile files mixed with good documents, on 2 workers.

The hostile files are those of issue 14 and others of the same families (tests/hostile.py makes
them): deeply nested HTML, a .docx and a PDF that unpack to 1 GiB, a PDF of RunLength runs, a
.docx of 20,000 parts, a 20 MB text, a folder of link loops, broken and self links, a FIFO, an
unsupported file, empty, binary and truncated files, a file name with a newline. The batch runs
as `policykg ingest --workers 2 --report` in a fresh process; the process tree's memory is sampled
every 0.1 s (resident and proportional set size summed over the parent and its workers).

Reported: wall time and peak memory of the whole batch; per file its status, reason, time and the
worker's peak resident memory (from the report; files refused before reading have neither); and
the bar: within 5 minutes, under 2 GB, every bad file reported with a reason, every good file's
facts landed (its contract and its named graph), exit code 1.

    .venv/bin/python bench/robustness.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import hostile  # noqa: E402
from docmakers import make_docx  # noqa: E402

from bench.ingest import generate  # noqa: E402

GIB = 1024 * hostile.MIB
LIMIT_SECONDS = 300
LIMIT_MEMORY = 2 * GIB


def make_batch(src: Path) -> tuple[list[str], list[str]]:
    """Write the batch; the names of the good files and of the bad ones (relative to ``src``)."""
    src.mkdir(parents=True)
    good, bad = [], []
    for p in generate(src / "plans", 6, seed=14):
        good.append(str(p.relative_to(src)))
    plan = (src / "plans" / "gen-0000.txt").read_text(encoding="utf-8")
    (src / "newline\nname.txt").write_text(plan[:1500], encoding="utf-8")
    good.append("newline\nname.txt")
    make_docx(src / "good.docx", plan.splitlines()[:20])
    good.append("good.docx")
    hostile.wide_html(src / "nested-2000.html")  # deep but readable: must stay quick
    good.append("nested-2000.html")
    hostile.symlink_loops(src / "loops")
    good.append("loops/sub/loop-doc.txt")
    makers = {
        "deep-200000.html": hostile.deep_html,
        "bomb-1gib.docx": hostile.docx_bomb,
        "parts-20000.docx": hostile.docx_many_parts,
        "bomb-1gib.pdf": hostile.pdf_flate_bomb,
        "runlength-512mib.pdf": hostile.pdf_runlength_bomb,
        "huge-20mb.txt": hostile.huge_text,
        "gone.txt": hostile.dangling,
        "self.txt": hostile.self_link,
        "pipe.txt": hostile.fifo,
    }
    for name, make in makers.items():
        make(src / name)
        bad.append(name)
    (src / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(os.urandom(4096).replace(b"\0", b"\1") + b"\0" * 16)
    docx = (src / "good.docx").read_bytes()
    (src / "truncated.docx").write_bytes(docx[: len(docx) // 3])
    (src / "truncated.pdf").write_bytes(hostile.pdf_text(src / "t.pdf", "Huangpu").read_bytes()[:200])
    (src / "t.pdf").unlink()
    bad += ["scan.png", "empty.txt", "binary.txt", "truncated.docx", "truncated.pdf"]
    return good, bad


def _tree(pid: int) -> list[int]:
    """The process and its descendants."""
    kids: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            kids.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def _memory(pid: int) -> tuple[int, int]:
    """(resident, proportional) bytes of one process."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1]) * 1024
            elif line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return rss, pss


@dataclass
class Sampler:
    """Samples the memory of a process tree until stopped."""

    pid: int
    peak_rss: int = 0
    peak_pss: int = 0
    running: bool = True
    thread: threading.Thread | None = field(default=None, repr=False)

    def run(self) -> None:
        while self.running:
            pids = _tree(self.pid)
            totals = [_memory(p) for p in pids]
            self.peak_rss = max(self.peak_rss, sum(r for r, _ in totals))
            self.peak_pss = max(self.peak_pss, sum(p for _, p in totals))
            time.sleep(0.1)

    def __enter__(self) -> Sampler:
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.running = False
        if self.thread is not None:
            self.thread.join()


def mb(n: int | None) -> str:
    return "—" if n is None else f"{n / hostile.MIB:.0f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", help="keep the batch and outputs in this folder")
    args = ap.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="policykg-robust-"))
    if work.exists() and args.keep:
        shutil.rmtree(work)
    src, out, report = work / "batch", work / "out", work / "report.json"
    t0 = time.monotonic()
    good, bad = make_batch(src)
    print(
        f"generated {len(good)} good and {len(bad)} bad files in {time.monotonic() - t0:.0f} s "
        f"({sum(f.stat().st_size for f in src.rglob('*') if f.is_file() and not f.is_symlink()) / hostile.MIB:.0f} MB"
        " on disk)"
    )
    cmd = [
        str(ROOT / ".venv" / "bin" / "policykg"),
        "ingest",
        str(src),
        "--out",
        str(out),
        "--workers",
        "2",
        "--report",
        str(report),
        "--no-progress",
    ]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with Sampler(proc.pid) as sampler:
        stdout, stderr = proc.communicate(timeout=3600)
    wall = time.monotonic() - start
    data = json.loads(report.read_text(encoding="utf-8"))
    rows = {os.path.relpath(d["path"], src): d for d in data["documents"]}

    print("\n| file | status | reason | s | peak MB |\n| --- | --- | --- | ---: | ---: |")
    for name, d in sorted(rows.items()):
        shown = name.replace("\n", "\\n")
        reason = (d["reason"] or "").replace("|", "/")[:90]
        secs = "—" if d.get("seconds") is None else f"{d['seconds']:.1f}"
        print(f"| {shown} | {d['status']} | {reason} | {secs} | {mb(d.get('peak_memory'))} |")

    landed = [
        g
        for g in good
        if rows.get(g, {}).get("status") == "ok"
        and rows[g]["entities"] > 0
        and (out / f"{Path(rows[g]['doc_id']).name}.extraction.json").exists()
    ]
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    from kg.iri import document_iri

    in_graph = [g for g in landed if f"<{document_iri(rows[g]['doc_id'])}> {{" in trig]
    reported = [b for b in bad if rows.get(b, {}).get("status") in ("failed", "skipped") and rows[b]["reason"]]
    checks = {
        f"finished within {LIMIT_SECONDS} s": wall < LIMIT_SECONDS,
        "peak memory under 2 GB (resident, summed)": sampler.peak_rss < LIMIT_MEMORY,
        f"every bad file reported with a reason ({len(reported)}/{len(bad)})": len(reported) == len(bad),
        f"every good file's facts landed ({len(in_graph)}/{len(good)})": len(in_graph) == len(good),
        "exit code 1": proc.returncode == 1,
        "no traceback": "Traceback" not in stderr,
    }
    print(
        f"\nwall {wall:.1f} s; peak memory of the process tree: {mb(sampler.peak_rss)} MB resident, "
        f"{mb(sampler.peak_pss)} MB proportional; exit code {proc.returncode}; "
        f"load average {os.getloadavg()[0]:.1f} (2 cores)"
    )
    for what, ok in checks.items():
        print(f"- [{'x' if ok else ' '}] {what}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
