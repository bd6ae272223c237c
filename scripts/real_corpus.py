#!/usr/bin/env python3
"""The real-text corpus: a manifest in the repository, the texts in a git-ignored cache.

Third-party text never enters the repository: data/real/manifest.tsv holds one row per text
(where it came from and the SHA-256 of the text as saved), the texts live in the cache folder
(data/real/cache/<id>.txt, or $POLICYKG_REAL_CACHE). data/real/README.md says how a new machine
restores the cache through the search tool.

    python3 scripts/real_corpus.py check            # every cached text against its hash; lists missing
    python3 scripts/real_corpus.py add ID FILE --url URL --query Q --kind K --province P
        --lang zh|en [--published YYYY-MM-DD]
    python3 scripts/real_corpus.py list [--split dev|heldout|pool] [--lang zh|en]
    python3 scripts/real_corpus.py path ID          # the cached text's path
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import shutil
import sys
from dataclasses import asdict, dataclass, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "data" / "real" / "manifest.tsv"
KINDS = ("plan", "zone-plan", "industrial-plan", "work-report", "measures", "press-release", "press-report", "profile")
SPLITS = ("dev", "heldout", "pool")
LANGS = ("zh", "en")


@dataclass(frozen=True)
class Row:
    id: str
    split: str
    lang: str
    kind: str
    province: str
    url: str
    query: str
    published: str
    retrieved: str
    sha256: str
    chars: int


COLUMNS = [f.name for f in fields(Row)]


def cache_dir() -> Path:
    """Where cached texts live: $POLICYKG_REAL_CACHE, else data/real/cache in the checkout."""
    return Path(os.environ.get("POLICYKG_REAL_CACHE") or ROOT / "data" / "real" / "cache")


def text_path(doc_id: str) -> Path:
    return cache_dir() / f"{doc_id}.txt"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_line(line: str, where: str) -> Row:
    cells = line.rstrip("\n").split("\t")
    if len(cells) != len(COLUMNS):
        raise SystemExit(f"{where}: {len(cells)} cells, expected {len(COLUMNS)} ({', '.join(COLUMNS)})")
    raw = dict(zip(COLUMNS, cells))
    chars = raw.pop("chars")
    try:
        row = Row(**raw, chars=int(chars))
    except ValueError as exc:
        raise SystemExit(f"{where}: {exc}") from None
    problem = (
        f"split {row.split!r}"
        if row.split not in SPLITS
        else f"kind {row.kind!r}"
        if row.kind not in KINDS
        else f"lang {row.lang!r}"
        if row.lang not in LANGS
        else "sha256"
        if len(row.sha256) != 64
        else None
    )
    if problem:
        raise SystemExit(f"{where}: bad {problem}")
    return row


def read_manifest(path: Path = MANIFEST) -> list[Row]:
    """The manifest's rows (plain TSV: no quoting, no escapes), each checked; a bad row is
    reported as file:line."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t") != COLUMNS:
        raise SystemExit(f"{path}:1: the header must be {COLUMNS}")
    rows = [parse_line(line, f"{path}:{n}") for n, line in enumerate(lines[1:], start=2) if line.strip()]
    ids = [r.id for r in rows]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise SystemExit(f"{path}: duplicate ids {sorted(dup)}")
    return rows


def write_manifest(rows: list[Row], path: Path = MANIFEST) -> None:
    tmp = path.with_suffix(".tmp")
    lines = ["\t".join(COLUMNS)]
    for r in sorted(rows, key=lambda r: r.id):
        values = [str(asdict(r)[c]) for c in COLUMNS]
        if any(ch in v for v in values for ch in "\t\n\r"):
            raise SystemExit(f"{r.id}: a value holds a tab or a line break")
        lines.append("\t".join(values))
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)


def check(rows: list[Row]) -> int:
    """Each row's cached text: present and equal to its hash. Returns the number of problems."""
    missing, changed = [], []
    for r in rows:
        p = text_path(r.id)
        if not p.exists():
            missing.append(r)
            continue
        text = p.read_text(encoding="utf-8")
        if sha256_text(text) != r.sha256 or len(text) != r.chars:
            changed.append(r)
    for r in missing:
        print(f"missing: {r.id}\t{r.url}\tquery: {r.query}")
    for r in changed:
        print(f"hash differs: {r.id}\t{r.url}")
    ok = len(rows) - len(missing) - len(changed)
    print(
        f"{ok} of {len(rows)} cached texts present and matching their hash "
        f"({len(missing)} missing, {len(changed)} differ); cache: {cache_dir()}"
    )
    return len(missing) + len(changed)


@contextlib.contextmanager
def manifest_lock():
    """Several collectors may add at once: one read-modify-write of the manifest at a time."""
    MANIFEST.parent.mkdir(parents=True, exist_ok=True)
    with open(MANIFEST.with_suffix(".lock"), "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def add(args: argparse.Namespace) -> None:
    with manifest_lock():
        add_locked(args)


def add_locked(args: argparse.Namespace) -> None:
    text = Path(args.file).read_text(encoding="utf-8")
    if not text.strip():
        raise SystemExit(f"{args.file}: empty")
    rows = read_manifest()
    if any(r.id == args.id for r in rows) and not args.replace:
        raise SystemExit(f"{args.id}: already in the manifest (--replace to overwrite)")
    same = [r.id for r in rows if r.sha256 == sha256_text(text) and r.id != args.id]
    if same:
        raise SystemExit(f"{args.id}: same text as {same[0]}")
    row = Row(
        id=args.id,
        split=args.split,
        lang=args.lang,
        kind=args.kind,
        province=args.province,
        url=args.url,
        query=args.query,
        published=args.published or "",
        retrieved=args.retrieved or dt.date.today().isoformat(),
        sha256=sha256_text(text),
        chars=len(text),
    )
    for col in ("url", "query", "province"):
        if "\t" in getattr(row, col) or "\n" in getattr(row, col):
            raise SystemExit(f"{col} must not contain tabs or newlines")
    dest = text_path(args.id)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if Path(args.file).resolve() != dest.resolve():
        shutil.copyfile(args.file, dest)
    rows = [r for r in rows if r.id != args.id] + [row]
    write_manifest(rows)
    read_manifest()
    print(f"added {args.id}: {row.chars} characters, sha256 {row.sha256[:12]}…")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("check")
    a = sub.add_parser("add")
    a.add_argument("id")
    a.add_argument("file")
    a.add_argument("--url", required=True)
    a.add_argument("--query", required=True)
    a.add_argument("--kind", required=True, choices=KINDS)
    a.add_argument("--province", required=True)
    a.add_argument("--lang", required=True, choices=LANGS)
    a.add_argument("--split", default="pool", choices=SPLITS)
    a.add_argument("--published", default="")
    a.add_argument("--retrieved", default="")
    a.add_argument("--replace", action="store_true")
    ls = sub.add_parser("list")
    ls.add_argument("--split", choices=SPLITS)
    ls.add_argument("--lang", choices=LANGS)
    p = sub.add_parser("path")
    p.add_argument("id")
    args = ap.parse_args(argv)
    if args.cmd == "check":
        return 1 if check(read_manifest()) else 0
    if args.cmd == "add":
        add(args)
        return 0
    if args.cmd == "list":
        for r in read_manifest():
            if (args.split in (None, r.split)) and (args.lang in (None, r.lang)):
                print(f"{r.id}\t{r.split}\t{r.lang}\t{r.kind}\t{r.province}\t{r.chars}")
        return 0
    if args.cmd == "path":
        print(text_path(args.id))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
