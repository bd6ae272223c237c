#!/usr/bin/env python3
"""Snapshot every corpus's outputs, and compare two snapshots byte for byte.

A refactoring step must not change what policykg writes. This runs the installed `policykg
ingest` (one worker) over every corpus in the repository — the sample, the team-written gold
texts, dev texts and test data — and over the real-text cache when present, then compares the
contracts, per-document RDF and graph files of two snapshots (the manifest, whose timestamps and
fingerprints differ, is left out).

    python3 scripts/contracts_snapshot.py snapshot OUT      # e.g. before the change
    python3 scripts/contracts_snapshot.py compare BEFORE AFTER
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "sample": ROOT / "data" / "raw",
    "gold-texts": ROOT / "tests" / "gold" / "texts",
    "gold-dev": ROOT / "tests" / "gold" / "dev",
    "test-data": ROOT / "tests" / "data",
    "test-dev": ROOT / "tests" / "dev",
    "real": Path(os.environ.get("POLICYKG_REAL_CACHE") or ROOT / "data" / "real" / "cache"),
}
SKIP = {"manifest.json", "report.json"}
INPUTS = Path(tempfile.gettempdir()) / "policykg-snapshot-inputs"


def policykg() -> str:
    exe = shutil.which("policykg") or str(ROOT / ".venv" / "bin" / "policykg")
    if not Path(exe).exists():
        raise SystemExit("policykg is not installed: run `make venv` first")
    return exe


def snapshot(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, folder in CORPORA.items():
        texts = sorted(p for p in folder.glob("*.txt")) if folder.exists() else []
        if not texts:
            print(f"{name}: no texts at {folder}, skipped")
            continue
        # only the texts (gold folders also hold JSON that is not an input), from a fixed path:
        # contracts record their source path, which must be the same in both snapshots
        inputs = INPUTS / name
        shutil.rmtree(inputs, ignore_errors=True)
        inputs.mkdir(parents=True)
        for p in texts:
            os.symlink(p.resolve(), inputs / p.name)
        dest = out / name
        shutil.rmtree(dest, ignore_errors=True)
        run = subprocess.run(
            [policykg(), "ingest", str(inputs), "--out", str(dest), "--workers", "1"], capture_output=True, text=True
        )
        print(f"{name}: {len(texts)} texts, ingest exit {run.returncode}")
        if run.returncode not in (0, 1):
            print(run.stderr[-2000:])


def files(folder: Path) -> set[Path]:
    return {p.relative_to(folder) for p in folder.rglob("*") if p.is_file() and p.name not in SKIP}


def compare(before: Path, after: Path) -> int:
    a, b = files(before), files(after)
    problems = [f"only before: {p}" for p in sorted(a - b)] + [f"only after: {p}" for p in sorted(b - a)]
    problems += [f"differs: {p}" for p in sorted(a & b) if not filecmp.cmp(before / p, after / p, shallow=False)]
    for line in problems:
        print(line)
    print(f"{len(a & b)} files compared, {len(problems)} differences")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("out", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "snapshot":
        snapshot(args.out)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
