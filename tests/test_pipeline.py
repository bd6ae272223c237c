"""The pipeline: stages chained through the language table, the contract round trip, traditional
characters matched as simplified and reported as written, an English dev text end to end."""

from snippets import extract_snippet

from extract.contract import from_contract, to_contract
from extract.pipeline import extract_text

extract = extract_snippet
TEXT = (
    "某区规划\n\n一、总体要求\n\n以百济神州为核心,建设中新广州知识城。"
    "知识城与生物岛协同发展生物医药。到2025年,地区生产总值达到5000亿元。\n"
)
KC = "Platform/sino-singapore-guangzhou-knowledge-city"


def test_traditional_text_reports_names_and_units_as_written():
    ents, _, x = extract("北部都會區可容納約250萬人居住,規劃創科用地約240公頃。", "北部都會區發展藍圖")
    units = {i.unit for i in x.indicators}
    assert "萬人" in units and "公頃" in units
    assert all(x.document.text[m.start : m.end] == m.text for e in x.entities for m in e.mentions)


def test_hong_kong_places_written_in_traditional_characters():
    ents, rels, _ = extract(
        "數碼港位於南區，聯想將在屯門設立智能製造基地，深化與阿聯酋等中東國家的合作。", "行政長官施政報告"
    )
    assert {("Platform", "数码港"), ("Region", "屯门区"), ("Region", "阿拉伯联合酋长国"), ("Region", "中东")} <= ents


def test_contract_round_trip(sample_extraction):
    data = to_contract(sample_extraction)
    assert set(data) >= {"document", "entities", "relations", "indicators"}
    assert set(data["document"]) >= {"id", "title", "lang", "source", "date"}
    back = from_contract(data)
    assert back.entities == sample_extraction.entities
    assert back.indicators == sample_extraction.indicators
    assert back.relations == sample_extraction.relations


def entities(text):
    x = extract_text(text, "t")
    assert x.document.lang == "en"
    return {e.id: e for e in x.entities}, x


def test_dev_text_end_to_end(tmp_path):
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "en-dev-nansha.txt").read_text(encoding="utf-8")
    found, x = entities(text)
    names = {e.name_en for e in found.values()}
    assert {
        "Nansha District",
        "Nansha Science City",
        "Guangzhou Institute of Biomedicine and Health",
        "Nansha Artificial Intelligence Industrial Park",
        "Metro Line 18",
    } <= names
    assert all(len({(m.start, m.end) for m in e.mentions}) == len(e.mentions) for e in x.entities)
    assert KC in found
    assert len(x.document.sentences) > 10
    for e in x.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
