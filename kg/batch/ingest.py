"""`policykg ingest`: extract every document under the inputs, incrementally and in parallel.

The manifest (``kg.batch.manifest``) keys each output folder's documents by content hash:
unchanged documents are skipped, changed ones replaced under the same document id, and ``prune``
drops documents whose files are gone from the input. One ingest is four stages:

* plan (``kg.batch.plan``): which inputs to extract, skip, or fail at once;
* run (``kg.batch.run``): the documents in worker processes, each within its limits
  (``kg.batch.limits``) and recorded as it finishes, so an interrupted run resumes where it
  stopped; a bad document is one failed line and the batch goes on;
* prune (``kg.batch.prune``): documents whose files are gone, as far as the inputs say;
* publish (``kg.batch.publish``): the collection's graph files, SHACL, Neo4j.

An ingest holds a lock on its output folder. Stopped from outside (Ctrl-C, SIGTERM), it stops its
workers, keeps what finished, removes its temporary files and raises ``Interrupted`` carrying the
report of what it did. ``kg.batch.build`` is this with a fresh manifest and one worker.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import PolicyKGError
from kg.batch.fingerprint import extractor_fingerprint
from kg.batch.ids import check_corpus, corpus_from_folder
from kg.batch.inputs import find_inputs
from kg.batch.interrupt import describe
from kg.batch.limits import DocumentLimits
from kg.batch.listener import Listener, Silent
from kg.batch.manifest import Entry, Manifest, load_manifest, remove_outputs
from kg.batch.plan import Plan, PlanSettings, make_plan
from kg.batch.prune import PruneResult, prune
from kg.batch.publish import LOAD_BATCH, Published, PublishOptions, publish
from kg.batch.report import IngestReport
from kg.batch.run import Recorder, default_workers, run_tasks
from kg.folder import temporaries
from kg.neo4j.settings import Neo4jSettings

LOCK = ".policykg-ingest.lock"  # in the output folder: one ingest writes a folder at a time


@dataclass(frozen=True)
class IngestOptions:
    """How to ingest; the defaults are those of `policykg ingest` without options."""

    workers: int | None = None  # processes extracting documents; None: the number of cores
    prune: bool = False  # drop documents whose files are gone from what the inputs cover
    force: bool = False  # with prune: drop every document not among the inputs
    fresh: bool = False  # forget earlier runs (what `policykg build` does)
    validate: bool = False  # check the whole graph against the SHACL shapes (slow on large sets)
    neo4j: bool = False  # load every document not yet loaded, retract pruned ones
    neo4j_settings: Neo4jSettings | None = None  # None: the configured server (kg.neo4j.settings)
    limits: DocumentLimits = field(default_factory=DocumentLimits)  # per document; over one: failed
    corpus: str | None = None  # the corpus name of a new folder (None: the folder's name)
    keep: bool = False  # keep each Extraction in its outcome (in-process runs)
    load_batch: int = LOAD_BATCH  # documents per Neo4j load


class IngestError(PolicyKGError):
    """The output folder cannot be used as asked."""


class Interrupted(KeyboardInterrupt):
    """The ingest was stopped from outside; ``report`` says what it did until then."""

    def __init__(self, report: IngestReport, cause: BaseException):
        super().__init__(describe(cause))
        self.report = report
        self.cause = cause


@contextmanager
def folder_lock(out: Path) -> Iterator[None]:
    """Hold the folder's ingest lock; a one-line error when another ingest holds it.

    A POSIX record lock: it belongs to this process alone (forked workers do not inherit it) and
    goes with it, however it ends.
    """
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise IngestError(
                f"another ingest is writing to {out}: wait for it to finish, or use another --out"
            ) from None
        yield
    finally:
        os.close(fd)


def _sweep(out: Path) -> None:
    """Remove files a stopped run left half-written (no worker runs while the lock is held)."""
    for tmp in temporaries(out):
        tmp.unlink(missing_ok=True)


def _open_manifest(out: Path, options: IngestOptions) -> tuple[Manifest, list[Entry]]:
    """The folder's manifest under its corpus, and the entries a fresh run forgot."""
    wanted = check_corpus(options.corpus) if options.corpus else None
    manifest = load_manifest(out, wanted or corpus_from_folder(out))
    forgotten: list[Entry] = []
    if options.fresh:
        forgotten = manifest.forget_all()
        manifest.corpus = wanted or manifest.corpus or corpus_from_folder(out)
    elif wanted and wanted != manifest.corpus:
        held = f"corpus {manifest.corpus!r}" if manifest.corpus else "documents ingested before corpus names"
        raise IngestError(
            f"{out} holds {held}; ingest corpus {wanted!r} into a new --out folder (document ids would change)"
        )
    return manifest, forgotten


def _plan(paths: Iterable[str | Path], out: Path, manifest: Manifest, options: IngestOptions) -> Plan:
    # a document is re-extracted when its content or the extractor (kg.batch.fingerprint) changed
    settings = PlanSettings(out, options.limits, options.keep, extractor_fingerprint())
    plan = make_plan(find_inputs(paths), manifest, settings)
    for sha, path in plan.unchanged:
        manifest.add_path(sha, path)
    return plan


def _run(plan: Plan, recorder: Recorder, options: IngestOptions) -> None:
    recorder.listener.start(plan.inputs, len(plan.tasks))
    recorder.record_early(plan.early)
    try:
        run_tasks(list(plan.tasks), options.workers or default_workers(), recorder.record)
    finally:  # also on KeyboardInterrupt: what finished is recorded
        recorder.save()


def _drop_forgotten(out: Path, manifest: Manifest, forgotten: list[Entry]) -> None:
    """After a fresh run: the files of documents forgotten and not extracted again leave the folder."""
    used = {name for e in manifest.entries.values() for name in e.outputs}
    remove_outputs(out, sorted({n for e in forgotten for n in e.outputs} - used))


def _report(
    recorder: Recorder,
    manifest: Manifest,
    pruning: PruneResult,
    published: Published | None,
    interrupted: str | None = None,
) -> IngestReport:
    return IngestReport(
        recorder.out,
        tuple(recorder.outcomes),
        pruning.pruned,
        published.outputs if published else (),
        published.graph_rebuilt if published else False,
        published.totals if published else manifest.totals(),
        published.neo4j if published else None,
        published.shacl if published else None,
        prune_refused=pruning.refused,
        kept=pruning.kept,
        corpus=manifest.corpus,
        interrupted=interrupted,
    )


def ingest(
    paths: Iterable[str | Path],
    out: str | Path,
    options: IngestOptions = IngestOptions(),
    listener: Listener | None = None,
) -> IngestReport:
    """Ingest ``paths`` (files, folders, globs) into the folder ``out``.

    Returns the report; raises IngestError for problems with ``out``, and Interrupted (a
    KeyboardInterrupt) with the report so far when stopped by Ctrl-C or SIGTERM.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with folder_lock(out):
        _sweep(out)
        manifest, forgotten = _open_manifest(out, options)
        recorder = Recorder(out, manifest, listener or Silent(), changed=options.fresh)
        pruning = PruneResult()
        try:
            plan = _plan(paths, out, manifest, options)
            _run(plan, recorder, options)
            if options.fresh:
                _drop_forgotten(out, manifest, forgotten)
            if options.prune:
                pruning = prune(
                    out, manifest, plan.present, recorder.listener, plan.scopes, plan.incomplete, options.force
                )
            published = publish(
                out,
                manifest,
                recorder.changed or bool(pruning.pruned),
                PublishOptions(options.validate, options.neo4j, options.neo4j_settings, options.load_batch),
                recorder.listener,
            )
        except KeyboardInterrupt as exc:
            _sweep(out)
            raise Interrupted(_report(recorder, manifest, pruning, None, describe(exc)), exc) from None
        return _report(recorder, manifest, pruning, published)
