"""Chinese relations: each cue of extract/zh/relations/ on snippets written for the tests, and the
rule table."""

import pytest
from snippets import extract_snippet

from extract.pipeline import extract_text, make_document
from extract.resolve import resolve
from extract.tables import read_table
from extract.zh.gazetteer import division_names
from extract.zh.mentions import find_mentions
from extract.zh.relations.document import find_relations

extract = extract_snippet
TEXT = (
    "某区规划\n\n一、总体要求\n\n以百济神州为核心,建设中新广州知识城。"
    "知识城与生物岛协同发展生物医药。到2025年,地区生产总值达到5000亿元。\n"
)


def test_park_anaphor_names_the_park_just_built():
    _, rels, _ = extract("福州市与固原市合作共建固原—福州飞地产业园,园区选址固原经济技术开发区。", "东西部协作实施规划")
    assert ("固原—福州飞地产业园", "LOCATED_IN", "固原经济技术开发区") in rels


def test_a_traditional_title_names_the_home_place():
    ents, rels, x = extract("東部活力區位於香港特別行政區東部，重點發展現代物流、會展。", "東部活力區發展藍圖（摘錄）")
    assert ("Platform", "東部活力區") in ents  # a direction word names the place in a title
    assert ("東部活力區", "LOCATED_IN", "香港") in rels
    assert ("東部活力區", "SERVES", "现代物流") in rels


def test_an_article_heading_names_the_subject_of_its_article():
    body = (
        "二、空间布局\n\n（一）东湖光电产业园。以星澜光电、云帆科技为核心，重点发展激光器件和光通信模块，"
        "加快建设光电子中试基地，支持瑞禾丰源落户园区。\n\n（二）西岭片区。园区位于龙泉县，重点发展精密仪器、海洋装备。"
    )
    ents, rels, _ = extract(body, "某某市光电产业发展规划")
    assert ("Platform", "东湖光电产业园") in ents
    assert ("东湖光电产业园", "ANCHORED_BY", "星澜光电") in rels
    assert ("东湖光电产业园", "SERVES", "激光器件") in rels
    assert ("瑞禾丰源", "LOCATED_IN", "东湖光电产业园") in rels
    assert ("西岭片区", "SERVES", "精密仪器") in rels
    assert not any(h == "东湖光电产业园" and t == "精密仪器" for h, _, t in rels)  # the next article


def test_a_topic_heading_is_no_subject_and_a_generic_heading_no_name():
    body = "（一）打造特色小镇。以星澜光电为核心，重点发展激光器件。"
    ents, rels, _ = extract(body, "某某市光电产业发展规划")
    assert not any(n == "特色小镇" or n == "打造特色小镇" for _, n in ents)
    assert not any(r == "ANCHORED_BY" for _, r, _ in rels)


def test_located_in_every_place_named_after_the_cue_but_not_beside_it():
    _, rels, _ = extract(
        "怀柔科学城位于北京市怀柔区和密云区。"
        "密云片区位于密云经济开发区西侧，重点发展生命健康、智能制造。"
        "截至2023年，科学城集聚中国科学院物理研究所、中国科学院大学等科研院所。",
        "怀柔科学城建设发展规划",
    )
    assert {
        ("怀柔科学城", "LOCATED_IN", "北京市"),
        ("怀柔科学城", "LOCATED_IN", "怀柔区"),
        ("怀柔科学城", "LOCATED_IN", "密云区"),
    } <= rels
    assert not any(h == "密云片区" and t == "密云经济开发区" for h, _, t in rels)
    assert ("中国科学院大学", "LOCATED_IN", "怀柔科学城") in rels  # past the opening time phrase


def test_kind_anaphors_and_parks_for_two_sectors():
    ents, rels, _ = extract("建设杨宋科学仪器和传感器产业集聚区，支持国仪量子、中科科仪等科学仪器企业落户集聚区。")
    assert ("Platform", "杨宋科学仪器和传感器产业集聚区") in ents
    assert ("国仪量子", "LOCATED_IN", "杨宋科学仪器和传感器产业集聚区") in rels
    assert ("国仪量子", "OPERATES_IN", "科学仪器") in rels


def test_the_titles_platform_is_what_its_kind_word_stands_for_and_hosting_locates_events():
    body = (
        "集聚区已连续多年承办世界人工智能大会。推动集聚区与北京中关村科学城协同共建大模型产业联盟。"
        "加快建设徐汇智算中心二期，支持上海数据交易所在集聚区设立数据服务工作站。"
    )
    ents, rels, _ = extract(body, "徐汇区建设上海人工智能创新集聚区发展规划")
    assert ("世界人工智能大会", "LOCATED_IN", "上海人工智能创新集聚区") in rels
    assert any(
        t == "COOPERATES_WITH" and {h, ta} == {"上海人工智能创新集聚区", "北京中关村科学城"} for h, t, ta in rels
    )
    assert {("Project", "徐汇智算中心二期"), ("Institution", "上海数据交易所")} <= ents


def test_companies_leading_several_sectors_are_mapped_only_by_respectively():
    _, rels, _ = extract(
        "以商汤、阶跃星辰为核心，重点发展大模型、智能芯片。以隆基绿能、比亚迪为龙头，分别发展新材料、新能源汽车。"
    )
    assert not any(r == "OPERATES_IN" and h in ("商汤", "商汤科技", "阶跃星辰") for h, r, _ in rels)
    assert ("隆基绿能", "OPERATES_IN", "新材料") in rels and ("比亚迪", "OPERATES_IN", "新能源汽车") in rels


def test_respectively_maps_companies_to_sectors_one_to_one():
    _, rels, _ = extract("支持宁德时代、中芯国际分别做强动力电池和集成电路制造业务。")
    assert ("宁德时代", "OPERATES_IN", "动力电池") in rels
    assert ("中芯国际", "OPERATES_IN", "集成电路制造") in rels
    assert ("宁德时代", "OPERATES_IN", "集成电路制造") not in rels


def test_a_heading_platform_is_the_subject_of_its_article():
    body = "三、功能片区\n\n（一）洪湖片区。依托华中农业大学建设洪湖现代种业产业园，重点发展生物育种和智慧农业。"
    _, rels, _ = extract(body)
    assert ("洪湖片区", "SERVES", "生物育种") in rels
    assert ("洪湖现代种业产业园", "ANCHORED_BY", "华中农业大学") in rels
    assert ("洪湖现代种业产业园", "SERVES", "生物育种") not in rels


def test_a_platform_described_first_is_anchored_by_its_core():
    _, rels, _ = extract(
        "江汉智能制造产业园位于江汉区，规划面积约12平方公里，以湖北实验室、武汉理工大学为核心，重点发展智能装备。"
    )
    assert ("江汉智能制造产业园", "ANCHORED_BY", "武汉理工大学") in rels
    assert ("江汉智能制造产业园", "SERVES", "智能装备") in rels


def test_districts_a_platform_covers_or_that_lie_in_it():
    _, rels, _ = extract("荆楚科学城位于荆州市，范围涵盖沙市区、荆州区和江陵县部分区域。")
    assert ("荆楚科学城", "LOCATED_IN", "沙市区") in rels
    assert ("荆楚科学城", "LOCATED_IN", "江陵县") in rels
    _, rels, _ = extract("荆楚新区位于荆州市，范围包括沙市区、荆州区。")
    assert ("沙市区", "LOCATED_IN", "荆楚新区") in rels


def test_a_company_building_a_facility_for_a_sector_operates_in_it():
    _, rels, _ = extract("支持宁德时代在园区内建设动力电池研发中心。")
    assert ("宁德时代", "OPERATES_IN", "动力电池") in rels


def test_an_event_held_in_a_place_lies_in_it():
    _, rels, _ = extract("每年在荆楚科学城举办荆楚科技创新大会。")
    assert ("荆楚科技创新大会", "LOCATED_IN", "荆楚科学城") in rels


def test_a_cooperation_word_inside_a_name_is_no_cooperation_verb():
    _, rels, _ = extract("荆楚科学城重点发展集成电路设计，并与位于江汉区的江汉科技创新合作区协同发展。")
    assert ("荆楚科学城", "COOPERATES_WITH", "江汉科技创新合作区") in rels
    assert not any(r[1] == "COOPERATES_WITH" and "江汉区" in (r[0], r[2]) for r in rels)


def test_an_area_lies_in_a_town_and_is_part_of_a_platform():
    _, rels, _ = extract("荆楚科学城由沙湖片区和长湖片区组成。沙湖片区位于岑河镇。")
    assert ("沙湖片区", "PART_OF", "荆楚科学城") in rels
    assert ("沙湖片区", "LOCATED_IN", "岑河镇") in rels
    assert ("沙湖片区", "PART_OF", "岑河镇") not in rels


def test_a_platform_is_part_of_each_zone_it_carries():
    _, rels, _ = extract(
        "荆楚高新区是首批省级高新区，是荆楚国家自主创新示范区和中国（湖北）自由贸易试验区的核心承载区。"
    )
    assert ("荆楚高新区", "PART_OF", "荆楚国家自主创新示范区") in rels
    assert ("荆楚高新区", "PART_OF", "中国(湖北)自由贸易试验区") in rels


def test_companies_that_take_root_or_gather_in_a_place_lie_in_it():
    _, rels, _ = extract("宁德时代、比亚迪等龙头企业扎根中新广州知识城。")
    assert ("宁德时代", "LOCATED_IN", "中新广州知识城") in rels
    _, rels, _ = extract("支持小米集团、京东等企业在中新广州知识城集聚。")
    assert ("小米集团", "LOCATED_IN", "中新广州知识城") in rels


def relations(text: str, title: str = "江门高新区生物医药产业园发展规划"):
    x = extract_text(title + "\n\n" + text + "\n", "t")
    names = {e.id: e.name for e in x.entities}
    return {(names[r.head], r.type, names[r.tail]) for r in x.relations}, x


def test_relations_with_evidence_and_rule():
    rels, x = relations(
        "江门高新区生物医药产业园位于江门市蓬江区,包括滨江片区和北新片区,集聚生物医药企业86家。"
        "滨江片区重点发展化学药、现代中药和医疗器械。"
        "支持安诺优达、华大基因等基因检测企业扩大产能。"
        "以百济神州、诺诚健华为核心的世界级生物制药基地加快建设,做强生物制药。"
        "与中山大学合作共建江门精准医疗创新研究院。"
    )
    assert ("江门高新区生物医药产业园", "LOCATED_IN", "蓬江区") in rels
    assert ("北新片区", "PART_OF", "江门高新区生物医药产业园") in rels
    assert ("滨江片区", "SERVES", "现代中药") in rels
    assert ("江门高新区生物医药产业园", "SERVES", "生物医药") in rels  # from the park's name
    assert ("华大基因", "OPERATES_IN", "基因检测") in rels
    assert ("世界级生物制药基地", "ANCHORED_BY", "诺诚健华") in rels
    assert ("百济神州", "OPERATES_IN", "生物制药") in rels
    assert ("江门高新区生物医药产业园", "COOPERATES_WITH", "中山大学") in rels  # the title's place acts
    for r in x.relations:
        assert r.rule and x.document.text[r.evidence.start : r.evidence.end] == r.evidence.text


def test_pairing_aid_names_the_specific_regions():
    rels, _ = relations("扎实推进贵州黔南、湛江廉江扶贫协作和对口帮扶。", title="广州市黄埔区发展规划")
    assert ("黄埔区", "COOPERATES_WITH", "黔南布依族苗族自治州") in rels
    assert not any(t == "贵州省" for _, _, t in rels)


def test_containment_cues_locate_what_a_sentence_builds_in_a_place():
    """LOCATED_IN / PART_OF from containment cues (extract/containment.py), on names of no sample."""
    rels, _ = relations(
        "全面落实滨海新城总体规划,打造“一核两带”,将临江总部经济带建设成为创新核,"
        "重点建设以星河药业为核心的创新药产业园,以蓝海微电子为核心的芯片产业园。"
        "在嘉禾高新区规划建设氢能产业园和嘉禾智能装备检测中心,在嘉禾高新区布局储能、工业母机产业。"
        "东湖实验室位于嘉禾高新区,百川研究院落户滨海新城。"
        "赛博科技在嘉禾高新区落户。",
        title="嘉禾市发展规划",
    )
    assert ("创新药产业园", "LOCATED_IN", "滨海新城") in rels  # 落实P规划…建设X
    assert ("芯片产业园", "LOCATED_IN", "滨海新城") in rels
    assert ("临江总部经济带", "PART_OF", "滨海新城") in rels  # an area of P
    assert ("星河药业", "LOCATED_IN", "滨海新城") not in rels  # an anchor, not built
    assert ("氢能产业园", "LOCATED_IN", "嘉禾高新区") in rels  # 在P建设X
    assert ("嘉禾智能装备检测中心", "LOCATED_IN", "嘉禾高新区") in rels
    assert ("嘉禾高新区", "SERVES", "储能") in rels  # 在P布局X产业
    assert ("东湖实验室", "LOCATED_IN", "嘉禾高新区") in rels  # X位于P
    assert ("百川研究院", "LOCATED_IN", "滨海新城") in rels  # X落户P
    assert ("赛博科技", "LOCATED_IN", "嘉禾高新区") in rels  # X在P落户


def test_anaphors_stand_for_the_documents_own_place():
    rels, _ = relations(
        "园区重点发展合成生物、细胞治疗和高端医疗器械。"
        "推动星河药业落户园区,在园区建设海岳生物医药孵化器。"
        "推进产业园区提质增效。",
        title="江门高新区生物医药产业园发展规划",
    )
    park = "江门高新区生物医药产业园"
    assert (park, "SERVES", "合成生物") in rels and (park, "SERVES", "细胞治疗") in rels
    assert ("星河药业", "LOCATED_IN", park) in rels
    assert ("海岳生物医药孵化器", "LOCATED_IN", park) in rels


def test_a_clause_opening_develop_verb_takes_the_sentence_subject():
    rels, _ = relations(
        "云湖科技园位于嘉禾市西部,重点发展工业软件、智能传感器等产业。",
        title="嘉禾市国民经济和社会发展第十四个五年规划纲要",
    )
    assert ("云湖科技园", "SERVES", "工业软件") in rels
    assert ("云湖科技园", "SERVES", "智能传感器") in rels


def test_anchor_relation_with_evidence():
    doc = make_document(TEXT, "t")
    entities = resolve(find_mentions(doc), division_names())
    rels = find_relations(doc.sentences, entities)
    kc, bio = "Platform/sino-singapore-guangzhou-knowledge-city", "Platform/guangzhou-international-bio-island"
    # 生物岛 alone is a contextual alias (other bio islands exist): without 广州国际生物岛 in the
    # text it names no entity, so only 知识城's relations remain.
    assert {(r.head, r.type, r.tail) for r in rels} == {
        (kc, "ANCHORED_BY", "Enterprise/beigene"),
        (kc, "SERVES", "Industry/biomedicine"),
    }  # 知识城与生物岛协同发展生物医药
    assert bio not in {e.id for e in entities}
    anchor = next(r for r in rels if r.type == "ANCHORED_BY")
    assert anchor.evidence.text == "以百济神州为核心,建设中新广州知识城。"


def test_every_rule_is_registered_once_and_reads_only_cues_that_exist():
    from extract.zh.relations.cues import relation_cues
    from extract.zh.relations.table import RULES, bound_rules

    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert len(bound_rules()) == len(RULES)  # a declared kind or regex that is not in the files fails
    declared = {c for r in RULES for c in r.cues}
    in_files = {row[0] for row in read_table("relations.tsv")} | {row[0] for row in read_table("relation_regexes.tsv")}
    assert declared <= in_files and in_files - declared == {"anaphor"}  # (anaphors are read with the context)
    assert all(relation_cues().only([k]) for k in declared)


def test_a_rule_sees_only_the_cues_it_declares():
    from extract.zh.relations.cues import relation_cues

    view = relation_cues().only(["build"])
    assert view["build"] and view.regex(r"(?:{0})", "build").search("加快建设")
    with pytest.raises(KeyError):
        view["develop"]
    with pytest.raises(KeyError):
        relation_cues().only(["no_such_kind"])
