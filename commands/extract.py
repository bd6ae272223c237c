"""`policykg extract FILE --json OUT`: one document's extraction contract (what build writes)."""

from __future__ import annotations

import click


@click.command("extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--json",
    "out",
    required=True,
    type=click.Path(dir_okay=False),
    help="where to write the extraction contract (JSON)",
)
def extract(file: str, out: str) -> None:
    """Extract entities, relations and indicators from FILE and write the extraction contract."""
    from extract.contract import write_contract
    from extract.pipeline import extract_file

    x = extract_file(file)
    path = write_contract(x, out)
    click.echo(
        f"wrote {path}: {len(x.entities)} entities, {len(x.relations)} relations, {len(x.indicators)} indicators"
    )


COMMANDS = [extract]
