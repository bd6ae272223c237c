"""English mentions: registry names and aliases, head-word names, sector terms and lists, defined
short names; English mentions resolve to the Chinese entity."""

import pytest

from extract.model import Sentence
from extract.pipeline import extract_text

KC = "Platform/sino-singapore-guangzhou-knowledge-city"


def one(text):
    return (Sentence("s00001", 0, len(text), text),)


def entities(text):
    x = extract_text(text, "t")
    assert x.document.lang == "en"
    return {e.id: e for e in x.entities}, x


def test_registry_names_and_aliases_resolve_to_the_chinese_entity():
    found, _ = entities(
        "Guangzhou Knowledge City and the Sino-Singapore Guangzhou Knowledge City are one place. "
        "BeiGene opened a plant in Huangpu District."
    )
    kc = found[KC]
    assert kc.name == "中新广州知识城" and kc.name_en == "Sino-Singapore Guangzhou Knowledge City"
    assert {m.text for m in kc.mentions} == {"Guangzhou Knowledge City", "Sino-Singapore Guangzhou Knowledge City"}
    assert "Enterprise/beigene" in found and "Region/huangpu-district" in found


@pytest.mark.parametrize(
    "sentence,name,type_",
    [
        ("We will build the Zhuhai Hengqin Industrial Park into a hub.", "Zhuhai Hengqin Industrial Park", "Platform"),
        (
            "The Foshan Advanced Materials Research Institute opened.",
            "Foshan Advanced Materials Research Institute",
            "Institution",
        ),
        ("Support the Pearl River Laboratory in basic research.", "Pearl River Laboratory", "Institution"),
        ("The Lingnan Robotics Innovation Center will lead.", "Lingnan Robotics Innovation Center", "Institution"),
        ("Expand the China (Lingnan) Pilot Free Trade Zone.", "China (Lingnan) Pilot Free Trade Zone", "Platform"),
        (
            "Set up the Qianhai Digital Economy Demonstration Zone.",
            "Qianhai Digital Economy Demonstration Zone",
            "Platform",
        ),
        (
            "The Shenzhen Institute of Advanced Technology will help.",
            "Shenzhen Institute of Advanced Technology",
            "Institution",
        ),
        ("Metro Line 21 will open.", "Metro Line 21", "Project"),
        ("We will host the Greater Bay Area Biotech Forum.", "Greater Bay Area Biotech Forum", "Event"),
    ],
)
def test_head_word_names(sentence, name, type_):
    found, _ = entities(sentence)
    hits = [e for e in found.values() if e.name == name]
    assert hits and hits[0].type == type_, [(e.name, e.type) for e in found.values()]
    assert hits[0].name_en == name and hits[0].name_en_source == "document"


@pytest.mark.parametrize(
    "sentence",
    [
        "We will build an Innovation Center for the region.",
        "The Laboratory will grow.",
        "Outline of the 14th Five-Year Plan for National Economic and Social Development.",
        "This plan supports the industrial park and the research institute.",
    ],
)
def test_no_name_without_a_proper_modifier(sentence):
    found, _ = entities(sentence)
    assert not [e for e in found.values() if e.registry_id is None and e.type != "Industry"], found


def test_sector_terms_resolve_to_the_chinese_name():
    found, _ = entities("We will develop new energy vehicles, new materials and the digital economy.")
    names = {e.name: e for e in found.values()}
    assert {"新能源汽车", "新材料", "数字经济"} <= set(names)
    assert names["新材料"].name_en.lower() == "new materials"
    zh = {e.name: e.id for e in extract_text("黄埔区大力发展新能源汽车、新材料和数字经济。", "z").entities}
    assert {n: zh.get(n) for n in ("新能源汽车", "新材料", "数字经济")} == {
        n: names[n].id for n in ("新能源汽车", "新材料", "数字经济")
    }


def test_terms_not_in_the_registry_key_on_their_chinese_name():
    from extract.en.mentions import find_english_mentions
    from extract.en.rules import terms
    from extract.ids import entity_key
    from extract.pipeline import make_document
    from extract.registry import load_registry

    registry = load_registry()
    free = [t for t in terms() if registry.lookup(t.name_zh) is None and registry.lookup(t.name_en) is None]
    assert free, "every term is in the registry: nothing left to test"
    t = free[0]
    ms = find_english_mentions(make_document(f"We will develop {t.name_en} across the district.", "e", lang="en"))
    hit = [m for m in ms if m.text == t.name_en]
    assert hit and hit[0].key == entity_key(t.name_zh) and hit[0].name == t.name_zh


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Leading companies such as BYD, CATL and Lingnan Robotics will expand.", {("Lingnan Robotics", "Enterprise")}),
        (
            "The Shenzhen Institute of Science and Technology and Foshan University will cooperate.",
            {("Shenzhen Institute of Science and Technology", "Institution"), ("Foshan University", "Institution")},
        ),
        (
            "We will attract universities including Lingnan Normal University and Hengqin University.",
            {("Lingnan Normal University", "Institution"), ("Hengqin University", "Institution")},
        ),
    ],
)
def test_lists_and_names_joined_by_and(sentence, expected):
    found, _ = entities(sentence)
    got = {(e.name_en, e.type) for e in found.values()}
    assert expected <= got, got
    assert not any(" and " in n and n not in {x for x, _ in expected} for n, _ in got)


@pytest.mark.parametrize(
    "sentence,name,type_",
    [
        ("Lingnan Pharmaceuticals opened a plant.", "Lingnan Pharmaceuticals", "Enterprise"),
        ("Hengqin Microelectronics will expand.", "Hengqin Microelectronics", "Enterprise"),
        ("The Lingnan Drug Discovery Center will open.", "Lingnan Drug Discovery Center", "Institution"),
    ],
)
def test_company_and_centre_heads(sentence, name, type_):
    found, _ = entities(sentence)
    assert (name, type_) in {(e.name_en, e.type) for e in found.values()}


def test_headings_name_nothing_by_head_words_but_keep_registry_names():
    text = (
        "Suzhou Lakeside Plan for Innovation-Driven Development\n\nI. Development Foundation\n\n"
        "II. Building Guangzhou Knowledge City\n\nThe Lingnan Robotics Innovation Center opened.\n"
    )
    x = extract_text(text, "h")
    names = {e.name_en for e in x.entities}
    assert "Lingnan Robotics Innovation Center" in names and "Sino-Singapore Guangzhou Knowledge City" in names
    assert not names & {"Suzhou Lakeside Plan", "Development Foundation", "I. Development Foundation"}
    chapters = [s for s in x.document.sections if s.kind == "chapter"]
    assert [c.number for c in chapters] == [1, 2]


# ------------------------------------------------------------------ names inside names, places, sectors


def _named(text):
    x = extract_text(text, "t", lang="en")
    return {(e.name_en or e.name, e.type) for e in x.entities}, x


@pytest.mark.parametrize(
    "sentence,absent",
    [
        # a registry alias or term written inside a longer capitalised name is part of that name
        (
            "Shanghai Zhangjiang Hi-Tech Park Development Co., Ltd. will build offices.",
            "Platform/zhangjiang-science-city",
        ),
        ("Shanghai Henlius Biotech will expand its plant.", "Industry/biotechnology"),
        ("Wondfo Biotech Holdings opened a plant.", "Industry/biotechnology"),
    ],
)
def test_an_alias_does_not_fire_inside_a_longer_capitalised_name(sentence, absent):
    found, _ = entities(sentence)
    assert absent not in found, sorted(found)


@pytest.mark.parametrize(
    "sentence,present",
    [
        ("Zhangjiang will cooperate with Suzhou.", "Platform/zhangjiang-science-city"),
        ("We will grow the biotech industry.", "Industry/biotechnology"),
        # places side by side and the ends of a link still name each place
        ("The Suzhou-Shanghai Intercity Railway will open.", "Region/suzhou"),
        ("The Suzhou-Shanghai Intercity Railway will open.", "Region/shanghai"),
    ],
)
def test_a_short_alias_standing_alone_still_names_its_entity(sentence, present):
    found, _ = entities(sentence)
    assert present in found, sorted(found)


def test_china_singapore_suzhou_industrial_park_is_sip():
    found, _ = entities("The China-Singapore Suzhou Industrial Park and Suzhou Industrial Park are one park.")
    sip = found["Platform/suzhou-industrial-park"]
    assert sip.name == "苏州工业园区"
    assert {m.text for m in sip.mentions} == {"China-Singapore Suzhou Industrial Park", "Suzhou Industrial Park"}
    assert [e for e in found.values() if e.type == "Platform"] == [sip]


def test_nanotechnology_is_one_industry_in_both_languages():
    from extract.registry import load_registry

    assert "nano" not in load_registry().by_id
    en, _ = entities("The nanotechnology industry and nanotech applications will grow.")
    zh = {e.id for e in extract_text("苏州工业园区重点发展纳米产业和纳米科技。", "z").entities if e.type == "Industry"}
    assert "Industry/nanotechnology" in en and "Industry/nanotechnology" in zh


@pytest.mark.parametrize(
    "sentence,sectors,absent",
    [
        (
            "Yangpu Economic Development Zone focuses on shipping, oil and gas processing and new materials.",
            {"oil and gas processing", "new materials"},
            {"oil"},
        ),
        (
            "The new area will develop modern financial services, headquarters economy and the airport economy.",
            {"modern financial services", "airport economy"},
            {"Financial Services"},
        ),
        (
            "Enterprises such as YOFC will lead the optical communication and laser industries.",
            {"optical communication", "laser"},
            set(),
        ),
        (
            "We will grow strategic emerging industries and the three leading industries.",
            set(),
            {"strategic emerging", "three leading"},
        ),
        (
            "The zone has introduced more than 400 innovative drugs and medical devices.",
            set(),
            {"innovative drugs", "Medical Devices"},
        ),
        ("Hainan is building a free trade port.", set(), {"Trade"}),
    ],
)
def test_sectors_in_lists(sentence, sectors, absent):
    got, _ = _named(sentence)
    industries = {n.lower() for n, t in got if t == "Industry"}
    assert {s.lower() for s in sectors} <= industries and not ({a.lower() for a in absent} & industries), industries


def test_a_defined_short_name_names_its_entity_wherever_it_is_used():
    text = (
        'Suzhou Industrial Park (hereinafter referred to as "the Park") was founded in 1994.\n'
        "The Park will focus on biomedicine. Wuhan National Bio-industry Base (Biolake) will grow, and Biolake "
        "will host 3,000 firms.\n"
    )
    found, _ = entities(text)
    sip = found["Platform/suzhou-industrial-park"]
    assert [m.text for m in sip.mentions].count("The Park") == 1
    base = next(e for e in found.values() if e.name == "Wuhan National Bio-industry Base")
    assert [m.text for m in base.mentions].count("Biolake") == 2
