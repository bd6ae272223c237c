"""Neo4j result values as plain JSON-able data, and result tables as JSON, CSV or text."""

from __future__ import annotations

import csv
import io
import json
import math

from neo4j.graph import Node, Path, Relationship


def plain(value: object) -> object:
    """Nodes, relationships, paths, temporal and spatial values as JSON-able Python data."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {
            "type": value.type,
            "start": value.start_node.get("id") if value.start_node else None,
            "end": value.end_node.get("id") if value.end_node else None,
            **{k: plain(v) for k, v in value.items()},
        }
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)


def cell(value: object) -> str:
    """One value as a table cell: text as is, lists of text joined (long ones a line each), the rest as JSON."""
    v = plain(value)
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        short = sum(len(x) for x in v) <= 60
        return (", " if short else "\n").join(v)
    return json.dumps(v, ensure_ascii=False)


def csv_cell(value: object) -> str:
    """Like cell(), but lists stay JSON arrays so a CSV reader can take them apart again."""
    v = plain(value)
    return json.dumps(v, ensure_ascii=False) if isinstance(v, list) else cell(v)


def to_json(keys: tuple[str, ...], rows: tuple[tuple, ...]) -> str:
    """The rows as a JSON array of objects keyed by column."""
    return json.dumps([{k: plain(v) for k, v in zip(keys, row)} for row in rows], ensure_ascii=False, indent=1)


def to_csv(keys: tuple[str, ...], rows: tuple[tuple, ...]) -> str:
    """The rows as CSV with a header line; lists stay JSON arrays."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(keys)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return buf.getvalue()
