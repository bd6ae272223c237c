"""`policykg stats`, `export` and `validate` over a graph folder and RDF files, no server."""

from click.testing import CliRunner
from handmade import handmade_extraction

from cli import main
from extract.contract import write_contract


def test_cli_stats_and_export(tmp_path):
    write_contract(handmade_extraction(), tmp_path / "handmade.extraction.json")
    runner = CliRunner()
    out = runner.invoke(main, ["stats", str(tmp_path)])
    assert out.exit_code == 0, out.output
    assert "SERVES" in out.output and "industries mapped to the taxonomy: 4 of 4" in out.output
    for fmt in ("ttl", "trig", "nq", "jsonld", "nt"):
        out = runner.invoke(main, ["export", str(tmp_path), "--format", fmt])
        assert out.exit_code == 0 and (tmp_path / f"graph.{fmt}").exists(), out.output
    out = runner.invoke(main, ["validate", str(tmp_path / "graph.trig")])
    assert out.exit_code == 0 and "conforms" in out.output
    (tmp_path / "broken.ttl").write_text(
        "<https://w3id.org/policykg/id/Region/x> a <https://w3id.org/policykg/ontology#Region> .", encoding="utf-8"
    )
    out = runner.invoke(main, ["validate", str(tmp_path / "broken.ttl")])
    assert out.exit_code == 1 and "an entity has a Chinese label" in out.output
