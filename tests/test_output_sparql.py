"""SPARQL in process: the saved biomedicine query, ad-hoc queries, and the `policykg sparql` command."""

import pytest
from click.testing import CliRunner
from handmade import eid, handmade_extraction

from cli import main
from extract.contract import write_contract
from kg.iri import iri
from kg.output.rdf import to_dataset
from kg.output.sparql import SparqlError, run, saved_queries

BIOMEDICINE = "platforms-serving-biomedicine"


BIO_ISLAND = iri("Platform/guangzhou-international-bio-island")


def platforms(result) -> set:
    i = result.columns.index("platform")
    return {row[i] for row in result.rows}


def test_biomedicine_query_follows_narrower_and_broader_matches_only_for_platforms():
    result = run(to_dataset([handmade_extraction()]), saved_queries()[BIOMEDICINE][1])
    # 生物岛 serves 基因检测 (narrower than 生物医药), 将军山数字创新园 serves 高端生物医药 (broadMatch 生物医药);
    # 科学城 serves 集成电路 (not biomedicine) and 生物岛实验室 is an institution, not a platform.
    assert platforms(result) == {BIO_ISLAND, iri(eid("将军山数字创新园"))}
    rows = {tuple(map(str, r)) for r in result.rows}
    assert (
        str(BIO_ISLAND),
        "广州国际生物岛",
        "Guangzhou International Bio Island",
        "基因检测",
        "Genetic Testing",
        "None",
    ) in rows


def test_biomedicine_query_returns_bio_island_for_the_sample(sample_extraction):
    """Needs the extractor to find SERVES relations in the sample (生物岛生物医药集群 …)."""
    result = run(to_dataset([sample_extraction]), saved_queries()[BIOMEDICINE][1])
    assert BIO_ISLAND in platforms(result)
    names = {str(r[result.columns.index("platform_zh")]) for r in result.rows}
    assert any("生物岛" in n for n in names)


def test_saved_queries_run_and_are_described():
    ds = to_dataset([handmade_extraction()])
    queries = saved_queries()
    assert {BIOMEDICINE, "relation-evidence", "targets-by-year"} <= set(queries)
    for name, (description, text) in queries.items():
        assert description, name
        assert run(ds, text).kind == "rows"
    evidence = run(ds, queries["relation-evidence"][1])
    assert len(evidence.rows) == 4
    targets = run(ds, queries["targets-by-year"][1])
    assert [str(v) for v in targets.rows[0][:2]] == ["2025", "生物医药产业规模"]


def test_ask_and_errors():
    ds = to_dataset([handmade_extraction()])
    assert run(ds, "ASK { ?s ?p ?o }").boolean is True
    with pytest.raises(SparqlError):
        run(ds, "SELEC ?x WHERE { ?x ?p ?o }")


@pytest.fixture()
def graph_dir(tmp_path):
    write_contract(handmade_extraction(), tmp_path / "handmade.extraction.json")
    return tmp_path


def test_cli_sparql_text_file_and_saved(graph_dir, tmp_path):
    runner = CliRunner()
    out = runner.invoke(main, ["sparql", "--saved", BIOMEDICINE, "--graph", str(graph_dir), "--csv"])
    assert out.exit_code == 0, out.output
    assert "广州国际生物岛" in out.output and "Jiangjunshan Digital Innovation Park" in out.output
    rq = tmp_path / "q.rq"
    rq.write_text(
        "PREFIX pkg: <https://w3id.org/policykg/ontology#>\nSELECT (COUNT(?p) AS ?n) WHERE { ?p a pkg:Platform }",
        encoding="utf-8",
    )
    out = runner.invoke(main, ["sparql", str(rq), "--graph", str(graph_dir), "--csv"])
    assert out.exit_code == 0 and out.output.splitlines() == ["n", "3"], out.output
    out = runner.invoke(main, ["sparql", "SELECT * WHERE { ?s ?p", "--graph", str(graph_dir)])
    assert out.exit_code == 1 and out.output.startswith("policykg: error: SPARQL query failed")
    assert "Traceback" not in out.output


def test_readme_sparql_examples_are_the_saved_queries_and_run():
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sparql\n(.*?)```", readme, flags=re.S)
    saved = {text.strip() for _, text in saved_queries().values()}
    assert len(blocks) == 2 and all(b.strip() in saved for b in blocks)
    ds = to_dataset([handmade_extraction()])
    assert all(run(ds, b).rows for b in blocks)
