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


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Lingnan New Area, Southwest China's Chongqing municipality, grew fast.",
            {("Lingnan New Area", "LOCATED_IN", "Chongqing")},
        ),
        (
            "The Qiaotou National High-tech Industry Development Zone (Qiaotou high-tech zone) in east "
            "China's Anhui province grew. The Qiaotou high-tech zone is home to 53 enterprises engaged in "
            "the aerospace information industry.",
            {
                ("Qiaotou National High-tech Industry Development Zone", "LOCATED_IN", "Anhui Province"),
                ("Qiaotou National High-tech Industry Development Zone", "SERVES", "aerospace information"),
            },
        ),
        (
            "Boasting a group of companies and research institutes in blockchain, quantum information and "
            "network security, Lingnan Science City saw its output rise.",
            {
                ("Lingnan Science City", "SERVES", "Blockchain"),
                ("Lingnan Science City", "SERVES", "Quantum Information"),
                ("Lingnan Science City", "SERVES", "network security"),
            },
        ),
    ],
)
def test_press_cues_address_chains_and_home_to(text, expected):
    assert expected <= _relations(text)


def test_lists_of_places_are_not_address_chains():
    found = _relations("Lingnan Science City grew; Guangzhou, Shenzhen and Foshan joined it.")
    assert not any(t == "LOCATED_IN" for _, t, _ in found)
    found = _relations("Firms in Lingnan Science City, Guangzhou and Shenzhen joined.")
    assert ("Lingnan Science City", "LOCATED_IN", "Guangzhou") not in found


def test_a_share_of_a_places_area_locates_the_subjects():
    found = _relations(
        "Lingnan Science City and the Qiaotou Economic Development Zone cover less than 6 percent of "
        "Beijing's city area, official statistics showed."
    )
    assert {
        ("Lingnan Science City", "LOCATED_IN", "Beijing"),
        ("Qiaotou Economic Development Zone", "LOCATED_IN", "Beijing"),
    } <= found


def test_sectors_without_a_subject_are_the_platform_plans_own():
    text = (
        "Investing in the Lingnan Science City\n"
        "The blueprint will attract industries such as financial services, education and medical tourism.\n"
    )
    found = _relations(text)
    assert ("Lingnan Science City", "SERVES", "Financial Services") in found
    region = (
        "Opinions on Guangdong Province\nThe blueprint will attract industries such as education and medical tourism.\n"
    )
    assert not any(t == "SERVES" for _, t, _ in _relations(region))


def test_a_cluster_named_in_the_title_is_part_of_the_zone_it_is_in():
    found = _relations(
        "Policies and Measures for Industrial Promotion of the Qiaotou Cluster in China (Beijing) Pilot Free "
        "Trade Zone\nIndustrial projects may be subsidized.\n"
    )
    assert ("Qiaotou Cluster", "PART_OF", "China (Beijing) Pilot Free Trade Zone") in found


def test_a_places_pillar_industries_and_brands_of_a_sector():
    found = _relations(
        "Output in Qiaotou New Area rose. Qiaotou's two pillar industries – automobiles and electronics – "
        "grew. Represented by auto brands such as Lanshan, Lanshan Ford, and Heyu Motors, the auto industry "
        "of the new area upgraded."
    )
    assert {
        ("Qiaotou New Area", "SERVES", "automobiles"),
        ("Qiaotou New Area", "SERVES", "electronics"),
        ("Lanshan", "OPERATES_IN", "automobiles"),
        ("Lanshan Ford", "OPERATES_IN", "automobiles"),
        ("Heyu Motors", "OPERATES_IN", "automobiles"),
    } <= found


def test_an_appositive_types_a_company_and_its_sector_and_settling_locates_it():
    text = (
        "The Lingnan Science City grew. At the end of 2021, Zhitu, a leading enterprise in the Chinese digital "
        "earth industry, reached an agreement with the park to set up its global headquarters in Guangzhou. "
        "Zhitu has registered four companies in the Lingnan Science City."
    )
    x = extract_text(text, "t", lang="en")
    zhitu = [e for e in x.entities if e.name == "Zhitu"]
    assert len(zhitu) == 1 and zhitu[0].type == "Enterprise" and len(zhitu[0].mentions) == 2
    assert not any(e.name == "2021" for e in x.entities)
    assert {
        ("Zhitu", "OPERATES_IN", "digital earth"),
        ("Zhitu", "LOCATED_IN", "Guangzhou"),
        ("Zhitu", "LOCATED_IN", "Lingnan Science City"),
    } <= _relations(text)


def test_one_of_the_zones_in_a_place_locates_the_subject():
    found = _relations(
        "As one of the three national-level high-tech zones in China using the name, Lingnan Science City "
        "was founded in 1990."
    )
    assert ("Lingnan Science City", "LOCATED_IN", "China") in found


def test_a_bracketed_nickname_and_an_address_after_in():
    text = "Lingnan Hi-tech Development Zone (Pearl Valley) in Wuhan, Hubei province saw growth."
    x = extract_text(text, "t", lang="en")
    zones = [e for e in x.entities if e.type == "Platform"]
    assert len(zones) == 1 and {m.text for m in zones[0].mentions} == {
        "Lingnan Hi-tech Development Zone",
        "Pearl Valley",
    }
    assert {
        ("Lingnan Hi-tech Development Zone", "LOCATED_IN", "Wuhan"),
        ("Wuhan", "LOCATED_IN", "Hubei Province"),
    } <= _relations(text)
    assert not any(
        t == "LOCATED_IN" for _, t, _ in _relations("Lingnan Science City, Guangzhou, Shenzhen and Foshan grew.")
    )


def test_a_participle_locates_the_name_it_follows():
    found = _relations(
        "The Lingnan Biotech Center released a report during the 2020 Lingnan Biotech Innovation Conference "
        "held in Suzhou Industrial Park."
    )
    assert ("Lingnan Biotech Innovation Conference", "LOCATED_IN", "Suzhou Industrial Park") in found
    assert ("Lingnan Biotech Center", "LOCATED_IN", "Suzhou Industrial Park") not in found


def test_the_n_parks_are_and_capital_of():
    found = _relations(
        "Lingnan Science City has four parks. The four parks are Dongshan Industrial Park, Xishan Science "
        "Park and Nanhu Industrial Park."
    )
    assert {
        ("Dongshan Industrial Park", "PART_OF", "Lingnan Science City"),
        ("Xishan Science Park", "PART_OF", "Lingnan Science City"),
        ("Nanhu Industrial Park", "PART_OF", "Lingnan Science City"),
    } <= found
    found = _relations(
        "Hefei, capital of east China's Anhui province, grew. Xiangyang, Hubei's second-largest city, grew."
    )
    assert {("Hefei", "LOCATED_IN", "Anhui Province"), ("Xiangyang", "LOCATED_IN", "Hubei Province")} <= found


def test_companies_that_set_up_bases_there_lie_in_the_place_of_the_sentence_before():
    found = _relations(
        "Lingnan Hi-tech Zone was founded in 1988. The zone has attracted 1,000 foreign companies. "
        "Multinationals including Intel, Dell and Siemens have all set up manufacturing bases there."
    )
    assert {
        ("Intel", "LOCATED_IN", "Lingnan Hi-tech Zone"),
        ("Dell", "LOCATED_IN", "Lingnan Hi-tech Zone"),
        ("Siemens", "LOCATED_IN", "Lingnan Hi-tech Zone"),
    } <= found
    assert not any(t == "LOCATED_IN" for _, t, _ in _relations("Lingnan Hi-tech Zone grew. There are 50 firms there."))


def test_cooperation_agreements_and_industrial_linkage():
    found = _relations(
        "Lingnan Science City signed a strategic cooperation agreement with Tsinghua University. "
        "Suzhou Industrial Park forms industrial linkage with Lingnan Science City."
    )
    assert {
        ("Lingnan Science City", "COOPERATES_WITH", "Tsinghua University"),
        ("Suzhou Industrial Park", "COOPERATES_WITH", "Lingnan Science City"),
    } <= found
