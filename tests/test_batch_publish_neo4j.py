"""ingest --neo4j against the project's own server: loads, skips, and converges after the server
is stopped in the middle of a load and started again."""

from pathlib import Path

import pytest
from neo4j_counts import counts

from kg.batch.ingest import IngestOptions, ingest
from kg.batch.manifest import Entry
from kg.batch.outcome import Outcome
from kg.batch.publish import Neo4jResult
from kg.batch.report import IngestReport

pytestmark = pytest.mark.neo4j


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def corpus(tmp_path, sample_text):
    src = tmp_path / "in"
    src.mkdir()
    paras = [p for p in sample_text.split("\n") if len(p) > 60]
    for k in range(6):
        body = "\n".join(paras[(5 * k + i) % len(paras)] for i in range(4))
        (src / f"doc{k}.txt").write_text(f"黄埔区规划第{k}号\n{body}\n", encoding="utf-8")
    (src / "en.txt").write_text(
        (ROOT / "tests" / "data" / "en-dev-nansha.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return src


def neo4j_result(report: IngestReport) -> Neo4jResult:
    assert report.neo4j is not None  # every ingest here loads into Neo4j
    return report.neo4j


def entry_of(outcome: Outcome) -> Entry:
    assert outcome.entry is not None
    return outcome.entry


def test_ingest_loads_and_a_rerun_loads_nothing(corpus, tmp_path, clean_db, neo4j_settings):
    r = ingest([corpus], tmp_path / "out", IngestOptions(workers=1, neo4j=True, neo4j_settings=neo4j_settings))
    assert r.ok and neo4j_result(r).loaded == 7 and neo4j_result(r).error is None
    ids = {e for o in r.outcomes for e in entry_of(o).entity_ids}
    n_entities = clean_db.execute_query("MATCH (n:Entity) RETURN count(n) AS n").records[0]["n"]
    assert n_entities == len(ids)
    before = counts(clean_db)
    again = ingest([corpus], tmp_path / "out", IngestOptions(workers=1, neo4j=True, neo4j_settings=neo4j_settings))
    assert neo4j_result(again).loaded == 0 and again.count("skipped") == 7
    assert counts(clean_db) == before


class StopServerAfterFirstBatch:
    def __init__(self):
        self.stopped = False

    def start(self, total, todo):
        pass

    def document(self, outcome):
        pass

    def message(self, text):
        if text.startswith("neo4j: loaded") and not self.stopped:
            from kg.neo4j.server import stop

            stop(log=lambda msg: None)
            self.stopped = True


def test_server_stopped_during_load_converges_on_rerun(corpus, tmp_path, clean_db, neo4j_settings):
    from kg.neo4j.server import start

    ingest([corpus], tmp_path / "ref", IngestOptions(workers=1, neo4j=True, neo4j_settings=neo4j_settings))
    reference = counts(clean_db)
    clean_db.execute_query("MATCH (n) DETACH DELETE n")

    stopper = StopServerAfterFirstBatch()
    try:
        cut = ingest(
            [corpus],
            tmp_path / "out",
            IngestOptions(workers=1, neo4j=True, neo4j_settings=neo4j_settings, load_batch=2),
            listener=stopper,
        )
    finally:
        if stopper.stopped:
            start(log=lambda msg: None)
    assert stopper.stopped
    loaded = neo4j_result(cut)
    assert not cut.ok and loaded.error and loaded.loaded == 2 and loaded.pending == 5
    assert "rerun" in str(loaded.error)

    rerun = ingest([corpus], tmp_path / "out", IngestOptions(workers=1, neo4j=True, neo4j_settings=neo4j_settings))
    assert rerun.ok and neo4j_result(rerun).loaded == 5 and rerun.count("skipped") == 7
    assert counts(clean_db) == reference


def test_changed_and_pruned_documents_are_replaced_and_retracted(
    corpus, tmp_path, clean_db, neo4j_settings, sample_text
):
    from kg.neo4j.load import loaded_documents

    out = tmp_path / "out"
    ingest([corpus], out, IngestOptions(workers=1, neo4j=True, neo4j_settings=neo4j_settings))
    paras = [p for p in sample_text.split("\n") if len(p) > 60]
    (corpus / "doc1.txt").write_text("黄埔区规划(修订)\n" + "\n".join(paras[40:43]) + "\n", encoding="utf-8")
    (corpus / "doc2.txt").unlink()
    r = ingest([corpus], out, IngestOptions(workers=1, neo4j=True, neo4j_settings=neo4j_settings, prune=True))
    assert r.ok and r.pruned == ("out/doc2",) and neo4j_result(r).loaded == 1 and neo4j_result(r).removed == 1
    assert loaded_documents(clean_db) == ["out/doc0", "out/doc1", "out/doc3", "out/doc4", "out/doc5", "out/en"]
    after = counts(clean_db)
    # the same as loading the current documents into an empty database
    clean_db.execute_query("MATCH (n) DETACH DELETE n")
    ingest([corpus], tmp_path / "fresh", IngestOptions(workers=1, neo4j=True, neo4j_settings=neo4j_settings))
    assert counts(clean_db) == after
