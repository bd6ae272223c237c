"""Quality bars for English: every gold file with lang "en" (written and annotated independently,
"tuned": false, never used to tune the rules) must reach typed entity F1 >= 0.75 and indicator
F1 >= 0.70 with the scorer of `policykg eval` (extract/evaluate.py).

As in tests/test_quality.py, a held-out text the extractor does not yet bring to a bar is listed
in BELOW_BAR with the F1 measured when this was written: its bar test is a strict xfail (it fails
the run the day it passes: remove the entry then) and test_no_regression_below_measured keeps the
figures from dropping more than 0.03 below what was measured.
"""
import json
from pathlib import Path

import pytest

from extract.contract import to_contract
from extract.evaluate import evaluate
from extract.pipeline import extract_file

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted(p for p in (ROOT / "tests" / "gold").glob("*.gold.json")
              if json.loads(p.read_text(encoding="utf-8"))["document"].get("lang") == "en")
ENTITY_F1 = 0.75
INDICATOR_F1 = 0.70
# measured (typed entity F1, indicator F1)
BELOW_BAR = {
    "en-hitech-zone.gold.json": {"entities": 0.667},
}
MEASURED = {
    "en-greater-bay-area.gold.json": (0.865, 0.741),
    "en-hitech-zone.gold.json": (0.667, 0.933),
}


def test_there_is_english_gold():
    assert len(GOLD) >= 2, "tests/gold/ should hold at least two English gold files"


@pytest.fixture(scope="module")
def scores():
    out = {}
    for g in GOLD:
        gold = json.loads(g.read_text(encoding="utf-8"))
        x = extract_file(ROOT / gold["document"]["source"])
        assert x.document.lang == "en"
        out[g.name] = evaluate(to_contract(x), gold)
    return out


def _params(kind):
    for g in GOLD:
        if kind in BELOW_BAR.get(g.name, {}):
            yield pytest.param(g.name, marks=pytest.mark.xfail(
                strict=True, reason=f"held-out text below the bar (measured {kind} F1 {BELOW_BAR[g.name][kind]})"))
        else:
            yield g.name


@pytest.mark.parametrize("gold", list(_params("entities")))
def test_english_entity_f1(scores, gold):
    r = scores[gold]
    assert r.entities_typed.f1 >= ENTITY_F1, (f"{gold}: typed entity P={r.entities_typed.precision:.2f} "
                                             f"R={r.entities_typed.recall:.2f} F1={r.entities_typed.f1:.2f}")


@pytest.mark.parametrize("gold", list(_params("indicators")))
def test_english_indicator_f1(scores, gold):
    r = scores[gold]
    assert r.indicators.f1 >= INDICATOR_F1, (f"{gold}: indicator P={r.indicators.precision:.2f} "
                                            f"R={r.indicators.recall:.2f} F1={r.indicators.f1:.2f}")


@pytest.mark.parametrize("gold", sorted(MEASURED))
def test_no_regression_below_measured(scores, gold):
    r = scores[gold]
    got = (r.entities_typed.f1, r.indicators.f1)
    assert all(g >= m - 0.03 for g, m in zip(got, MEASURED[gold])), (got, MEASURED[gold])
