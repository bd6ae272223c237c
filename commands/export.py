"""`policykg export | validate | stats | sparql`: the built graph as RDF, checked, counted and queried, no server."""

from __future__ import annotations

import csv
import sys
from typing import TYPE_CHECKING

import click

from commands.tables import print_table

if TYPE_CHECKING:
    from rdflib import Dataset

    from kg.output.sparql import SparqlResult
    from kg.output.stats import GraphStats

FORMAT_CHOICE = click.Choice(["ttl", "trig", "nq", "jsonld", "nt"])


@click.command()
@click.argument("graph", default="data/graph", type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=FORMAT_CHOICE,
    default="ttl",
    show_default=True,
    help="ttl and nt merge every graph; trig, nq and jsonld keep one named graph per document",
)
@click.option("--out", type=click.Path(), help="output file ('-' for stdout; default GRAPH/graph.<format>)")
def export(graph: str, fmt: str, out: str | None) -> None:
    """Write the graph in GRAPH (a build folder, or an RDF file) as RDF."""
    from kg.output.export import export as export_graph
    from kg.output.export import load_dataset
    from kg.output.rdf import serialize

    if out == "-":
        sys.stdout.write(serialize(load_dataset(graph), fmt))
        return
    written = export_graph(graph, fmt, out)
    click.echo(f"wrote {written.path} ({written.triples} triples, {fmt})")


@click.command()
@click.argument("graph", default="data/graph", type=click.Path())
@click.option("--limit", default=50, show_default=True, help="violations to print at most")
def validate(graph: str, limit: int) -> None:
    """Check the graph in GRAPH against the SHACL shapes (ontology/shapes.ttl); exit 1 on violations."""
    from kg.output.export import load_dataset
    from kg.output.rdf import merged
    from kg.output.shacl import validate as run_validate

    report = run_validate(merged(load_dataset(graph)))
    click.echo(report.text(limit=limit))
    if not report.conforms:
        raise SystemExit(1)


@click.command()
@click.argument("graph_dir", default="data/graph", type=click.Path())
@click.option("--top", default=10, show_default=True, help="how many most-connected entities to list")
def stats(graph_dir: str, top: int) -> None:
    """Counts by entity type and relation, the most-connected entities, and unmapped industries."""
    from kg.folder import read_contracts
    from kg.output.stats import compute

    show_stats(compute(read_contracts(graph_dir), top=top))


def show_stats(s: GraphStats) -> None:
    """The statistics as rich tables."""
    from rich.console import Console
    from rich.table import Column, Table

    console = Console()
    console.print(f"{s.documents} documents, {s.entities} entities, {s.relations} relations, {s.indicators} indicators")
    for title, pairs in (("entities by type", s.entities_by_type), ("relations by type", s.relations_by_type)):
        table = Table("type", "count", title=title)
        for name, n in pairs:
            table.add_row(name, str(n))
        console.print(table)
    table = Table(Column("entity", overflow="fold"), "type", "zh", "en", "relations", title="most connected")
    for c in s.most_connected:
        table.add_row(c.local_id, c.type, c.name_zh, c.name_en, str(c.degree))
    console.print(table)
    mapped = s.industries - len(s.unmapped_industries)
    console.print(f"industries mapped to the taxonomy: {mapped} of {s.industries}")
    if s.unmapped_industries:
        console.print("unmapped industries: " + "、".join(s.unmapped_industries))


@click.command()
@click.argument("query", required=False)
@click.option(
    "--graph", default="data/graph", show_default=True, type=click.Path(), help="a build folder or an RDF file"
)
@click.option("--saved", help="run a saved query from ontology/queries/ by name")
@click.option("--list", "list_saved", is_flag=True, help="list the saved queries")
@click.option("--csv", "as_csv", is_flag=True, help="print CSV instead of a table")
def sparql(query: str | None, graph: str, saved: str | None, list_saved: bool, as_csv: bool) -> None:
    """Run a SPARQL QUERY (text, or a .rq file) over the graph in process and print the result."""
    from kg.output.export import load_dataset
    from kg.output.sparql import query_text, run, saved_queries, saved_query

    if list_saved:
        for name, (description, _) in saved_queries().items():
            click.echo(f"{name}: {description}")
        return
    if not saved and query is None:
        raise click.UsageError("give a QUERY, a .rq file, or --saved NAME")
    text = saved_query(saved) if saved else query_text(query or "")
    ds = load_dataset(graph)
    show_sparql(run(ds, text), ds, as_csv)


def show_sparql(result: SparqlResult, ds: Dataset, as_csv: bool) -> None:
    """A boolean, a graph as Turtle, or rows as a table or CSV."""
    from kg.output.sparql import show

    if result.kind == "boolean":
        click.echo("true" if result.boolean else "false")
        return
    if result.kind == "graph":
        assert result.graph is not None
        click.echo(result.graph.serialize(format="turtle"))
        return
    rows = [[show(v, ds) for v in row] for row in result.rows]
    if as_csv:
        w = csv.writer(sys.stdout)
        w.writerow(result.columns)
        w.writerows(rows)
        return
    print_table(result.columns, rows)


COMMANDS = [export, validate, stats, sparql]
