"""`policykg ingest`: many documents, any supported format, incremental and in parallel."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.batch.limits import MIB, DocumentLimits, ReadLimits
from kg.batch.outcome import Outcome, Status, display_path

if TYPE_CHECKING:
    from rich.progress import TaskID

    from kg.batch.report import IngestReport


class PlainLines:
    """One line per document: for logs, pipes and CI."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0

    def start(self, total: int, todo: int) -> None:
        self.total = total
        click.echo(f"{total} documents, {todo} to extract, {total - todo} to check")

    def document(self, outcome: Outcome) -> None:
        o = outcome
        self.done += 1
        if o.status == Status.OK:
            line = (
                f"ok {display_path(o.path)} ({o.lang}, {o.format}): {o.entities} entities, {o.relations} relations, "
                f"{o.indicators} indicators"
            )
        else:
            line = f"{o.status} {display_path(o.path)}: {o.reason}"
        if o.status in (Status.OK, Status.FAILED) or o.reason != "unchanged":
            click.echo(f"[{self.done}/{self.total}] {line}")

    def message(self, text: str) -> None:
        click.echo(text)

    def close(self) -> None:
        pass


class ProgressBar:
    """A rich progress bar on a terminal; failures are still printed as they happen."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[last]}"),
            console=self.console,
            transient=True,
        )
        self.task: TaskID | None = None

    def start(self, total: int, todo: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("ingest", total=total, last="")

    def document(self, outcome: Outcome) -> None:
        o = outcome
        if o.status == Status.FAILED:
            self.progress.console.print(f"failed {display_path(o.path)}: {o.reason}", markup=False, highlight=False)
        elif o.status == Status.SKIPPED and o.reason != "unchanged":
            self.progress.console.print(f"skipped {display_path(o.path)}: {o.reason}", markup=False, highlight=False)
        if self.task is not None:
            self.progress.update(self.task, advance=1, last=display_path(Path(o.path).name)[:40])

    def message(self, text: str) -> None:
        self.progress.console.print(text, highlight=False)

    def close(self) -> None:
        self.progress.stop()


def print_summary(report: IngestReport) -> None:
    """What the batch did: counts, the graph's totals, every failure (on stderr), the Neo4j load."""
    s = report.to_json()["summary"]
    g = s["graph"]
    click.echo(
        f"documents: {s['ok']} ok, {s['skipped']} skipped, {s['failed']} failed"
        + (f", {s['pruned']} pruned" if s["pruned"] else "")
    )
    click.echo(
        f"extracted this run: {s['extracted']['entities']} entities, {s['extracted']['relations']} "
        f"relations, {s['extracted']['indicators']} indicators"
    )
    state = (
        "not rewritten: run again to finish"
        if report.interrupted
        else ("rebuilt" if report.graph_rebuilt else "unchanged")
    )
    click.echo(
        f"graph: {g['documents']} documents, {g['entities']} entities, {g['relations']} relations, "
        f"{g['indicators']} indicators ({state}) in {report.out}"
    )
    for o in report.outcomes:
        if o.status == Status.FAILED:
            click.echo(f"failed: {display_path(o.path)}: {o.reason}", err=True)
    if report.prune_refused:
        click.echo(f"failed: prune: {report.prune_refused}", err=True)
    if report.neo4j is not None:
        n = report.neo4j
        click.echo(f"neo4j: {n.loaded} documents loaded, {n.removed} removed")
        if n.error:
            click.echo(f"failed: neo4j: {n.error}", err=True)
    if report.interrupted:
        click.echo(f"{report.interrupted}: what finished is kept; run the same command again to go on", err=True)


def _limits(timeout: float, max_memory: int, max_chars: int, max_output: int) -> DocumentLimits:
    return DocumentLimits(
        seconds=timeout,
        memory=max_memory * MIB,
        output=max_output * MIB,
        read=ReadLimits(max_chars=max_chars),
    )


DEFAULTS = DocumentLimits()


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    default="data/graph",
    show_default=True,
    type=click.Path(file_okay=False),
    help="output folder (extractions, graph.ttl, graph.graphml, manifest.json)",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1, max=256),
    default=None,
    help="documents extracted in parallel  [default: the number of cores]",
)
@click.option("--prune", is_flag=True, help="drop documents whose files are gone from the folders and patterns given")
@click.option("--force", is_flag=True, help="with --prune: drop every document not among the inputs")
@click.option(
    "--corpus", help="corpus name of a new --out folder, the first part of its document ids  [default: its name]"
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1, max=86400),
    default=DEFAULTS.seconds,
    show_default=True,
    help="seconds one document may take",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=64, max=1 << 20),
    default=DEFAULTS.memory // MIB,
    show_default=True,
    help="MB of memory one document's worker may use",
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=1, max=1 << 40),
    default=DEFAULTS.read.max_chars,
    show_default=True,
    help="characters of text one document may have",
)
@click.option(
    "--max-output",
    type=click.IntRange(min=1, max=1 << 20),
    default=DEFAULTS.output // MIB,
    show_default=True,
    help="MB of output files one document may write",
)
@click.option("--neo4j", "neo4j", is_flag=True, help="also load new and changed documents into Neo4j")
@click.option("--report", "report_file", type=click.Path(dir_okay=False), help="write a JSON report here")
@click.option("--validate", is_flag=True, help="check the whole graph against the SHACL shapes (slow on large sets)")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="progress bar (default: on a terminal) or one plain line per document",
)
def ingest(
    inputs: tuple[str, ...],
    out: str,
    workers: int | None,
    prune: bool,
    force: bool,
    corpus: str | None,
    timeout: float,
    max_memory: int,
    max_chars: int,
    max_output: int,
    neo4j: bool,
    report_file: str | None,
    validate: bool,
    progress: bool | None,
) -> None:
    """Ingest INPUTS (files, folders, globs): .txt .md .html .htm .docx .pdf, Chinese or English.

    Unchanged documents are skipped (the manifest in --out keys them by content hash), changed ones
    replaced. Exit code 0 only when every document (and the Neo4j load) succeeded.
    """
    from kg.batch.ingest import IngestOptions, Interrupted
    from kg.batch.ingest import ingest as run_ingest
    from kg.batch.interrupt import exit_code, sigterm_interrupts

    options = IngestOptions(
        workers=workers,
        prune=prune,
        force=force,
        neo4j=neo4j,
        validate=validate,
        corpus=corpus,
        limits=_limits(timeout, max_memory, max_chars, max_output),
    )
    listener = ProgressBar() if (sys.stderr.isatty() if progress is None else progress) else PlainLines()
    try:
        with sigterm_interrupts():
            report = run_ingest(inputs, out, options, listener)
    except Interrupted as stop:
        listener.close()
        finish(stop.report, report_file)
        raise SystemExit(exit_code(stop.cause)) from None
    finally:
        listener.close()
    finish(report, report_file)
    if report.shacl is not None and not report.shacl.conforms:
        click.echo(f"failed: the graph breaks the SHACL shapes ({len(report.shacl.violations)} violations)", err=True)
        raise SystemExit(1)
    if not report.ok:
        raise SystemExit(1)


def finish(report: IngestReport, report_file: str | None) -> None:
    """The summary, and the report file when asked for."""
    print_summary(report)
    if report_file:
        write_report(report, Path(report_file))


def write_report(report: IngestReport, path: Path) -> None:
    """The --report JSON file (written whole or not at all)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    click.echo(f"report: {display_path(str(path))}")


COMMANDS = [ingest]
