from extract.contract import from_contract, to_contract
from extract.pipeline import make_document
from extract.resolve import resolve
from extract.zh.gazetteer import division_names
from extract.zh.indicators import find_indicators
from extract.zh.mentions import find_mentions
from extract.zh.relations.document import find_relations

TEXT = ("某区规划\n\n一、总体要求\n\n以百济神州为核心,建设中新广州知识城。"
        "知识城与生物岛协同发展生物医药。到2025年,地区生产总值达到5000亿元。\n")


def test_mentions_have_offsets_into_raw_text():
    doc = make_document(TEXT, "t")
    mentions = find_mentions(doc)
    assert {m.text for m in mentions} >= {"百济神州", "中新广州知识城", "知识城", "生物岛", "生物医药"}
    for m in mentions:
        assert TEXT[m.start:m.end] == m.text


def test_aliases_resolve_to_one_entity_with_stable_id():
    doc = make_document(TEXT, "t")
    entities = resolve(find_mentions(doc), division_names())
    kc = [e for e in entities if e.name == "中新广州知识城"]
    assert len(kc) == 1 and len(kc[0].mentions) == 2
    assert kc[0].id == "Platform/sino-singapore-guangzhou-knowledge-city"
    again = resolve(find_mentions(make_document(TEXT, "t")), division_names())
    assert [e.id for e in again] == [e.id for e in entities]


def test_anchor_relation_with_evidence():
    doc = make_document(TEXT, "t")
    entities = resolve(find_mentions(doc), division_names())
    rels = find_relations(doc.sentences, entities)
    kc, bio = "Platform/sino-singapore-guangzhou-knowledge-city", "Platform/guangzhou-international-bio-island"
    # 生物岛 alone is a contextual alias (other bio islands exist): without 广州国际生物岛 in the
    # text it names no entity, so only 知识城's relations remain.
    assert {(r.head, r.type, r.tail) for r in rels} == {
        (kc, "ANCHORED_BY", "Enterprise/beigene"),
        (kc, "SERVES", "Industry/biomedicine")}                # 知识城与生物岛协同发展生物医药
    assert bio not in {e.id for e in entities}
    anchor = next(r for r in rels if r.type == "ANCHORED_BY")
    assert anchor.evidence.text == "以百济神州为核心,建设中新广州知识城。"


def test_target_indicator():
    doc = make_document(TEXT, "t")
    (ind,) = find_indicators(doc.id, doc.sentences)
    assert (ind.value, ind.unit, ind.comparator, ind.year, ind.status) == (5000, "亿元", "=", 2025, "target")
    assert TEXT[ind.evidence.start:ind.evidence.end] == ind.evidence.text


def test_contract_round_trip(sample_extraction):
    data = to_contract(sample_extraction)
    assert set(data) >= {"document", "entities", "relations", "indicators"}
    assert set(data["document"]) >= {"id", "title", "lang", "source", "date"}
    back = from_contract(data)
    assert back.entities == sample_extraction.entities
    assert back.indicators == sample_extraction.indicators
    assert back.relations == sample_extraction.relations
