"""Quality bars for English: every gold file with lang "en" (written and annotated independently,
"tuned": false, never used to tune the rules) must reach typed entity F1 >= 0.75 and indicator
F1 >= 0.70 with the scorer of `policykg eval` (extract/evaluate.py)."""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted(p for p in (ROOT / "tests" / "gold").glob("*.gold.json")
              if json.loads(p.read_text(encoding="utf-8"))["document"].get("lang") == "en")
ENTITY_F1 = 0.75
INDICATOR_F1 = 0.70


def test_there_is_english_gold():
    assert len(GOLD) >= 2, "tests/gold/ should hold at least two English gold files"


@pytest.fixture(scope="module")
def scores():
    evaluate = pytest.importorskip("extract.evaluate", reason="the scorer (extract/evaluate.py) has not landed yet")
    from extract.contract import to_contract
    from extract.pipeline import extract_file
    out = {}
    for g in GOLD:
        gold = json.loads(g.read_text(encoding="utf-8"))
        x = extract_file(ROOT / gold["document"]["source"])
        assert x.document.lang == "en"
        out[g.name] = evaluate.evaluate(to_contract(x), gold)
    return out


@pytest.mark.parametrize("gold", [g.name for g in GOLD])
def test_english_entity_f1(scores, gold):
    r = scores[gold]
    assert r.entities_typed.f1 >= ENTITY_F1, (f"{gold}: typed entity P={r.entities_typed.precision:.2f} "
                                             f"R={r.entities_typed.recall:.2f} F1={r.entities_typed.f1:.2f}")


@pytest.mark.parametrize("gold", [g.name for g in GOLD])
def test_english_indicator_f1(scores, gold):
    r = scores[gold]
    assert r.indicators.f1 >= INDICATOR_F1, (f"{gold}: indicator P={r.indicators.precision:.2f} "
                                            f"R={r.indicators.recall:.2f} F1={r.indicators.f1:.2f}")
