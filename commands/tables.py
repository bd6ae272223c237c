"""Printing result tables (rich) for the commands that show rows: query, sparql, entities."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import click


def print_table(keys: Sequence[str], rows: Sequence[Iterable[object]]) -> None:
    """A table with a line between rows, then the row count."""
    from rich.console import Console
    from rich.table import Table

    from kg.neo4j.values import cell

    table = Table(*keys, show_lines=True)
    for row in rows:
        table.add_row(*(cell(v) for v in row))
    Console(soft_wrap=False).print(table)
    click.echo(f"{len(rows)} rows")
