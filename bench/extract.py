"""Benchmark: extraction throughput against bare jieba.cut on the same text, in the same run.

    python bench/extract.py [--repeat 50] [--runs 3] [--write]
    python bench/extract.py --corpus [--runs 3] [--write]

--corpus measures where users meet it: every Chinese document of the corpus (the cached real texts
of data/real/manifest.tsv plus the team's texts under tests/gold) extracted once each, first pass,
in a fresh process per run (models loaded, no extraction memo warmed), against bare jieba.cut over
the same documents in the same process.

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
CORPUS_BEGIN, CORPUS_END = "<!-- bench/extract.py --corpus begin -->", "<!-- bench/extract.py --corpus end -->"

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


# One made-up sentence (in no corpus) naming an industry, a zone and a target, so that every lazily
# loaded component (language module, taxonomy index, transliteration) is loaded before timing.
WARM_UP = "第一章 总体要求\n到2025年，示范区新一代信息技术产业规模达到1000亿元。"

CORPUS_RUN = """
import json, sys, time
import jieba
from extract.registry import load_registry
from extract.zh.rules import load_rules
from extract.zh.segment import zh_pipeline
from extract.zh.postags import word_tags
from extract.pipeline import extract_text
load_registry(); load_rules(); word_tags(); zh_pipeline()
from ontology.taxonomy import map_industry
extract_text(WARM_UP, "warm-up", lang="zh")  # loads what the first document would load lazily
map_industry("warm-up")  # the taxonomy index (registry names carry their English and skip it)
tok = jieba.Tokenizer()
tok.initialize()
t_jieba = t_extract = 0.0
for i, path in enumerate(json.loads(sys.stdin.read())):
    text = open(path, encoding="utf-8").read()
    t0 = time.perf_counter()
    list(tok.cut(text))
    t1 = time.perf_counter()
    extract_text(text, f"bench-{{i}}", lang="zh")
    t_extract += time.perf_counter() - t1
    t_jieba += t1 - t0
print(t_jieba, t_extract)
""".replace("WARM_UP", repr(WARM_UP))


def corpus_paths() -> tuple[list[Path], int, int]:
    """Chinese documents: cached real texts (present and matching their hash) and the team's texts."""
    import hashlib

    real = []
    lines = (ROOT / "data" / "real" / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        path = ROOT / "data" / "real" / "cache" / f"{row['id']}.txt"
        if row["lang"] != "zh" or not path.exists():
            continue
        if hashlib.sha256(path.read_bytes()).hexdigest() == row["sha256"]:
            real.append(path)
    gold = ROOT / "tests" / "gold"
    team = sorted(p for p in [*gold.glob("texts/*.txt"), *gold.glob("dev/*.txt")] if "-en-" not in p.name)
    team = [p for p in team if not p.name.startswith("en-")] + [SAMPLE]
    return real + team, len(real), len(team)


def corpus_main(runs: int, write: bool) -> None:
    """Extraction speed over the whole Chinese corpus, each document once, from a fresh process."""
    import json

    paths, n_real, n_team = corpus_paths()
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    pairs = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", CORPUS_RUN],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            input=json.dumps([str(p) for p in paths]),
        ).stdout.split()
        pairs.append((float(out[0]), float(out[1])))
    t_jieba = min(p[0] for p in pairs)
    t_extract = min(p[1] for p in pairs)
    ratio = statistics.median(j / e for j, e in pairs)
    lines = [
        CORPUS_BEGIN,
        "## Chinese extraction over the corpus, first pass (bench/extract.py --corpus)",
        "",
        f"Machine: {machine()}.",
        "",
        f"Command: `python bench/extract.py --corpus --runs {runs} --write`: {len(paths)} Chinese "
        f"documents ({n_real} cached real texts, {n_team} team-written texts), {chars:,} characters, "
        f"each extracted once in a fresh process per run (models loaded and one made-up "
        f"sentence extracted first, so lazy loading is not timed; no document extracted before), "
        f"bare `jieba.cut` of the same document timed just before it.",
        "",
        "| bare `jieba.cut` (best run) | extraction (best run) | extraction / jieba (median of runs) |",
        "| ---: | ---: | ---: |",
        f"| {t_jieba:.2f} s ({chars / t_jieba:,.0f} chars/s) | {t_extract:.2f} s "
        f"({chars / t_extract:,.0f} chars/s) | {ratio:.2f} |",
        "",
        f"Load average while measuring: {os.getloadavg()[0]:.2f} (the machine is shared).",
        CORPUS_END,
    ]
    section = "\n".join(lines)
    print(section)
    if write:
        replace_section(section, CORPUS_BEGIN, CORPUS_END)


def replace_section(section: str, begin: str, end: str) -> None:
    """Replace (or append) one benchmark's section of bench/RESULTS.md."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if begin in old:
        new = old[: old.index(begin)] + section + old[old.index(end) + len(end) :]
    else:
        new = old.rstrip("\n") + "\n\n" + section + "\n"
    RESULTS.write_text(new, encoding="utf-8")


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
    ap.add_argument("--corpus", action="store_true", help="every Chinese document once, first pass")
    args = ap.parse_args()
    if args.corpus:
        corpus_main(args.runs, args.write)
        return

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
        replace_section(section, BEGIN, END)


if __name__ == "__main__":
    main()
