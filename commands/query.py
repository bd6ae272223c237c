"""`policykg query`: Cypher against Neo4j, read-only unless --write; saved queries by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from commands.tables import print_table

if TYPE_CHECKING:
    from kg.neo4j.saved import QueryCall


def print_saved_list() -> None:
    """Every saved query with its description and parameters."""
    from kg.neo4j.saved import saved_queries

    for q in saved_queries().values():
        click.echo(f"{q.name}\n    {q.description}")
        for p in q.params:
            default = "required" if p.required else f"default {'null' if p.default is None else p.default}"
            click.echo(f"    --param {p.name}=<{p.type}>  ({default}) {p.help}")


@click.command()
@click.argument("cypher", required=False)
@click.option("--saved", "saved", metavar="NAME", help="run the saved query NAME (see --list)")
@click.option("--list", "list_saved", is_flag=True, help="list the saved queries with their parameters")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="a query parameter (repeatable); ad-hoc values that are JSON (2025, true, null, [..]) "
    "are typed, anything else is text",
)
@click.option("--write", is_flag=True, help="allow the query to write (default: read-only)")
@click.option("--json", "as_json", is_flag=True, help="print the rows as a JSON array of objects")
@click.option("--csv", "as_csv", is_flag=True, help="print the rows as CSV with a header line")
def query(
    cypher: str | None,
    saved: str | None,
    list_saved: bool,
    params: tuple[str, ...],
    write: bool,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Run CYPHER (or a saved query) and print the result as a table, JSON or CSV.

    \b
    policykg query 'MATCH (n:Platform) RETURN n.name_zh, n.name_en'
    policykg query --saved platforms-serving-industry --param industry=Biomedicine
    """
    from kg.neo4j.saved import adhoc_call, saved_call

    if list_saved:
        print_saved_list()
        return
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    if bool(cypher) == bool(saved):
        raise click.UsageError("give either CYPHER or --saved NAME (or --list)")
    call = saved_call(saved, params) if saved else adhoc_call(cypher or "", params)
    show_rows(call, write, "json" if as_json else "csv" if as_csv else "table")


def show_rows(call: QueryCall, write: bool, form: str) -> None:
    """Run the call against the configured server and print its rows as a table, JSON or CSV."""
    from kg.neo4j.client import open_driver
    from kg.neo4j.query import run_query
    from kg.neo4j.settings import load_settings
    from kg.neo4j.values import to_csv, to_json

    settings = load_settings()
    with open_driver(settings) as driver:
        result = run_query(driver, call.cypher, call.params, write=write, database=settings.database)
    if form == "json":
        click.echo(to_json(result.keys, result.rows))
    elif form == "csv":
        click.echo(to_csv(result.keys, result.rows), nl=False)
    else:
        print_table(result.keys, result.rows)


COMMANDS = [query]
