"""Benchmark: extraction throughput against bare jieba.cut on the same text, in the same run.

    python bench/extract.py [--repeat 50] [--runs 3] [--write]

Measures, on the sample and on the sample repeated N times:
  * bare jieba.cut over the whole raw text (a private, initialised jieba.Tokenizer),
  * the full extraction (clean, structure, registry + rule mentions, resolution, relations,
    indicators) of the same text, with every model already loaded,
and reports characters per second and the ratio extraction / jieba (the bar is >= 1/3).
Start-up (registry + rules + spaCy pipeline + private jieba + dictionary tags) is measured
separately in a fresh process, and so is "extract the sample, start-up included".
--write replaces this benchmark's section of bench/RESULTS.md with the figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# this file is bench/extract.py: keep it from shadowing the extract package
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "data" / "raw" / "huangpu-14th-fyp-proposal.txt"
RESULTS = ROOT / "bench" / "RESULTS.md"
BEGIN, END = "<!-- bench/extract.py begin -->", "<!-- bench/extract.py end -->"

STARTUP = """
import time
t0 = time.perf_counter()
from extract.registry import load_registry
from extract.zh.rules import load_rules
from extract.zh.segment import zh_pipeline
from extract.zh.postags import word_tags
load_registry(); load_rules(); word_tags(); zh_pipeline()
print(time.perf_counter() - t0)
"""

COLD = """
import time
t0 = time.perf_counter()
from extract.pipeline import extract_file
x = extract_file({path!r})
print(time.perf_counter() - t0, len(x.entities))
"""


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def fresh(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()

    startup = statistics.median(float(fresh(STARTUP)) for _ in range(args.runs))
    cold = statistics.median(float(fresh(COLD.format(path=str(SAMPLE))).split()[0]) for _ in range(args.runs))

    import jieba

    from extract.nlp import pipeline
    from extract.pipeline import extract_text
    from extract.zh.postags import word_tags

    pipeline("zh")
    word_tags()
    tok = jieba.Tokenizer()
    tok.initialize()
    from extract.clean import clean

    sample = SAMPLE.read_text(encoding="utf-8")
    c = clean(sample)
    body = sample[c.body_start : c.body_end]  # repeated without the page's footer, which ends a page
    rows = []
    for label, text, runs in (
        ("sample", sample, args.runs),
        (f"sample body x{args.repeat}", "\n".join([body] * args.repeat), max(1, args.runs - 1)),
    ):
        extract_text(text[:2000], "warm")
        pairs = []  # jieba and extraction alternate: a shared machine's load
        for _ in range(runs):  # changes between runs, and each pair shares it
            t0 = time.perf_counter()
            list(tok.cut(text))
            t1 = time.perf_counter()
            extract_text(text, "bench")
            t2 = time.perf_counter()
            pairs.append((t1 - t0, t2 - t1))
        t_jieba = min(p[0] for p in pairs)
        t_extract = min(p[1] for p in pairs)
        ratio = statistics.median(j / e for j, e in pairs)
        rows.append((label, len(text), t_jieba, t_extract, ratio))

    lines = [
        BEGIN,
        "## Chinese extraction (bench/extract.py)",
        "",
        f"Machine: {machine()}.",
        "",
        f"Command: `python bench/extract.py --repeat {args.repeat} --runs {args.runs} --write` "
        f"(runs alternate jieba and extraction; the ratio is the median over the paired runs; "
        f"start-up is the median of {args.runs} fresh processes).",
        "",
        "| text | characters | bare `jieba.cut` (best) | extraction (best) "
        "| extraction / jieba (median of paired runs) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label, n, tj, te, ratio in rows:
        lines.append(
            f"| {label} | {n:,} | {tj:.3f} s ({n / tj:,.0f} chars/s) | {te:.3f} s ({n / te:,.0f} chars/s)"
            f" | {ratio:.2f} |"
        )
    lines += [
        "",
        f"Start-up (registry + rules + spaCy pipeline + private jieba + dictionary tags), fresh "
        f"process: {startup:.2f} s.",
        f"Extracting the sample from a fresh process, imports and start-up included: {cold:.2f} s (bar: under 3 s).",
        "",
        "The ratio is throughput of the full extraction divided by throughput of bare `jieba.cut` "
        "on the same text in the same run (bar: >= 0.33). The repeated text is the sample's body "
        "(title to last paragraph) repeated, since the page footer of a repeated raw page would end "
        "the document at its first copy.",
        f"Load average while measuring: {os.getloadavg()[0]:.2f} (the machine is shared).",
        END,
    ]
    section = "\n".join(lines)
    print(section)
    if args.write:
        old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
        if BEGIN in old:
            new = old[: old.index(BEGIN)] + section + old[old.index(END) + len(END) :]
        else:
            new = old.rstrip("\n") + "\n\n" + section + "\n"
        RESULTS.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
