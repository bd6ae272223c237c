"""Quality bars on the independent dev set (tests/gold/dev/, ``"split": "dev"``).

The dev texts were written and annotated by an annotator who never read the extractor; rules
are tuned on them (unlike tests/gold/texts/), so they must reach the held-out bars. A Chinese file
that does not yet reach them is listed in BELOW_BAR with the F1 measured when this was written
(entities, relations, indicators): its bar test is a strict xfail (it fails the run the day the
file passes: remove the entry then) and test_no_regression_below_measured keeps each figure from
dropping more than 0.03 below what was measured. English files belong to the English extractor
(another engineer's): they are scored and printed here, not asserted.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.contract import to_contract
from extract.evaluate import evaluate
from extract.pipeline import extract_text

DEV = Path(__file__).resolve().parent / "gold" / "dev"
BARS = {"entities": 0.80, "relations": 0.55, "indicators": 0.75}

# Files below the bars, with what keeps them there (none at the end of extract4: the Hong Kong
# policy address of dev2 and the three dev3 files that started below them now reach them). A file
# added below the bars goes here with its measured F1 (entities, relations, indicators).
BELOW_BAR: dict[str, tuple[float, float, float]] = {}


def dev_files() -> list[Path]:
    return sorted(DEV.glob("*.gold.json"))


@pytest.fixture(scope="module")
def scores() -> dict[str, tuple[dict, object]]:
    out = {}
    for path in dev_files():
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (DEV / (path.name[:-len(".gold.json")] + ".txt")).read_text(encoding="utf-8")
        lang = gold["document"].get("lang", "zh")
        pred = to_contract(extract_text(text, gold["document"]["id"], lang=lang))
        out[path.name] = (gold, evaluate(pred, gold))
    return out


def test_the_dev_set_is_there():
    names = [p.name for p in dev_files()]
    assert sum(n.startswith("dev-zh-") for n in names) >= 8
    assert sum(n.startswith("dev2-zh-") for n in names) >= 8
    assert sum(n.startswith("dev3-zh-") for n in names) >= 8
    for p in dev_files():
        assert json.loads(p.read_text(encoding="utf-8"))["document"].get("split") == "dev"


def _params():
    for p in dev_files():
        if p.name in BELOW_BAR:
            yield pytest.param(p.name, marks=pytest.mark.xfail(
                strict=True, reason=f"dev text below the held-out bars (measured F1 {BELOW_BAR[p.name]})"))
        else:
            yield p.name


@pytest.mark.parametrize("name", list(_params()))
def test_dev_quality_bars(scores, name):
    gold, report = scores[name]
    print(f"\n{name}: entities F1 {report.entities_typed.f1:.3f}, relations F1 {report.relations.f1:.3f}, "
          f"indicators F1 {report.indicators.f1:.3f}")
    if gold["document"].get("lang", "zh") != "zh":
        return                       # English extraction is the English engineer's (asserted there)
    assert report.entities_typed.f1 >= BARS["entities"]
    assert report.relations.f1 >= BARS["relations"]
    assert report.indicators.f1 >= BARS["indicators"]


def test_no_regression_below_measured(scores):
    for name, measured in sorted(BELOW_BAR.items()):
        _, report = scores[name]
        got = (report.entities_typed.f1, report.relations.f1, report.indicators.f1)
        assert all(g >= m - 0.03 for g, m in zip(got, measured)), (name, got, measured)
