#!/usr/bin/env python3
"""Gold on real published text: turn an annotator's draft (evidence quoted) into gold whose
evidence is character offsets into the cached text, so no third-party sentence is committed.

    python3 scripts/real_gold.py anchor DRAFT.json --split dev|heldout|second [--annotator A]
    python3 scripts/real_gold.py show GOLD.json        # the gold with its evidence quoted, for review

A draft is a gold file (tests/gold/README.md) whose "document" needs only "id" (the manifest id)
and "title"; "evidence" is a verbatim quote of the cached text. `anchor` fills in the document's
source, lang, kind, date and SHA-256 from the manifest, replaces each quote by {"start", "end"}
(the first occurrence; add "evidence_after": "a quote before it" to pick a later one), writes
tests/gold/real/<split>/<id>.gold.json and validates it. Drafts live in data/real/drafts/
(git-ignored: they quote the text).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_REAL = ROOT / "tests" / "gold" / "real"


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


rc = load("real_corpus", ROOT / "scripts" / "real_corpus.py")
validator = load("gold_validate", ROOT / "tests" / "gold" / "validate.py")


def locate(quote: object, text: str, after: str | None, where: str) -> dict:
    if not isinstance(quote, str) or not quote:
        raise SystemExit(f"{where}: evidence must be a non-empty quote")
    start = 0
    if after:
        pos = text.find(after)
        if pos < 0:
            raise SystemExit(f"{where}: evidence_after {after!r} is not in the text")
        start = pos + len(after)
    pos = text.find(quote, start)
    if pos < 0:
        raise SystemExit(f"{where}: evidence {quote!r} is not a verbatim quote of the text")
    return {"start": pos, "end": pos + len(quote)}


def anchor(draft_path: Path, split: str, annotator: str | None) -> Path:
    draft = json.loads(draft_path.read_text(encoding="utf-8"))
    doc_id = draft["document"]["id"]
    rows = {r.id: r for r in rc.read_manifest()}
    if doc_id not in rows:
        raise SystemExit(f"{doc_id}: not in data/real/manifest.tsv")
    row = rows[doc_id]
    text = rc.text_path(doc_id).read_text(encoding="utf-8")
    if rc.sha256_text(text) != row.sha256:
        raise SystemExit(f"{doc_id}: cached text differs from its manifest hash")
    document = {
        "id": doc_id,
        "title": draft["document"].get("title", ""),
        "lang": row.lang,
        "source": f"real:{doc_id}",
        "kind": row.kind,
        "province": row.province,
        "date": draft["document"].get("date") or row.published or None,
        "sha256": row.sha256,
        "tuned": split != "heldout" and split != "second",
        "split": "heldout" if split == "second" else split,
        "annotator": annotator or draft["document"].get("annotator"),
    }
    gold = {"document": document, "entities": draft["entities"], "relations": [], "indicators": []}
    for key in ("relations", "indicators"):
        for i, item in enumerate(draft.get(key, [])):
            item = dict(item)
            item["evidence"] = locate(item.get("evidence"), text, item.pop("evidence_after", None), f"{key}[{i}]")
            gold[key].append(item)
    folder = GOLD_REAL / ("heldout-second" if split == "second" else split)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{doc_id}.gold.json"
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    errors, warnings, notes, _ = validator.validate(out)
    for w in warnings:
        print("warning:", w)
    if errors:
        for e in errors:
            print("ERROR:", e)
        raise SystemExit(f"{out}: {len(errors)} error(s); fix the draft and anchor again")
    print(
        f"wrote {out.relative_to(ROOT)}: {len(gold['entities'])} entities, "
        f"{len(gold['relations'])} relations, {len(gold['indicators'])} indicators"
    )
    return out


def show(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = rc.text_path(gold["document"]["source"][len("real:") :]).read_text(encoding="utf-8")
    for key in ("relations", "indicators"):
        for item in gold[key]:
            ev = item["evidence"]
            item["evidence"] = text[ev["start"] : ev["end"]]
    print(json.dumps(gold, ensure_ascii=False, indent=1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("anchor")
    a.add_argument("draft", type=Path)
    a.add_argument("--split", required=True, choices=("dev", "heldout", "second"))
    a.add_argument("--annotator")
    s = sub.add_parser("show")
    s.add_argument("gold", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "anchor":
        anchor(args.draft, args.split, args.annotator)
    else:
        show(args.gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
