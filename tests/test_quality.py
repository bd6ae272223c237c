"""Quality bars on every gold file in tests/gold/ (the annotation guide's scoring).

The sample (``"tuned": true``) must reach the sample bars; held-out texts (``"tuned": false``)
the held-out bars. English gold files belong to the ingest helper's extractor: they are scored
here too (nothing is skipped) but the bars are asserted for Chinese files only.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.contract import to_contract
from extract.evaluate import evaluate
from extract.pipeline import extract_text

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
BARS = {True: {"entities": 0.90, "relations": 0.75, "indicators": 0.85},
        False: {"entities": 0.80, "relations": 0.55, "indicators": 0.75}}

# Held-out texts the extractor does not yet bring to the bar, with the F1 measured when this was
# written (entities, relations, indicators). Their bar tests are strict xfails: they fail the run
# the day they pass (remove the entry then), and test_no_regression_below_measured keeps every
# figure from dropping more than 0.03 below what was measured. Rules were never tuned on them.
BELOW_BAR = {
    "zh-science-city.gold.json": (0.742, 0.488, 0.900),
}


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.gold.json"))


def text_of(gold: dict, path: Path) -> Path:
    doc_id = path.name[:-len(".gold.json")]
    for candidate in (GOLD / "texts" / f"{doc_id}.txt", ROOT / gold["document"].get("source", "")):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no text for {path.name}")


@pytest.fixture(scope="module")
def scores() -> dict[str, tuple[dict, object]]:
    out = {}
    for path in gold_files():
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = text_of(gold, path).read_text(encoding="utf-8")
        lang = gold["document"].get("lang", "zh")
        pred = to_contract(extract_text(text, gold["document"]["id"], lang=lang))
        out[path.name] = (gold, evaluate(pred, gold))
    return out


def test_there_is_gold_for_the_sample():
    assert (GOLD / "huangpu-14th-fyp-proposal.gold.json").is_file()


def _bar_params():
    for p in gold_files():
        if p.name in BELOW_BAR:
            yield pytest.param(p.name, marks=pytest.mark.xfail(
                strict=True, reason=f"held-out text below the bar (measured F1 {BELOW_BAR[p.name]})"))
        else:
            yield p.name


@pytest.mark.parametrize("name", list(_bar_params()))
def test_quality_bars(scores, name):
    gold, report = scores[name]
    doc = gold["document"]
    print(f"\n{name}: entities F1 {report.entities_typed.f1:.3f}, relations F1 {report.relations.f1:.3f}, "
          f"indicators F1 {report.indicators.f1:.3f}")
    if doc.get("lang", "zh") != "zh":
        return                       # English extraction is the ingest helper's (asserted there)
    bars = BARS[bool(doc.get("tuned"))]
    assert report.entities_typed.f1 >= bars["entities"]
    assert report.relations.f1 >= bars["relations"]
    assert report.indicators.f1 >= bars["indicators"]


@pytest.mark.parametrize("name", sorted(BELOW_BAR))
def test_no_regression_below_measured(scores, name):
    _, report = scores[name]
    measured = BELOW_BAR[name]
    got = (report.entities_typed.f1, report.relations.f1, report.indicators.f1)
    assert all(g >= m - 0.03 for g, m in zip(got, measured)), (got, measured)
