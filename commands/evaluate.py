"""`policykg eval PRED GOLD`: precision, recall and F1 of an extraction against gold annotations."""

from __future__ import annotations

import json

import click


@click.command("eval")
@click.argument("pred", type=click.Path(exists=True))
@click.argument("gold", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="print the scores as JSON")
def evaluate(pred: str, gold: str, as_json: bool) -> None:
    """Score PRED (an extraction contract) against GOLD (a gold file); or two folders, every document."""
    from extract.evaluate import evaluate_paths, format_report, report_dict, total

    reports = evaluate_paths(pred, gold)
    if as_json:
        out: dict[str, object] = {"documents": [report_dict(r) for r in reports]}
        if len(reports) > 1:
            out["total"] = report_dict(total(reports))
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    for r in reports:
        click.echo(format_report(r, f"== {r.documents[0]}"))
    if len(reports) > 1:
        click.echo(format_report(total(reports), f"== all {len(reports)} documents (micro-averaged)"))


COMMANDS = [evaluate]
