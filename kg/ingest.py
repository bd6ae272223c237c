"""`policykg ingest`: extract every document under the inputs, incrementally and in parallel.

The manifest (``kg.manifest``) keys each output folder's documents by content hash: unchanged
documents are skipped, changed ones replaced under the same document id, and ``prune`` drops
documents whose files are gone from the input. Documents run in ``workers`` processes; each
finished document is recorded at once, so an interrupted run resumes where it stopped. A bad
document becomes one failed line in the report and the batch goes on. ``kg.build`` is this with
a fresh manifest and one worker.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from extract.contract import read_contract
from extract.errors import PolicyKGError
from extract.ids import digest
from extract.reader import MAX_BYTES

from .fingerprint import extractor_fingerprint
from .ingest_worker import Outcome, Task, run_task
from .inputs import find_inputs
from .manifest import Manifest, load_manifest

LOAD_BATCH = 25
SAVE_EVERY = 1.0      # seconds between manifest saves while documents finish (always saved at the end)


class Listener(Protocol):
    def start(self, total: int, todo: int) -> None: ...
    def document(self, outcome: Outcome) -> None: ...
    def message(self, text: str) -> None: ...


class Silent:
    def start(self, total: int, todo: int) -> None: pass
    def document(self, outcome: Outcome) -> None: pass
    def message(self, text: str) -> None: pass


@dataclass(frozen=True)
class Neo4jResult:
    loaded: int
    removed: int
    pending: int
    error: str | None = None


@dataclass
class IngestReport:
    out: Path
    outcomes: list[Outcome] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    graph_rebuilt: bool = False
    totals: dict = field(default_factory=dict)        # documents, entities, relations, indicators in the graph
    neo4j: Neo4jResult | None = None
    shacl: object | None = None                       # kg.shacl.ShaclReport when validated

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def ok(self) -> bool:
        return self.count("failed") == 0 and (self.neo4j is None or self.neo4j.error is None)

    def to_json(self) -> dict:
        return {
            "out": str(self.out),
            "summary": {"documents": len(self.outcomes), "ok": self.count("ok"), "skipped": self.count("skipped"),
                        "failed": self.count("failed"), "pruned": len(self.pruned),
                        "extracted": {"entities": sum(o.entities for o in self.outcomes),
                                      "relations": sum(o.relations for o in self.outcomes),
                                      "indicators": sum(o.indicators for o in self.outcomes)},
                        "graph": self.totals},
            "documents": [{"path": o.path, "status": o.status, "reason": o.reason, "doc_id": o.doc_id,
                           "sha256": o.sha256, "format": o.format, "encoding": o.encoding, "lang": o.lang,
                           "entities": o.entities, "relations": o.relations, "indicators": o.indicators}
                          for o in self.outcomes],
            "pruned": self.pruned,
            "outputs": [str(p) for p in self.outputs],
            "shacl": None if self.shacl is None else {
                "conforms": self.shacl.conforms, "violations": [{"focus": v.focus, "path": v.path, "message": v.message}
                                                     for v in self.shacl.violations[:200]]},
            "neo4j": None if self.neo4j is None else {
                "loaded": self.neo4j.loaded, "removed": self.neo4j.removed, "pending": self.neo4j.pending,
                "error": self.neo4j.error},
        }


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _precheck(path: Path, max_bytes: int) -> str | None:
    """The reason a file cannot be a document before reading it, or None."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return f"cannot read file: {exc.strerror}"
    if size == 0:
        return "empty file"
    if size > max_bytes:
        return f"file is {size} bytes, over the {max_bytes} byte limit"
    return None


def _allocate_id(path: Path, abspath: str, taken: dict[str, str]) -> str:
    """The file's stem, made unique with a hash of its path when another file has that stem."""
    stem = path.stem or "document"
    owner = taken.get(stem)
    doc_id = stem if owner in (None, abspath) else f"{stem}-{digest(abspath, size=6)}"
    taken[doc_id] = abspath
    return doc_id


def _outputs_present(out: Path, entry) -> bool:
    needed = {*entry.outputs, f"{entry.doc_id}.extraction.json", f"{entry.doc_id}.nt"}
    return all((out / name).exists() for name in needed)


def _remove_outputs(out: Path, names: Iterable[str]) -> None:
    for name in names:
        (out / name).unlink(missing_ok=True)


def warm_up() -> None:
    """Load spaCy, the private jieba dictionary and the rule data once, before workers fork from
    this process, so each worker starts with them (shared copy-on-write) instead of loading its own."""
    from extract.en.rules import heads, terms
    from extract.nlp import pipeline
    pipeline("zh")
    pipeline("en")
    heads()
    terms()


def _run(tasks: list[Task], workers: int, on_done) -> None:
    if workers <= 1 or len(tasks) <= 1:
        for t in tasks:
            on_done(run_task(t))
        return
    warm_up()
    remaining = list(tasks)
    while remaining:
        crashed, remaining = _run_pool(remaining, workers, on_done)
        for t in crashed:              # a worker died (crash, out of memory): find which document did it
            on_done(_run_alone(t))


def _context():
    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def _run_pool(tasks: list[Task], workers: int, on_done) -> tuple[list[Task], list[Task]]:
    """Run tasks in a pool; when a worker process dies, return (tasks in flight, tasks not started)."""
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=_context()) as pool:
        pending: dict = {}
        queue = iter(tasks)
        try:
            for t in queue:                      # keep at most 2 tasks per worker in flight
                pending[pool.submit(run_task, t)] = t
                if len(pending) >= 2 * workers:
                    break
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    task = pending.pop(fut)
                    try:
                        outcome = fut.result()
                    except BrokenProcessPool:
                        return [task, *pending.values()], list(queue)
                    on_done(outcome)
                    nxt = next(queue, None)
                    if nxt is not None:
                        pending[pool.submit(run_task, nxt)] = nxt
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return [], []


def _run_alone(task: Task) -> Outcome:
    """One document in a process of its own: its crash is its failure, nobody else's."""
    with ProcessPoolExecutor(max_workers=1, mp_context=_context()) as pool:
        try:
            return pool.submit(run_task, task).result()
        except BrokenProcessPool:
            return Outcome(task.path, "failed", "the worker process died while extracting this document "
                                                "(crash or out of memory)", doc_id=task.doc_id)


GRAPH_FILES = ("graph.ttl", "graph.trig", "graph.graphml", "graph.json")   # kg.graph_files writes them


def write_graph(out: Path, manifest: Manifest) -> list[Path]:
    from .graph_files import write_graph_files      # rdflib, networkx: only when something changed
    return write_graph_files(out, [e.doc_id for e in manifest.entries.values()])


def _totals(manifest: Manifest) -> dict:
    entries = manifest.entries.values()
    return {"documents": len(manifest.entries),
            "entities": len({i for e in entries for i in e.entity_ids}),
            "relations": sum(e.relations for e in entries),
            "indicators": sum(e.indicators for e in entries)}


def ingest(paths: Iterable[str | Path], out: str | Path, *, workers: int | None = None, prune: bool = False,
           fresh: bool = False, neo4j: bool | object = False, max_bytes: int = MAX_BYTES, keep: bool = False,
           listener: Listener | None = None, load_batch: int = LOAD_BATCH, validate: bool = False) -> IngestReport:
    """Ingest ``paths`` into ``out``; ``fresh`` forgets earlier runs (what `policykg build` does).

    ``validate`` checks the whole graph against the SHACL shapes (kg.shacl; slow on large sets).
    ``neo4j`` (True for the configured server, or a ``Neo4jSettings``) loads every document not
    yet loaded (new, changed, or left over from a failed load) and retracts pruned ones.
    A document is re-extracted when its content or the extractor (``kg.fingerprint``) changed.
    Returns the report; raises only for problems with ``out``.
    """
    listener = listener or Silent()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(out)
    report = IngestReport(out)
    if fresh:
        for sha in list(manifest.entries):
            manifest.remove(sha)
    workers = workers or default_workers()

    inputs = find_inputs(paths)
    fingerprint = extractor_fingerprint()
    taken = {e.doc_id: p for e in manifest.entries.values() for p in e.paths[:1]}
    present: set[str] = set()
    seen_sha: dict[str, str] = {}
    tasks: list[Task] = []
    early: list[Outcome] = []
    for item in inputs:
        if item.error:
            early.append(Outcome(str(item.path), "failed", item.error))
            continue
        abspath = str(item.path.resolve())
        present.add(abspath)
        reason = _precheck(item.path, max_bytes)
        if reason is None:
            try:
                sha = _sha256(item.path)
            except OSError as exc:
                reason = f"cannot read file: {exc.strerror}"
        if reason is not None:
            early.append(Outcome(str(item.path), "failed", reason))
            continue
        if sha in seen_sha:
            early.append(Outcome(str(item.path), "skipped", f"same content as {seen_sha[sha]}", sha256=sha,
                                 doc_id=manifest.entries[sha].doc_id if sha in manifest.entries else None))
            continue
        seen_sha[sha] = str(item.path)
        entry = manifest.entries.get(sha)
        if entry is not None and entry.extractor == fingerprint and _outputs_present(out, entry):
            manifest.add_path(sha, abspath)
            early.append(Outcome(str(item.path), "skipped", "unchanged", entry.doc_id, sha, entry.format,
                                 entry.encoding, entry.lang))
            continue
        previous = entry or manifest.by_path(abspath)
        doc_id = previous.doc_id if previous else _allocate_id(item.path, abspath, taken)
        taken.setdefault(doc_id, abspath)
        tasks.append(Task(str(item.path), abspath, doc_id, str(out), max_bytes, keep, fingerprint))

    listener.start(len(inputs), len(tasks))
    changed = bool(fresh)
    for o in early:
        report.outcomes.append(o)
        listener.document(o)

    last_save = time.monotonic()

    def on_done(o: Outcome) -> None:
        nonlocal changed, last_save
        report.outcomes.append(o)
        if o.entry is not None:
            stale = manifest.put(o.entry)
            _remove_outputs(out, stale)
            changed = True
            if time.monotonic() - last_save >= SAVE_EVERY:
                manifest.save()
                last_save = time.monotonic()
        elif o.status == "failed":
            old = manifest.by_path(str(Path(o.path).resolve()))
            if old is not None:
                o = Outcome(o.path, o.status, f"{o.reason} (its previous version stays in the graph)", old.doc_id)
                report.outcomes[-1] = o
        listener.document(o)

    try:
        _run(tasks, workers, on_done)
    finally:                      # also on KeyboardInterrupt: what finished is recorded
        if changed or not manifest.path.exists():
            manifest.save()

    if prune:
        for sha, entry in list(manifest.entries.items()):
            if not any(p in present for p in entry.paths):
                manifest.remove(sha)
                if entry.neo4j:
                    manifest.retract.append(entry.doc_id)
                _remove_outputs(out, entry.outputs)
                report.pruned.append(entry.doc_id)
                listener.message(f"pruned {entry.doc_id} (no longer in the input)")
                changed = True
        manifest.save()

    graph_missing = not all((out / f).exists() for f in GRAPH_FILES)
    if changed or graph_missing:
        report.outputs = write_graph(out, manifest)
        report.graph_rebuilt = True
    else:
        report.outputs = [out / f for f in GRAPH_FILES]
    report.totals = _totals(manifest)
    if validate:
        from .rdf import merged, parse
        from .shacl import validate as shacl_validate
        report.shacl = shacl_validate(merged(parse(out / "graph.trig")))
        listener.message(report.shacl.text())
    if neo4j:
        settings = None if neo4j is True else neo4j
        report.neo4j = load_pending(out, manifest, listener, settings, load_batch)
    return report


def load_pending(out: Path, manifest: Manifest, listener: Listener, settings=None,
                 batch_size: int = LOAD_BATCH) -> Neo4jResult:
    """Load every document the manifest does not mark as loaded; retract removed ones.

    Marks are saved after each batch, so a load cut short (server stopped) resumes on the next
    run; the loader replaces a document whole, so loading one twice changes nothing.
    """
    from neo4j.exceptions import DriverError, Neo4jError

    from . import neo4j_load
    from .neo4j_client import open_driver
    from .neo4j_settings import load_settings

    pending = sorted((e for e in manifest.entries.values() if not e.neo4j), key=lambda e: e.doc_id)
    loaded = gone = 0
    try:
        settings = settings or load_settings()
        with open_driver(settings) as driver:
            if manifest.retract:
                for doc_id in sorted(set(manifest.retract)):
                    neo4j_load.remove_document(driver, doc_id, database=settings.database)
                    manifest.retract = [d for d in manifest.retract if d != doc_id]
                    manifest.save()
                    gone += 1
                    listener.message(f"neo4j: removed {doc_id}")
            for i in range(0, len(pending), batch_size):
                batch = pending[i:i + batch_size]
                extractions = [read_contract(out / f"{e.doc_id}.extraction.json") for e in batch]
                neo4j_load.load(driver, extractions, database=settings.database)
                manifest.mark_loaded({e.doc_id for e in batch})
                manifest.save()
                loaded += len(batch)
                listener.message(f"neo4j: loaded {loaded}/{len(pending)} documents")
    except (PolicyKGError, DriverError, Neo4jError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Neo4jResult(loaded, gone, len(pending) - loaded,
                           f"{reason}; {len(pending) - loaded} document(s) not loaded: rerun to load them")
    return Neo4jResult(loaded, gone, 0)
