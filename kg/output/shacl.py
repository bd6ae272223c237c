"""SHACL validation (pyshacl) of the graph against ontology/shapes.ttl, with a report people can read."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pyshacl import validate as pyshacl_validate
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH

from extract.errors import PolicyKGError
from kg.iri import local_id


@dataclass(frozen=True, slots=True)
class Violation:
    severity: str  # Violation | Warning | Info
    focus: str  # the node that fails, as an IRI
    focus_label: str  # its label (@en, else any), for the reader
    path: str | None
    value: str | None
    message: str


@dataclass(frozen=True)
class ShaclReport:
    conforms: bool
    violations: tuple[Violation, ...]
    focus_nodes: int  # how many nodes the shapes checked

    def text(self, limit: int = 50) -> str:
        if self.conforms:
            return f"SHACL: conforms ({self.focus_nodes} nodes checked against ontology/shapes.ttl)"
        lines = [f"SHACL: {len(self.violations)} violation(s) of ontology/shapes.ttl:"]
        for v in self.violations[:limit]:
            where = f" [path {v.path}]" if v.path else ""
            value = f" (value {v.value})" if v.value else ""
            lines.append(f"  - {v.severity}: {v.focus_label} <{v.focus}>: {v.message}{where}{value}")
        if len(self.violations) > limit:
            lines.append(f"  … and {len(self.violations) - limit} more")
        return "\n".join(lines)


class ShaclViolations(PolicyKGError):
    """The graph does not conform; the message is the readable report."""

    def __init__(self, report: ShaclReport, where: str = ""):
        self.report = report
        super().__init__((f"{where}: " if where else "") + report.text())


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """ontology/shapes.ttl as an rdflib Graph (cached; do not mutate)."""
    text = resources.files("ontology").joinpath("shapes.ttl").read_text("utf-8")
    return Graph().parse(data=text, format="turtle")


def _short(g: Graph, node) -> str:
    if node is None:
        return ""
    if isinstance(node, Literal):
        return repr(str(node)) + (f"@{node.language}" if node.language else "")
    if isinstance(node, URIRef):
        try:
            return g.namespace_manager.normalizeUri(node)
        except Exception:  # noqa: BLE001 - fall back to the full IRI
            return str(node)
    return "(path expression)"


def _label(data: Graph, node) -> str:
    labels = list(data.objects(node, RDFS.label))
    for lab in labels:
        if getattr(lab, "language", None) == "en":
            return str(lab)
    return str(labels[0]) if labels else (local_id(node) or str(node))


def _message(results: Graph, result) -> str:
    msgs = list(results.objects(result, SH.resultMessage))
    for m in msgs:
        if getattr(m, "language", None) == "en":
            return str(m)
    for m in msgs:  # pyshacl drops language tags of SPARQL-constraint messages
        if str(m).isascii():
            return str(m)
    return str(msgs[0]) if msgs else "constraint not met"


def validate(data: Graph) -> ShaclReport:
    """Validate a (merged) data graph; no inference: the graph must state what the shapes need."""
    conforms, results, _ = pyshacl_validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    violations = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(r, SH.focusNode)
        severity = results.value(r, SH.resultSeverity)
        violations.append(
            Violation(
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                focus=str(focus),
                focus_label=_label(data, focus),
                path=_short(data, results.value(r, SH.resultPath)) or None,
                value=_short(data, results.value(r, SH.value)) or None,
                message=_message(results, r),
            )
        )
    violations.sort(key=lambda v: (v.message, v.focus))
    return ShaclReport(bool(conforms), tuple(violations), _focus_count(data))


def _focus_count(data: Graph) -> int:
    """Nodes the shapes target (by class), for the report's summary line."""
    classes = set(shapes_graph().objects(None, SH.targetClass))
    return len({s for c in classes for s in data.subjects(RDF.type, c)})
