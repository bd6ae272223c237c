"""`policykg entities`: the entities of a built graph, and likely duplicates to review."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from commands.tables import print_table

if TYPE_CHECKING:
    from kg.duplicates import Duplicate, GraphEntity

ENTITY_COLUMNS = ("type", "name", "name_en", "documents", "id")


@click.command()
@click.option(
    "--graph",
    "graph_dir",
    default="data/graph",
    show_default=True,
    type=click.Path(exists=True, file_okay=False),
    help="folder written by build or ingest",
)
@click.option("--duplicates", is_flag=True, help="list likely duplicates that were not merged")
@click.option("--type", "type_", default=None, help="only entities of this type (Platform, Institution …)")
@click.option("--json", "as_json", is_flag=True, help="print JSON instead of a table")
def entities(graph_dir: str, duplicates: bool, type_: str | None, as_json: bool) -> None:
    """List the graph's entities, or with --duplicates the pairs that look like one thing."""
    from kg.duplicates import find_duplicates, graph_entities

    found = [e for e in graph_entities(graph_dir) if type_ is None or e.type == type_]
    if duplicates:
        show_duplicates(find_duplicates(found), as_json)
    else:
        show_entities(found, as_json)


def show_entities(found: list[GraphEntity], as_json: bool) -> None:
    """The entities as a table or a JSON array."""
    rows = [(e.type, e.name, e.name_en or "", len(e.documents), e.id) for e in found]
    if as_json:
        click.echo(json.dumps([dict(zip(ENTITY_COLUMNS, r, strict=True)) for r in rows], ensure_ascii=False, indent=1))
    else:
        print_table(ENTITY_COLUMNS, rows)


def show_duplicates(pairs: list[Duplicate], as_json: bool) -> None:
    """The likely duplicates as a table or a JSON array."""
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "type": d.a.type,
                        "score": d.score,
                        "reason": d.reason,
                        "a": {"id": d.a.id, "name": d.a.name, "documents": list(d.a.documents)},
                        "b": {"id": d.b.id, "name": d.b.name, "documents": list(d.b.documents)},
                    }
                    for d in pairs
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return
    print_table(
        ["type", "name", "other name", "score", "why", "ids"],
        [(d.a.type, d.a.name, d.b.name, f"{d.score:.2f}", d.reason, f"{d.a.id}  {d.b.id}") for d in pairs],
    )


COMMANDS = [entities]
