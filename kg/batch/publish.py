"""Publishing a batch: the collection's graph files, their SHACL check, and the Neo4j load.

The graph files are rewritten only when a document changed (or one of them is missing). Neo4j
receives every document the manifest does not mark as loaded — new, changed, or left over from
a load that failed — and loses the documents pruned since the last load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extract.contract import read_contract
from extract.errors import PolicyKGError
from kg.batch.listener import Listener
from kg.batch.manifest import Entry, GraphTotals, Manifest
from kg.folder import contract_file
from kg.neo4j.settings import Neo4jSettings

if TYPE_CHECKING:  # heavy (pyshacl, the driver): imported where they run
    from neo4j import Driver

    from kg.output.shacl import ShaclReport

LOAD_BATCH = 25  # documents per Neo4j load; the manifest records each batch as loaded


@dataclass(frozen=True)
class Neo4jResult:
    """What the Neo4j load did: documents loaded and removed, those still pending, and why."""

    loaded: int
    removed: int
    pending: int
    error: str | None = None


@dataclass(frozen=True)
class Published:
    """The graph files written (or already current), the folder's totals, and the checks and loads made."""

    outputs: tuple[Path, ...]
    graph_rebuilt: bool
    totals: GraphTotals
    shacl: ShaclReport | None = None
    neo4j: Neo4jResult | None = None


@dataclass(frozen=True)
class PublishOptions:
    validate: bool = False
    neo4j: bool = False
    neo4j_settings: Neo4jSettings | None = None  # None: from the environment (kg.neo4j.settings)
    load_batch: int = LOAD_BATCH


def write_graph(out: Path, manifest: Manifest) -> list[Path]:
    """Write the collection's graph files for every document of the manifest."""
    from kg.output.graph_files import write_graph_files  # rdflib, networkx: only when something changed

    return write_graph_files(out, [e.doc_id for e in manifest.entries.values()])


def _graph_files(out: Path, manifest: Manifest, changed: bool) -> tuple[tuple[Path, ...], bool]:
    """Rewrite the graph files when a document changed, when they were last written for other
    documents (a run stopped before publishing), or when one is missing."""
    from kg.output.graph_files import GRAPH_FILES

    current = manifest.documents_digest()
    if changed or manifest.graph != current or not all((out / f).exists() for f in GRAPH_FILES):
        written = tuple(write_graph(out, manifest))
        manifest.graph = current
        manifest.save()
        return written, True
    return tuple(out / f for f in GRAPH_FILES), False


def validate_graph(out: Path, listener: Listener) -> ShaclReport:
    """Check the folder's whole graph (graph.trig) against the SHACL shapes; the report goes to the listener."""
    from kg.output.rdf import merged, parse
    from kg.output.shacl import validate

    report = validate(merged(parse(out / "graph.trig")))
    listener.message(report.text())
    return report


def publish(out: Path, manifest: Manifest, changed: bool, options: PublishOptions, listener: Listener) -> Published:
    """Write the graph files when ``changed`` (or missing), then validate and load as the options say."""
    outputs, rebuilt = _graph_files(out, manifest, changed)
    totals = manifest.totals()
    shacl = validate_graph(out, listener) if options.validate else None
    neo4j = load_pending(out, manifest, listener, options.neo4j_settings, options.load_batch) if options.neo4j else None
    return Published(outputs, rebuilt, totals, shacl, neo4j)


def load_pending(
    out: Path,
    manifest: Manifest,
    listener: Listener,
    settings: Neo4jSettings | None = None,
    batch_size: int = LOAD_BATCH,
) -> Neo4jResult:
    """Load every document the manifest does not mark as loaded; retract removed ones.

    Marks are saved after each batch, so a load cut short (server stopped) resumes on the next
    run; the loader replaces a document whole, so loading one twice changes nothing.
    """
    from neo4j.exceptions import DriverError, Neo4jError

    from kg.neo4j.client import open_driver
    from kg.neo4j.settings import load_settings

    pending = sorted((e for e in manifest.entries.values() if not e.neo4j), key=lambda e: e.doc_id)
    progress = _LoadProgress(len(pending))
    try:
        settings = settings or load_settings()
        with open_driver(settings) as driver:
            _retract_pruned(driver, settings, manifest, listener, progress)
            _load_batches(driver, settings, out, manifest, pending, batch_size, listener, progress)
    except (PolicyKGError, DriverError, Neo4jError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Neo4jResult(
            progress.loaded,
            progress.removed,
            progress.left,
            f"{reason}; {progress.left} document(s) not loaded: rerun to load them",
        )
    if progress.refused:
        first = progress.refused[0][1]
        more = f" (and {len(progress.refused) - 1} more)" if len(progress.refused) > 1 else ""
        return Neo4jResult(progress.loaded, progress.removed, len(progress.refused), f"{first}{more}")
    return Neo4jResult(progress.loaded, progress.removed, 0)


@dataclass
class _LoadProgress:
    pending: int
    loaded: int = 0
    removed: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)  # (doc id, reason)

    @property
    def left(self) -> int:
        return self.pending - self.loaded


def _retract_pruned(
    driver: Driver, settings: Neo4jSettings, manifest: Manifest, listener: Listener, progress: _LoadProgress
) -> None:
    from kg.neo4j.load import remove_document

    for doc_id in sorted(set(manifest.retract)):
        removed = remove_document(driver, doc_id, database=settings.database, origin=manifest.key)
        manifest.retract = [d for d in manifest.retract if d != doc_id]
        manifest.save()
        if removed:
            progress.removed += 1
            listener.message(f"neo4j: removed {doc_id}")
        else:
            listener.message(f"neo4j: kept {doc_id}: another output folder loaded a document of that id since")


def _load_batches(
    driver: Driver,
    settings: Neo4jSettings,
    out: Path,
    manifest: Manifest,
    pending: list[Entry],
    batch_size: int,
    listener: Listener,
    progress: _LoadProgress,
) -> None:
    from kg.neo4j.load import Origin, load

    origin = Origin(manifest.key, manifest.corpus or None)
    for i in range(0, len(pending), batch_size):
        batch = pending[i : i + batch_size]
        extractions = [read_contract(out / contract_file(e.doc_id)) for e in batch]
        summary = load(driver, extractions, database=settings.database, origin=origin)
        refused = {doc for doc, _ in summary.refused}
        manifest.mark_loaded({e.doc_id for e in batch} - refused)
        manifest.save()
        progress.loaded += len(batch) - len(refused)
        progress.refused.extend(summary.refused)
        for _doc, reason in summary.refused:
            listener.message(f"neo4j: {reason}")
        listener.message(f"neo4j: loaded {progress.loaded}/{len(pending)} documents")
