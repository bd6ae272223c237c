"""Inputs of a batch: folders and globs walked once through link loops, every file accounted for."""

import os
import subprocess
import sys
import time
from pathlib import Path

import hostile

from kg.batch.inputs import find_inputs, glob_regex

ROOT = Path(__file__).resolve().parents[1]


def names(inputs, kind=None):
    items = [
        i
        for i in inputs
        if kind is None
        or (kind == "doc" and not i.error and not i.skip)
        or (kind == "error" and i.error)
        or (kind == "skip" and i.skip)
    ]
    return sorted(str(Path(i.path).name) for i in items)


def test_a_glob_through_link_loops_finishes_and_finds_each_document_once(tmp_path):
    hostile.symlink_loops(tmp_path / "corpus")
    start = time.monotonic()
    found = find_inputs([str(tmp_path / "corpus" / "**" / "*.txt")])
    assert time.monotonic() - start < 10
    assert names(found, "doc") == ["loop-doc.txt"]
    assert names(find_inputs([tmp_path / "corpus"]), "doc") == ["loop-doc.txt"]


def test_broken_links_loops_unsupported_files_and_pipes_are_reported(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "plan.txt").write_text("中新广州知识城\n", encoding="utf-8")
    (src / "table.xlsx").write_bytes(b"PK\x03\x04")
    (src / ".hidden.txt").write_text("x", encoding="utf-8")
    hostile.dangling(src / "gone.txt")
    hostile.self_link(src / "self.txt")
    hostile.fifo(src / "pipe.txt")
    found = find_inputs([src])
    assert names(found, "doc") == ["plan.txt"]
    errors = {Path(i.path).name: i.error for i in found if i.error}
    assert "broken symbolic link" in errors["gone.txt"] and "does-not-exist.txt" in errors["gone.txt"]
    assert "symbolic link loop" in errors["self.txt"]
    skips = {Path(i.path).name: i.skip for i in found if i.skip}
    assert skips == {
        "table.xlsx": "not a document: unsupported file type .xlsx",
        "pipe.txt": "not a regular file (a pipe, socket or device)",
    }
    assert not found.incomplete


def test_missing_inputs_and_an_unreadable_folder_make_the_inputs_incomplete(tmp_path, monkeypatch):
    locked = tmp_path / "in" / "locked"
    locked.mkdir(parents=True)
    (tmp_path / "in" / "plan.txt").write_text("中新广州知识城\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # the tests run as root, whom chmod cannot lock out: refuse as the kernel would
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = find_inputs([tmp_path / "in", str(tmp_path / "missing" / "*.txt"), tmp_path / "nope.txt"])
    assert set(found.incomplete) == {str(locked), str(tmp_path / "missing" / "*.txt"), str(tmp_path / "nope.txt")}
    errors = {Path(i.path).name: i.error for i in found if i.error}
    assert errors["locked"] == "cannot read folder: Permission denied"
    assert errors["nope.txt"] == "no such file or folder" and errors["*.txt"] == "no document matches this pattern"
    assert names(found, "doc") == ["plan.txt"]


def test_glob_patterns_match_like_the_shell():
    rx = glob_regex("**/*.txt")
    assert rx.fullmatch("a.txt") and rx.fullmatch("x/y/a.txt") and not rx.fullmatch("a.md")
    assert glob_regex("doc[0-2].txt").fullmatch("doc1.txt") and not glob_regex("doc[0-2].txt").fullmatch("doc3.txt")
    assert glob_regex("doc[!0].txt").fullmatch("doc1.txt") and not glob_regex("doc[!0].txt").fullmatch("doc0.txt")
    assert glob_regex("a/*/b?.pdf").fullmatch("a/x/b1.pdf") and not glob_regex("a/*/b?.pdf").fullmatch("a/x/y/b1.pdf")


def test_a_file_name_with_a_newline_stays_on_one_line(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "two\nlines.txt").write_text("中新广州知识城位于黄埔区。\n", encoding="utf-8")
    (src / "bad\nname.txt").write_bytes(b"")
    res = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "ingest", str(src), "--out", str(tmp_path / "out"), "--workers", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert res.returncode == 1
    ok = [ln for ln in res.stdout.splitlines() if " ok " in f" {ln} " and "lines.txt" in ln]
    assert len(ok) == 1 and "two\\nlines.txt" in ok[0]
    assert [ln for ln in res.stderr.splitlines() if ln.startswith("failed:")] == [
        f"failed: {src}/bad\\nname.txt: empty file"
    ]
