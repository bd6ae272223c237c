"""Per-document limits of a batch: time and memory enforced by the pool, output size by the worker.

A document over a limit fails with that reason and the batch goes on; the other documents land.
"""

import json
import subprocess
import sys
from pathlib import Path

import hostile
import pytest

from bench.ingest import generate
from kg.batch.ingest import IngestOptions, ingest
from kg.batch.limits import MIB, DocumentLimits, ReadLimits

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def big_doc(tmp_path_factory):
    """One long generated plan (about 150,000 characters) next to two short ones."""
    folder = tmp_path_factory.mktemp("big")
    parts = generate(folder / "parts", 30)
    (folder / "in").mkdir()
    big = folder / "in" / "big.txt"
    big.write_text("\n".join(p.read_text(encoding="utf-8") for p in parts), encoding="utf-8")
    for k, p in enumerate(parts[:2]):
        (folder / "in" / f"small{k}.txt").write_text(p.read_text(encoding="utf-8")[:400], encoding="utf-8")
    return folder / "in"


def by_name(report):
    return {Path(o.path).name: o for o in report.outcomes}


def test_a_document_over_the_time_limit_fails_and_the_batch_goes_on(big_doc, tmp_path):
    probe = ingest([big_doc / "small0.txt"], tmp_path / "probe", IngestOptions(workers=1))
    small = probe.outcomes[0].seconds  # a short document's time on this machine, as loaded as it is now
    assert small is not None
    limit = round(4 * small + 1.5, 1)  # the long document is some 400 times the work of a short one
    r = ingest([big_doc], tmp_path / "out", IngestOptions(workers=2, limits=DocumentLimits(seconds=limit)))
    o = by_name(r)
    assert o["big.txt"].status == "failed", o["big.txt"]
    assert f"took longer than the limit of {limit:g} s" in str(o["big.txt"].reason)
    assert o["big.txt"].seconds is not None and o["big.txt"].seconds < limit + 5  # stopped, not waited for
    assert o["small0.txt"].status == "ok" and o["small1.txt"].status == "ok"
    assert not list((tmp_path / "out").glob("*.tmp")) and not (tmp_path / "out" / "big.extraction.json").exists()


def test_a_document_over_the_memory_limit_fails_and_the_batch_goes_on(big_doc, tmp_path):
    small = ingest([big_doc / "small0.txt"], tmp_path / "probe", IngestOptions(workers=1))
    baseline = small.outcomes[0].peak_memory  # a worker's peak on a short document
    assert baseline is not None and baseline > 0
    limit = baseline // MIB + 60  # the long document needs far more than 60 MB beyond that
    r = ingest([big_doc], tmp_path / "out", IngestOptions(workers=1, limits=DocumentLimits(memory=limit * MIB)))
    o = by_name(r)
    assert o["big.txt"].status == "failed", o["big.txt"]
    assert f"needed more than the limit of {limit} MB" in str(o["big.txt"].reason)
    assert o["small0.txt"].status == "ok" and o["small1.txt"].status == "ok"


def test_outputs_over_the_output_limit_are_not_written(big_doc, tmp_path):
    r = ingest(
        [big_doc / "small0.txt", big_doc / "big.txt"],
        tmp_path / "out",
        IngestOptions(workers=1, limits=DocumentLimits(output=1 * MIB)),
    )
    o = by_name(r)
    assert o["big.txt"].status == "failed" and "its outputs would take" in str(o["big.txt"].reason)
    assert "over the limit of 1 MB" in str(o["big.txt"].reason)
    assert o["small0.txt"].status == "ok"
    assert sorted(p.name for p in (tmp_path / "out").glob("*.nt")) == ["small0.nt"]


def test_characters_over_the_limit_are_a_reason(big_doc, tmp_path):
    r = ingest(
        [big_doc], tmp_path / "out", IngestOptions(workers=1, limits=DocumentLimits(read=ReadLimits(max_chars=20_000)))
    )
    assert "over the limit of 20000 characters" in str(by_name(r)["big.txt"].reason)


def test_hostile_batch_every_bad_file_has_a_reason_and_good_ones_land(tmp_path, sample_text):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(sample_text[:3000].rsplit("\n", 1)[0] + "\n", encoding="utf-8")
    hostile.deep_html(src / "deep.html")
    hostile.docx_bomb(src / "bomb.docx", unpacked=192 * MIB)
    hostile.pdf_flate_bomb(src / "bomb.pdf", unpacked=256 * MIB)
    hostile.huge_text(src / "huge.txt", mib=20)
    hostile.dangling(src / "gone.txt")
    hostile.self_link(src / "self.txt")
    hostile.fifo(src / "pipe.txt")
    (src / "scan.png").write_bytes(b"\x89PNG\r\n")
    report = tmp_path / "r.json"
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
            str(report),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    docs = {Path(d["path"]).name: d for d in json.loads(report.read_text(encoding="utf-8"))["documents"]}
    assert docs["good.txt"]["status"] == "ok" and docs["good.txt"]["entities"] > 0
    expected = {
        "deep.html": "nests elements more than 2048 deep",
        "bomb.docx": "unpacks to",
        "bomb.pdf": "unpack to more than",
        "huge.txt": "characters per document",
        "gone.txt": "broken symbolic link",
        "self.txt": "symbolic link loop",
    }
    for name, words in expected.items():
        assert docs[name]["status"] == "failed" and words in docs[name]["reason"], (name, docs[name])
    assert docs["pipe.txt"]["status"] == "skipped" and "not a regular file" in docs["pipe.txt"]["reason"]
    assert docs["scan.png"]["status"] == "skipped" and "unsupported file type .png" in docs["scan.png"]["reason"]
    failed_lines = [ln for ln in res.stderr.splitlines() if ln.startswith("failed: ")]
    assert len(failed_lines) == len(expected)
