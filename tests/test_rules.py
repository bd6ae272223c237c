"""Entity rules on small snippets of plan text (names not in the registry)."""
import pytest

from extract.pipeline import make_document
from extract.resolve import resolve
from extract.zh.gazetteer import division_names
from extract.zh.mentions import find_mentions


def names(text: str) -> dict[str, str]:
    doc = make_document("测试文本\n\n" + text + "\n", "t")
    return {e.name: e.type for e in resolve(find_mentions(doc), division_names())}


@pytest.mark.parametrize("text, name, type_", [
    ("加快建设江门精准医疗创新研究院。", "江门精准医疗创新研究院", "Institution"),        # leading verb trimmed
    ("高标准建设翟洞智能制造产业园。", "翟洞智能制造产业园", "Platform"),
    ("推动滨江片区和北新片区协同发展。", "北新片区", "Platform"),                        # 和 joins two names
    ("依托中科院自动化研究所广州人工智能与先进计算研究院开展研究。",
     "中科院自动化研究所广州人工智能与先进计算研究院", "Institution"),                   # 与 inside a name
    ("实施黄埔数字赋能工程。", "黄埔数字赋能工程", "Initiative"),
    ("创建广东省信用建设服务实体经济发展试点。", "广东省信用建设服务实体经济发展试点", "Initiative"),
    ("构建“金镶玉”政策体系。", "“金镶玉”政策体系", "Initiative"),                      # quoted label + head
    ("推动“黄埔样本”建设。", "“黄埔样本”", "Initiative"),                               # a quoted programme
    ("贯彻落实《中长期青年发展规划(2016-2025年)》。", "中长期青年发展规划(2016-2025年)", "Initiative"),
    ("加快西区-化龙过江隧道建设。", "西区-化龙过江隧道", "Project"),
    ("加快推进岭南医院二期建设。", "岭南医院二期", "Project"),
    ("与宝安区打造先进制造业协同发展先行先试地。", "宝安区", "Region"),
])
def test_names_not_in_the_registry(text, name, type_):
    assert names(text).get(name) == type_


def test_list_with_elided_heads_gives_one_project_per_item():
    found = names("加快有轨电车2、3、5号线和1号线东延线建设,加快建设地铁7号线二期和5号线东延线。")
    for n in ("有轨电车2号线", "有轨电车3号线", "有轨电车5号线", "有轨电车1号线东延线",
              "地铁7号线二期", "地铁5号线东延线"):
        assert found.get(n) == "Project", n


def test_industry_lists_typed_by_their_cue():
    found = names("滨江片区重点发展化学药、现代中药和医疗器械。壮大智能家电、食品饮料两个千亿级产业集群。")
    for n in ("化学药", "现代中药", "医疗器械", "智能家电", "食品饮料"):
        assert found.get(n) == "Industry", n


def test_enterprise_cues():
    found = names("支持安诺优达、华大基因等基因检测企业扩大产能。以诺诚健华、小鹏汽车为核心建设产业园。")
    assert found.get("安诺优达") == found.get("华大基因") == "Enterprise"


@pytest.mark.parametrize("text", [
    "支持国内外知名高等院校、科研院所和龙头企业等设立高水平研究院。",   # generic institutes
    "打造一批品牌化的国际技术转移中心。",                              # a category after 一批…的
    "成为国家产城融合示范区。",                                          # a designation many places hold
    "建设开放合作示范区。",                                              # a positioning label, no place
    "增强“四个意识”、坚定“四个自信”。",                                # political formulas
    "“十四五”时期是关键阶段。",                                          # a period
])
def test_generic_phrases_are_not_names(text):
    found = names(text)
    assert not {n for n, t in found.items() if t in ("Institution", "Platform", "Initiative")}, found


def test_aliases_and_abbreviations_merge():
    doc = make_document("标题\n\n推进中新广州知识城建设。知识城总体发展规划获批。落实中新广州知识城总体发展规划。"
                        "建设中国新材料中央创新区(CID)。\n", "t")
    ents = resolve(find_mentions(doc), division_names())
    plan = [e for e in ents if e.name.endswith("总体发展规划")]
    assert len(plan) == 1 and len(plan[0].mentions) == 2
    cid = [e for e in ents if "CID" in e.aliases]
    assert cid and cid[0].name == "中国新材料中央创新区"


def test_mention_offsets_index_the_raw_text():
    raw = "标题\n\n  加快建设江门精准医疗创新研究院,与中山大学合作。\n"
    doc = make_document(raw, "t")
    for m in find_mentions(doc):
        assert raw[m.start:m.end] == m.text


def test_contextual_alias_needs_its_region():
    assert "广州科学城" not in names("推进成都科学城建设,科学城研发投入强度达到4%。")
    assert names("广州市加快科学城建设。").get("广州科学城") == "Platform"
