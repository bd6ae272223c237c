"""policykg ingest: incremental by content hash, parallel, robust to bad files, resumable."""

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from docmakers import make_docx
from rdflib import Graph

from extract.contract import read_contract
from kg.batch.ingest import IngestOptions, ingest

ROOT = Path(__file__).resolve().parents[1]


KC = "Platform/sino-singapore-guangzhou-knowledge-city"


EN = (ROOT / "tests" / "data" / "en-dev-nansha.txt").read_text(encoding="utf-8")


def paragraphs(sample_text, n, offset=0):
    paras = [p for p in sample_text.split("\n") if len(p) > 60]
    return "\n".join(paras[(offset + i) % len(paras)] for i in range(n)) + "\n"


@pytest.fixture()
def corpus(tmp_path, sample_text):
    """Six small Chinese documents, one English one."""
    src = tmp_path / "in"
    src.mkdir()
    for k in range(6):
        (src / f"doc{k}.txt").write_text(f"黄埔区规划第{k}号\n" + paragraphs(sample_text, 4, 5 * k), encoding="utf-8")
    (src / "en.txt").write_text(EN, encoding="utf-8")
    return src


def contracts(out):
    """Each document's extraction, minus what legitimately differs between runs (nothing should)."""
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(out).glob("*.extraction.json"))}


def triples(out):
    return set(Graph().parse(Path(out) / "graph.ttl"))


def test_ingest_then_rerun_skips_everything(corpus, tmp_path):
    out = tmp_path / "out"
    first = ingest([corpus], out, IngestOptions(workers=1))
    assert first.count("ok") == 7 and first.ok
    assert {o.lang for o in first.outcomes} == {"zh", "en"}
    second = ingest([corpus], out, IngestOptions(workers=1))
    assert second.count("skipped") == 7 and second.count("ok") == 0
    assert not second.graph_rebuilt
    assert all(o.reason == "unchanged" for o in second.outcomes)


def test_changed_document_is_replaced_and_prune_drops_removed(corpus, tmp_path, sample_text):
    out = tmp_path / "out"
    ingest([corpus], out, IngestOptions(workers=1))
    (corpus / "doc1.txt").write_text("黄埔区规划\n" + paragraphs(sample_text, 2, 40), encoding="utf-8")
    (corpus / "doc2.txt").unlink()
    r = ingest([corpus], out, IngestOptions(workers=1))
    assert [o.path for o in r.outcomes if o.status == "ok"] == [str(corpus / "doc1.txt")]
    assert r.outcomes[[o.path for o in r.outcomes].index(str(corpus / "doc1.txt"))].doc_id == "out/doc1"
    assert (out / "doc2.extraction.json").exists()  # without --prune the old document stays
    assert r.totals.documents == 7
    r = ingest([corpus], out, IngestOptions(workers=1, prune=True))
    assert r.pruned == ("out/doc2",) and not (out / "doc2.extraction.json").exists()
    assert r.totals.documents == 6
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(e["doc_id"] for e in manifest["documents"].values()) == [
        "out/doc0",
        "out/doc1",
        "out/doc3",
        "out/doc4",
        "out/doc5",
        "out/en",
    ]
    # the rebuilt graph has no trace of doc2
    assert not any("doc2" in str(s) for s, _, _ in triples(out))


def test_two_workers_give_the_same_outputs_as_one(corpus, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    ingest([corpus], a, IngestOptions(workers=1, corpus="c"))
    rb = ingest([corpus], b, IngestOptions(workers=2, corpus="c"))
    assert rb.count("ok") == 7
    assert contracts(a) == contracts(b)
    assert triples(a) == triples(b)


def test_mixed_bad_batch_keeps_the_good_and_reports_the_bad(tmp_path, sample_text):
    src = tmp_path / "in"
    src.mkdir()
    good = make_docx(src / "good.docx", paragraphs(sample_text, 3).splitlines())
    broken = src / "broken.docx"
    broken.write_bytes(good.read_bytes()[:900])  # a truncated download
    (src / "empty.txt").write_bytes(b"")
    (src / "random.txt").write_bytes(os.urandom(3000).replace(b"\x00", b"\x01") + b"\x00" * 8)
    (src / "gb.txt").write_bytes(paragraphs(sample_text, 3, 7).encode("gb18030"))
    (src / "en.md").write_text(EN, encoding="utf-8")
    report_file = tmp_path / "report.json"
    res = subprocess.run(
        [
            sys.executable,
            str(ROOT / "cli.py"),
            "ingest",
            str(src),
            "--out",
            str(tmp_path / "out"),
            "--workers",
            "2",
            "--report",
            str(report_file),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    report = json.loads(report_file.read_text(encoding="utf-8"))
    status = {Path(d["path"]).name: (d["status"], d["reason"]) for d in report["documents"]}
    assert {k for k, v in status.items() if v[0] == "ok"} == {"good.docx", "gb.txt", "en.md"}
    assert "corrupt .docx" in status["broken.docx"][1]
    assert status["empty.txt"][1] == "empty file"
    assert "binary" in status["random.txt"][1]
    assert report["summary"]["failed"] == 3 and report["summary"]["ok"] == 3
    failed_lines = [ln for ln in res.stderr.splitlines() if ln.startswith("failed: ")]
    assert len(failed_lines) == 3  # one clear line per bad file
    langs = {Path(d["path"]).name: d["lang"] for d in report["documents"] if d["status"] == "ok"}
    assert langs == {"good.docx": "zh", "gb.txt": "zh", "en.md": "en"}
    gb = [d for d in report["documents"] if d["path"].endswith("gb.txt")][0]
    assert gb["encoding"] == "gb18030"
    # the extracted text of the .docx is stored beside it and the offsets index it
    text = (tmp_path / "out" / "good.text.txt").read_text(encoding="utf-8")
    x = read_contract(tmp_path / "out" / "good.extraction.json")
    assert all(text[s.start : s.end] == s.text for s in x.document.sentences)


class StopAfter:
    def __init__(self, n):
        self.n = n
        self.seen = 0

    def start(self, total, todo):
        pass

    def document(self, outcome):
        if outcome.status == "ok":
            self.seen += 1
            if self.seen >= self.n:
                raise KeyboardInterrupt

    def message(self, text):
        pass


@pytest.mark.parametrize("workers", [1, 2])
def test_interrupted_ingest_resumes_to_the_same_graph(corpus, tmp_path, workers):
    whole, cut = tmp_path / "whole", tmp_path / "cut"
    ingest([corpus], whole, IngestOptions(workers=1, corpus="c"))
    with pytest.raises(KeyboardInterrupt):
        ingest([corpus], cut, IngestOptions(workers=workers, corpus="c"), listener=StopAfter(3))
    done = json.loads((cut / "manifest.json").read_text(encoding="utf-8"))["documents"]
    assert 3 <= len(done) < 7
    resumed = ingest([corpus], cut, IngestOptions(workers=workers, corpus="c"))
    assert resumed.count("skipped") == len(done) and resumed.count("ok") == 7 - len(done)
    assert contracts(whole) == contracts(cut)
    assert triples(whole) == triples(cut)
    g1, g2 = nx.read_graphml(whole / "graph.graphml"), nx.read_graphml(cut / "graph.graphml")
    assert set(g1.nodes) == set(g2.nodes) and g1.number_of_edges() == g2.number_of_edges()


def test_killed_ingest_resumes(corpus, tmp_path):
    """A real kill -9 in the middle of a run, then a rerun: same outputs as an uninterrupted run."""
    import time

    whole, cut = tmp_path / "whole", tmp_path / "cut"
    ingest([corpus], whole, IngestOptions(workers=1, corpus="c"))
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "cli.py"),
            "ingest",
            str(corpus),
            "--out",
            str(cut),
            "--workers",
            "1",
            "--no-progress",
            "--corpus",
            "c",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    manifest = cut / "manifest.json"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if (
            manifest.exists()
            and len(json.loads(manifest.read_text(encoding="utf-8") or "{}").get("documents", {})) >= 2
        ):
            break
        time.sleep(0.02)
    proc.kill()
    proc.wait()
    ingest([corpus], cut, IngestOptions(workers=1))
    assert contracts(whole) == contracts(cut)
    assert triples(whole) == triples(cut)


def test_duplicate_content_and_colliding_names(tmp_path, sample_text):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    body = paragraphs(sample_text, 2)
    (tmp_path / "a" / "plan.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b" / "plan.txt").write_text(body + paragraphs(sample_text, 1, 9), encoding="utf-8")
    (tmp_path / "a" / "copy.txt").write_text(body, encoding="utf-8")
    r = ingest([tmp_path / "a", tmp_path / "b"], tmp_path / "out", IngestOptions(workers=1))
    ids = sorted(str(o.doc_id) for o in r.outcomes if o.status == "ok")
    assert len(ids) == 2 and len(set(ids)) == 2 and "out/plan" in ids
    skipped = [o for o in r.outcomes if o.status == "skipped"]
    assert len(skipped) == 1 and str(skipped[0].reason).startswith("same content as")
    assert r.ok


def test_globs_and_missing_inputs(corpus, tmp_path):
    r = ingest(
        [str(corpus / "doc[0-2].txt"), str(tmp_path / "nope.txt"), str(tmp_path / "*.docx")],
        tmp_path / "out",
        IngestOptions(workers=1),
    )
    assert r.count("ok") == 3
    reasons = sorted(str(o.reason) for o in r.outcomes if o.status == "failed")
    assert reasons == ["no document matches this pattern", "no such file or folder"]
    assert not r.ok


def test_cross_language_one_node(tmp_path, sample_text):
    src = tmp_path / "in"
    src.mkdir()
    (src / "zh.txt").write_text(paragraphs(sample_text, 6), encoding="utf-8")
    (src / "en.txt").write_text("Guangzhou Knowledge City will host the Bioland Laboratory.\n", encoding="utf-8")
    ingest([src], tmp_path / "out", IngestOptions(workers=1))
    from kg.iri import iri

    g = nx.read_graphml(tmp_path / "out" / "graph.graphml")
    assert json.loads(g.nodes[str(iri(KC))]["documents"]) == ["out/en", "out/zh"]
    rdf = Graph().parse(tmp_path / "out" / "graph.ttl")
    from kg.vocab import PKG

    sources = {str(o) for o in rdf.objects(iri(KC), PKG.mentionedIn)}
    assert any("/Document/out/en/" in s for s in sources) and any("/Document/out/zh/" in s for s in sources)


def test_cli_summary_plain_lines_and_exit_zero(corpus, tmp_path):
    res = subprocess.run(
        [
            sys.executable,
            str(ROOT / "cli.py"),
            "ingest",
            str(corpus),
            "--out",
            str(tmp_path / "o"),
            "--workers",
            "1",
            "--validate",
            "--report",
            str(tmp_path / "r.json"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert res.returncode == 0, res.stderr
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["shacl"] == {
        "conforms": True,
        "violations": [],
    }
    assert "documents: 7 ok, 0 skipped, 0 failed" in res.stdout
    assert res.stdout.count("[") >= 7  # no terminal: one plain line per document
    res = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "ingest", str(corpus), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert res.returncode == 0 and "documents: 0 ok, 7 skipped, 0 failed" in res.stdout


def crash_on_doc3(task):
    """Stands in for a worker that dies (a crash in a C library, the OOM killer) on one document."""
    from kg.batch.worker import run_task

    if task.path.endswith("doc3.txt"):
        os._exit(70)
    return run_task(task)


def test_a_worker_dying_fails_only_its_document(corpus, tmp_path, monkeypatch):
    import kg.batch.run

    monkeypatch.setattr(kg.batch.run, "run_task", crash_on_doc3)
    r = ingest([corpus], tmp_path / "out", IngestOptions(workers=2))
    failed = [o for o in r.outcomes if o.status == "failed"]
    assert [Path(o.path).name for o in failed] == ["doc3.txt"]
    assert "worker process died" in str(failed[0].reason)
    assert r.count("ok") == 6


def test_a_changed_extractor_re_extracts_unchanged_documents(corpus, tmp_path, monkeypatch):
    import kg.batch.ingest

    out = tmp_path / "out"
    ingest([corpus], out, IngestOptions(workers=1))
    assert ingest([corpus], out, IngestOptions(workers=1)).count("skipped") == 7
    monkeypatch.setattr(kg.batch.ingest, "extractor_fingerprint", lambda: "new-rules")
    r = ingest([corpus], out, IngestOptions(workers=1))
    assert r.count("ok") == 7 and r.graph_rebuilt
    assert ingest([corpus], out, IngestOptions(workers=1)).count("skipped") == 7
    (out / "doc0.nt").unlink()  # an output gone: extracted again
    assert [o.path for o in ingest([corpus], out, IngestOptions(workers=1)).outcomes if o.status == "ok"] == [
        str(corpus / "doc0.txt")
    ]
