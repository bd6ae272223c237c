"""`policykg query` and `policykg load` through the CLI, against the real server."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import taxonomy_fixture as TAX
from neo4j_docs import DocBuilder

from extract.contract import write_contract
from kg.batch.build import build
from kg.iri import iri
from kg.neo4j.load import load

pytestmark = pytest.mark.neo4j


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def cli(neo4j_settings):
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USER": neo4j_settings.user,
        "NEO4J_PASSWORD": neo4j_settings.password,
    }
    env.pop("NEO4J_DATABASE", None)

    def run(*args):
        return subprocess.run(
            [sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True, env=env, cwd=ROOT
        )

    return run


def rows_json(res):
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def industry_documents():
    """Three parks: one serves 生物医药, one a narrower industry (创新药), one 集成电路 only."""
    d = DocBuilder(
        "industry-doc",
        [
            "甲园区服务生物医药产业。",
            "丙园区聚焦创新药研发。",
            "丁园区发展集成电路。",
            "丙园区位于戊新城。",
            "己实验室位于庚科技城,研究生物医药。",
        ],
    )
    bio = d.entity("Industry", "生物医药", "Biomedicine", aliases=("生物医药产业",), mentions=((0, "生物医药"),))
    drugs = d.entity("Industry", "创新药", "Innovative Drugs", mentions=((1, "创新药"),))
    ic = d.entity("Industry", "集成电路", "Integrated Circuits", mentions=((2, "集成电路"),))
    p1 = d.entity("Platform", "甲园区", "Park Jia", mentions=((0, "甲园区"),))
    p2 = d.entity("Platform", "丙园区", "Park Bing", mentions=((1, "丙园区"),))
    p3 = d.entity("Platform", "丁园区", "Park Ding", mentions=((2, "丁园区"),))
    host = d.entity("Platform", "戊新城", "Wu New Town", mentions=((3, "戊新城"),))
    lab = d.entity("Institution", "己实验室", "Ji Laboratory", mentions=((4, "己实验室"),))
    lab_host = d.entity("Platform", "庚科技城", "Geng Science Town", mentions=((4, "庚科技城"),))
    x = d.build(
        [bio, drugs, ic, p1, p2, p3, host, lab, lab_host],
        [
            d.relation(p1, "SERVES", bio, 0, "甲园区服务生物医药"),
            d.relation(p2, "SERVES", drugs, 1, "丙园区聚焦创新药"),
            d.relation(p3, "SERVES", ic, 2, "丁园区发展集成电路"),
            d.relation(p2, "LOCATED_IN", host, 3, "丙园区位于戊新城"),
            d.relation(lab, "LOCATED_IN", lab_host, 4, "己实验室位于庚科技城"),
            d.relation(lab, "SERVES", bio, 4, "己实验室位于庚科技城,研究生物医药"),
        ],
    )
    return x, {p.name: str(iri(p.id)) for p in (p1, p2, p3, host, lab, lab_host)}


@pytest.mark.parametrize("industry", ["生物医药", "Biomedicine", "biomedicine", "生物医药产业"])
def test_platforms_serving_industry_include_narrower_industries(industry, clean_db, cli):
    x, ids = industry_documents()
    load(clean_db, [x], taxonomy=TAX)
    got = rows_json(cli("query", "--saved", "platforms-serving-industry", "--param", f"industry={industry}", "--json"))
    assert {r["id"] for r in got} == {ids["甲园区"], ids["丙园区"], ids["戊新城"], ids["庚科技城"]}
    by_id = {r["id"]: r for r in got}
    assert by_id[ids["丙园区"]]["industries"] == ["创新药"]
    assert by_id[ids["甲园区"]]["first_evidence"] == "甲园区服务生物医药产业。"
    assert by_id[ids["甲园区"]]["via"] == [] and by_id[ids["丙园区"]]["via"] == []
    assert by_id[ids["戊新城"]]["via"] == ["丙园区"] and by_id[ids["庚科技城"]]["via"] == ["己实验室"]


def test_platforms_serving_a_narrow_industry_exclude_broader_ones(clean_db, cli):
    x, ids = industry_documents()
    load(clean_db, [x], taxonomy=TAX)
    got = rows_json(
        cli("query", "--saved", "platforms-serving-industry", "--param", "industry=Innovative Drugs", "--json")
    )
    assert sorted(r["id"] for r in got) == sorted([ids["丙园区"], ids["戊新城"]])
    # without the taxonomy the narrower industry is not linked: only the direct statement is found
    clean_db.execute_query("MATCH (n) DETACH DELETE n")
    load(clean_db, [x], taxonomy=None)
    got = rows_json(cli("query", "--saved", "platforms-serving-industry", "--param", "industry=Biomedicine", "--json"))
    assert sorted(r["id"] for r in got) == sorted([ids["甲园区"], ids["庚科技城"]])


@pytest.mark.parametrize("industry", ["生物医药", "Biomedicine"])
def test_sample_biomedicine_platforms(industry, sample_extraction, clean_db, cli):
    """The sample states that 生物岛 and 中新广州知识城 serve biomedicine; production taxonomy."""
    load(clean_db, [sample_extraction])
    expected = {
        str(iri(e.id)) for e in sample_extraction.entities if {"生物岛", "中新广州知识城"} & {e.name, *e.aliases}
    }
    assert len(expected) == 2
    got = rows_json(cli("query", "--saved", "platforms-serving-industry", "--param", f"industry={industry}", "--json"))
    assert expected <= {r["id"] for r in got}, f"platforms found: {[r['platform'] for r in got]}"


def test_query_refuses_writes_without_write_flag(clean_db, cli):
    res = cli("query", "CREATE (:Probe {name: 'x'}) RETURN 1")
    assert res.returncode == 1
    assert len(res.stderr.strip().splitlines()) == 1 and "--write" in res.stderr
    assert "Traceback" not in res.stderr
    assert clean_db.execute_query("MATCH (n:Probe) RETURN count(n) AS n").records[0]["n"] == 0
    res = cli("query", "--write", "CREATE (:Probe {name: $name}) RETURN 1 AS ok", "--param", "name=x")
    assert res.returncode == 0, res.stderr
    assert clean_db.execute_query("MATCH (n:Probe {name: 'x'}) RETURN count(n) AS n").records[0]["n"] == 1


def test_params_json_and_csv(clean_db, cli):
    weird = 'O\'Brien "Labs" \\ RETURN 1 //'
    got = rows_json(
        cli(
            "query",
            "RETURN $a AS a, $b AS b, $c AS c, $d AS d",
            "--param",
            "a=2025",
            "--param",
            f"b={weird}",
            "--param",
            'c="2025"',
            "--param",
            "d=[1, 2]",
            "--json",
        )
    )
    assert got == [{"a": 2025, "b": weird, "c": "2025", "d": [1, 2]}]
    res = cli("query", "UNWIND [1, 2] AS n RETURN n, $t AS t, ['x', 'y'] AS l", "--param", "t=甲,乙", "--csv")
    assert res.returncode == 0, res.stderr
    assert list(csv.reader(io.StringIO(res.stdout))) == [
        ["n", "t", "l"],
        ["1", "甲,乙", '["x", "y"]'],
        ["2", "甲,乙", '["x", "y"]'],
    ]


def test_hostile_names_through_saved_queries(clean_db, cli):
    name = 'RETURN "x" // \') MATCH (n) DETACH DELETE n \\'
    d = DocBuilder("hostile", [f"本文提到{name}。"])
    e = d.entity("Enterprise", name, name_en="Evil \\ 'Corp'", mentions=((0, name),))
    load(clean_db, [d.build([e])], taxonomy=None)
    got = rows_json(cli("query", "--saved", "entity-profile", "--param", f"name={name}", "--json"))
    assert len(got) == 1 and got[0]["name_zh"] == name and got[0]["name_en"] == "Evil \\ 'Corp'"
    assert got[0]["mentions"][0]["evidence"] == f"本文提到{name}。"
    got = rows_json(cli("query", "--saved", "entity-profile", "--param", "name=evil \\ 'corp'", "--json"))
    assert [r["name_zh"] for r in got] == [name]
    # full-text search takes the text literally: Lucene syntax in it is neither an error nor an operator
    got = rows_json(cli("query", "--saved", "fulltext-search", "--param", "q=Evil \\ 'Corp' AND (", "--json"))
    assert [r["name_zh"] for r in got] == [name]


def test_fulltext_search_in_both_languages(sample_extraction, clean_db, cli):
    load(clean_db, [sample_extraction], taxonomy=TAX)
    knowledge_city = str(iri("Platform/sino-singapore-guangzhou-knowledge-city"))
    for q in ("知识城", "knowledge city", "SSGKC"):
        got = rows_json(cli("query", "--saved", "fulltext-search", "--param", f"q={q}", "--json"))
        assert got and got[0]["id"] == knowledge_city, q
    got = rows_json(cli("query", "--saved", "fulltext-search", "--param", "q=Innovative Drugs", "--json"))
    assert got[0]["kind"] == "taxonomy" and got[0]["name_zh"] == "创新药"


def test_targets_documents_and_cooperation(clean_db, cli):
    d = DocBuilder(
        "coop-doc",
        [
            "甲园区与乙大学合作共建实验室。",
            "甲园区与乙大学深化合作。",
            "到2025年甲园区产值达到500亿元。",
            "到2030年全区生产总值达到9000亿元。",
        ],
    )
    park = d.entity("Platform", "甲园区", "Park Jia", mentions=((0, "甲园区"), (1, "甲园区"), (2, "甲园区")))
    uni = d.entity("Institution", "乙大学", "Yi University", mentions=((0, "乙大学"), (1, "乙大学")))
    x = d.build(
        [park, uni],
        [
            d.relation(park, "COOPERATES_WITH", uni, 0, "甲园区与乙大学合作"),
            d.relation(uni, "COOPERATES_WITH", park, 1, "甲园区与乙大学深化合作"),
        ],
        [
            d.indicator(park, "产值", 500, "亿元", 2025, 2, "500亿元"),
            d.indicator(None, "生产总值", 9000, "亿元", 2030, 3, "9000亿元"),
        ],
    )
    load(clean_db, [x], taxonomy=None)
    got = rows_json(cli("query", "--saved", "targets", "--param", "year=2025", "--param", "subject=Park Jia", "--json"))
    assert [(r["subject"], r["value"], r["evidence"]) for r in got] == [
        ("甲园区", 500.0, "到2025年甲园区产值达到500亿元。")
    ]
    got = rows_json(cli("query", "--saved", "targets", "--param", "year=2030", "--json"))
    assert [(r["subject"], r["metric"]) for r in got] == [("测试文件", "生产总值")]
    got = rows_json(cli("query", "--saved", "cooperation-network", "--json"))
    assert [(r["statements"], r["documents"]) for r in got] == [(2, ["coop-doc"])]
    assert {got[0]["entity_a"], got[0]["entity_b"]} == {"甲园区", "乙大学"}
    got = rows_json(cli("query", "--saved", "documents-mentioning", "--param", "name=yi university", "--json"))
    assert [(r["document"], r["mentions"], r["first_sentence"]) for r in got] == [
        ("coop-doc", 2, "甲园区与乙大学合作共建实验室。")
    ]


def test_load_cli_prune_and_table(tmp_path, clean_db, cli):
    x, _ = industry_documents()
    write_contract(x, tmp_path / "industry-doc.extraction.json")
    d = DocBuilder("other-doc", ["戊园区。"])
    write_contract(
        d.build([d.entity("Platform", "戊园区", mentions=((0, "戊园区"),))]), tmp_path / "other-doc.extraction.json"
    )
    res = cli("load", str(tmp_path))
    assert res.returncode == 0, res.stderr
    assert "loaded 2 documents" in res.stdout
    (tmp_path / "other-doc.extraction.json").unlink()
    res = cli("load", str(tmp_path), "--prune")
    assert res.returncode == 0, res.stderr
    assert "pruned 1" in res.stdout
    res = cli("query", "MATCH (d:Document) RETURN d.doc_id AS doc ORDER BY doc")
    assert res.returncode == 0 and "industry-doc" in res.stdout and "other-doc" not in res.stdout
    assert res.stdout.rstrip().endswith("1 rows")


@pytest.mark.parametrize("command", [("query", "RETURN 1"), ("load", "tests")])
def test_server_down_or_wrong_password_is_one_line(command, tmp_path, neo4j_settings):
    if command[0] == "load":
        d = DocBuilder("x", ["甲。"])
        write_contract(d.build(), tmp_path / "x.extraction.json")
        command = ("load", str(tmp_path))
    cases = {
        "not reachable": {"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "x"},
        "refused the credentials": {"NEO4J_URI": neo4j_settings.uri, "NEO4J_PASSWORD": "definitely-wrong"},
    }
    for expected, env in cases.items():
        res = subprocess.run(
            [sys.executable, str(ROOT / "cli.py"), *command],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
            cwd=ROOT,
        )
        assert res.returncode == 1
        lines = [ln for ln in res.stderr.splitlines() if not ln.startswith("warning:")]
        assert len(lines) == 1 and expected in lines[0], res.stderr
        assert "definitely-wrong" not in res.stderr and "Traceback" not in res.stderr


def test_query_prints_loaded_count(tmp_path, sample_path, clean_db, cli):
    report = build([sample_path], tmp_path)
    load(clean_db, report.extractions)
    res = cli("query", "MATCH (n:Entity) RETURN count(n) AS n")
    assert res.returncode == 0, res.stderr
    assert str(len(report.extractions[0].entities)) in res.stdout
