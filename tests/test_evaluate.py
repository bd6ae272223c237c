"""Scoring on small hand-made cases whose right answers are worked out by hand."""

import json
from typing import Any

import pytest
from click.testing import CliRunner

from cli import main
from extract.evaluate import EvaluationError, evaluate, evaluate_paths, total

GOLD: dict[str, Any] = {
    "document": {"id": "d", "lang": "zh", "tuned": True},
    "entities": [
        {"type": "Platform", "name": "中新广州知识城", "aliases": ["知识城"]},
        {"type": "Industry", "name": "生物医药", "aliases": []},
        {"type": "Enterprise", "name": "百济神州", "aliases": []},
        {"type": "Region", "name": "新加坡", "aliases": []},
    ],
    "relations": [
        {"head": "知识城", "type": "ANCHORED_BY", "tail": "百济神州"},
        {"head": "中新广州知识城", "type": "COOPERATES_WITH", "tail": "新加坡"},
        {"head": "中新广州知识城", "type": "SERVES", "tail": "生物医药"},
    ],
    "indicators": [
        {
            "subject": None,
            "metric": "GDP",
            "value": 3700,
            "unit": "亿元",
            "comparator": "~",
            "year": 2020,
            "status": "achieved",
        },
        {
            "subject": "生物医药",
            "metric": "规模",
            "value": 500,
            "unit": "亿元",
            "comparator": ">=",
            "year": None,
            "status": "achieved",
        },
    ],
}


def ent(id_, type_, name, aliases=(), mentions=()):
    return {
        "id": id_,
        "type": type_,
        "name": name,
        "aliases": list(aliases),
        "mentions": [{"text": m} for m in mentions],
    }


PRED: dict[str, Any] = {
    "document": {"id": "d"},
    "entities": [
        ent("P/1", "Platform", "广州知识城", mentions=["知识城"]),  # matches through a mention text
        ent("I/1", "Industry", "“生物医药”"),  # quotes are normalised away
        ent("I/2", "Enterprise", "百济神州"),
        ent("R/1", "Platform", "新加坡"),  # wrong type
        ent("X/1", "Industry", "集成电路"),  # not in gold
    ],
    "relations": [
        {"head": "I/2", "type": "ANCHORED_BY", "tail": "P/1"},  # reversed: wrong
        {"head": "R/1", "type": "COOPERATES_WITH", "tail": "P/1"},  # either order, but R/1 mistyped
        {"head": "P/1", "type": "SERVES", "tail": "I/1"},
    ],
    "indicators": [
        {"subject": None, "value": 3700.0, "unit": "亿", "comparator": "=", "year": 2020, "status": "achieved"},
        {"subject": "X/1", "value": 500, "unit": "亿元", "comparator": ">=", "year": None, "status": "achieved"},
        {"subject": None, "value": 5, "unit": "%", "comparator": ">", "year": 2025, "status": "target"},
    ],
}


def test_entities_typed_untyped_and_per_type():
    r = evaluate(PRED, GOLD)
    assert (r.entities_typed.tp, r.entities_typed.n_pred, r.entities_typed.n_gold) == (3, 5, 4)
    assert r.entities_untyped.tp == 4
    assert r.entities_typed.precision == pytest.approx(3 / 5)
    assert r.entities_typed.recall == pytest.approx(3 / 4)
    assert r.entities_typed.f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert r.entities_by_type["Region"].tp == 0 and r.entities_by_type["Region"].n_gold == 1
    assert r.entities_by_type["Platform"].n_pred == 2 and r.entities_by_type["Platform"].tp == 1


def test_each_gold_entity_matches_one_prediction():
    pred = {"entities": [ent("a", "Platform", "知识城"), ent("b", "Platform", "中新广州知识城")]}
    r = evaluate(pred, {"entities": GOLD["entities"][:1]})
    assert (r.entities_typed.tp, r.entities_typed.n_pred) == (1, 2)


def test_relations_need_type_direction_and_typed_endpoints():
    r = evaluate(PRED, GOLD)
    assert (r.relations.tp, r.relations.n_pred, r.relations.n_gold) == (1, 3, 3)
    assert r.relations_by_type["SERVES"].tp == 1
    assert r.relations_by_type["ANCHORED_BY"].tp == 0


def test_cooperation_scores_either_way_round():
    pred = {
        "entities": [ent("P", "Platform", "知识城"), ent("R", "Region", "新加坡")],
        "relations": [{"head": "R", "type": "COOPERATES_WITH", "tail": "P"}],
    }
    assert evaluate(pred, GOLD).relations.tp == 1


def test_indicators_value_unit_year_subject_and_agreement():
    r = evaluate(PRED, GOLD)
    # 3700 亿 ≡ 亿元 matches; 500 has subject 集成电路 against gold 生物医药: no match; 5% is extra.
    assert (r.indicators.tp, r.indicators.n_pred, r.indicators.n_gold) == (1, 3, 2)
    assert r.comparator_agree == (0, 1)
    assert r.status_agree == (1, 1)


def test_null_subject_on_one_side_still_matches():
    pred = {"entities": [], "indicators": [dict(PRED["indicators"][1], subject=None)]}
    assert evaluate(pred, GOLD).indicators.tp == 1


def test_empty_prediction_scores_zero_not_error():
    r = evaluate({"entities": []}, GOLD)
    assert r.entities_typed.f1 == 0.0 and r.relations.recall == 0.0


def test_totals_are_micro_averaged():
    a = evaluate(PRED, GOLD)
    t = total([a, a])
    assert (t.entities_typed.tp, t.entities_typed.n_gold) == (6, 8)
    assert t.entities_typed.f1 == pytest.approx(a.entities_typed.f1)


def test_eval_command_files_and_folders(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "g").mkdir()
    (tmp_path / "p" / "d.extraction.json").write_text(json.dumps(PRED, ensure_ascii=False), "utf-8")
    (tmp_path / "g" / "d.gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), "utf-8")
    res = CliRunner().invoke(
        main, ["eval", str(tmp_path / "p" / "d.extraction.json"), str(tmp_path / "g" / "d.gold.json")]
    )
    assert res.exit_code == 0, res.output
    assert "typed" in res.output and "F1 0.667" in res.output
    res = CliRunner().invoke(main, ["eval", "--json", str(tmp_path / "p"), str(tmp_path / "g")])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["documents"][0]["entities"]["typed"]["tp"] == 3


def test_eval_rejects_a_file_that_is_not_json(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("nope", "utf-8")
    with pytest.raises(EvaluationError):
        evaluate_paths(bad, bad)
    res = CliRunner().invoke(main, ["eval", str(bad), str(bad)])
    assert res.exit_code == 1 and "not a JSON file" in res.output
