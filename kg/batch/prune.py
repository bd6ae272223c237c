"""Pruning: documents whose files are no longer among the inputs leave the folder (and Neo4j later).

Pruning acts only on what the inputs justify. When an input is missing (a mistyped path, a
pattern matching nothing) or a folder cannot be read, the inputs do not say which files are gone,
so nothing is pruned. A document whose file is gone is pruned when the inputs cover where it was
(under a folder given, matching a pattern given, or the file named); one from elsewhere is kept
and counted, unless ``force`` says to prune everything not among the inputs.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path

from kg.batch.inputs import Scope
from kg.batch.listener import Listener
from kg.batch.manifest import Entry, Manifest, remove_outputs
from kg.batch.outcome import display_path


@dataclass(frozen=True)
class PruneResult:
    """The documents pruned, those kept because the inputs do not cover them, and why nothing was pruned."""

    pruned: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    refused: str | None = None


def _covered(entry: Entry, scopes: tuple[Scope, ...]) -> bool:
    return all(any(s.covers(p) for s in scopes) for p in entry.paths)


def refusal(incomplete: tuple[str, ...]) -> str | None:
    """Why pruning must not run with these inputs, or None."""
    if not incomplete:
        return None
    more = f" and {len(incomplete) - 1} more" if len(incomplete) > 1 else ""
    return (
        f"nothing pruned: input {display_path(incomplete[0])}{more} is missing or unreadable, so the inputs "
        "do not show which files are gone; fix the input or leave out --prune"
    )


def prune(
    out: Path,
    manifest: Manifest,
    present: Set[str],
    listener: Listener,
    scopes: tuple[Scope, ...] = (),
    incomplete: tuple[str, ...] = (),
    force: bool = False,
) -> PruneResult:
    """Drop the documents whose files are gone from what the inputs cover (all that are gone with
    ``force``); the manifest is saved. A document already loaded into Neo4j is queued for retraction.
    """
    refused = refusal(incomplete)
    if refused is not None:
        listener.message(refused)
        return PruneResult(refused=refused)
    pruned, kept = [], []
    for sha, entry in list(manifest.entries.items()):
        if any(p in present for p in entry.paths):
            continue
        if not force and not _covered(entry, scopes):
            kept.append(entry.doc_id)
            continue
        manifest.remove(sha)
        if entry.neo4j:
            manifest.retract.append(entry.doc_id)
        remove_outputs(out, entry.outputs)
        pruned.append(entry.doc_id)
        listener.message(f"pruned {entry.doc_id} (no longer in the input)")
    if kept:
        listener.message(
            f"kept {len(kept)} document(s) whose files lie outside the inputs given "
            f"(e.g. {kept[0]}): prune them with --prune --force"
        )
    manifest.save()
    return PruneResult(tuple(pruned), tuple(kept))
