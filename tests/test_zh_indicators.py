"""Chinese indicators: values, units, comparators, years, status and subjects of figures."""

from snippets import extract_snippet

from extract.pipeline import extract_text, make_document
from extract.zh.indicators import chinese_value, find_indicators, sentence_year

extract = extract_snippet
TEXT = (
    "某区规划\n\n一、总体要求\n\n以百济神州为核心,建设中新广州知识城。"
    "知识城与生物岛协同发展生物医药。到2025年,地区生产总值达到5000亿元。\n"
)


def test_figures_with_thousands_separators_shares_in_words_and_more_units():
    _, _, x = extract(
        "初创企业增至4,257家，进驻率超过八成，约占全市经济总量的四分之一，近三成来自外资；"
        "已接获申请逾6.5万宗，算力达3,000 PFLOPS，年检测能力达到100万例左右，每年举办活动不少于30场，"
        "基金总规模100亿澳门元，澳资企业增长近两倍。"
    )
    got = {(i.value, i.unit, i.comparator) for i in x.indicators}
    assert {
        (4257.0, "家", "="),
        (0.8, "", ">"),
        (0.25, "", "~"),
        (0.3, "", "~"),
        (6.5, "万宗", ">"),
        (100.0, "万例", "~"),
        (30.0, "场", ">="),
        (100.0, "亿澳门元", "="),
        (2.0, "倍", "~"),
    } <= got
    assert not any(i.value in (257.0, 0.0) for i in x.indicators)


def figures(text: str, heading: str = "一、主要目标"):
    x = extract_text("测试\n\n" + heading + "\n\n" + text + "\n", "t")
    names = {e.id: e.name for e in x.entities}
    return [
        (i.value, i.unit, i.comparator, i.year, i.status, names.get(i.subject) if i.subject else None)
        for i in x.indicators
    ]


def test_chinese_numerals_through_cn2an():
    assert chinese_value("五百") == 500 and chinese_value("千") == 1000 and chinese_value("半") == 0.5


def test_years():
    assert sentence_year("到2025年,研发投入强度达到3.5%") == 2025
    assert sentence_year("到二〇三五年基本实现现代化") == 2035
    assert sentence_year("“十四五”期间新增学位5万个") == 2025
    assert sentence_year("新增学位5万个") is None


def test_comparators_units_and_status():
    got = figures(
        "到2025年,全社会研发经费投入强度超过5%,高新技术企业数量达到3500家以上,实现大湾区主要节点“1小时通达”。"
    )
    assert (5.0, "%", ">", 2025, "target", None) in got
    assert (3500.0, "家", ">=", 2025, "target", None) in got
    assert (1.0, "小时", "<=", 2025, "target", None) in got


def test_review_figures_are_achieved():
    got = figures(
        "预计2020年实现地区生产总值近3700亿元,5年来年均增长7%左右。引进项目700多个,占全省2/3。",
        heading="一、“十三五”时期经济社会发展取得重大成就",
    )
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


def test_target_indicator():
    doc = make_document(TEXT, "t")
    (ind,) = find_indicators(doc.id, doc.sentences)
    assert (ind.value, ind.unit, ind.comparator, ind.year, ind.status) == (5000, "亿元", "=", 2025, "target")
    assert TEXT[ind.evidence.start : ind.evidence.end] == ind.evidence.text
