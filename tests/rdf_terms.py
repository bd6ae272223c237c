"""Typed reads of literals from an rdflib graph, for the RDF tests (each asserts that it found literals)."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.term import Node


def literals(g: Graph, subject: Node, predicate: Node) -> list[Literal]:
    """Every object of (subject, predicate), each asserted to be a literal."""
    found = list(g.objects(subject, predicate))
    assert all(isinstance(o, Literal) for o in found), found
    return [o for o in found if isinstance(o, Literal)]


def literal(g: Graph, subject: Node, predicate: Node) -> Literal:
    """The one object of (subject, predicate), asserted to be a literal."""
    value = g.value(subject, predicate)
    assert isinstance(value, Literal), value
    return value
