"""The extractor's own dev texts (tests/dev/) keep extracting at the level they reached."""

import json
from pathlib import Path

import pytest

from extract.contract import to_contract
from extract.evaluate import evaluate
from extract.pipeline import extract_text

DEV = Path(__file__).parent / "dev"


@pytest.mark.parametrize("path", sorted(DEV.glob("*.gold.json")), ids=lambda p: p.name)
def test_dev_text(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (DEV / (path.name[: -len(".gold.json")] + ".txt")).read_text(encoding="utf-8")
    r = evaluate(to_contract(extract_text(text, gold["document"]["id"])), gold)
    assert r.entities_typed.f1 >= 0.85 and r.relations.f1 >= 0.85 and r.indicators.f1 >= 0.85
