"""`policykg query`: Cypher against Neo4j, read-only unless --write."""
from __future__ import annotations

import click


def print_table(keys, rows) -> None:
    from rich.console import Console
    from rich.table import Table
    table = Table(*keys)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console().print(table)
    click.echo(f"{len(rows)} rows")


@click.command()
@click.argument("cypher")
@click.option("--write", is_flag=True, help="allow the query to write (default: read-only)")
def query(cypher, write):
    """Run CYPHER and print the result as a table."""
    from kg.neo4j_client import open_driver
    from kg.neo4j_query import run_query
    from kg.neo4j_settings import load_settings
    settings = load_settings()
    with open_driver(settings) as driver:
        result = run_query(driver, cypher, write=write, database=settings.database)
    print_table(result.keys, result.rows)


COMMANDS = [query]
