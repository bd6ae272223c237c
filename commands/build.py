"""`policykg build`: the main job, no server needed."""

from __future__ import annotations

import click


@click.command()
@click.argument("inputs", nargs=-1, type=click.Path(exists=True))
@click.option("--out", default="data/graph", show_default=True, type=click.Path(), help="output folder")
def build(inputs: tuple[str, ...], out: str) -> None:
    """Extract INPUTS (files or folders; default data/raw) and write the graph to --out."""
    from kg.batch.build import build as run_build

    report = run_build(inputs or ("data/raw",), out, progress=click.echo)
    for path in report.outputs:
        click.echo(f"wrote {path}")
    click.echo(f"{len(report.ok)} documents ok, {len(report.failed)} failed")
    for failed, reason in report.failed:
        click.echo(f"failed: {failed}: {reason}", err=True)
    if report.failed:
        raise SystemExit(1)


COMMANDS = [build]
