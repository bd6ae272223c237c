"""`policykg ingest`: extract every document under the inputs, incrementally and in parallel.

The manifest (``kg.batch.manifest``) keys each output folder's documents by content hash:
unchanged documents are skipped, changed ones replaced under the same document id, and ``prune``
drops documents whose files are gone from the input. One ingest is four stages:

* plan (``kg.batch.plan``): which inputs to extract, skip, or fail at once;
* run (``kg.batch.run``): the documents in worker processes, each recorded as it finishes, so an
  interrupted run resumes where it stopped; a bad document is one failed line and the batch goes on;
* prune (``kg.batch.prune``): documents whose files are gone;
* publish (``kg.batch.publish``): the collection's graph files, SHACL, Neo4j.

``kg.batch.build`` is this with a fresh manifest and one worker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from extract.reader import MAX_BYTES
from kg.batch.fingerprint import extractor_fingerprint
from kg.batch.inputs import find_inputs
from kg.batch.listener import Listener, Silent
from kg.batch.manifest import Manifest, load_manifest
from kg.batch.plan import Plan, PlanSettings, make_plan
from kg.batch.prune import prune
from kg.batch.publish import LOAD_BATCH, PublishOptions, publish
from kg.batch.report import IngestReport
from kg.batch.run import Recorder, default_workers, run_tasks
from kg.neo4j.settings import Neo4jSettings


@dataclass(frozen=True)
class IngestOptions:
    """How to ingest; the defaults are those of `policykg ingest` without options."""

    workers: int | None = None  # processes extracting documents; None: the number of cores
    prune: bool = False  # drop documents whose files are no longer among the inputs
    fresh: bool = False  # forget earlier runs (what `policykg build` does)
    validate: bool = False  # check the whole graph against the SHACL shapes (slow on large sets)
    neo4j: bool = False  # load every document not yet loaded, retract pruned ones
    neo4j_settings: Neo4jSettings | None = None  # None: the configured server (kg.neo4j.settings)
    max_bytes: int = MAX_BYTES  # larger files fail without being read
    keep: bool = False  # keep each Extraction in its outcome (in-process runs)
    load_batch: int = LOAD_BATCH  # documents per Neo4j load


def _open_manifest(out: Path, fresh: bool) -> Manifest:
    out.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(out)
    if fresh:
        manifest.forget_all()
    return manifest


def _plan(paths: Iterable[str | Path], out: Path, manifest: Manifest, options: IngestOptions) -> Plan:
    # a document is re-extracted when its content or the extractor (kg.batch.fingerprint) changed
    settings = PlanSettings(out, options.max_bytes, options.keep, extractor_fingerprint())
    plan = make_plan(find_inputs(paths), manifest, settings)
    for sha, path in plan.unchanged:
        manifest.add_path(sha, path)
    return plan


def _run(plan: Plan, out: Path, manifest: Manifest, options: IngestOptions, listener: Listener) -> Recorder:
    listener.start(plan.inputs, len(plan.tasks))
    recorder = Recorder(out, manifest, listener, changed=options.fresh)
    recorder.record_early(plan.early)
    try:
        run_tasks(list(plan.tasks), options.workers or default_workers(), recorder.record)
    finally:  # also on KeyboardInterrupt: what finished is recorded
        recorder.save()
    return recorder


def ingest(
    paths: Iterable[str | Path],
    out: str | Path,
    options: IngestOptions = IngestOptions(),
    listener: Listener | None = None,
) -> IngestReport:
    """Ingest ``paths`` (files, folders, globs) into the folder ``out``.

    Returns the report; raises only for problems with ``out``.
    """
    listener = listener or Silent()
    out = Path(out)
    manifest = _open_manifest(out, options.fresh)
    plan = _plan(paths, out, manifest, options)
    recorder = _run(plan, out, manifest, options, listener)
    pruned = prune(out, manifest, plan.present, listener) if options.prune else ()
    published = publish(
        out,
        manifest,
        recorder.changed or bool(pruned),
        PublishOptions(options.validate, options.neo4j, options.neo4j_settings, options.load_batch),
        listener,
    )
    return IngestReport(
        out,
        tuple(recorder.outcomes),
        pruned,
        published.outputs,
        published.graph_rebuilt,
        published.totals,
        published.neo4j,
        published.shacl,
    )
