"""`policykg export | validate | stats | sparql`: the built graph as RDF, checked, counted and queried, no server."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import click

FORMAT_CHOICE = click.Choice(["ttl", "trig", "nq", "jsonld", "nt"])


@click.command()
@click.argument("graph", default="data/graph", type=click.Path())
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="ttl", show_default=True,
              help="ttl and nt merge every graph; trig, nq and jsonld keep one named graph per document")
@click.option("--out", type=click.Path(), help="output file ('-' for stdout; default GRAPH/graph.<format>)")
def export(graph, fmt, out):
    """Write the graph in GRAPH (a build folder, or an RDF file) as RDF."""
    from kg.output.rdf import SUFFIX, serialize, write
    from kg.output.export import load_dataset
    ds = load_dataset(graph)
    if out == "-":
        sys.stdout.write(serialize(ds, fmt))
        return
    target = Path(out) if out else (Path(graph) if Path(graph).is_dir() else Path(graph).parent) / f"graph{SUFFIX[fmt]}"
    write(ds, target, fmt)
    triples = sum(len(g) for g in ds.graphs())
    click.echo(f"wrote {target} ({triples} triples, {fmt})")


@click.command()
@click.argument("graph", default="data/graph", type=click.Path())
@click.option("--limit", default=50, show_default=True, help="violations to print at most")
def validate(graph, limit):
    """Check the graph in GRAPH against the SHACL shapes (ontology/shapes.ttl); exit 1 on violations."""
    from kg.output.rdf import merged
    from kg.output.shacl import validate as run_validate
    from kg.output.export import load_dataset
    report = run_validate(merged(load_dataset(graph)))
    click.echo(report.text(limit=limit))
    if not report.conforms:
        raise SystemExit(1)


@click.command()
@click.argument("graph_dir", default="data/graph", type=click.Path())
@click.option("--top", default=10, show_default=True, help="how many most-connected entities to list")
def stats(graph_dir, top):
    """Counts by entity type and relation, the most-connected entities, and unmapped industries."""
    from rich.console import Console
    from rich.table import Table

    from kg.output.export import read_extractions
    from kg.output.stats import compute
    s = compute(read_extractions(graph_dir), top=top)
    console = Console()
    console.print(f"{s.documents} documents, {s.entities} entities, {s.relations} relations, "
                  f"{s.indicators} indicators")
    for title, pairs in (("entities by type", s.entities_by_type), ("relations by type", s.relations_by_type)):
        table = Table("type", "count", title=title)
        for name, n in pairs:
            table.add_row(name, str(n))
        console.print(table)
    from rich.table import Column
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
@click.option("--graph", default="data/graph", show_default=True, type=click.Path(),
              help="a build folder or an RDF file")
@click.option("--saved", help="run a saved query from ontology/queries/ by name")
@click.option("--list", "list_saved", is_flag=True, help="list the saved queries")
@click.option("--csv", "as_csv", is_flag=True, help="print CSV instead of a table")
def sparql(query, graph, saved, list_saved, as_csv):
    """Run a SPARQL QUERY (text, or a .rq file) over the graph in process and print the result."""
    from kg.output.sparql import SparqlError, run, saved_queries, show
    from kg.output.export import load_dataset
    if list_saved:
        for name, (description, _) in saved_queries().items():
            click.echo(f"{name}: {description}")
        return
    if saved:
        queries = saved_queries()
        if saved not in queries:
            raise SparqlError(f"no saved query {saved!r}; `policykg sparql --list` shows them")
        text = queries[saved][1]
    elif query is None:
        raise click.UsageError("give a QUERY, a .rq file, or --saved NAME")
    elif query.endswith(".rq") or (len(query) < 4096 and "\n" not in query and Path(query).is_file()):
        path = Path(query)
        if not path.is_file():
            raise SparqlError(f"{path} does not exist")
        text = path.read_text(encoding="utf-8")
    else:
        text = query
    ds = load_dataset(graph)
    result = run(ds, text)
    if result.kind == "boolean":
        click.echo("true" if result.boolean else "false")
        return
    if result.kind == "graph":
        click.echo(result.graph.serialize(format="turtle"))
        return
    rows = [[show(v, ds) for v in row] for row in result.rows]
    if as_csv:
        w = csv.writer(sys.stdout)
        w.writerow(result.columns)
        w.writerows(rows)
        return
    from commands.query import print_table
    print_table(result.columns, rows)


COMMANDS = [export, validate, stats, sparql]
