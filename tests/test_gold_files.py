"""The gold annotations themselves are consistent (tests/gold/validate.py)."""

import importlib.util
from pathlib import Path

import pytest

GOLD = Path(__file__).parent / "gold"
spec = importlib.util.spec_from_file_location("gold_validate", GOLD / "validate.py")
assert spec is not None and spec.loader is not None
validate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(validate)


GOLD_FILES = sorted([*GOLD.glob("*.gold.json"), *GOLD.glob("dev/*.gold.json"), *GOLD.glob("real/*/*.gold.json")])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_is_valid(path):
    errors = validate.validate(path)[0]
    assert errors == []
