"""Chinese mentions: registry names and the names the rules find (heads, lists, quotes, divisions,
company short names, echoes across a document), on snippets written for the tests."""

import pytest
from snippets import extract_snippet

from extract.pipeline import make_document
from extract.resolve import resolve
from extract.zh.gazetteer import division_names
from extract.zh.mentions import find_mentions

extract = extract_snippet
TEXT = (
    "某区规划\n\n一、总体要求\n\n以百济神州为核心,建设中新广州知识城。"
    "知识城与生物岛协同发展生物医药。到2025年,地区生产总值达到5000亿元。\n"
)


def names(text: str) -> dict[str, str]:
    doc = make_document("测试文本\n\n" + text + "\n", "t")
    return {e.name: e.type for e in resolve(find_mentions(doc), division_names())}


@pytest.mark.parametrize(
    "text, name, type_",
    [
        ("加快建设江门精准医疗创新研究院。", "江门精准医疗创新研究院", "Institution"),  # leading verb trimmed
        ("高标准建设翟洞智能制造产业园。", "翟洞智能制造产业园", "Platform"),
        ("推动滨江片区和北新片区协同发展。", "北新片区", "Platform"),  # 和 joins two names
        (
            "依托中科院自动化研究所广州人工智能与先进计算研究院开展研究。",
            "中科院自动化研究所广州人工智能与先进计算研究院",
            "Institution",
        ),  # 与 inside a name
        ("实施黄埔数字赋能工程。", "黄埔数字赋能工程", "Initiative"),
        ("创建广东省信用建设服务实体经济发展试点。", "广东省信用建设服务实体经济发展试点", "Initiative"),
        ("构建“金镶玉”政策体系。", "“金镶玉”政策体系", "Initiative"),  # quoted label + head
        ("推动“黄埔样本”建设。", "“黄埔样本”", "Initiative"),  # a quoted programme
        ("贯彻落实《中长期青年发展规划(2016-2025年)》。", "中长期青年发展规划(2016-2025年)", "Initiative"),
        ("加快西区-化龙过江隧道建设。", "西区-化龙过江隧道", "Project"),
        ("加快推进岭南医院二期建设。", "岭南医院二期", "Project"),
        ("与宝安区打造先进制造业协同发展先行先试地。", "宝安区", "Region"),
    ],
)
def test_names_not_in_the_registry(text, name, type_):
    assert names(text).get(name) == type_


def test_list_with_elided_heads_gives_one_project_per_item():
    found = names("加快有轨电车2、3、5号线和1号线东延线建设,加快建设地铁7号线二期和5号线东延线。")
    for n in (
        "有轨电车2号线",
        "有轨电车3号线",
        "有轨电车5号线",
        "有轨电车1号线东延线",
        "地铁7号线二期",
        "地铁5号线东延线",
    ):
        assert found.get(n) == "Project", n


def test_industry_lists_typed_by_their_cue():
    found = names("滨江片区重点发展化学药、现代中药和医疗器械。壮大智能家电、食品饮料两个千亿级产业集群。")
    for n in ("化学药", "现代中药", "医疗器械", "智能家电", "食品饮料"):
        assert found.get(n) == "Industry", n


def test_enterprise_cues():
    found = names("支持安诺优达、华大基因等基因检测企业扩大产能。以诺诚健华、小鹏汽车为核心建设产业园。")
    assert found.get("安诺优达") == found.get("华大基因") == "Enterprise"


@pytest.mark.parametrize(
    "text",
    [
        "支持国内外知名高等院校、科研院所和龙头企业等设立高水平研究院。",  # generic institutes
        "打造一批品牌化的国际技术转移中心。",  # a category after 一批…的
        "成为国家产城融合示范区。",  # a designation many places hold
        "建设开放合作示范区。",  # a positioning label, no place
        "增强“四个意识”、坚定“四个自信”。",  # political formulas
        "“十四五”时期是关键阶段。",  # a period
    ],
)
def test_generic_phrases_are_not_names(text):
    found = names(text)
    assert not {n for n, t in found.items() if t in ("Institution", "Platform", "Initiative")}, found


def test_aliases_and_abbreviations_merge():
    doc = make_document(
        "标题\n\n推进中新广州知识城建设。知识城总体发展规划获批。落实中新广州知识城总体发展规划。"
        "建设中国新材料中央创新区(CID)。\n",
        "t",
    )
    ents = resolve(find_mentions(doc), division_names())
    plan = [e for e in ents if e.name.endswith("总体发展规划")]
    assert len(plan) == 1 and len(plan[0].mentions) == 2
    cid = [e for e in ents if "CID" in e.aliases]
    assert cid and cid[0].name == "中国新材料中央创新区"


def test_mention_offsets_index_the_raw_text():
    raw = "标题\n\n  加快建设江门精准医疗创新研究院,与中山大学合作。\n"
    doc = make_document(raw, "t")
    for m in find_mentions(doc):
        assert raw[m.start : m.end] == m.text


def test_contextual_alias_needs_its_region():
    assert "广州科学城" not in names("推进成都科学城建设,科学城研发投入强度达到4%。")
    assert names("广州市加快科学城建设。").get("广州科学城") == "Platform"


def test_county_level_divisions_by_short_form_where_their_city_is_named():
    ents, _, _ = extract("实现胶州、平度、即墨等外围组团与主城区快速联通。", "青岛市综合交通运输发展规划")
    assert {("Region", "胶州市"), ("Region", "平度市"), ("Region", "即墨区")} <= ents


def test_a_county_short_form_needs_its_city_named():
    ents, _, _ = extract("推动金山、奉贤协同发展。", "嘉禾市发展规划")
    assert ("Region", "金山区") not in ents
    ents, _, _ = extract("推动金山、奉贤协同发展。", "上海市发展规划")
    assert ("Region", "金山区") in ents and ("Region", "奉贤区") in ents


def test_function_words_glued_to_unknown_names_are_split():
    ents, rels, _ = extract(
        "以华祥片区为综合服务核,重点发展总部经济、科技服务和现代商贸。", "廊坊经济技术开发区总体规划"
    )
    assert ("Platform", "华祥片区") in ents
    assert not any(name.startswith("以") for _, name in ents)
    assert ("华祥片区", "SERVES", "总部经济") in rels


def test_rail_sections_and_elided_lines():
    ents, _, _ = extract("地铁1号线北段、8号线北段和11号线建成运营,推进渝昆高铁宜宾段主体工程。", "宜宾市政府工作报告")
    assert {
        ("Project", "地铁1号线北段"),
        ("Project", "地铁8号线北段"),
        ("Project", "地铁11号线"),
        ("Project", "渝昆高铁宜宾段"),
    } <= ents
    assert not any(t == "Initiative" and "主体工程" in n for t, n in ents)


def test_long_and_short_platform_heads_name_one_entity():
    ents, _, _ = extract("汾湖高新技术产业开发区综合实力增强。汾湖高新区重点发展数字经济。", "苏州市吴江区发展规划")
    assert len([n for t, n in ents if t == "Platform" and n.startswith("汾湖")]) == 1


def test_a_name_found_once_names_the_same_thing_elsewhere_in_the_document():
    ents, rels, x = extract("引进星澜光电、云帆微电子等龙头企业。星澜光电落户东湖片区。")
    assert ("Enterprise", "星澜光电") in ents
    assert ("星澜光电", "LOCATED_IN", "东湖片区") in rels
    firm = next(e for e in x.entities if e.name == "星澜光电")
    assert len(firm.mentions) == 2  # the second sentence is evidence too


def test_an_echo_never_cuts_into_a_word():
    ents, _, x = extract("引进星澜光电、云帆微电子等龙头企业。推进星澜光电子城建设。")
    firm = next(e for e in x.entities if e.name == "星澜光电")
    assert len(firm.mentions) == 1  # 光电子: another word


def test_a_direction_word_alone_names_nothing_outside_the_title():
    ents, _, _ = extract("推动东部活力区和南部示范区协调发展。", "某某市发展规划")
    assert not any(t == "Platform" for t, _ in ents)


def test_company_short_names_in_a_support_verbs_slot():
    ents, rels, _ = extract("支持星澜做大激光雷达业务，引导瑞禾丰源在东湖片区布局食品加工项目。")
    assert ("Enterprise", "星澜") in ents and ("Enterprise", "瑞禾丰源") in ents
    assert ("瑞禾丰源", "LOCATED_IN", "东湖片区") in rels


def test_a_region_and_one_plain_word_in_an_anchor_slot_is_a_company():
    ents, rels, _ = extract("依托江西时代建设赣州动力电池产业园。")
    assert ("Enterprise", "江西时代") in ents
    assert ("赣州动力电池产业园", "ANCHORED_BY", "江西时代") in rels


def test_project_milestones_name_companies_and_their_phases():
    ents, rels, _ = extract("湖南时代三期、四期项目建成投产，英朗德华、美科硅能源等项目落户东湖片区。")
    assert {
        ("Project", "湖南时代三期"),
        ("Project", "湖南时代四期"),
        ("Enterprise", "英朗德华"),
        ("Enterprise", "美科硅能源"),
    } <= ents
    assert ("英朗德华", "LOCATED_IN", "东湖片区") in rels


def test_generic_actors_name_nothing():
    ents, _, _ = extract(
        "鼓励民营企业在园区投资，支持高校在园区布局，引导社会资本在园区设立基金，"
        "推动龙头企业做大做强，依托资源禀赋建设特色小镇。"
    )
    assert not any(t == "Enterprise" for t, _ in ents)


def test_university_campuses_named_by_their_place():
    ents, _, _ = extract(
        "支持中山大学·深圳、哈尔滨工业大学（深圳）和北京大学深圳研究生院建设实验室，推进南方科技大学·光明校区建设。"
    )
    assert {
        ("Institution", "中山大学·深圳"),
        ("Institution", "哈尔滨工业大学（深圳）"),
        ("Institution", "北京大学深圳研究生院"),
        ("Institution", "南方科技大学·光明校区"),
    } <= ents
    ents, _, _ = extract("中山大学（以下简称中大）启动新校区。")
    assert ("Institution", "中山大学") in ents


def test_science_facilities_named_by_their_field_not_infrastructure():
    ents, _, _ = extract(
        "加快建设脑解析与脑模拟设施、合成生物研究设施，推进散裂中子源二期、先进阿秒激光等"
        "重大科技基础设施建设，完善交通设施、公共服务设施和新型信息基础设施。"
    )
    assert {
        ("Project", "脑解析与脑模拟设施"),
        ("Project", "合成生物研究设施"),
        ("Project", "散裂中子源二期"),
        ("Project", "先进阿秒激光"),
    } <= ents
    assert not any(n.endswith(("交通设施", "服务设施", "基础设施")) for _, n in ents)


def test_city_heads_parks_named_for_a_sector_and_verbs_inside_a_places_name():
    ents, rels, _ = extract(
        "柳州汽车城位于柳东新区，推动柳州汽车城与上海国际汽车城协同发展。"
        "光谷生物城由生物创新园、生物医药园、医疗器械园和医学健康园四个专业园区组成。"
        "生物创新园依托湖北江夏实验室建设光谷合成生物产业园。"
    )
    assert {
        ("Platform", "柳州汽车城"),
        ("Platform", "上海国际汽车城"),
        ("Platform", "生物医药园"),
        ("Platform", "医疗器械园"),
        ("Platform", "医学健康园"),
        ("Platform", "光谷合成生物产业园"),
    } <= ents
    assert ("柳州汽车城", "LOCATED_IN", "柳东新区") in rels
    assert ("医学健康园", "PART_OF", "光谷生物城") in rels
    assert not any(n in ("主城", "广州主城", "校园") for _, n in ents)


def test_common_nouns_ending_with_a_park_head_are_no_names():
    ents, _, _ = extract("优化广州主城功能布局，建设美丽校园和幸福家园。")
    assert not any(t == "Platform" for t, _ in ents)


def test_company_lists_in_a_support_verbs_slot():
    ents, _, _ = extract("支持泰格医药、康龙化成拓展临床CRO业务，吸引辉瑞、赛诺菲在园区设立区域研发中心。")
    assert {
        ("Enterprise", "泰格医药"),
        ("Enterprise", "康龙化成"),
        ("Enterprise", "辉瑞"),
        ("Enterprise", "赛诺菲"),
    } <= ents


def test_sectors_named_by_their_companies_and_strict_research_lists():
    ents, _, _ = extract(
        "支持化合物半导体企业建立中试线，支持集成电路设计企业和高新技术企业做大做强，"
        "研发功率半导体和车规级芯片，重点发展生命健康科技、先进材料等策略性产业。"
    )
    assert {
        ("Industry", "化合物半导体"),
        ("Industry", "集成电路设计"),
        ("Industry", "功率半导体"),
        ("Industry", "车规级芯片"),
        ("Industry", "生命健康科技"),
        ("Industry", "先进材料"),
    } <= ents
    assert not any(n.startswith("高新技术") for _, n in ents)
    ents, _, _ = extract("研发新产品和新工艺，聚焦重点和难点。")
    assert not any(t == "Industry" for t, _ in ents)


def test_a_facility_a_named_centre_builds_starts_after_the_verb():
    ents, _, _ = extract("依托北京怀柔综合性国家科学中心建设大科学装置集群。")
    assert not any("建设" in n for _, n in ents)


def test_kinds_of_business_before_a_sector_firm_cue_are_sectors():
    ents, _, _ = extract("培育数据标注、数据合规等数据服务企业50家以上，引进英发德耀、美科硅能源等光伏企业。")
    assert {
        ("Industry", "数据标注"),
        ("Industry", "数据合规"),
        ("Enterprise", "英发德耀"),
        ("Enterprise", "美科硅能源"),
    } <= ents


def test_quoted_names_with_a_head_phases_after_registry_parks_and_sector_cues_without_deng():
    ents, _, x = extract(
        "將設立總額100億元的「創科產業引導基金」。數碼港第五期預計2025年落成。"
        "香港微電子研發院將於2024年成立。園區重點容納生物醫藥、人工智能和機械人相關企業。"
        "构建“9条高速路、12条快速路、4个隧道”对外道路系统。"
    )
    assert {
        ("Institution", "「創科產業引導基金」"),
        ("Project", "數碼港第五期"),
        ("Institution", "香港微電子研發院"),
        ("Industry", "機械人"),
    } <= ents
    assert not any("高速路" in n for _, n in ents)
    assert {9.0, 12.0, 4.0} <= {i.value for i in x.indicators}


def test_taxonomy_sectors_are_found_and_x_chanye_is_their_surface_form():
    ents, _, x = extract("加快发展光伏和第三代半导体，推动汽车零部件企业转型。")
    for name in ("光伏", "第三代半导体", "汽车零部件"):
        assert ("Industry", name) in ents, name
    pv = next(e for e in x.entities if e.name == "光伏")
    assert "光伏产业" in pv.aliases  # guide D3.1: X产业 is a form of X
    assert pv.name_en == "Photovoltaics"


def test_a_bare_contextual_sector_word_names_no_sector():
    ents, _, _ = extract("加强金融支持，引导金融机构加大信贷投放。")
    assert not any(t == "Industry" for t, _ in ents)
    ents, _, _ = extract("做强金融业，加强金融支持。")
    assert ("Industry", "金融业") in ents


def test_a_division_before_a_platform_with_its_own_place_is_a_region_of_its_own():
    ents, _, _ = extract("在荆州市沙市经济技术开发区建设荆江生物医药产业园。")
    assert ("Region", "荆州市") in ents
    assert ("Platform", "沙市经济技术开发区") in ents
    ents, _, _ = extract("建设公安县国家现代农业产业园。")
    assert ("Platform", "公安县国家现代农业产业园") in ents  # the rest names no place: one name


def test_one_company_before_its_kind():
    ents, rels, _ = extract("集聚芯岭微等EDA企业，支持宝禾科技等企业发展。")
    assert ("Enterprise", "芯岭微") in ents
    ents, _, _ = extract("培育独角兽等企业。")
    assert not any(t == "Enterprise" for t, _ in ents)


def test_events_named_by_scope_and_topic_and_their_host_city():
    ents, _, _ = extract("办好世界储能大会和中国（荆州）国际农业合作周。")
    assert ("Event", "世界储能大会") in ents
    assert ("Event", "中国（荆州）国际农业合作周") in ents
    ents, _, _ = extract("举办国际专业级产业论坛。")
    assert not any(t == "Event" for t, _ in ents)  # a rank, not a name


def test_a_name_jieba_keeps_whole_shares_its_key_with_its_short_form():
    _, _, x = extract("西安高新技术产业开发区创新发展。西安高新区加快建设。")
    assert len([e for e in x.entities if e.type == "Platform"]) == 1


def test_mentions_have_offsets_into_raw_text():
    doc = make_document(TEXT, "t")
    mentions = find_mentions(doc)
    assert {m.text for m in mentions} >= {"百济神州", "中新广州知识城", "知识城", "生物岛", "生物医药"}
    for m in mentions:
        assert TEXT[m.start : m.end] == m.text


def test_aliases_resolve_to_one_entity_with_stable_id():
    doc = make_document(TEXT, "t")
    entities = resolve(find_mentions(doc), division_names())
    kc = [e for e in entities if e.name == "中新广州知识城"]
    assert len(kc) == 1 and len(kc[0].mentions) == 2
    assert kc[0].id == "Platform/sino-singapore-guangzhou-knowledge-city"
    again = resolve(find_mentions(make_document(TEXT, "t")), division_names())
    assert [e.id for e in again] == [e.id for e in entities]
