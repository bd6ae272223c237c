"""Chinese indicators: values, units, comparators, years, status and subjects of figures."""

from snippets import extract_snippet

from extract.indicator_time import time_phrases, time_rules
from extract.pipeline import extract_text, make_document
from extract.zh.indicators import chinese_value, find_indicators

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


def years(text: str) -> list[int | None]:
    """The years of a document's figures, in order."""
    x = extract_text(text, "t")
    return [i.year for i in x.indicators]


def test_time_phrases_of_a_sentence():
    from extract.indicator_time import DocTime

    when = DocTime(page_year=2024, report_year=None, reviewed_year=None)
    got = [p.year for p in time_phrases("到二〇三五年基本实现现代化,比2020年增长一倍", time_rules("zh"), when)]
    assert got == [2035]  # 比2020年 is a comparison base, not a time scope
    (p,) = time_phrases("“十四五”期间新增学位5万个", time_rules("zh"), when)
    assert (p.year, p.first) == (2025, 2020)
    assert [p.year for p in time_phrases("目前已建成3个,去年新增2个", time_rules("zh"), when)] == [None, 2023]


def test_a_time_phrase_governs_the_following_sentences_of_its_paragraph():
    text = "测试\n\n一、目标\n\n到2025年,地区生产总值达到500亿元。新增企业100家。\n\n另建园区3个。\n"
    assert years(text) == [2025, 2025, None]


def test_a_vague_phrase_stops_carry_over_and_a_counted_span_takes_its_sentences_year():
    text = "测试\n\n一、目标\n\n到2025年,地区生产总值达到500亿元。目前已有企业100家。新增园区3个。\n"
    assert years(text) == [2025, None, None]
    assert years("测试\n\n预计2020年实现地区生产总值3700亿元,5年来年均增长7%。\n") == [2020, 2020]


def test_a_heading_governs_its_list():
    text = "测试\n\n一、2023年工作回顾\n\n地区生产总值达到500亿元。\n\n新增企业100家。\n"
    assert years(text) == [2023, 2023]


def test_a_work_report_reviews_the_year_before_its_own():
    text = "某市2024年政府工作报告\n\n全年地区生产总值增长6%。今年地区生产总值增长5%左右。\n"
    assert years(text) == [2023, 2024]


def test_the_start_of_a_period_in_a_rise_from_a_to_b():
    text = "测试\n\n“十三五”期间,高新技术企业由300家增加到800家。\n"
    assert years(text) == [2015, 2020]


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
    # the paragraph's 2020 governs the next sentence (time scope, tests/gold/README.md)
    assert (700.0, "个", ">", 2020, "achieved", None) in got
    assert (0.6667, "", "=", 2020, "achieved", None) in got


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


def metrics(body: str) -> list[tuple[float, str]]:
    x = extract_text("测试\n\n" + body + "\n", "t")
    return [(i.value, i.metric) for i in x.indicators]


def test_metric_is_the_noun_phrase_not_the_window_before_the_number():
    assert metrics("预计2020年实现地区生产总值2300亿元。") == [(2300.0, "地区生产总值")]
    assert metrics("到2025年,研发投入占GDP比重达到5%。") == [(5.0, "研发投入占GDP比重")]
    assert metrics("全市软件业实现主营业务收入80亿元。") == [(80.0, "软件业主营业务收入")]


def test_level_and_growth_give_the_growth_the_levels_measure():
    assert metrics("实现地区生产总值2300亿元、增长7.5%。") == [(2300.0, "地区生产总值"), (7.5, "地区生产总值增速")]
    assert metrics("一般公共预算收入年均增长8%。") == [(8.0, "一般公共预算收入年均增速")]
    assert metrics("单位GDP能耗下降13.5%。") == [(13.5, "单位GDP能耗降幅")]


def test_a_share_without_its_measure_takes_the_levels():
    assert metrics("进出口总额7.5万亿元,占全国的17.8%。") == [(7.5, "进出口总额"), (17.8, "进出口总额占全国比重")]


def test_a_count_is_the_thing_counted_plus_shu():
    assert metrics("建成3个重大科技基础设施。") == [(3.0, "重大科技基础设施数")]
    assert metrics("高新技术企业超过5000家。") == [(5000.0, "高新技术企业数")]
    assert metrics("158个重点项目完成投资80亿元。")[0] == (158.0, "重点项目数")


def test_a_cluster_scale_is_the_industrys_cluster_scale():
    got = figures("形成一个三千亿级(新一代信息技术)产业集群。")
    assert (3000.0, "亿元", ">=", None, "target", "新一代信息技术") in got
    x = extract_text("测试\n\n一、主要目标\n\n形成一个三千亿级(新一代信息技术)产业集群。\n", "t")
    assert [i.metric for i in x.indicators] == ["新一代信息技术产业集群规模"]


def test_a_respectively_list_gives_each_figure_its_own_measure():
    got = metrics("城镇和农村居民人均可支配收入分别达到45612元和22180元。")
    assert got == [(45612.0, "城镇居民人均可支配收入"), (22180.0, "农村居民人均可支配收入")]
    got = metrics("城乡居民人均可支配收入分别增长5.2%、6.1%。")
    assert got == [(5.2, "城镇居民人均可支配收入增速"), (6.1, "农村居民人均可支配收入增速")]


def test_an_area_is_the_places_area():
    assert metrics("先行启动区规划面积约120平方公里,联动发展临港地区386平方公里。")[1][1].endswith("临港地区面积")


def test_a_change_in_points_is_a_change_of_the_share_before_it():
    got = metrics("地区生产总值占全省比重为12%,比2015年提高0.9个百分点。")
    assert got == [(12.0, "地区生产总值占全省比重"), (0.9, "地区生产总值占全省比重提高")]


def test_quantifiers_and_a_verb_with_le_are_trimmed():
    assert metrics("全年上缴各项税收30亿元。") == [(30.0, "上缴税收")]


def test_counts_in_changci_and_wei_but_not_ranks():
    got = metrics("组织政银企对接活动11场次,引进院士团队6位,综合实力居全省前3位。")
    assert [v for v, _ in got] == [11.0, 6.0]


def test_an_investment_after_a_count_is_the_counted_things():
    got = metrics("安排重大水利工程8项,“十四五”计划投资120亿元。")
    assert got == [(8.0, "重大水利工程数"), (120.0, "重大水利工程计划投资")]


def test_a_share_of_what_follows_the_figure():
    assert metrics("自贸试验区吸引了占全国18.1%的外商投资。") == [(18.1, "外商投资占全国比重")]
