"""`policykg build`: every output written, bad files skipped, SHACL checked (a broken graph fails loudly)."""

from pathlib import Path

import networkx as nx
import pytest
from handmade import eid, handmade_extraction
from rdf_terms import literals
from rdflib import Graph

from extract.model import Relation
from kg.batch.build import build
from kg.output.shacl import ShaclViolations

ROOT = Path(__file__).resolve().parents[1]


def test_build_writes_all_outputs(tmp_path, sample_path):
    report = build([sample_path], tmp_path)
    assert report.ok == (str(sample_path),) and not report.failed
    assert (tmp_path / "huangpu-14th-fyp-proposal.extraction.json").exists()
    g = Graph().parse(tmp_path / "graph.ttl")
    assert len(g) > 100
    h = nx.read_graphml(tmp_path / "graph.graphml")
    assert sum(1 for _, d in h.nodes(data=True) if d["kind"] == "entity") == len(report.extractions[0].entities)
    assert (tmp_path / "graph.trig").exists() and (tmp_path / "graph.json").exists()
    assert report.shacl is not None and report.shacl.conforms


def test_build_skips_bad_file_and_keeps_good(tmp_path, sample_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    report = build([tmp_path / "in"], tmp_path / "out")
    assert [p for p, _ in report.failed] == [str(tmp_path / "in" / "empty.txt")]
    assert (tmp_path / "out" / "good.extraction.json").exists()


def test_build_fails_loudly_with_the_report_on_violations(tmp_path, monkeypatch):
    import kg.batch.build
    import kg.batch.worker

    bad = handmade_extraction()
    bad = bad.__class__(
        bad.document,
        bad.entities,
        bad.relations + (Relation(eid("集成电路"), "SERVES", eid("广州科学城"), bad.relations[0].evidence, "bad"),),
        bad.indicators,
    )
    monkeypatch.setattr(kg.batch.worker, "extract_source", lambda text, doc_id, source: bad)
    (tmp_path / "in.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ShaclViolations) as err:
        kg.batch.build.build([tmp_path / "in.txt"], tmp_path / "out")
    assert "SERVES starts at a Platform, Institution or Project" in str(err.value)
    assert (tmp_path / "out" / "graph.trig").exists()  # kept for inspection


def test_english_and_chinese_build_conforms_to_the_shapes(tmp_path, sample_path):
    from rdflib import RDFS, Literal

    from kg.batch.build import build
    from kg.iri import iri

    report = build(
        [ROOT / "tests" / "data" / "en-dev-nansha.txt", ROOT / "tests" / "data" / "en-dev-suzhou.txt", sample_path],
        tmp_path / "out",
    )
    assert report.shacl.conforms, report.shacl.text()
    en_only = [e for x in report.extractions for e in x.entities if e.name_en_source == "document"]
    assert en_only
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    e = en_only[0]
    assert (iri(e.id), RDFS.label, Literal(e.name, lang="en")) in g
    assert not [o for o in literals(g, iri(e.id), RDFS.label) if o.language == "zh"]


def test_a_build_into_a_folder_of_ingested_documents_agrees_with_its_stats(tmp_path):
    """`make run` into a folder that also holds ingested documents: stats and RDF count the same documents."""
    from kg.batch.ingest import IngestOptions, ingest
    from kg.folder import read_contracts
    from kg.output.rdf import parse
    from kg.output.stats import compute

    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    for k in range(2):
        (old / f"old{k}.txt").write_text(f"第{k}号:中新广州知识城位于黄埔区。\n", encoding="utf-8")
    (new / "plan.txt").write_text("广州开发区推进生物医药产业发展。\n", encoding="utf-8")
    out = tmp_path / "graph"
    assert ingest([old], out, IngestOptions(workers=1)).ok
    build([new], out)
    documents_in_rdf = {
        str(g.identifier) for g in parse(out / "graph.trig").graphs() if "/Document/" in str(g.identifier)
    }
    assert compute(read_contracts(out)).documents == len(documents_in_rdf) == 1
    assert sorted(p.name for p in out.glob("*.extraction.json")) == ["plan.extraction.json"]
