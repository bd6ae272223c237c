"""policykg entities --duplicates: similar names of one type across documents, not merged."""

import json
import subprocess
import sys
from pathlib import Path

from kg.batch.ingest import IngestOptions, ingest
from kg.duplicates import find_duplicates, graph_entities

ROOT = Path(__file__).resolve().parents[1]


def test_similar_names_across_documents_are_listed_not_merged(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "The Lingnan Robotics Innovation Center and the Zhuhai Hengqin Industrial Park "
        "will work with Guangzhou Knowledge City.\n",
        encoding="utf-8",
    )
    (src / "b.txt").write_text(
        "The Lingnan Robotic Innovation Center opened next to the Hengqin Industrial Park. "
        "The Hengqin Science Park is new. Sino-Singapore Guangzhou Knowledge City grows.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert ingest([src], out, IngestOptions(workers=1)).ok
    entities = graph_entities(out)
    names = {e.name for e in entities}
    assert {
        "Lingnan Robotics Innovation Center",
        "Lingnan Robotic Innovation Center",
        "Zhuhai Hengqin Industrial Park",
        "Hengqin Industrial Park",
    } <= names  # not merged
    kc = [e for e in entities if e.id == "Platform/sino-singapore-guangzhou-knowledge-city"]
    assert len(kc) == 1 and kc[0].documents == ("out/a", "out/b")  # merged: one registry id
    pairs = {frozenset((d.a.name, d.b.name)) for d in find_duplicates(entities)}
    assert frozenset(("Lingnan Robotics Innovation Center", "Lingnan Robotic Innovation Center")) in pairs
    assert frozenset(("Zhuhai Hengqin Industrial Park", "Hengqin Industrial Park")) in pairs
    assert frozenset(("Hengqin Industrial Park", "Hengqin Science Park")) not in pairs  # different places
    for d in find_duplicates(entities):
        assert d.a.type == d.b.type and d.a.id != d.b.id
        assert not (d.a.registry_id and d.b.registry_id)

    res = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "entities", "--graph", str(out), "--duplicates", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert res.returncode == 0, res.stderr
    listed = json.loads(res.stdout)
    assert {frozenset((p["a"]["name"], p["b"]["name"])) for p in listed} == pairs
