"""`policykg neo4j start|stop|status` and `policykg load`."""

from __future__ import annotations

import click

from kg.neo4j.cypher import BATCH


@click.group()
def neo4j() -> None:
    """Run the project's own Neo4j Community server (fetched from Maven Central)."""


@neo4j.command()
@click.option("--timeout", default=180, show_default=True, help="seconds to wait for the server to answer")
def start(timeout: int) -> None:
    """Provision (first time), start, and wait until `RETURN 1` answers."""
    from kg.neo4j.server import start as start_server

    start_server(timeout=timeout, log=click.echo)


@neo4j.command()
def stop() -> None:
    """Stop the server cleanly."""
    from kg.neo4j.server import stop as stop_server

    stop_server(log=click.echo)


@neo4j.command()
def status() -> None:
    """Say whether the server runs and answers; exit 1 when it does not."""
    from kg.neo4j.server import status as server_status

    pid, ok = server_status()
    if ok:
        click.echo(f"running (pid {pid}), answering")
    elif pid:
        click.echo(f"running (pid {pid}), not answering")
        raise SystemExit(1)
    else:
        click.echo("not running")
        raise SystemExit(1)


@click.command()
@click.argument("graph_dir", default="data/graph", type=click.Path(exists=True, file_okay=False))
@click.option("--prune", is_flag=True, help="also remove documents that are in Neo4j but not in GRAPH_DIR")
@click.option(
    "--batch-size", default=BATCH, show_default=True, type=click.IntRange(1), help="rows per UNWIND statement"
)
def load(graph_dir: str, prune: bool, batch_size: int) -> None:
    """Load the extractions in GRAPH_DIR (*.extraction.json) into Neo4j.

    Each document is replaced in one transaction: re-loading it removes exactly its old facts
    and mentions; entities other documents still contain are kept. A document of the same id
    that another folder loaded is refused, not replaced; --prune removes only this folder's.
    """
    from pathlib import Path

    from kg.batch.manifest import folder_origin
    from kg.folder import read_contracts
    from kg.neo4j.client import open_driver
    from kg.neo4j.load import Origin
    from kg.neo4j.load import load as load_graph
    from kg.neo4j.settings import load_settings

    extractions = read_contracts(graph_dir)
    settings = load_settings()
    origin = Origin(*folder_origin(Path(graph_dir)))
    with open_driver(settings) as driver:
        summary = load_graph(
            driver,
            extractions,
            database=settings.database,
            prune=prune,
            batch=batch_size,
            progress=click.echo,
            origin=origin,
        )
    pruned = f", pruned {len(summary.pruned)}" if prune else ""
    click.echo(
        f"loaded {summary.documents} documents, {summary.entities} entities "
        f"({summary.elements} nodes and relationships), {summary.taxonomy} industry concepts"
        f"{pruned} into {settings.uri}"
    )
    for _, reason in summary.refused:
        click.echo(f"failed: {reason}", err=True)
    if summary.refused:
        raise SystemExit(1)


COMMANDS = [neo4j, load]
