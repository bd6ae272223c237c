"""English labels: an English document's names as written, and English-only entities downstream."""

import pytest

from extract.pipeline import extract_text

KC = "Platform/sino-singapore-guangzhou-knowledge-city"


def entities(text):
    x = extract_text(text, "t")
    assert x.document.lang == "en"
    return {e.id: e for e in x.entities}, x


def test_neo4j_rows_give_english_only_entities_no_chinese_name():
    from kg.neo4j.rows import document_rows

    _, x = entities("The Lingnan Robotics Innovation Center will open in Guangzhou Knowledge City.")
    rows = {r["entity_id"]: r for rs in document_rows(x).entities.values() for r in rs}
    lab = next(r for r in rows.values() if r["name_en"] == "Lingnan Robotics Innovation Center")
    assert lab["name_zh"] is None and lab["name"] == "Lingnan Robotics Innovation Center"
    assert rows[KC]["name_zh"] == "中新广州知识城"


# ------------------------------------------------------------------ names inside names, places, sectors


def _named(text):
    x = extract_text(text, "t", lang="en")
    return {(e.name_en or e.name, e.type) for e in x.entities}, x


@pytest.mark.parametrize(
    "sentence,name,type_",
    [
        ("Yangpu Economic Development Zone, located in Danzhou, will grow.", "Danzhou", "Region"),
        ("The highway will link Haikou, Sanya and Wenchang.", "Wenchang", "Region"),
        ("Mianyang, Yibin and Wanzhou serve as regional hubs.", "Yibin", "Region"),
        (
            "Wenchang International Aerospace City will develop commercial aerospace.",
            "Wenchang International Aerospace City",
            "Platform",
        ),
        ("The park is located in Shapingba District.", "Shapingba District", "Region"),
        ("The zone will be built jointly by Suining and Tongnan District.", "Suining", "Region"),
        ("The National Memory Base will expand.", "National Memory Base", "Platform"),
        (
            "The Suzhou Institute of Nano-Tech and Nano-Bionics of the Chinese Academy of Sciences will help.",
            "Suzhou Institute of Nano-Tech and Nano-Bionics of the Chinese Academy of Sciences",
            "Institution",
        ),
        ("Chipmakers such as Hygon and BOE will expand.", "Hygon", "Enterprise"),
        (
            "The Hard X-ray Free Electron Laser Facility will be completed.",
            "Hard X-ray Free Electron Laser Facility",
            "Project",
        ),
        (
            "We will implement the Master Plan for the Construction of Hainan Free Trade Port"
            " and the Hainan Free Trade Port Law.",
            "Master Plan for the Construction of Hainan Free Trade Port",
            "Initiative",
        ),
        ('The "dual-core" structure of Chengdu and Chongqing has taken shape.', '"dual-core" structure', "Initiative"),
    ],
)
def test_english_names(sentence, name, type_):
    got, _ = _named(sentence)
    assert (name, type_) in got, sorted(got)
