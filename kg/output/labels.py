"""One preferred label per language for every IRI, whatever the order of the documents.

Each document labels the entities it names as it writes them: the same entity may be 中新广州知识城
in one document and 中新廣州知識城 in another (one id: names are matched as simplified). Across a
collection every IRI keeps one ``skos:prefLabel`` per language — the label the most documents
use, ties going to the first in code-point order — and the others become ``skos:altLabel``
(SKOS: at most one preferred label per language; preferred and alternative labels disjoint). The
choice depends only on which documents hold which labels, never on their order, and Neo4j's
names follow the same rule (``kg.neo4j.cypher.NAME_ENTITIES``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from rdflib import SKOS, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

PREF = f"<{SKOS.prefLabel}>"
ALT = f"<{SKOS.altLabel}>"
Key = tuple[str, str]  # (subject, language)


def preferred(votes: Counter[str]) -> str:
    """The label the most documents use; ties: the first in code-point order."""
    return min(votes, key=lambda label: (-votes[label], label))


# ---------------------------------------------------------------- N-Triples lines (the graph files)

_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_SIMPLE = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        e = m.group(1)
        return chr(int(e[1:], 16)) if e[0] in "uU" and len(e) > 1 else _SIMPLE.get(e, e)

    return _ESCAPE.sub(one, text)


def _label_line(line: str) -> tuple[str, str, str, str] | None:
    """(subject, predicate, label, language) of a prefLabel or altLabel line with a language tag."""
    parts = line.split(" ", 2)
    if len(parts) < 3 or parts[1] not in (PREF, ALT):
        return None
    literal = parts[2].rstrip().removesuffix(".").rstrip()
    quote = literal.rfind('"@')
    if not literal.startswith('"') or quote < 1:
        return None
    return parts[0], parts[1], _unescape(literal[1:quote]), literal[quote + 2 :]


def label_votes(fragments: Iterable[str]) -> dict[Key, str]:
    """The preferred label of every (subject, language) the fragments give a prefLabel, one vote per fragment."""
    votes: dict[Key, Counter[str]] = defaultdict(Counter)
    for text in fragments:
        seen = set()
        for line in text.splitlines():
            if PREF in line:
                found = _label_line(line)
                if found and found[1] == PREF and (found[0], found[3], found[2]) not in seen:
                    seen.add((found[0], found[3], found[2]))
                    votes[found[0], found[3]][found[2]] += 1
    return {key: preferred(c) for key, c in votes.items()}


def reconcile_lines(text: str, chosen: dict[Key, str]) -> Iterator[str]:
    """The fragment's lines with other prefLabels made altLabels and altLabels equal to the choice dropped."""
    for line in text.splitlines(keepends=True):
        found = _label_line(line) if (PREF in line or ALT in line) else None
        if found is None:
            yield line
            continue
        subject, predicate, label, lang = found
        choice = chosen.get((subject, lang))
        if choice is None or (predicate == PREF and label == choice):
            yield line
        elif predicate == PREF:
            yield line.replace(PREF, ALT, 1)
        elif label != choice:
            yield line


# ---------------------------------------------------------------- rdflib datasets (export from contracts)


def _labels(g: Graph, predicate: URIRef) -> list[tuple[Node, Literal]]:
    return [(s, o) for s, o in g.subject_objects(predicate) if isinstance(o, Literal) and o.language]


def reconcile_dataset(ds: Dataset) -> Dataset:
    """The same rule over a dataset with one named graph per document, in place."""
    votes: dict[tuple[Node, str], Counter[str]] = defaultdict(Counter)
    graphs = list(ds.graphs())
    for g in graphs:
        for s, o in set(_labels(g, SKOS.prefLabel)):
            votes[s, str(o.language)][str(o)] += 1
    chosen = {key: preferred(c) for key, c in votes.items()}
    for g in graphs:
        for s, o in _labels(g, SKOS.prefLabel):
            if chosen.get((s, str(o.language)), str(o)) != str(o):
                g.remove((s, SKOS.prefLabel, o))
                g.add((s, SKOS.altLabel, o))
        for s, o in _labels(g, SKOS.altLabel):
            if chosen.get((s, str(o.language))) == str(o):
                g.remove((s, SKOS.altLabel, o))
    return ds
