"""The rules added for the third dev set (extract4): sector names from the industry taxonomy,
divisions before a platform, lone company names, anchors and subjects of articles, regions a
platform covers, companies that build for a sector, cooperation verbs inside names. Every snippet
is written for this test (no gold, dev or sample text)."""
from snippets import extract_snippet

extract = extract_snippet


def test_taxonomy_sectors_are_found_and_x_chanye_is_their_surface_form():
    ents, _, x = extract("加快发展光伏和第三代半导体，推动汽车零部件企业转型。")
    for name in ("光伏", "第三代半导体", "汽车零部件"):
        assert ("Industry", name) in ents, name
    pv = next(e for e in x.entities if e.name == "光伏")
    assert "光伏产业" in pv.aliases                 # guide D3.1: X产业 is a form of X
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
    assert ("Platform", "公安县国家现代农业产业园") in ents     # the rest names no place: one name


def test_one_company_before_its_kind():
    ents, rels, _ = extract("集聚芯岭微等EDA企业，支持宝禾科技等企业发展。")
    assert ("Enterprise", "芯岭微") in ents
    ents, _, _ = extract("培育独角兽等企业。")
    assert not any(t == "Enterprise" for t, _ in ents)


def test_respectively_maps_companies_to_sectors_one_to_one():
    _, rels, _ = extract("支持宁德时代、中芯国际分别做强动力电池和集成电路制造业务。")
    assert ("宁德时代", "OPERATES_IN", "动力电池") in rels
    assert ("中芯国际", "OPERATES_IN", "集成电路制造") in rels
    assert ("宁德时代", "OPERATES_IN", "集成电路制造") not in rels


def test_a_heading_platform_is_the_subject_of_its_article():
    body = ("三、功能片区\n\n（一）洪湖片区。依托华中农业大学建设洪湖现代种业产业园，重点发展生物育种和智慧农业。")
    _, rels, _ = extract(body)
    assert ("洪湖片区", "SERVES", "生物育种") in rels
    assert ("洪湖现代种业产业园", "ANCHORED_BY", "华中农业大学") in rels
    assert ("洪湖现代种业产业园", "SERVES", "生物育种") not in rels


def test_a_platform_described_first_is_anchored_by_its_core():
    _, rels, _ = extract("江汉智能制造产业园位于江汉区，规划面积约12平方公里，以湖北实验室、武汉理工大学为核心，重点发展智能装备。")
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


def test_events_named_by_scope_and_topic_and_their_host_city():
    ents, _, _ = extract("办好世界储能大会和中国（荆州）国际农业合作周。")
    assert ("Event", "世界储能大会") in ents
    assert ("Event", "中国（荆州）国际农业合作周") in ents
    ents, _, _ = extract("举办国际专业级产业论坛。")
    assert not any(t == "Event" for t, _ in ents)   # a rank, not a name


def test_a_platform_is_part_of_each_zone_it_carries():
    _, rels, _ = extract("荆楚高新区是首批省级高新区，是荆楚国家自主创新示范区和中国（湖北）自由贸易试验区的核心承载区。")
    assert ("荆楚高新区", "PART_OF", "荆楚国家自主创新示范区") in rels
    assert ("荆楚高新区", "PART_OF", "中国(湖北)自由贸易试验区") in rels


def test_companies_that_take_root_or_gather_in_a_place_lie_in_it():
    _, rels, _ = extract("宁德时代、比亚迪等龙头企业扎根中新广州知识城。")
    assert ("宁德时代", "LOCATED_IN", "中新广州知识城") in rels
    _, rels, _ = extract("支持小米集团、京东等企业在中新广州知识城集聚。")
    assert ("小米集团", "LOCATED_IN", "中新广州知识城") in rels


def test_a_name_jieba_keeps_whole_shares_its_key_with_its_short_form():
    _, _, x = extract("西安高新技术产业开发区创新发展。西安高新区加快建设。")
    assert len([e for e in x.entities if e.type == "Platform"]) == 1
