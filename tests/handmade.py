"""A small hand-made extraction with SERVES relations, for RDF, SPARQL and networkx tests.

The document comes from the real structure stage; entities and relations are written by hand
(ids made the way extract/ids.py makes them), so these tests do not depend on what the
extraction rules find today.
"""

from __future__ import annotations

from extract.ids import entity_id, entity_key, indicator_id
from extract.model import Entity, Evidence, Extraction, Indicator, Relation
from extract.pipeline import make_document

TEXT = (
    "某区产业规划\n\n一、产业布局\n\n"
    "广州国际生物岛重点发展基因检测。"
    "将军山数字创新园大力发展高端生物医药。"
    "广州科学城集聚集成电路企业。"
    "生物岛实验室布局生物医药。"
    "到2025年,生物医药产业规模突破1000亿元。\n"
)

# (type, name, registry id or None, official English name or None, aliases)
ENTITIES = [
    (
        "Platform",
        "广州国际生物岛",
        "guangzhou-international-bio-island",
        "Guangzhou International Bio Island",
        ("生物岛",),
    ),
    ("Platform", "将军山数字创新园", None, None, ()),
    ("Platform", "广州科学城", "guangzhou-science-city", "Guangzhou Science City", ("科学城",)),
    ("Institution", "生物岛实验室", "bioland-laboratory", "Bioland Laboratory", ("Bioland",)),
    ("Industry", "基因检测", None, None, ()),
    ("Industry", "高端生物医药", None, None, ()),
    ("Industry", "集成电路", "integrated-circuits", "Integrated Circuits", ("IC",)),
    ("Industry", "生物医药", "biomedicine", "Biomedicine", ("生物医药产业",)),
]
SERVES = [
    ("广州国际生物岛", "基因检测"),
    ("将军山数字创新园", "高端生物医药"),
    ("广州科学城", "集成电路"),
    ("生物岛实验室", "生物医药"),
]


def eid(name: str) -> str:
    for type_, n, reg, _, _ in ENTITIES:
        if n == name:
            return entity_id(type_, entity_key(n, reg))
    raise KeyError(name)


def handmade_extraction(doc_id: str = "handmade") -> Extraction:
    doc = make_document(TEXT, doc_id)

    def evidence(name: str) -> Evidence:
        start = TEXT.index(name)
        sent = next(s for s in doc.sentences if s.start <= start < s.end)
        return Evidence(sent.id, start, start + len(name), name)

    entities = tuple(
        Entity(
            id=eid(n),
            type=t,
            name=n,
            name_en=en,
            name_en_source="official" if en else None,
            aliases=aliases,
            mentions=(evidence(n),),
            registry_id=reg,
        )
        for t, n, reg, en, aliases in ENTITIES
    )
    relations = []
    for head, tail in SERVES:
        ev = evidence(head)
        sent = next(s for s in doc.sentences if s.id == ev.sentence)
        relations.append(
            Relation(eid(head), "SERVES", eid(tail), Evidence(sent.id, sent.start, sent.end, sent.text), "handmade")
        )
    figure = "突破1000亿元"
    start = TEXT.index(figure)
    sent = next(s for s in doc.sentences if s.start <= start < s.end)
    indicator = Indicator(
        id=indicator_id(doc_id, start, "生物医药产业规模", 1000.0, "亿元", eid("生物医药")),
        subject=eid("生物医药"),
        metric="生物医药产业规模",
        value=1000.0,
        unit="亿元",
        comparator=">",
        year=2025,
        status="target",
        evidence=Evidence(sent.id, start, start + len(figure), figure),
        rule="handmade",
    )
    return Extraction(doc, entities, tuple(relations), (indicator,))
