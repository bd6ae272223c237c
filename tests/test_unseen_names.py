"""Rules on names no registry lists: local divisions, glued tokens, rail sections, head forms,
anaphors and traditional characters. Every snippet is written for this test (no sample text)."""
from snippets import extract_snippet

extract = extract_snippet


def test_county_level_divisions_by_short_form_where_their_city_is_named():
    ents, _, _ = extract("实现胶州、平度、即墨等外围组团与主城区快速联通。", "青岛市综合交通运输发展规划")
    assert {("Region", "胶州市"), ("Region", "平度市"), ("Region", "即墨区")} <= ents


def test_a_county_short_form_needs_its_city_named():
    ents, _, _ = extract("推动金山、奉贤协同发展。", "嘉禾市发展规划")
    assert ("Region", "金山区") not in ents
    ents, _, _ = extract("推动金山、奉贤协同发展。", "上海市发展规划")
    assert ("Region", "金山区") in ents and ("Region", "奉贤区") in ents


def test_function_words_glued_to_unknown_names_are_split():
    ents, rels, _ = extract("以华祥片区为综合服务核,重点发展总部经济、科技服务和现代商贸。",
                            "廊坊经济技术开发区总体规划")
    assert ("Platform", "华祥片区") in ents
    assert not any(name.startswith("以") for _, name in ents)
    assert ("华祥片区", "SERVES", "总部经济") in rels


def test_rail_sections_and_elided_lines():
    ents, _, _ = extract("地铁1号线北段、8号线北段和11号线建成运营,推进渝昆高铁宜宾段主体工程。", "宜宾市政府工作报告")
    assert {("Project", "地铁1号线北段"), ("Project", "地铁8号线北段"), ("Project", "地铁11号线"),
            ("Project", "渝昆高铁宜宾段")} <= ents
    assert not any(t == "Initiative" and "主体工程" in n for t, n in ents)


def test_long_and_short_platform_heads_name_one_entity():
    ents, _, _ = extract("汾湖高新技术产业开发区综合实力增强。汾湖高新区重点发展数字经济。", "苏州市吴江区发展规划")
    assert len([n for t, n in ents if t == "Platform" and n.startswith("汾湖")]) == 1


def test_park_anaphor_names_the_park_just_built():
    _, rels, _ = extract("福州市与固原市合作共建固原—福州飞地产业园,园区选址固原经济技术开发区。",
                         "东西部协作实施规划")
    assert ("固原—福州飞地产业园", "LOCATED_IN", "固原经济技术开发区") in rels


def test_traditional_text_reports_names_and_units_as_written():
    ents, _, x = extract("北部都會區可容納約250萬人居住,規劃創科用地約240公頃。", "北部都會區發展藍圖")
    units = {i.unit for i in x.indicators}
    assert "萬人" in units and "公頃" in units
    assert all(x.document.text[m.start:m.end] == m.text for e in x.entities for m in e.mentions)
