"""Benchmark `policykg ingest` on 500 generated documents.

Documents are the sample's paragraphs reshuffled, with place names renamed per document, so
every document has new content (a different hash) and new names. Each configuration runs in a
fresh Python process so peak memory (ru_maxrss of the process and of its worker children) is its
own. Reported: documents/s with 1 and 2 workers, CPU seconds of all processes (so a run on a
busy machine can still be compared: wall time shows contention, CPU time the work done), the 2-worker
speed-up over 1 worker, peak memory, and a rerun with nothing changed (as a ratio of the first run's time).

    .venv/bin/python bench/ingest.py [--docs 500] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "huangpu-14th-fyp-proposal.txt"
# (written in the sample, replacement pool): invented place names in the style of Chinese plans
RENAMES = [
    ("黄埔", ["东湖", "西岭", "南屏", "北辰", "青山", "白沙", "金溪", "云台", "临江", "望海"]),
    ("知识城", ["智慧城", "创新城", "科创城", "未来城", "数字城"]),
    ("生物岛", ["健康岛", "医药岛", "生命岛", "海心岛"]),
    ("科学城", ["科技城", "光谷城", "硅谷城", "智造城"]),
]


def generate(folder: Path, n: int, seed: int = 0) -> list[Path]:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    paras = [ln for ln in lines if len(ln.strip()) > 30]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(n):
        rng = random.Random(seed * 100_003 + k)
        body = rng.sample(paras, k=min(len(paras), rng.randint(12, 24)))
        text = "\n".join(body)
        for old, pool in RENAMES:
            text = text.replace(old, rng.choice(pool))
        p = folder / f"gen-{k:04d}.txt"
        p.write_text(f"{rng.choice(RENAMES[0][1])}区发展规划(第{k}号)\n{text}\n", encoding="utf-8")
        out.append(p)
    return out


def run_one(inputs: str, out: str, workers: int) -> dict:
    """Run inside a fresh process: one ingest, its time and peak memory."""
    sys.path.insert(0, str(ROOT))
    from kg.batch.ingest import IngestOptions, ingest

    load_before = os.getloadavg()[0]
    c0 = os.times()
    t0 = time.perf_counter()
    r = ingest([inputs], out, IngestOptions(workers=workers))
    seconds = time.perf_counter() - t0
    c1 = os.times()
    cpu = (
        c1.user
        - c0.user
        + c1.system
        - c0.system
        + c1.children_user
        - c0.children_user
        + c1.children_system
        - c0.children_system
    )
    return {
        "workers": workers,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "ok": r.count("ok"),
        "skipped": r.count("skipped"),
        "failed": r.count("failed"),
        "graph_rebuilt": r.graph_rebuilt,
        "peak_rss_mb_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_rss_mb_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "totals": asdict(r.totals),
        "loadavg_1min_before": load_before,
        "loadavg_1min_after": os.getloadavg()[0],
    }


def measure(inputs: Path, out: Path, workers: int) -> dict:
    res = subprocess.run(
        [sys.executable, __file__, "--run", str(inputs), str(out), str(workers)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    ap.add_argument("--run", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        print(json.dumps(run_one(args.run[0], args.run[1], int(args.run[2]))))
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    try:
        inputs = work / "in"
        generate(inputs, args.docs)
        results: dict[int | str, dict] = {}
        for workers in (1, 2):
            out = work / f"out-{workers}"
            shutil.rmtree(out, ignore_errors=True)
            results[workers] = measure(inputs, out, workers)
        results["rerun"] = measure(inputs, work / "out-2", 2)
        one, two, rerun = results[1], results[2], results["rerun"]
        print(f"documents: {args.docs} generated (sample paragraphs reshuffled, places renamed)")
        for w in (1, 2):
            r = results[w]
            print(
                f"{w} worker(s): {r['seconds']:.1f} s, {args.docs / r['seconds']:.1f} documents/s, "
                f"CPU {r['cpu_seconds']:.1f} s (all processes), "
                f"ok {r['ok']}, failed {r['failed']}, peak RSS main {r['peak_rss_mb_main']:.0f} MB, "
                f"largest worker {r['peak_rss_mb_worker']:.0f} MB; load average before/after "
                f"{r['loadavg_1min_before']:.1f}/{r['loadavg_1min_after']:.1f} on {os.cpu_count()} cores"
            )
        print(f"speed-up 2 workers / 1 worker: {one['seconds'] / two['seconds']:.2f}x")
        print(
            f"rerun, nothing changed (2 workers): {rerun['seconds']:.2f} s, skipped {rerun['skipped']}, "
            f"graph rebuilt: {rerun['graph_rebuilt']}; {rerun['seconds'] / two['seconds'] * 100:.1f}% of the "
            f"first 2-worker run"
        )
        print(f"graph: {json.dumps(two['totals'])}")
        print(json.dumps({str(k): v for k, v in results.items()}))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
