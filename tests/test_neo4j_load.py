"""The Neo4j loader against the real server: idempotence, per-document replace, prune, exact text."""

from __future__ import annotations

import json

import pytest
import taxonomy_fixture as TAX
from neo4j_counts import by_type, counts, one
from neo4j_docs import DocBuilder

from extract.pipeline import extract_text
from kg.batch.build import build
from kg.iri import iri
from kg.neo4j.load import load, loaded_documents
from kg.neo4j.rows import ContractDataError

pytestmark = pytest.mark.neo4j


def test_sample_loads_exactly_and_twice_changes_nothing(sample_extraction, clean_db):
    x = sample_extraction
    load(clean_db, [x], taxonomy=TAX)
    mentions = {(e.id, m.sentence, m.start, m.end) for e in x.entities for m in e.mentions}
    assert one(clean_db, "MATCH (n:Entity) RETURN count(n)") == len(x.entities)
    assert one(clean_db, "MATCH (n:Section) RETURN count(n)") == len(x.document.sections)
    assert one(clean_db, "MATCH (n:Indicator) RETURN count(n)") == len(x.indicators)
    assert one(clean_db, "MATCH ()-[m:MENTIONS]->() RETURN count(m)") == len(mentions)
    assert one(
        clean_db,
        "MATCH ()-[r]->() WHERE type(r) IN $t RETURN count(r)",
        t=["SERVES", "LOCATED_IN", "PART_OF", "ANCHORED_BY", "COOPERATES_WITH", "OPERATES_IN"],
    ) == len({(r.head, r.type, r.tail, r.evidence.sentence, r.evidence.start) for r in x.relations})
    assert one(clean_db, "MATCH (n:Concept) RETURN count(n)") == len(TAX.CONCEPTS)
    before, types = counts(clean_db), by_type(clean_db)
    load(clean_db, [x], taxonomy=TAX)
    assert counts(clean_db) == before
    assert by_type(clean_db) == types


def test_mentions_carry_offsets_and_sentence_text(sample_extraction, sample_text, clean_db):
    load(clean_db, [sample_extraction], taxonomy=None)
    rows = clean_db.execute_query(
        "MATCH (s:Section)-[m:MENTIONS]->(e:Entity) "
        "RETURN m.start AS start, m.end AS end, m.text AS text, m.sentence_text AS sentence, "
        "m.doc AS doc, e.id AS entity, s.start AS s_start, s.end AS s_end"
    ).records
    assert len(rows) > 50
    for r in rows:
        assert sample_text[r["start"] : r["end"]] == r["text"]
        assert r["text"] in r["sentence"]
        assert r["s_start"] <= r["start"] < r["end"] <= r["s_end"]  # the section really holds it
        assert r["doc"] == sample_extraction.document.id
    names = {e.id: e.name for e in sample_extraction.entities}
    assert {r["entity"] for r in rows} == {str(iri(i)) for i in names}


def test_sections_form_the_document_tree(sample_extraction, clean_db):
    load(clean_db, [sample_extraction], taxonomy=None)
    doc = sample_extraction.document
    reachable = one(
        clean_db, "MATCH (:Document {doc_id: $d})-[:HAS_SECTION*]->(s:Section) RETURN count(DISTINCT s)", d=doc.id
    )
    assert reachable == len(doc.sections)
    with_parent = [s for s in doc.sections if s.parent]
    assert one(clean_db, "MATCH (:Section)-[:HAS_SECTION]->(s:Section) RETURN count(s)") == len(with_parent)


def test_edited_document_loses_old_facts_and_other_documents_keep_theirs(sample_extraction, clean_db):
    """Real pipeline: the sample, and a second document that also names 百济神州 and 知识城."""
    x = sample_extraction
    other = extract_text("支持中新广州知识城发展生物医药产业。\n推动百济神州扩大在广州开发区的产能。", "second-doc")
    other_ids = {e.id for e in other.entities}
    assert "Enterprise/beigene" in other_ids and "Enterprise/xpeng" not in other_ids
    load(clean_db, [x, other], taxonomy=None)
    other_mentions = one(clean_db, "MATCH ()-[m:MENTIONS {doc: 'second-doc'}]->() RETURN count(m)")
    assert other_mentions == sum(len(e.mentions) for e in other.entities)

    # edit the sample: drop the sentence naming 百济神州, 粤芯 and 小鹏汽车, then re-ingest it alone
    beigene = next(e for e in x.entities if e.id == "Enterprise/beigene")
    sentence = next(s for s in x.document.sentences if s.id == beigene.mentions[0].sentence)
    from conftest import SAMPLE

    edited_text = SAMPLE.read_text(encoding="utf-8").replace(sentence.text, "")
    edited = extract_text(edited_text, x.document.id, source=x.document.source)
    edited_ids = {e.id for e in edited.entities}
    assert "Enterprise/beigene" not in edited_ids and "Enterprise/xpeng" not in edited_ids
    load(clean_db, [edited], taxonomy=None)

    # the sample's old mention of 百济神州 is gone; the entity stays because second-doc names it
    assert one(clean_db, "MATCH (e:Entity {id: $id}) RETURN e.docs", id=str(iri("Enterprise/beigene"))) == [
        "second-doc"
    ]
    assert one(
        clean_db,
        "MATCH ()-[m:MENTIONS]->(:Entity {id: $id}) RETURN collect(DISTINCT m.doc)",
        id=str(iri("Enterprise/beigene")),
    ) == ["second-doc"]
    # 小鹏汽车 was only in the removed sentence: gone entirely
    assert one(clean_db, "MATCH (e:Entity {id: $id}) RETURN count(e)", id=str(iri("Enterprise/xpeng"))) == 0
    # no mention, relation or indicator quotes the removed sentence any more
    assert one(clean_db, "MATCH ()-[r]->() WHERE r.sentence_text = $s RETURN count(r)", s=sentence.text) == 0
    assert one(clean_db, "MATCH (i:Indicator) WHERE i.sentence_text = $s RETURN count(i)", s=sentence.text) == 0
    # the graph now holds exactly the edited sample plus the untouched second document
    assert one(clean_db, "MATCH (n:Entity) RETURN count(n)") == len(edited_ids | other_ids)
    assert one(clean_db, "MATCH ()-[m:MENTIONS {doc: 'second-doc'}]->() RETURN count(m)") == other_mentions
    assert one(clean_db, "MATCH ()-[m:MENTIONS {doc: $d}]->() RETURN count(m)", d=x.document.id) == len(
        {(e.id, m.sentence, m.start, m.end) for e in edited.entities for m in e.mentions}
    )
    assert one(clean_db, "MATCH (i:Indicator) RETURN count(i)") == len(edited.indicators) + len(other.indicators)


def two_documents():
    a = DocBuilder("doc-a", ["甲园区服务生物医药产业。", "乙公司位于甲园区。", "到2025年甲园区产值达到100亿元。"])
    b = DocBuilder("doc-b", ["甲园区重点服务生物医药产业发展。"])
    park_a = a.entity("Platform", "甲园区", "Park A", mentions=((0, "甲园区"), (1, "甲园区"), (2, "甲园区")))
    bio_a = a.entity("Industry", "生物医药", "Biomedicine", mentions=((0, "生物医药"),))
    firm = a.entity("Enterprise", "乙公司", mentions=((1, "乙公司"),))
    xa = a.build(
        [park_a, bio_a, firm],
        [
            a.relation(park_a, "SERVES", bio_a, 0, "甲园区服务生物医药"),
            a.relation(firm, "LOCATED_IN", park_a, 1, "乙公司位于甲园区"),
        ],
        [a.indicator(park_a, "产值", 100, "亿元", 2025, 2, "100亿元")],
    )
    park_b = b.entity("Platform", "甲园区", "Park A", mentions=((0, "甲园区"),))
    bio_b = b.entity("Industry", "生物医药", "Biomedicine", mentions=((0, "生物医药"),))
    xb = b.build([park_b, bio_b], [b.relation(park_b, "SERVES", bio_b, 0, "甲园区重点服务生物医药")])
    return a, xa, xb


def test_relation_stated_by_two_documents_survives_retracting_one(clean_db):
    a, xa, xb = two_documents()
    load(clean_db, [xa, xb], taxonomy=TAX)
    serves = "MATCH (:Platform)-[r:SERVES]->(:Industry) RETURN r.doc AS doc ORDER BY doc"
    assert [r["doc"] for r in clean_db.execute_query(serves).records] == ["doc-a", "doc-b"]

    # doc-a edited: it no longer says the park serves biomedicine, nor names the firm; new target
    park = a.entity("Platform", "甲园区", "Park A", mentions=((2, "甲园区"),))
    edited = a.build([park], [], [a.indicator(park, "产值", 120, "亿元", 2025, 2, "100亿元")])
    load(clean_db, [edited], taxonomy=TAX)
    assert [r["doc"] for r in clean_db.execute_query(serves).records] == ["doc-b"]
    assert one(clean_db, "MATCH (n:Entity {name: '乙公司'}) RETURN count(n)") == 0
    assert one(clean_db, "MATCH ()-[r:LOCATED_IN]->() RETURN count(r)") == 0
    assert one(clean_db, "MATCH (:Entity {name: '甲园区'})-[:HAS_INDICATOR]->(i) RETURN collect(i.value)") == [120.0]
    assert one(clean_db, "MATCH (e:Entity {name: '生物医药'}) RETURN e.docs") == ["doc-b"]
    assert sorted(one(clean_db, "MATCH (e:Entity {name: '甲园区'}) RETURN e.docs")) == ["doc-a", "doc-b"]
    # the industry entity is still linked to its taxonomy concept
    assert (
        one(clean_db, "MATCH (:Entity {name: '生物医药'})-[b:BROADER]->(c:Concept) RETURN c.id + ' ' + b.match")
        == TAX.BASE + "biomedicine exact"
    )


def test_prune_removes_documents_not_given(clean_db):
    _, xa, xb = two_documents()
    load(clean_db, [xa, xb], taxonomy=None)
    summary = load(clean_db, [xb], taxonomy=None, prune=True)
    assert summary.pruned == ("doc-a",)
    assert loaded_documents(clean_db) == ["doc-b"]
    assert sorted(one(clean_db, "MATCH (n:Entity) RETURN collect(n.name)")) == sorted(["甲园区", "生物医药"])
    assert one(clean_db, "MATCH (n:Indicator) RETURN count(n)") == 0
    assert one(clean_db, "MATCH ()-[r]->() WHERE r.doc = 'doc-a' RETURN count(r)") == 0
    # loading doc-b alone again, pruning, is a no-op
    before = counts(clean_db)
    load(clean_db, [xb], taxonomy=None, prune=True)
    assert counts(clean_db) == before


def test_batched_and_row_by_row_write_the_same_graph(clean_db):
    _, xa, xb = two_documents()
    load(clean_db, [xa, xb], taxonomy=TAX, batch=1)
    one_by_one = counts(clean_db), by_type(clean_db)
    clean_db.execute_query("MATCH (n) DETACH DELETE n")
    load(clean_db, [xa, xb], taxonomy=TAX, batch=5000)
    assert (counts(clean_db), by_type(clean_db)) == one_by_one


def test_hostile_names_load_and_read_back_intact(clean_db):
    names = [
        'O\'Brien "Labs" \\ MATCH (n) DETACH DELETE n //',
        "RETURN",
        "`}) CREATE (x) //",
        "生物\\医药'); DROP CONSTRAINT entity_id",
        "a\\'b\\\\c",
        "CALL db.labels() YIELD label",
    ]
    d = DocBuilder("hostile-doc", [f"本文提到{n}。" for n in names])
    ents = [
        d.entity("Enterprise", n, name_en=n + " (en)", aliases=(n + " alias", "别名'\\"), mentions=((i, n),))
        for i, n in enumerate(names)
    ]
    load(clean_db, [d.build(ents)], taxonomy=None)
    rows = clean_db.execute_query(
        "MATCH (s)-[m:MENTIONS]->(e:Entity) RETURN e.id AS id, e.name_zh AS zh, "
        "e.name AS name, e.name_en AS en, e.aliases AS aliases, m.text AS text, "
        "m.sentence_text AS sentence"
    ).records
    got = {r["id"]: r for r in rows}
    assert len(got) == len(names)
    for n, e in zip(names, ents):
        r = got[str(iri(e.id))]
        assert r["name"] == n and r["en"] == n + " (en)" and r["text"] == n
        assert sorted(r["aliases"]) == sorted([n + " alias", "别名'\\"])  # the documents' aliases, sorted
        assert r["sentence"] == f"本文提到{n}。"
    assert one(clean_db, "SHOW CONSTRAINTS YIELD name WHERE name = 'entity_id' RETURN count(*)") == 1


def test_english_only_entities_have_an_english_name_and_no_chinese_one(clean_db):
    """A thing named only in an English document: name_en set, name_zh null; a registry entity
    named in English keeps its Chinese name, and an English reload does not erase it."""
    en = extract_text("The Lingnan Robotics Innovation Center will open in Guangzhou Knowledge City.\n", "en-doc")
    zh = extract_text("支持中新广州知识城发展生物医药产业。\n", "zh-doc")
    load(clean_db, [zh, en], taxonomy=None)
    load(clean_db, [en], taxonomy=None)
    rows = {
        r["id"]: r
        for r in clean_db.execute_query(
            "MATCH (e:Entity) RETURN e.entity_id AS id, e.name AS name, e.name_zh AS zh, e.name_en AS en"
        ).records
    }
    lab = [r for r in rows.values() if r["en"] == "Lingnan Robotics Innovation Center"]
    assert len(lab) == 1 and lab[0]["zh"] is None and lab[0]["name"] == "Lingnan Robotics Innovation Center"
    kc = rows["Platform/sino-singapore-guangzhou-knowledge-city"]
    assert kc["zh"] == "中新广州知识城" and kc["en"] == "Sino-Singapore Guangzhou Knowledge City"
    assert one(clean_db, "MATCH (e:Entity) WHERE e.name_zh IS NULL RETURN count(e)") == 1


def test_bad_relation_is_refused_before_anything_is_written(clean_db):
    a, xa, _ = two_documents()
    load(clean_db, [xa], taxonomy=None)
    before = counts(clean_db)
    ghost = a.entity("Platform", "不存在的园区", mentions=((0, "甲园区"),))
    park = xa.entities[0]
    bad = a.build(xa.entities, [a.relation(park, "SERVES", ghost, 0, "甲园区")])
    with pytest.raises(ContractDataError, match="do not contain"):
        load(clean_db, [bad], taxonomy=None)
    assert counts(clean_db) == before


def test_concurrent_loads_of_overlapping_documents_end_in_the_same_graph(clean_db):
    """Two writers on a database without the schema yet, shared entities locked in opposite orders:
    deadlocks (on schema creation and on entities) are retried, nothing is lost or doubled."""
    from concurrent.futures import ThreadPoolExecutor

    for rec in clean_db.execute_query("SHOW CONSTRAINTS YIELD name").records:
        clean_db.execute_query(f"DROP CONSTRAINT {rec['name']}")
    for rec in clean_db.execute_query("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'").records:
        clean_db.execute_query(f"DROP INDEX {rec['name']}")
    docs = []
    for n in range(6):
        names = [f"共享园区{k}" for k in range(40)]
        if n % 2:
            names.reverse()
        d = DocBuilder(f"concurrent-{n}", [f"{name}服务本地产业。" for name in names])
        docs.append(d.build([d.entity("Platform", name, mentions=((i, name),)) for i, name in enumerate(names)]))
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda x: load(clean_db, [x], taxonomy=None, batch=7), docs))
    concurrent = counts(clean_db), one(clean_db, "MATCH (e:Entity) RETURN collect(size(e.docs))")
    clean_db.execute_query("MATCH (n) DETACH DELETE n")
    load(clean_db, docs, taxonomy=None)
    assert (counts(clean_db), one(clean_db, "MATCH (e:Entity) RETURN collect(size(e.docs))")) == concurrent
    assert concurrent[0] == (6 + 6 + 40, 6 + 6 * 40)  # documents, sections, entities; HAS_SECTION, MENTIONS
    assert set(concurrent[1]) == {6}


def test_build_load_twice_is_idempotent(tmp_path, sample_path, clean_db):
    report = build([sample_path], tmp_path)
    data = json.loads((tmp_path / "huangpu-14th-fyp-proposal.extraction.json").read_text(encoding="utf-8"))
    load(clean_db, report.extractions)
    entity_nodes = clean_db.execute_query("MATCH (n:Entity) RETURN count(n) AS n").records[0]["n"]
    assert entity_nodes == len(data["entities"])
    before = counts(clean_db)
    load(clean_db, report.extractions)
    assert counts(clean_db) == before
