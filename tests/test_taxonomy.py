"""The SKOS industry taxonomy (ontology/taxonomy.py) and the mapping of extracted industry names onto it."""

from rdflib import RDF, SKOS

from extract.registry import load_registry
from ontology.taxonomy import BROADER, EXACT, IND, SCHEME, ancestors, map_industry, taxonomy, taxonomy_graph, unmapped


def test_chinese_only_industry_entries_are_taxonomy_concepts():
    """The sector names the registry takes from the industry taxonomy (match = zh) are real
    concepts: each maps exactly to a concept of ontology/industries.ttl, with its own slug where
    the taxonomy has one, and none is matched in English texts (the English extractor has its own terms)."""
    from extract.nlp import registry_patterns
    from ontology.taxonomy import map_industry, taxonomy

    slugs = {c.iri.rsplit("/", 1)[-1] for c in taxonomy()}
    r = load_registry()
    zh_only = [e for e in r.entries if e.match == ("zh",)]
    assert len(zh_only) >= 40
    for e in zh_only:
        assert e.type == "Industry" and e.name_en and e.source.startswith("https://")
        mapped = map_names_or_none(map_industry, e)
        assert mapped is not None, e.name_zh
        if e.id in slugs:
            assert mapped == (f"https://w3id.org/policykg/industry/{e.id}", "exact"), e.name_zh
    en_ids = {p["id"] for p in registry_patterns(r, "en")}
    assert not en_ids & {e.id for e in zh_only}


def map_names_or_none(map_industry, entry):
    for name in (entry.name_zh, *entry.aliases_zh):
        got = map_industry(name)
        if got is not None:
            return got
    return None


SEI_TOP = (
    "新一代信息技术产业",
    "高端装备制造产业",
    "新材料产业",
    "生物产业",
    "新能源汽车产业",
    "新能源产业",
    "节能环保产业",
    "数字创意产业",
    "相关服务业",
)


def test_scheme_has_the_nine_strategic_emerging_industry_areas_as_top_concepts():
    g = taxonomy_graph()
    tops = {str(o) for t in g.objects(SCHEME, SKOS.hasTopConcept) for o in g.objects(t, SKOS.prefLabel)}
    assert set(SEI_TOP) <= tops


def test_every_concept_is_in_the_scheme_with_one_zh_and_one_en_preflabel():
    g = taxonomy_graph()
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == len(taxonomy()) >= 200
    for c in concepts:
        assert (c, SKOS.inScheme, SCHEME) in g
        langs = sorted(getattr(o, "language", None) or "" for o in g.objects(c, SKOS.prefLabel))
        assert langs == ["en", "zh"], c
        assert str(c).startswith(str(IND))


def test_broader_targets_exist_and_hierarchy_is_acyclic():
    iris = {c.iri for c in taxonomy()}
    for c in taxonomy():
        assert set(c.broader) <= iris, c
        assert c.iri not in ancestors(c.iri)


def test_biomedicine_rolls_up_under_bioindustry():
    hit = map_industry("生物医药")
    assert hit is not None
    bio = hit[0]
    assert bio == str(IND["biomedicine"])
    assert str(IND["bioindustry"]) in ancestors(bio)
    for narrower in ("生物制药", "基因检测", "干细胞与再生医学"):
        found = map_industry(narrower)
        assert found is not None, narrower
        iri, how = found
        assert how == EXACT and bio in ancestors(iri), narrower


def test_exact_matches_in_both_languages_and_traditional_sectors():
    assert map_industry("Biomedicine") == map_industry("生物医药产业") == (str(IND["biomedicine"]), EXACT)
    for name in ("汽车制造", "高端化工", "食品饮料", "现代服务业", "新一代信息技术", "集成电路"):
        found = map_industry(name)
        assert found is not None and found[1] == EXACT, name


def test_broader_only_when_a_concept_is_the_head_of_the_name():
    assert map_industry("高端生物医药") == (str(IND["biomedicine"]), BROADER)
    assert map_industry("advanced biomedicine industry") == (str(IND["biomedicine"]), BROADER)
    assert map_industry("生物医药器械") is None  # 生物医药 is a modifier here, not the head
    assert map_industry("materials") is None  # no concept is just "materials"
    assert map_industry("黄埔") is None


def test_unmapped_reports_each_unknown_name_once():
    assert unmapped(["生物医药", "四区四中心", "四区四中心", "基因检测"]) == ["四区四中心"]


def test_concepts_carry_their_altlabels_and_entity_names_are_tried_in_order():
    from ontology.taxonomy import concept, map_names

    bio = concept(str(IND["biomedicine"]))
    assert bio is not None and "生物医药产业" in bio.aliases and bio.zh == "生物医药" and bio.en == "Biomedicine"
    assert map_names([None, "四区四中心", "gene testing"]) == (str(IND["genetic-testing"]), EXACT)
    assert map_names(["四区四中心"]) is None


def test_traditional_characters_map_like_simplified():
    assert map_industry("微電子") == map_industry("微电子") == (str(IND["semiconductors"]), EXACT)
    assert map_industry("生物醫藥") == map_industry("生物医药")


def test_no_label_names_two_concepts():
    """A label (pref or alt, per language) that named two concepts would make mapping arbitrary."""
    g = taxonomy_graph()
    owner: dict = {}
    for prop in (SKOS.prefLabel, SKOS.altLabel):
        for concept, label in g.subject_objects(prop):
            key = (str(label).lower(), getattr(label, "language", None))
            assert owner.setdefault(key, concept) == concept, (str(label), owner[key], concept)


def test_sectors_plans_name_roll_up_where_a_reader_expects():
    expect = {
        "燃料电池": "new-energy",
        "汽车电子": "automobile-manufacturing",
        "植介入器械": "bioindustry",
        "具身智能": "artificial-intelligence",
        "航空航天": "high-end-equipment-manufacturing",
        "循环经济": "energy-conservation-and-environmental-protection",
        "茶产业": "food-and-beverages",
    }
    for name, top in expect.items():
        found = map_industry(name)
        assert found is not None, name
        iri = found[0]
        assert str(IND[top]) in {iri, *ancestors(iri)}, name
