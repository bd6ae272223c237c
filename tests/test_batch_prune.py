"""Pruning does only what the inputs justify: nothing when an input is missing, nothing outside them."""

import subprocess
import sys
from pathlib import Path

import pytest

from kg.batch.ingest import IngestOptions, ingest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def two_folders(tmp_path):
    for folder, names in (("a", ("a1", "a2")), ("b", ("b1",))):
        (tmp_path / folder).mkdir()
        for n in names:
            (tmp_path / folder / f"{n}.txt").write_text(f"{n}:中新广州知识城位于黄埔区。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert ingest([tmp_path / "a", tmp_path / "b"], out, IngestOptions(workers=1)).ok
    return tmp_path, out


def test_a_mistyped_path_with_prune_removes_nothing(two_folders):
    tmp, out = two_folders
    res = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "ingest", str(tmp / "aa"), "--out", str(out), "--prune"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert res.returncode == 1
    assert "failed: prune: nothing pruned: input" in res.stderr and "is missing or unreadable" in res.stderr
    assert "graph: 3 documents" in res.stdout
    assert len(list(out.glob("*.extraction.json"))) == 3


def test_prune_drops_gone_files_inside_the_inputs_and_keeps_the_others(two_folders):
    tmp, out = two_folders
    (tmp / "a" / "a2.txt").unlink()
    r = ingest([tmp / "a"], out, IngestOptions(workers=1, prune=True))
    assert r.pruned == ("out/a2",) and r.kept == ("out/b1",) and r.ok
    assert sorted(p.name for p in out.glob("*.extraction.json")) == ["a1.extraction.json", "b1.extraction.json"]
    forced = ingest([tmp / "a"], out, IngestOptions(workers=1, prune=True, force=True))
    assert forced.pruned == ("out/b1",)
    assert [p.name for p in out.glob("*.extraction.json")] == ["a1.extraction.json"]


def test_prune_follows_a_glob(two_folders):
    tmp, out = two_folders
    (tmp / "a" / "a1.txt").unlink()
    r = ingest([str(tmp / "a" / "a*.txt"), tmp / "b"], out, IngestOptions(workers=1, prune=True))
    assert r.pruned == ("out/a1",) and not r.kept
