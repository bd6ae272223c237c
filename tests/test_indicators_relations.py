"""Indicators and relations from sentence cues, on small snippets."""
from extract.pipeline import extract_text
from extract.zh.indicators import chinese_value, find_indicators, sentence_year


def figures(text: str, heading: str = "一、主要目标"):
    x = extract_text("测试\n\n" + heading + "\n\n" + text + "\n", "t")
    names = {e.id: e.name for e in x.entities}
    return [(i.value, i.unit, i.comparator, i.year, i.status, names.get(i.subject)) for i in x.indicators]


def test_chinese_numerals_through_cn2an():
    assert chinese_value("五百") == 500 and chinese_value("千") == 1000 and chinese_value("半") == 0.5


def test_years():
    assert sentence_year("到2025年,研发投入强度达到3.5%") == 2025
    assert sentence_year("到二〇三五年基本实现现代化") == 2035
    assert sentence_year("“十四五”期间新增学位5万个") == 2025
    assert sentence_year("新增学位5万个") is None


def test_comparators_units_and_status():
    got = figures("到2025年,全社会研发经费投入强度超过5%,高新技术企业数量达到3500家以上,"
                  "实现大湾区主要节点“1小时通达”。")
    assert (5.0, "%", ">", 2025, "target", None) in got
    assert (3500.0, "家", ">=", 2025, "target", None) in got
    assert (1.0, "小时", "<=", 2025, "target", None) in got


def test_review_figures_are_achieved():
    got = figures("预计2020年实现地区生产总值近3700亿元,5年来年均增长7%左右。引进项目700多个,占全省2/3。",
                  heading="一、“十三五”时期经济社会发展取得重大成就")
    assert (3700.0, "亿元", "~", 2020, "achieved", None) in got
    assert (7.0, "%", "~", 2020, "achieved", None) in got
    assert (700.0, "个", ">", None, "achieved", None) in got
    assert (0.6667, "", "=", None, "achieved", None) in got


def test_cluster_scales_give_one_indicator_per_industry():
    got = figures("形成一个三千亿级(新一代信息技术)、两个两千亿级(汽车制造、新材料)产业集群。")
    assert (3000.0, "亿元", ">=", None, "target", "新一代信息技术") in got
    assert (2000.0, "亿元", ">=", None, "target", "汽车制造") in got
    assert (2000.0, "亿元", ">=", None, "target", "新材料") in got


def test_ranks_and_counts_of_listed_items_are_not_indicators():
    assert figures("稳居全国经开区第2,增强“四个意识”,GDP等6项主要指标稳居榜首。") == []


def test_find_indicators_on_sentences_alone():
    x = extract_text("测试\n\n到2025年,地区生产总值达到5000亿元。\n", "t")
    (ind,) = find_indicators("t", x.document.sentences)
    assert (ind.value, ind.unit, ind.year) == (5000, "亿元", 2025)


def relations(text: str, title: str = "江门高新区生物医药产业园发展规划"):
    x = extract_text(title + "\n\n" + text + "\n", "t")
    names = {e.id: e.name for e in x.entities}
    return {(names[r.head], r.type, names[r.tail]) for r in x.relations}, x


def test_relations_with_evidence_and_rule():
    rels, x = relations("江门高新区生物医药产业园位于江门市蓬江区,包括滨江片区和北新片区,集聚生物医药企业86家。"
                        "滨江片区重点发展化学药、现代中药和医疗器械。"
                        "支持安诺优达、华大基因等基因检测企业扩大产能。"
                        "以百济神州、诺诚健华为核心的世界级生物制药基地加快建设,做强生物制药。"
                        "与中山大学合作共建江门精准医疗创新研究院。")
    assert ("江门高新区生物医药产业园", "LOCATED_IN", "蓬江区") in rels
    assert ("北新片区", "PART_OF", "江门高新区生物医药产业园") in rels
    assert ("滨江片区", "SERVES", "现代中药") in rels
    assert ("江门高新区生物医药产业园", "SERVES", "生物医药") in rels          # from the park's name
    assert ("华大基因", "OPERATES_IN", "基因检测") in rels
    assert ("世界级生物制药基地", "ANCHORED_BY", "诺诚健华") in rels
    assert ("百济神州", "OPERATES_IN", "生物制药") in rels
    assert ("江门高新区生物医药产业园", "COOPERATES_WITH", "中山大学") in rels  # the title's place acts
    for r in x.relations:
        assert r.rule and x.document.text[r.evidence.start:r.evidence.end] == r.evidence.text


def test_pairing_aid_names_the_specific_regions():
    rels, _ = relations("扎实推进贵州黔南、湛江廉江扶贫协作和对口帮扶。", title="广州市黄埔区发展规划")
    assert ("黄埔区", "COOPERATES_WITH", "黔南布依族苗族自治州") in rels
    assert not any(t == "贵州省" for _, _, t in rels)


def test_containment_cues_locate_what_a_sentence_builds_in_a_place():
    """LOCATED_IN / PART_OF from containment cues (extract/containment.py), on names of no sample."""
    rels, _ = relations("全面落实滨海新城总体规划,打造“一核两带”,将临江总部经济带建设成为创新核,"
                        "重点建设以星河药业为核心的创新药产业园,以蓝海微电子为核心的芯片产业园。"
                        "在嘉禾高新区规划建设氢能产业园和嘉禾智能装备检测中心,在嘉禾高新区布局储能、工业母机产业。"
                        "东湖实验室位于嘉禾高新区,百川研究院落户滨海新城。"
                        "赛博科技在嘉禾高新区落户。", title="嘉禾市发展规划")
    assert ("创新药产业园", "LOCATED_IN", "滨海新城") in rels              # 落实P规划…建设X
    assert ("芯片产业园", "LOCATED_IN", "滨海新城") in rels
    assert ("临江总部经济带", "PART_OF", "滨海新城") in rels               # an area of P
    assert ("星河药业", "LOCATED_IN", "滨海新城") not in rels              # an anchor, not built
    assert ("氢能产业园", "LOCATED_IN", "嘉禾高新区") in rels              # 在P建设X
    assert ("嘉禾智能装备检测中心", "LOCATED_IN", "嘉禾高新区") in rels
    assert ("嘉禾高新区", "SERVES", "储能") in rels                        # 在P布局X产业
    assert ("东湖实验室", "LOCATED_IN", "嘉禾高新区") in rels              # X位于P
    assert ("百川研究院", "LOCATED_IN", "滨海新城") in rels                # X落户P
    assert ("赛博科技", "LOCATED_IN", "嘉禾高新区") in rels                # X在P落户


def test_anaphors_stand_for_the_documents_own_place():
    rels, _ = relations("园区重点发展合成生物、细胞治疗和高端医疗器械。"
                        "推动星河药业落户园区,在园区建设海岳生物医药孵化器。"
                        "推进产业园区提质增效。", title="江门高新区生物医药产业园发展规划")
    park = "江门高新区生物医药产业园"
    assert (park, "SERVES", "合成生物") in rels and (park, "SERVES", "细胞治疗") in rels
    assert ("星河药业", "LOCATED_IN", park) in rels
    assert ("海岳生物医药孵化器", "LOCATED_IN", park) in rels


def test_a_clause_opening_develop_verb_takes_the_sentence_subject():
    rels, _ = relations("云湖科技园位于嘉禾市西部,重点发展工业软件、智能传感器等产业。",
                        title="嘉禾市国民经济和社会发展第十四个五年规划纲要")
    assert ("云湖科技园", "SERVES", "工业软件") in rels
    assert ("云湖科技园", "SERVES", "智能传感器") in rels
