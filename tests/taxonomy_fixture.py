"""A tiny industry taxonomy with the shape of ``ontology.taxonomy`` (test-only).

Tests pass it explicitly so they check the loader's taxonomy handling on their own terms:
three levels (新一代信息技术 > 集成电路; 生物医药 > 创新药, 医疗器械), Chinese and English labels.
"""

from __future__ import annotations

from dataclasses import dataclass

BASE = "https://w3id.org/policykg/industry/"


@dataclass(frozen=True, slots=True)
class Concept:
    iri: str
    zh: str
    en: str
    broader: str | None


CONCEPTS = (
    Concept(BASE + "biomedicine", "生物医药", "Biomedicine", None),
    Concept(BASE + "innovative-drugs", "创新药", "Innovative Drugs", BASE + "biomedicine"),
    Concept(BASE + "medical-devices", "医疗器械", "Medical Devices", BASE + "biomedicine"),
    Concept(
        BASE + "new-generation-information-technology", "新一代信息技术", "New-Generation Information Technology", None
    ),
    Concept(
        BASE + "integrated-circuits", "集成电路", "Integrated Circuits", BASE + "new-generation-information-technology"
    ),
)


def taxonomy() -> tuple[Concept, ...]:
    return CONCEPTS


def map_industry(name: str) -> tuple[str, str] | None:
    """Exact on a label (产业 suffix ignored); 'broader' when the name contains a label."""
    key = name.strip().lower().removesuffix("产业")
    for c in CONCEPTS:
        if key in (c.zh.lower(), c.en.lower()):
            return c.iri, "exact"
    for c in sorted(CONCEPTS, key=lambda c: -len(c.zh)):
        if c.zh in name:
            return c.iri, "broader"
    return None
