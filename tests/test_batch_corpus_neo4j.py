"""Corpora in one Neo4j: ids unique per corpus, collisions refused, names independent of load order.

Against the project's real server (make test starts it).
"""

from pathlib import Path

import pytest

from extract.model import Entity, Evidence, Extraction
from extract.pipeline import make_document
from kg.batch.ingest import IngestError, IngestOptions, ingest
from kg.iri import iri
from kg.neo4j.load import Origin, load

pytestmark = pytest.mark.neo4j

KC = "Platform/sino-singapore-guangzhou-knowledge-city"


def corpus_folder(tmp_path, name, text):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "plan.txt").write_text(text, encoding="utf-8")
    return folder


def documents(driver):
    records, _, _ = driver.execute_query("MATCH (d:Document) RETURN d.doc_id AS id ORDER BY id")
    return [r["id"] for r in records]


def test_two_corpora_with_the_same_file_names_keep_both_documents(tmp_path, clean_db, neo4j_settings):
    a = corpus_folder(tmp_path, "a", "黄埔区加快建设中新广州知识城。\n")
    b = corpus_folder(tmp_path, "b", "广州开发区推进生物医药产业发展。\n")
    ra = ingest([a], tmp_path / "plans-2020", IngestOptions(workers=1, neo4j=True, neo4j_settings=neo4j_settings))
    rb = ingest([b], tmp_path / "plans-2021", IngestOptions(workers=1, neo4j=True, neo4j_settings=neo4j_settings))
    assert ra.ok and rb.ok, (ra.neo4j, rb.neo4j)
    assert documents(clean_db) == ["plans-2020/plan", "plans-2021/plan"]
    # the first corpus's manifest is right to believe its document is loaded
    again = ingest([a], tmp_path / "plans-2020", IngestOptions(workers=1, neo4j=True, neo4j_settings=neo4j_settings))
    assert again.neo4j is not None and again.neo4j.loaded == 0 and again.ok


def test_a_colliding_document_id_is_refused_not_replaced(tmp_path, clean_db, neo4j_settings):
    a = corpus_folder(tmp_path, "a", "黄埔区加快建设中新广州知识城。\n")
    b = corpus_folder(tmp_path, "b", "广州开发区推进生物医药产业发展。\n")
    opts = IngestOptions(workers=1, neo4j=True, neo4j_settings=neo4j_settings, corpus="plans")
    assert ingest([a], tmp_path / "one", opts).ok
    r = ingest([b], tmp_path / "two", opts)  # another folder, the same corpus name: the same ids
    assert not r.ok and r.neo4j is not None and "already in Neo4j from another output folder" in str(r.neo4j.error)
    records, _, _ = clean_db.execute_query("MATCH (d:Document {doc_id: 'plans/plan'}) RETURN d.source AS source")
    assert [Path(x["source"]).parent.name for x in records] == ["a"]  # the first stays
    # the folder that was refused does not prune the other's document either
    r2 = ingest([b], tmp_path / "two", IngestOptions(workers=1, neo4j=True, neo4j_settings=neo4j_settings))
    assert documents(clean_db) == ["plans/plan"] and not r2.ok


def test_a_folder_keeps_its_corpus(tmp_path):
    a = corpus_folder(tmp_path, "a", "黄埔区加快建设中新广州知识城。\n")
    assert ingest([a], tmp_path / "out", IngestOptions(workers=1)).corpus == "out"
    with pytest.raises(IngestError, match="holds corpus 'out'"):
        ingest([a], tmp_path / "out", IngestOptions(workers=1, corpus="other"))


def one_entity_document(doc_id: str, name: str, alias: str | None = None) -> Extraction:
    """A document naming one unregistered platform (id Platform/n-test) as ``name``."""
    doc = make_document(f"{name}位于黄埔区。\n", doc_id)
    s = doc.sentences[0]
    entity = Entity(
        id="Platform/n-test",
        type="Platform",
        name=name,
        name_en=None,
        name_en_source=None,
        aliases=(alias,) if alias else (),
        mentions=(Evidence(s.id, 0, len(name), name),),
        registry_id=None,
    )
    return Extraction(document=doc, entities=(entity,), relations=(), indicators=())


def names_after_loading(driver, extractions):
    driver.execute_query("MATCH (n) DETACH DELETE n")
    load(driver, extractions, taxonomy=None, origin=Origin("k", "c"))
    records, _, _ = driver.execute_query(
        "MATCH (n:Entity {id: $id}) RETURN n.name AS name, n.name_zh AS zh, n.name_en AS en, n.aliases AS aliases",
        id=str(iri("Platform/n-test")),
    )
    return records[0].data()


def test_entity_names_do_not_depend_on_load_order(clean_db):
    docs = [
        one_entity_document("c/d1", "测试园区"),
        one_entity_document("c/d2", "測試園區"),
        one_entity_document("c/d3", "测试园区", alias="园区"),
    ]
    one = names_after_loading(clean_db, docs)
    other = names_after_loading(clean_db, list(reversed(docs)))
    assert one == other
    assert one["zh"] == one["name"] == "测试园区"  # two documents of three call it so
    assert one["aliases"] == ["园区"]
    # retracting those two documents leaves the third's name, as if they had never been loaded
    load(clean_db, docs[1:2], taxonomy=None, origin=Origin("k", "c"), prune=True)
    records, _, _ = clean_db.execute_query("MATCH (n:Entity) RETURN n.name_zh AS zh")
    assert [r["zh"] for r in records] == ["測試園區"]
