"""`policykg ingest`: many documents, any supported format, incremental and in parallel."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.batch.outcome import Outcome, Status

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
                f"ok {o.path} ({o.lang}, {o.format}): {o.entities} entities, {o.relations} relations, "
                f"{o.indicators} indicators"
            )
        else:
            line = f"{o.status} {o.path}: {o.reason}"
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
            self.progress.console.print(f"[red]failed[/red] {o.path}: {o.reason}", markup=True, highlight=False)
        if self.task is not None:
            self.progress.update(self.task, advance=1, last=Path(o.path).name[:40])

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
    click.echo(
        f"graph: {g['documents']} documents, {g['entities']} entities, {g['relations']} relations, "
        f"{g['indicators']} indicators ({'rebuilt' if report.graph_rebuilt else 'unchanged'}) in {report.out}"
    )
    for o in report.outcomes:
        if o.status == Status.FAILED:
            click.echo(f"failed: {o.path}: {o.reason}", err=True)
    if report.neo4j is not None:
        n = report.neo4j
        click.echo(f"neo4j: {n.loaded} documents loaded, {n.removed} removed")
        if n.error:
            click.echo(f"failed: neo4j: {n.error}", err=True)


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
    type=click.IntRange(min=1),
    default=None,
    help="documents extracted in parallel  [default: the number of cores]",
)
@click.option("--prune", is_flag=True, help="drop documents whose files are no longer in the input")
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
    neo4j: bool,
    report_file: str | None,
    validate: bool,
    progress: bool | None,
) -> None:
    """Ingest INPUTS (files, folders, globs): .txt .md .html .htm .docx .pdf, Chinese or English.

    Unchanged documents are skipped (the manifest in --out keys them by content hash), changed ones
    replaced. Exit code 0 only when every document (and the Neo4j load) succeeded.
    """
    from kg.batch.ingest import IngestOptions
    from kg.batch.ingest import ingest as run_ingest

    listener = ProgressBar() if (sys.stderr.isatty() if progress is None else progress) else PlainLines()
    try:
        report = run_ingest(
            inputs, out, IngestOptions(workers=workers, prune=prune, neo4j=neo4j, validate=validate), listener
        )
    finally:
        listener.close()
    print_summary(report)
    if report_file:
        write_report(report, Path(report_file))
    if report.shacl is not None and not report.shacl.conforms:
        click.echo(f"failed: the graph breaks the SHACL shapes ({len(report.shacl.violations)} violations)", err=True)
        raise SystemExit(1)
    if not report.ok:
        raise SystemExit(1)


def write_report(report: IngestReport, path: Path) -> None:
    """The --report JSON file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    click.echo(f"report: {path}")


COMMANDS = [ingest]
