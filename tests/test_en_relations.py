"""English relations: each cue of extract/en/relations/ read against its clause's subject."""

import pytest

from extract.pipeline import extract_text
from extract.tables import read_table

# ------------------------------------------------------------------ relations


def _relations(text):
    x = extract_text(text, "t", lang="en")
    name = {e.id: e.name_en or e.name for e in x.entities}
    return {(name[r.head], r.type, name[r.tail]) for r in x.relations}


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The Optics Valley Science Island, located in the eastern part of Nansha District, will grow.",
            {("Optics Valley Science Island", "LOCATED_IN", "Nansha District")},
        ),
        (
            "Zhangjiang Science City is home to ShanghaiTech University and Fudan University.",
            {
                ("ShanghaiTech University", "LOCATED_IN", "Zhangjiang Science City"),
                ("Fudan University", "LOCATED_IN", "Zhangjiang Science City"),
            },
        ),
        (
            "Zhangjiang Science City, located in the Pudong New Area of Shanghai, will grow.",
            {
                ("Zhangjiang Science City", "LOCATED_IN", "Pudong New Area"),
                ("Pudong New Area", "LOCATED_IN", "Shanghai"),
            },
        ),
        (
            "1. Haikou Jiangdong New Area. The new area includes the Haikou Comprehensive Free Trade Zone.",
            {("Haikou Comprehensive Free Trade Zone", "PART_OF", "Haikou Jiangdong New Area")},
        ),
        (
            "The National Memory Base, anchored by Yangtze Memory Technologies Co., Ltd., will expand.",
            {("National Memory Base", "ANCHORED_BY", "Yangtze Memory Technologies Co., Ltd.")},
        ),
        (
            "Relying on Sichuan University, we will build the Tianfu Biotech Industrial Park.",
            {("Tianfu Biotech Industrial Park", "ANCHORED_BY", "Sichuan University")},
        ),
        (
            "Hainan University and China Agricultural University will jointly build a platform with the Chinese "
            "Academy of Agricultural Sciences.",
            {
                ("Hainan University", "COOPERATES_WITH", "China Agricultural University"),
                ("Hainan University", "COOPERATES_WITH", "Chinese Academy of Agricultural Sciences"),
                ("China Agricultural University", "COOPERATES_WITH", "Chinese Academy of Agricultural Sciences"),
            },
        ),
        (
            "Nansha District will deepen cooperation with Hong Kong and Macao.",
            {("Nansha District", "COOPERATES_WITH", "Hong Kong"), ("Nansha District", "COOPERATES_WITH", "Macao")},
        ),
        (
            "We will focus on developing financial services and modern logistics in Qianhai.",
            {
                ("Qianhai Shenzhen-Hong Kong Modern Service Industry Cooperation Zone", "SERVES", "Financial Services"),
                ("Qianhai Shenzhen-Hong Kong Modern Service Industry Cooperation Zone", "SERVES", "modern logistics"),
            },
        ),
        (
            "Kunshan Hi-tech Zone and Taicang Port Economic and Technological Development Zone will develop "
            "biomedicine and synthetic biology respectively.",
            {
                ("Kunshan Hi-tech Zone", "SERVES", "Biomedicine"),
                ("Taicang Port Economic and Technological Development Zone", "SERVES", "synthetic biology"),
            },
        ),
        (
            "Innovative drug companies such as Zai Lab and Hutchmed will grow, and the Lingnan Pharma Valley will "
            "support innovative drugs.",
            {("Zai Lab", "OPERATES_IN", "innovative drugs"), ("Hutchmed", "OPERATES_IN", "innovative drugs")},
        ),
        (
            "Chengdu will focus on integrated circuits and new displays, with Hygon and BOE leading integrated "
            "circuits and new displays respectively.",
            {("Hygon", "OPERATES_IN", "Integrated Circuits"), ("BOE Technology", "OPERATES_IN", "New Display")},
        ),
    ],
)
def test_english_relations(text, expected):
    got = _relations(text)
    got_lower = {(h.lower(), t, tl.lower()) for h, t, tl in got}
    assert {(h.lower(), t, tl.lower()) for h, t, tl in expected} <= got_lower, sorted(got)


@pytest.mark.parametrize(
    "text,absent",
    [
        # "south of" is not "in"; a company list without a sector gives no OPERATES_IN
        ("Xintian Technology City lies south of the Lok Ma Chau Loop.", "LOCATED_IN"),
        ("Companies such as Innovent Biologics and Bosch will expand their investment.", "OPERATES_IN"),
        # several companies and several sectors with no mapping give nothing
        (
            "Suzhou will grow biomedicine and new materials, with Innovent Biologics and Bosch as core enterprises.",
            "OPERATES_IN",
        ),
    ],
)
def test_no_relation_without_its_cue(text, absent):
    assert not [r for r in _relations(text) if r[1] == absent]


def test_every_rule_is_registered_once_and_reads_only_cues_that_exist():
    from extract.en.relations.cues import relation_cues
    from extract.en.relations.table import RULES, bound_rules

    names = [r.name for r in RULES]
    assert len(names) == len(set(names)) and len(bound_rules()) == len(RULES)
    declared = {c for r in RULES for c in r.cues}
    assert declared == {row[0] for row in read_table("en_relations.tsv")}  # every kind of the file is read
    with pytest.raises(KeyError):
        relation_cues().only(["located"]).find("hosts", "is home to")
