"""The report of a batch: every input's outcome, what was pruned, published, validated and loaded."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.batch.manifest import GraphTotals
from kg.batch.outcome import Outcome, Status
from kg.batch.publish import Neo4jResult

if TYPE_CHECKING:
    from kg.output.shacl import ShaclReport

VIOLATIONS_IN_JSON = 200  # SHACL violations the JSON report lists at most


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did; ``to_json`` is the ``--report`` file."""

    out: Path
    outcomes: tuple[Outcome, ...]
    pruned: tuple[str, ...]
    outputs: tuple[Path, ...]
    graph_rebuilt: bool
    totals: GraphTotals  # documents, entities, relations, indicators in the graph
    neo4j: Neo4jResult | None = None
    shacl: ShaclReport | None = None  # when validated
    prune_refused: str | None = None  # why --prune pruned nothing
    kept: tuple[str, ...] = ()  # documents whose files are gone, kept because outside the inputs
    corpus: str = ""  # the folder's corpus name
    interrupted: str | None = None  # what stopped the run before it finished (the report covers what finished)

    def count(self, status: str) -> int:
        """How many inputs ended with this status (a Status, or its value)."""
        return sum(o.status == status for o in self.outcomes)

    @property
    def ok(self) -> bool:
        """No document failed, nor pruning, nor the Neo4j load, and the run was not interrupted."""
        return (
            self.count(Status.FAILED) == 0
            and (self.neo4j is None or self.neo4j.error is None)
            and self.prune_refused is None
            and self.interrupted is None
        )

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-able data."""
        return {
            "out": str(self.out),
            "corpus": self.corpus,
            "interrupted": self.interrupted,
            "summary": self._summary(),
            "documents": [_outcome_json(o) for o in self.outcomes],
            "pruned": list(self.pruned),
            "prune_refused": self.prune_refused,
            "kept_outside_inputs": list(self.kept),
            "outputs": [str(p) for p in self.outputs],
            "shacl": None if self.shacl is None else _shacl_json(self.shacl),
            "neo4j": None if self.neo4j is None else asdict(self.neo4j),
        }

    def _summary(self) -> dict[str, Any]:
        return {
            "documents": len(self.outcomes),
            **{s.value: self.count(s) for s in Status},
            "pruned": len(self.pruned),
            "extracted": {
                "entities": sum(o.entities for o in self.outcomes),
                "relations": sum(o.relations for o in self.outcomes),
                "indicators": sum(o.indicators for o in self.outcomes),
            },
            "graph": asdict(self.totals),
        }


def _outcome_json(o: Outcome) -> dict[str, Any]:
    return {
        "path": o.path,
        "status": o.status,
        "reason": o.reason,
        "doc_id": o.doc_id,
        "sha256": o.sha256,
        "format": o.format,
        "encoding": o.encoding,
        "lang": o.lang,
        "entities": o.entities,
        "relations": o.relations,
        "indicators": o.indicators,
        "seconds": None if o.seconds is None else round(o.seconds, 3),
        "peak_memory": o.peak_memory,
    }


def _shacl_json(shacl: ShaclReport) -> dict[str, Any]:
    return {
        "conforms": shacl.conforms,
        "violations": [
            {"focus": v.focus, "path": v.path, "message": v.message} for v in shacl.violations[:VIOLATIONS_IN_JSON]
        ],
    }
