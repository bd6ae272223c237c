"""How much of the real development set's gold entities the lexicons cover.

    python scripts/registry_coverage.py [--with-gazetteers] [--missing TYPE]

For every entity of tests/gold/real/dev/*.gold.json (the development set only: the held-out
folders are never read), the entity counts as covered when its name or one of its aliases equals,
after normalisation (NFKC, lower case, whitespace, quotes and title marks removed), a name or
alias of extract/lexicon/registry.tsv or a `name` / `short` of extract/lexicon/divisions.tsv
("before"), or in addition a name or alias of a file under extract/lexicon/gazetteers/
("after"). Prints covered / total per entity type and overall, before and, with
--with-gazetteers, after. --missing TYPE lists the uncovered entities of one type (or ALL), to
see what no lexicon holds; it prints names only, never text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "extract" / "lexicon"
GOLD_DEV = ROOT / "tests" / "gold" / "real" / "dev"

_DROP = re.compile(r"[\s“”\"'‘’《》〈〉「」『』·・]")


def norm(name: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFKC", name)).lower()


def _rows(path: Path):
    """Header-keyed rows of a tab-separated lexicon file, `#` comments skipped."""
    header = None
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        yield dict(zip(header, cols))


def registry_forms(path: Path) -> set[str]:
    forms: set[str] = set()
    for row in _rows(path):
        cells = [row.get("name_zh", ""), row.get("name_en", "")]
        for col in ("aliases_zh", "aliases_en"):
            cells += (row.get(col) or "").split("|")
        forms.update(norm(c.strip().lstrip("~")) for c in cells if c.strip().lstrip("~"))
    return forms


def division_forms(path: Path) -> set[str]:
    forms: set[str] = set()
    for row in _rows(path):
        forms.update(norm(row[c]) for c in ("name", "short") if (row.get(c) or "").strip())
    return forms


def gazetteer_files() -> list[Path]:
    return sorted((LEXICON / "gazetteers").glob("*.tsv"))


def gold_entities():
    for path in sorted(GOLD_DEV.glob("*.gold.json")):
        doc = json.loads(path.read_text("utf-8"))
        for ent in doc.get("entities", []):
            yield path.stem.removesuffix(".gold"), ent


def covered(ent: dict, forms: set[str]) -> bool:
    names = [ent.get("name", "")] + list(ent.get("aliases") or [])
    return any(norm(n) in forms for n in names if n)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--with-gazetteers", action="store_true", help="also report coverage with extract/lexicon/gazetteers/*.tsv"
    )
    ap.add_argument(
        "--missing", metavar="TYPE", help="list uncovered entities of TYPE (ALL: every type) for the last lexicon set"
    )
    args = ap.parse_args(argv)

    before = registry_forms(LEXICON / "registry.tsv") | division_forms(LEXICON / "divisions.tsv")
    sets = [("before", before)]
    if args.with_gazetteers:
        after = set(before)
        for path in gazetteer_files():
            after |= registry_forms(path)
        sets.append(("after", after))

    ents = list(gold_entities())
    if not ents:
        print(f"no gold entities under {GOLD_DEV}", file=sys.stderr)
        return 1
    total = Counter(e["type"] for _, e in ents)
    hits = {label: Counter(e["type"] for _, e in ents if covered(e, forms)) for label, forms in sets}

    docs = len({d for d, _ in ents})
    print(f"registry coverage of the real development set's gold entities ({docs} documents, {len(ents)} entities)")
    if args.with_gazetteers:
        print(f"gazetteers: {len(gazetteer_files())} files, {len(sets[1][1]) - len(before)} more normalised forms")
    head = f"{'type':<12}" + "".join(f"{label:>20}" for label, _ in sets)
    print(head)
    for typ in sorted(total, key=lambda t: (-total[t], t)) + ["overall"]:
        n = sum(total.values()) if typ == "overall" else total[typ]
        cells = []
        for label, _ in sets:
            k = sum(hits[label].values()) if typ == "overall" else hits[label][typ]
            cells.append(f"{k:>4} / {n:<4} {k / n:6.1%}")
        print(f"{typ:<12}" + "".join(f"{c:>20}" for c in cells))

    if args.missing:
        label, forms = sets[-1]
        print(f"\nuncovered ({label}), type {args.missing}:")
        for doc, e in ents:
            if (args.missing == "ALL" or e["type"] == args.missing) and not covered(e, forms):
                print(f"  {e['type']:<12} {e['name']}  [{doc}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
