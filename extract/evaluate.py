"""Score an extraction against gold annotations, exactly as tests/gold/README.md ("Scoring") says.

Pure functions over plain JSON-shaped data (the extraction contract and the gold format), so
the command, the quality tests and a notebook all score the same way.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PolicyKGError
from .model import ENTITY_TYPES, RELATION_TYPES
from .textnorm import normalise_name

UNIT_EQUIV = {"亿": "亿元", "万": "万元"}


class EvaluationError(PolicyKGError):
    """A prediction or gold file that cannot be scored."""


@dataclass(frozen=True, slots=True)
class Item:
    """An entity reduced to what scoring needs: its type and normalised surface forms."""

    type: str | None  # None: any type (a gold relation naming no gold entity)
    forms: frozenset[str]


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else (1.0 if not self.n_gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else (1.0 if not self.n_pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.n_pred + other.n_pred, self.n_gold + other.n_gold)


ZERO = Score(0, 0, 0)


@dataclass(frozen=True)
class Report:
    """Scores of one document (or the sum over several)."""

    entities_typed: Score
    entities_untyped: Score
    entities_by_type: dict[str, Score]
    relations: Score
    relations_by_type: dict[str, Score]
    indicators: Score
    comparator_agree: tuple[int, int]  # (agreeing, matched pairs)
    status_agree: tuple[int, int]
    documents: tuple[str, ...] = field(default=())

    def __add__(self, other: Report) -> Report:
        def add_maps(a: dict, b: dict) -> dict:
            return {k: a.get(k, ZERO) + b.get(k, ZERO) for k in sorted(set(a) | set(b))}

        return Report(
            self.entities_typed + other.entities_typed,
            self.entities_untyped + other.entities_untyped,
            add_maps(self.entities_by_type, other.entities_by_type),
            self.relations + other.relations,
            add_maps(self.relations_by_type, other.relations_by_type),
            self.indicators + other.indicators,
            (
                self.comparator_agree[0] + other.comparator_agree[0],
                self.comparator_agree[1] + other.comparator_agree[1],
            ),
            (self.status_agree[0] + other.status_agree[0], self.status_agree[1] + other.status_agree[1]),
            self.documents + other.documents,
        )


def forms(*names: Iterable[str] | str | None) -> frozenset[str]:
    """The normalised forms of the names given (None and empty names left out)."""
    out = set()
    for group in names:
        if group is None:
            continue
        for name in [group] if isinstance(group, str) else group:
            key = normalise_name(name or "")
            if key:
                out.add(key)
    return frozenset(out)


def pred_items(pred: dict) -> dict[str, Item]:
    """Predicted entities by id: name, aliases and mention texts are its forms."""
    return {
        e["id"]: Item(
            e["type"], forms(e.get("name"), e.get("aliases", ()), [m.get("text", "") for m in e.get("mentions", ())])
        )
        for e in pred.get("entities", [])
    }


def gold_items(gold: dict) -> list[Item]:
    """The gold file's entities as scoring items."""
    return [Item(e["type"], forms(e["name"], e.get("aliases", ()))) for e in gold.get("entities", [])]


def entity_matches(p: Item, g: Item, typed: bool = True) -> bool:
    """Does the predicted item match the gold one (a shared form, and the type when ``typed``)?"""
    if typed and p.type is not None and g.type is not None and p.type != g.type:
        return False
    return bool(p.forms & g.forms)


def greedy_match(preds: Sequence, golds: Sequence, ok) -> list[tuple[int, int]]:
    """One-to-one pairs: each gold, in order, takes the first unused prediction that matches."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if pi not in used and ok(p, g):
                used.add(pi)
                pairs.append((pi, gi))
                break
    return pairs


def _by_type(preds: Sequence[Item], golds: Sequence[Item], pairs, types) -> dict[str, Score]:
    out = {}
    for t in types:
        n_p = sum(1 for p in preds if p.type == t)
        n_g = sum(1 for g in golds if g.type == t)
        tp = sum(1 for pi, gi in pairs if golds[gi].type == t)
        if n_p or n_g:
            out[t] = Score(tp, n_p, n_g)
    return out


def _gold_lookup(golds: list[Item]):
    by_form: dict[str, Item] = {}
    for g in golds:
        for f in g.forms:
            by_form.setdefault(f, g)

    def find(name: str | None) -> Item | None:
        if not name:
            return None
        key = normalise_name(name)
        return by_form.get(key) or Item(None, frozenset({key}))

    return find


def same_unit(a: str, b: str) -> bool:
    """Are two units the same (亿 = 亿元, 万 = 万元; surrounding spaces aside)?"""
    a, b = (a or "").strip(), (b or "").strip()
    return UNIT_EQUIV.get(a, a) == UNIT_EQUIV.get(b, b)


def same_value(a: float, b: float) -> bool:
    """Are two values the same (within floating-point closeness)?"""
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def evaluate(pred: dict, gold: dict) -> Report:
    """Score one prediction (extraction contract) against one gold file."""
    p_by_id = pred_items(pred)
    p_ents = list(p_by_id.values())
    g_ents = gold_items(gold)
    typed = greedy_match(p_ents, g_ents, lambda p, g: entity_matches(p, g, True))
    untyped = greedy_match(p_ents, g_ents, lambda p, g: entity_matches(p, g, False))
    find = _gold_lookup(g_ents)

    def endpoint(entity_id: str | None) -> Item | None:
        return p_by_id.get(entity_id) if entity_id else None

    p_rels = [(r["type"], endpoint(r.get("head")), endpoint(r.get("tail"))) for r in pred.get("relations", [])]
    g_rels = [(r["type"], find(r.get("head")), find(r.get("tail"))) for r in gold.get("relations", [])]

    def rel_ok(p, g) -> bool:
        if p[0] != g[0] or None in (p[1], p[2], g[1], g[2]):
            return False
        if entity_matches(p[1], g[1]) and entity_matches(p[2], g[2]):
            return True
        return p[0] == "COOPERATES_WITH" and entity_matches(p[1], g[2]) and entity_matches(p[2], g[1])

    rel_pairs = greedy_match(p_rels, g_rels, rel_ok)
    rel_types = sorted(set(RELATION_TYPES) | {r[0] for r in p_rels} | {r[0] for r in g_rels})
    rels_by_type = {}
    for t in rel_types:
        n_p = sum(1 for r in p_rels if r[0] == t)
        n_g = sum(1 for r in g_rels if r[0] == t)
        if n_p or n_g:
            rels_by_type[t] = Score(sum(1 for _, gi in rel_pairs if g_rels[gi][0] == t), n_p, n_g)

    p_inds = pred.get("indicators", [])
    g_inds = gold.get("indicators", [])

    def ind_ok(p: dict, g: dict) -> bool:
        if not (
            same_value(p["value"], g["value"])
            and same_unit(p.get("unit", ""), g.get("unit", ""))
            and p.get("year") == g.get("year")
        ):
            return False
        ps, gs = endpoint(p.get("subject")), find(g.get("subject"))
        if p.get("subject") and gs is not None:
            return ps is not None and entity_matches(ps, gs)
        return True

    ind_pairs = greedy_match(p_inds, g_inds, ind_ok)
    cmp_agree = sum(
        1 for pi, gi in ind_pairs if (p_inds[pi].get("comparator") or "=") == (g_inds[gi].get("comparator") or "=")
    )
    status_agree = sum(1 for pi, gi in ind_pairs if p_inds[pi].get("status") == g_inds[gi].get("status"))
    doc_id = (gold.get("document") or {}).get("id") or (pred.get("document") or {}).get("id") or ""
    return Report(
        entities_typed=Score(len(typed), len(p_ents), len(g_ents)),
        entities_untyped=Score(len(untyped), len(p_ents), len(g_ents)),
        entities_by_type=_by_type(p_ents, g_ents, typed, ENTITY_TYPES),
        relations=Score(len(rel_pairs), len(p_rels), len(g_rels)),
        relations_by_type=rels_by_type,
        indicators=Score(len(ind_pairs), len(p_inds), len(g_inds)),
        comparator_agree=(cmp_agree, len(ind_pairs)),
        status_agree=(status_agree, len(ind_pairs)),
        documents=(doc_id,),
    )


def load_json(path: str | Path) -> dict:
    """A JSON file, or an EvaluationError saying why it cannot be read."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvaluationError(f"{p}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{p}: not a JSON file ({exc})") from None
    if not isinstance(data, dict) or "entities" not in data:
        raise EvaluationError(f'{p}: not an extraction or gold file (no "entities" key)')
    return data


def gold_doc_id(path: Path) -> str:
    """The document id a gold file is for (its name less .gold.json)."""
    return path.name[: -len(".gold.json")] if path.name.endswith(".gold.json") else path.stem


def pair_folders(pred_dir: Path, gold_dir: Path) -> list[tuple[Path, Path]]:
    """Each gold file with its prediction (<doc-id>.extraction.json or <doc-id>.json)."""
    golds = sorted(gold_dir.glob("*.gold.json"))
    if not golds:
        raise EvaluationError(f"{gold_dir}: no *.gold.json files")
    pairs = []
    for g in golds:
        doc = gold_doc_id(g)
        for name in (f"{doc}.extraction.json", f"{doc}.json"):
            if (pred_dir / name).exists():
                pairs.append((pred_dir / name, g))
                break
        else:
            raise EvaluationError(f"{pred_dir}: no prediction for {doc} (expected {doc}.extraction.json)")
    return pairs


def evaluate_paths(pred: str | Path, gold: str | Path) -> list[Report]:
    """One report per document: two files, or two folders (every gold file in GOLD)."""
    pred, gold = Path(pred), Path(gold)
    if pred.is_dir() != gold.is_dir():
        raise EvaluationError("give two files or two folders (PRED and GOLD)")
    pairs = pair_folders(pred, gold) if gold.is_dir() else [(pred, gold)]
    return [evaluate(load_json(p), load_json(g)) for p, g in pairs]


def total(reports: Sequence[Report]) -> Report:
    """The sum of several documents' reports."""
    out = reports[0]
    for r in reports[1:]:
        out = out + r
    return out


def format_report(r: Report, title: str = "") -> str:
    """A report as a few lines of text (precision, recall, F1 per part)."""

    def row(name: str, s: Score) -> str:
        return (
            f"  {name:<24} P {s.precision:5.3f}  R {s.recall:5.3f}  F1 {s.f1:5.3f}   "
            f"({s.tp}/{s.n_pred} pred, {s.tp}/{s.n_gold} gold)"
        )

    def agree(a: tuple[int, int]) -> str:
        return f"{a[0]}/{a[1]} ({a[0] / a[1]:.3f})" if a[1] else "n/a"

    lines = [title] if title else []
    lines.append("entities")
    lines.append(row("typed", r.entities_typed))
    lines.append(row("untyped", r.entities_untyped))
    lines += [row(f"  {t}", s) for t, s in r.entities_by_type.items()]
    lines.append("relations")
    lines.append(row("all", r.relations))
    lines += [row(f"  {t}", s) for t, s in r.relations_by_type.items()]
    lines.append("indicators")
    lines.append(row("all", r.indicators))
    lines.append(f"  comparator agreement     {agree(r.comparator_agree)}")
    lines.append(f"  status agreement         {agree(r.status_agree)}")
    return "\n".join(lines)


def report_dict(r: Report) -> dict:
    """A report as a JSON-shaped dict."""

    def s(x):
        return {
            "precision": x.precision,
            "recall": x.recall,
            "f1": x.f1,  # noqa: E731
            "tp": x.tp,
            "pred": x.n_pred,
            "gold": x.n_gold,
        }

    return {
        "documents": list(r.documents),
        "entities": {
            "typed": s(r.entities_typed),
            "untyped": s(r.entities_untyped),
            "by_type": {t: s(v) for t, v in r.entities_by_type.items()},
        },
        "relations": {"all": s(r.relations), "by_type": {t: s(v) for t, v in r.relations_by_type.items()}},
        "indicators": {
            "all": s(r.indicators),
            "comparator_agreement": list(r.comparator_agree),
            "status_agreement": list(r.status_agree),
        },
    }
