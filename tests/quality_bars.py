"""What the quality tests share: scoring a gold file with the scorer of `policykg eval`, per-file
bars with strict xfails for files known to be below them, and regression floors for those.

A file below the bars is listed with the F1 measured when it was listed (entities, relations,
indicators). Its bar test is a strict xfail, so the run fails the day the file passes (remove the
entry then), and its floor test keeps each figure from dropping more than SLACK below that."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.contract import to_contract
from extract.evaluate import Report, Score, evaluate
from extract.pipeline import extract_text

SAMPLE_BARS = {"entities": 0.90, "relations": 0.75, "indicators": 0.85}
UNTUNED_BARS = {"entities": 0.80, "relations": 0.55, "indicators": 0.75}
SLACK = 0.03


def score(gold_path: Path, text_path: Path) -> tuple[dict, Report]:
    """(gold, report) for one gold file, extracting its text in the gold's language."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = gold["document"]
    pred = to_contract(extract_text(text_path.read_text(encoding="utf-8"), doc["id"], lang=doc.get("lang", "zh")))
    return gold, evaluate(pred, gold)


def figures(report: Report) -> tuple[float, float, float]:
    return report.entities_typed.f1, report.relations.f1, report.indicators.f1


def summary(name: str, report: Report) -> str:
    e, r, i = figures(report)
    return f"{name}: entities F1 {e:.3f}, relations F1 {r:.3f}, indicators F1 {i:.3f}"


def bar_params(names: list[str], below_bar: dict[str, tuple[float, float, float]], what: str) -> list:
    """Parameters for a bar test: files in below_bar become strict xfails."""
    return [
        pytest.param(
            n, marks=pytest.mark.xfail(strict=True, reason=f"{what} below the bars (measured F1 {below_bar[n]})")
        )
        if n in below_bar
        else n
        for n in names
    ]


def assert_bars(report: Report, bars: dict[str, float]) -> None:
    got = dict(zip(("entities", "relations", "indicators"), figures(report)))
    low = {k: round(v, 3) for k, v in got.items() if v < bars[k]}
    assert not low, f"below the bars {bars}: {low}"


def assert_floor(name: str, report: Report, measured: tuple[float, float, float]) -> None:
    got = figures(report)
    assert all(g >= m - SLACK for g, m in zip(got, measured)), f"{name} fell below its floor: {got} < {measured}"


def total(reports: list[Report]) -> tuple[Score, Score, Score]:
    """Micro-averaged scores: true positives, predictions and gold items summed over files."""
    zero = Score(0, 0, 0)
    ent, rel, ind = zero, zero, zero
    for r in reports:
        ent, rel, ind = ent + r.entities_typed, rel + r.relations, ind + r.indicators
    return ent, rel, ind
