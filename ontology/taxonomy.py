"""The industry taxonomy (ontology/industries.ttl, SKOS) and the mapping of extracted industry names to it.

Mapping is conservative: an exact label or altLabel match (zh or en, normalised) is "exact";
otherwise, because Chinese compounds are head-final (高端生物医药 is a kind of 生物医药), the
longest concept label that *ends* the name, after dropping a generic 产业/行业 suffix, is
"broader". Anything else stays unmapped and is reported by `policykg stats`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rdflib import RDF, SKOS, Graph, Namespace, URIRef

from extract.hanzi import to_simplified
from extract.textnorm import normalise_name

IND = Namespace("https://w3id.org/policykg/industry/")
SCHEME = URIRef(str(IND))
EXACT = "exact"
BROADER = "broader"

# Generic heads that do not change which industry a name denotes (生物医药产业 = 生物医药).
_GENERIC_SUFFIX = re.compile(r"(产业集群|产业链|产业|行业|领域|industry|industries|sector)$")
_MIN_CONTAINED = 2  # a contained label must have at least this many characters


@dataclass(frozen=True)
class Concept:
    iri: str
    zh: str
    en: str
    broader: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # skos:altLabel values, zh and en


@dataclass(frozen=True)
class _Index:
    concepts: tuple[Concept, ...]
    by_label: dict  # normalised label -> concept IRI
    by_iri: dict  # IRI -> Concept


@lru_cache(maxsize=1)
def taxonomy_graph() -> Graph:
    """ontology/industries.ttl as an rdflib Graph (cached; do not mutate)."""
    text = resources.files("ontology").joinpath("industries.ttl").read_text("utf-8")
    return Graph().parse(data=text, format="turtle")


def _label(g: Graph, node, prop, lang: str) -> str:
    for o in g.objects(node, prop):
        if getattr(o, "language", None) == lang:
            return str(o)
    raise ValueError(f"industry concept {node} has no {prop} @{lang}")


@lru_cache(maxsize=1)
def _index() -> _Index:
    g = taxonomy_graph()
    concepts = []
    by_label: dict[str, str] = {}
    for node in sorted(g.subjects(RDF.type, SKOS.Concept), key=str):
        c = Concept(
            str(node),
            _label(g, node, SKOS.prefLabel, "zh"),
            _label(g, node, SKOS.prefLabel, "en"),
            tuple(sorted(str(b) for b in g.objects(node, SKOS.broader))),
            tuple(sorted(str(a) for a in g.objects(node, SKOS.altLabel))),
        )
        concepts.append(c)
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for lab in g.objects(node, prop):
                key = normalise_name(str(lab))
                other = by_label.setdefault(key, c.iri)
                if other != c.iri:
                    raise ValueError(f"industry label {lab!r} names both {other} and {c.iri}")
    concepts_t = tuple(concepts)
    return _Index(concepts_t, by_label, {c.iri: c for c in concepts_t})


def taxonomy() -> tuple[Concept, ...]:
    """Every concept of the scheme, sorted by IRI."""
    return _index().concepts


def concept(iri: str) -> Concept | None:
    """The concept with this IRI, or None."""
    return _index().by_iri.get(str(iri))


def ancestors(iri: str) -> tuple[str, ...]:
    """IRIs of every broader concept, transitively (polyhierarchy allowed), nearest first."""
    seen: list[str] = []
    start = concept(iri)
    frontier = list(start.broader) if start else []
    while frontier:
        nxt = frontier.pop(0)
        if nxt not in seen:
            seen.append(nxt)
            frontier.extend(_index().by_iri[nxt].broader)  # (a broader concept is a concept of the scheme)
    return tuple(seen)


def _strip_generic(key: str) -> str:
    stripped = _GENERIC_SUFFIX.sub("", key)
    return stripped if len(stripped) >= _MIN_CONTAINED else key


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", text.lower()))


@lru_cache(maxsize=1)
def _english_labels() -> dict[tuple[str, ...], str]:
    """English labels as word tuples -> concept IRI (for whole-word head matching)."""
    g = taxonomy_graph()
    out: dict[tuple[str, ...], str] = {}
    for prop in (SKOS.prefLabel, SKOS.altLabel):
        for node, lab in g.subject_objects(prop):
            if str(lab).isascii() and _words(str(lab)):
                out.setdefault(_words(str(lab)), str(node))
    return out


def _broader_zh(head: str) -> str | None:
    best = None
    for label in _index().by_label:
        if _MIN_CONTAINED <= len(label) < len(head) and head.endswith(label) and not label.isascii():
            if best is None or len(label) > len(best):
                best = label
    return _index().by_label[best] if best else None


def _broader_en(name: str) -> str | None:
    words = _words(name)
    if words and words[-1] in ("industry", "industries", "sector"):
        words = words[:-1]
    labels = _english_labels()
    for start in range(1, len(words)):  # longest proper suffix first
        hit = labels.get(words[start:])
        if hit:
            return hit
    return None


@lru_cache(maxsize=4096)
def map_industry(name: str) -> tuple[str, str] | None:
    """(concept IRI, "exact" | "broader") for an extracted industry name in zh or en, or None.
    Traditional characters are compared as simplified (微電子 is 微电子)."""
    key = normalise_name(to_simplified(name or ""))
    if not key:
        return None
    by_label = _index().by_label
    for candidate in (key, _strip_generic(key)):
        if candidate in by_label:
            return by_label[candidate], EXACT
    hit = _broader_en(name) if key.isascii() else _broader_zh(_strip_generic(key))
    return (hit, BROADER) if hit else None


def map_names(names: Iterable[str | None]) -> tuple[str, str] | None:
    """The first mapping among an entity's names, tried in order (name, English name, aliases)."""
    for n in names:
        if n:
            hit = map_industry(n)
            if hit:
                return hit
    return None


def unmapped(names: Iterable[str]) -> list[str]:
    """The names (deduplicated, in first-seen order) that map to no concept."""
    out: list[str] = []
    for n in names:
        if n not in out and map_industry(n) is None:
            out.append(n)
    return out
