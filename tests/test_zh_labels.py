"""Chinese labels: generated English names (glossary heads and modifiers, pinyin for proper names),
flagged as generated; official names kept."""

from extract.model import Entity
from extract.vocab import NameSource
from extract.zh.labels import add_english_names
from extract.zh.translate import english_name, romanise


def test_glossary_heads_and_pinyin_proper_names():
    assert english_name("将军山数字创新园", "Platform") == "Jiangjunshan Digital Innovation Park"
    assert english_name("长洲岛", "Platform") == "Changzhou Island"  # place-name reading of 长
    assert english_name("国际生物医药研究院", "Institution") == "International Biomedicine Research Institute"
    assert english_name("国家先进制造示范区", "Platform") == "National Advanced Manufacturing Demonstration Zone"


def test_type_decides_the_head_and_short_names_keep_their_generic():
    assert english_name("海珠区", "Region") == "Haizhu District"
    assert english_name("增城区", "Region") == "Zengcheng District"  # 增城 is one name, not 增 + City
    assert english_name("佛山市", "Region") == "Foshan"
    assert english_name("鱼珠片区", "Platform") == "Yuzhu Area"


def test_numbered_lines_and_phases():
    assert english_name("地铁7号线二期", "Project") == "Metro Line 7 Phase 2"
    assert english_name("有轨电车1号线", "Project") == "Tram Line 1"


def test_registered_names_inside_a_name_use_the_official_english():
    assert (
        english_name("中新广州知识城国际创新中心", "Institution")
        == "Sino-Singapore Guangzhou Knowledge City International Innovation Center"
    )
    # a region as a modifier loses its generic: 黄埔区 is Huangpu District, 黄埔片区 is Huangpu Area
    assert english_name("黄埔区", "Region") == "Huangpu District"
    assert english_name("黄埔片区", "Platform") == "Huangpu Area"
    assert english_name("黄埔区创新中心", "Institution") == "Huangpu Innovation Center"


def test_dashes_between_places_are_kept():
    assert english_name("“知识城-南沙”", "Project") == "Sino-Singapore Guangzhou Knowledge City - Nansha"


def test_pinyin_orthography_apostrophe():
    assert romanise("西安") == "Xi'an"


def test_label_stage_keeps_official_and_flags_generated():
    official = Entity(
        id="Platform/x",
        type="Platform",
        name="中新广州知识城",
        name_en="Sino-Singapore Guangzhou Knowledge City",
        name_en_source="official",
    )
    new = Entity(id="Platform/n-1", type="Platform", name="将军山数字创新园")
    a, b = add_english_names((official, new))
    assert a == official and a.name_en_source == NameSource.OFFICIAL
    assert b.name_en == "Jiangjunshan Digital Innovation Park" and b.name_en_source == NameSource.GENERATED


def test_pipeline_gives_every_entity_an_english_name(sample_extraction):
    assert sample_extraction.entities
    for e in sample_extraction.entities:
        assert e.name_en and e.name_en_source in (NameSource.OFFICIAL, NameSource.GENERATED), e


def test_a_contextual_short_form_is_not_read_as_its_registry_entry_inside_another_name():
    # 科学城 names Guangzhou Science City only beside that name (registry ~alias)
    assert english_name("中国西部（重庆）科学城", "Platform").endswith("Chongqing Science City")
    assert "Guangzhou" not in english_name("黄埔科学城", "Platform")


def test_a_place_already_opening_the_next_english_name_is_not_repeated():
    en = english_name("武汉光谷生物城", "Platform")
    assert en.startswith("Wuhan East Lake") and not en.startswith("Wuhan Wuhan")


def test_traditional_names_are_translated_like_simplified_ones():
    assert english_name("香港微電子研發院", "Institution") == english_name("香港微电子研发院", "Institution")
    assert "Campus" in english_name("澳門大學橫琴校區", "Institution")


def test_a_word_shared_at_a_boundary_is_written_once():
    assert "Vehicle Vehicle" not in english_name("柳东新能源汽车整车产业园", "Platform")


def test_rail_stations_and_extensions():
    assert english_name("杭州东站", "Project") == "Hangzhou East Railway Station"
    assert english_name("长沙地铁6号线东延", "Project").endswith("Line 6 East Extension")


def test_an_industry_takes_the_taxonomy_english_only_for_its_own_label_or_when_glossary_fails():
    def en(name):
        return add_english_names((Entity("Industry/x", "Industry", name),))[0].name_en

    assert en("生物医药") == "Biomedicine"  # the concept's own label
    assert en("数据服务") == "Data Service"  # a synonym of 数据产业 the glossary renders
