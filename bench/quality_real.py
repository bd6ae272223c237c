"""Quality on real published text: extract every cached real text that has gold and score it.

    python bench/quality_real.py                 # dev per file, dev and held-out aggregates
    python bench/quality_real.py --split dev     # only the development set
    python bench/quality_real.py --write LABEL   # also add the figures to bench/RESULTS.md under LABEL
    python bench/quality_real.py --errors [ID …] # dev only: what each dev text misses and adds

The texts are not in the repository (data/real/README.md): the script first checks the cache
against the manifest's hashes and names what is missing. Gold is tests/gold/real/{dev,heldout}.
Held-out figures are printed as aggregates only (per language and layer, relations per type):
whoever writes rules must not see which held-out text or item fails. `--heldout-files` prints
them per file, for the end of a round's report only. Inter-annotator agreement is the F1 of the
second annotation (tests/gold/real/heldout-second) against the first, per layer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# this file lives in bench/: keep bench/extract.py from shadowing the extract package
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from extract.contract import to_contract  # noqa: E402
from extract.evaluate import (  # noqa: E402
    Report,
    Score,
    entity_matches,
    evaluate,
    gold_items,
    greedy_match,
    pred_items,
    total,
)
from extract.pipeline import extract_text  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "real"
RESULTS = ROOT / "bench" / "RESULTS.md"
BEGIN, END = "<!-- bench/quality_real.py: newest first -->", "<!-- bench/quality_real.py end -->"


def real_corpus():
    spec = importlib.util.spec_from_file_location("real_corpus", ROOT / "scripts" / "real_corpus.py")
    if spec is None or spec.loader is None:
        raise ImportError("cannot load scripts/real_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["real_corpus"] = module
    spec.loader.exec_module(module)
    return module


RC = real_corpus()


def gold_files(split: str) -> list[Path]:
    return sorted((GOLD / split).glob("*.gold.json"))


def cached_text(doc_id: str, sha256: str) -> str | None:
    path = RC.text_path(doc_id)
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    return text if RC.sha256_text(text) == sha256 else None


def score_split(split: str, rows: dict) -> tuple[list[tuple[str, str, Report]], list[str], float, int]:
    """(lang, id, report) per gold file whose text is cached; ids not measurable; seconds; chars."""
    out, missing, seconds, chars = [], [], 0.0, 0
    for path in gold_files(split):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold["document"]
        row = rows.get(doc["id"])
        text = cached_text(doc["id"], row.sha256) if row else None
        if text is None:
            missing.append(doc["id"])
            continue
        t0 = time.perf_counter()
        pred = to_contract(extract_text(text, doc["id"], source=f"real:{doc['id']}", lang=doc["lang"]))
        seconds += time.perf_counter() - t0
        chars += len(text)
        out.append((doc["lang"], doc["id"], evaluate(pred, gold)))
    return out, missing, seconds, chars


def gold_as_prediction(gold: dict) -> dict:
    """A gold file in the contract's shape, so one annotation can be scored against another."""
    ids = {e["name"]: f"g{i}" for i, e in enumerate(gold["entities"])}
    return {
        "document": gold["document"],
        "entities": [
            {"id": ids[e["name"]], "type": e["type"], "name": e["name"], "aliases": e.get("aliases", [])}
            for e in gold["entities"]
        ],
        "relations": [
            {"type": r["type"], "head": ids.get(r["head"]), "tail": ids.get(r["tail"])} for r in gold["relations"]
        ],
        "indicators": [
            {**i, "subject": ids.get(i["subject"]) if i.get("subject") else None} for i in gold["indicators"]
        ],
    }


def agreement() -> list[tuple[str, str, Report]]:
    out = []
    for second in gold_files("heldout-second"):
        first = GOLD / "heldout" / second.name
        if first.exists():
            a = json.loads(first.read_text(encoding="utf-8"))
            b = json.loads(second.read_text(encoding="utf-8"))
            out.append((a["document"]["lang"], a["document"]["id"], evaluate(gold_as_prediction(b), a)))
    return out


def fmt(s: Score) -> str:
    return f"{s.f1:.3f} (P {s.precision:.3f} R {s.recall:.3f}; {s.tp}/{s.n_pred}/{s.n_gold})"


def layer_lines(label: str, r: Report) -> list[str]:
    lines = [
        f"{label}: {len(r.documents)} texts",
        f"  entities (typed)  {fmt(r.entities_typed)}",
        f"  entities untyped  {fmt(r.entities_untyped)}",
        f"  relations         {fmt(r.relations)}",
        f"  indicators        {fmt(r.indicators)}",
        f"    readable metric {fmt(r.indicators_metric)}",
    ]
    lines += [f"    relations {t:<16} {fmt(s)}" for t, s in r.relations_by_type.items()]
    lines += [f"    entities {t:<17} {fmt(s)}" for t, s in r.entities_by_type.items()]
    return lines


def aggregate(results: list[tuple[str, str, Report]], label: str) -> list[str]:
    lines = []
    for lang in ("zh", "en"):
        reports = [r for lg, _, r in results if lg == lang]
        if reports:
            lines += layer_lines(f"{label} {lang}", total(reports))
    return lines


def per_file(results: list[tuple[str, str, Report]]) -> list[str]:
    lines = [
        "| text | entities | relations | indicators | readable metric |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for _lang, doc_id, r in results:
        lines.append(
            f"| {doc_id} | {r.entities_typed.f1:.3f} | {r.relations.f1:.3f} | {r.indicators.f1:.3f} "
            f"| {r.indicators_metric.f1:.3f} |"
        )
    return lines


def commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument("--heldout-files", action="store_true", help="held-out figures per file (end of a round only)")
    ap.add_argument("--json", type=Path, help="write the figures as JSON")
    ap.add_argument(
        "--errors",
        nargs="*",
        metavar="ID",
        help="dev texts only: list missed and spurious items (all dev texts when no id is given)",
    )
    ap.add_argument(
        "--write", metavar="LABEL", help="add the figures to bench/RESULTS.md under LABEL (e.g. 'round 1, before')"
    )
    args = ap.parse_args(argv)

    rows = {r.id: r for r in RC.read_manifest()}
    if args.errors is not None:
        return print_errors(rows, set(args.errors))
    problems = RC.check(list(rows.values()))
    lines = [
        f"Real-text quality, {dt.date.today().isoformat()}, commit {commit()}"
        + (f" ({problems} cached texts missing or changed)" if problems else "")
    ]
    data = {}
    for split in ("dev", "heldout") if args.split == "all" else (args.split,):
        results, missing, seconds, chars = score_split(split, rows)
        if missing:
            lines.append(f"{split}: {len(missing)} gold texts not in the cache, not measured: {' '.join(missing)}")
        if not results:
            lines.append(f"{split}: no gold texts to measure")
            continue
        lines.append("")
        lines += aggregate(results, split)
        lines.append(f"  extraction: {chars} characters in {seconds:.1f} s (first pass)")
        if split == "dev" or args.heldout_files:
            lines += [
                "",
                f"{split}, per file (F1: typed entities, relations, indicators, readable metric):",
            ] + per_file(results)
        data[split] = {
            lang: summary(total([r for lg, _, r in results if lg == lang]))
            for lang in ("zh", "en")
            if any(lg == lang for lg, _, _ in results)
        }
    iaa = agreement()
    if iaa:
        lines.append("")
        lines += aggregate(iaa, "inter-annotator agreement (second annotation scored against the first)")
        data["agreement"] = {
            lang: summary(total([r for lg, _, r in iaa if lg == lang]))
            for lang in ("zh", "en")
            if any(lg == lang for lg, _, _ in iaa)
        }
    text = "\n".join(lines)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.write:
        write_results(args.write, text)
    return 0


def print_errors(rows: dict, only: set[str]) -> int:
    """Missed (gold, not predicted) and spurious (predicted, not gold) items of dev texts: for
    whoever tunes rules. Held-out texts are refused: their errors must stay unseen."""
    held = {p.name[: -len(".gold.json")] for split in ("heldout", "heldout-second") for p in gold_files(split)}
    if only & held:
        raise SystemExit(f"refused: {sorted(only & held)} held-out; errors are listed for dev texts only")
    for path in gold_files("dev"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold["document"]
        if only and doc["id"] not in only:
            continue
        text = cached_text(doc["id"], rows[doc["id"]].sha256) if doc["id"] in rows else None
        if text is None:
            print(f"== {doc['id']}: not in the cache")
            continue
        pred = to_contract(extract_text(text, doc["id"], source=f"real:{doc['id']}", lang=doc["lang"]))
        print(f"== {doc['id']} ({doc['lang']}, {doc.get('kind')})")
        for line in diff_lines(pred, gold):
            print("  " + line)
    return 0


def diff_lines(pred: dict, gold: dict) -> list[str]:
    """Entities, relations and indicators that one side has and the other lacks (as scored)."""
    p_by_id = pred_items(pred)
    p_ents, p_list = list(p_by_id.values()), list(pred.get("entities", []))
    g_items, g_list = gold_items(gold), gold["entities"]
    pairs = greedy_match(p_ents, g_items, lambda p, g: entity_matches(p, g, True))
    mp, mg = {pi for pi, _ in pairs}, {gi for _, gi in pairs}
    lines = [f"missed entity   {g['type']:<11} {g['name']}" for i, g in enumerate(g_list) if i not in mg]
    lines += [f"spurious entity {p['type']:<11} {p['name']}" for i, p in enumerate(p_list) if i not in mp]
    names = {e["id"]: e["name"] for e in pred.get("entities", [])}
    g_rel = {(r["type"], r["head"], r["tail"]) for r in gold["relations"]}
    {(r["type"], names.get(r.get("head"), "?"), names.get(r.get("tail"), "?")) for r in pred.get("relations", [])}
    lines += [f"gold relation      {h} {t} {tl}" for t, h, tl in sorted(g_rel)]
    lines += [
        f"predicted relation {h} {t} {tl}  [{r.get('rule', '')}]"
        for r in pred.get("relations", [])
        for t, h, tl in [(r["type"], names.get(r.get("head"), "?"), names.get(r.get("tail"), "?"))]
    ]
    lines += [
        f"gold indicator      {i['metric']} {i['value']} {i['unit']} {i['year']} {i.get('subject')}"
        for i in gold["indicators"]
    ]
    lines += [
        f"predicted indicator {i.get('metric')} {i['value']} {i.get('unit')} {i.get('year')} "
        f"{names.get(i.get('subject'), i.get('subject'))}"
        for i in pred.get("indicators", [])
    ]
    return lines


def summary(r: Report) -> dict:
    def s(x):
        return {
            "f1": round(x.f1, 4),
            "precision": round(x.precision, 4),  # noqa: E731
            "recall": round(x.recall, 4),
            "tp": x.tp,
            "pred": x.n_pred,
            "gold": x.n_gold,
        }

    return {
        "texts": len(r.documents),
        "entities": s(r.entities_typed),
        "relations": s(r.relations),
        "indicators": s(r.indicators),
        "indicators_readable_metric": s(r.indicators_metric),
        "relations_by_type": {t: s(v) for t, v in r.relations_by_type.items()},
    }


def write_results(label: str, text: str) -> None:
    """Keep every round's figures: a new block goes at the top of this script's section."""
    block = f"### {label}\n\n```text\n{text}\n```\n"
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        new = head + BEGIN + "\n" + block + rest
    else:
        new = (
            old.rstrip("\n")
            + "\n\n## Quality on real published text (bench/quality_real.py)\n\n"
            + BEGIN
            + "\n"
            + block
            + END
            + "\n"
        )
    RESULTS.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
