"""Pruning: documents whose files are no longer among the inputs leave the folder (and Neo4j later)."""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path

from kg.batch.listener import Listener
from kg.batch.manifest import Manifest, remove_outputs


def prune(out: Path, manifest: Manifest, present: Set[str], listener: Listener) -> tuple[str, ...]:
    """Drop every document none of whose paths is ``present``; returns their ids. The manifest is saved.

    A document already loaded into Neo4j is queued for retraction (``Manifest.retract``).
    """
    pruned = []
    for sha, entry in list(manifest.entries.items()):
        if any(p in present for p in entry.paths):
            continue
        manifest.remove(sha)
        if entry.neo4j:
            manifest.retract.append(entry.doc_id)
        remove_outputs(out, entry.outputs)
        pruned.append(entry.doc_id)
        listener.message(f"pruned {entry.doc_id} (no longer in the input)")
    manifest.save()
    return tuple(pruned)
