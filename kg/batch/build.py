"""`policykg build`: extract every document under the inputs and write the graph outputs.

One implementation with `policykg ingest` (``kg.batch.ingest``): a build is an ingest that forgets
earlier runs, works in one process, keeps the extractions in memory for its caller, and checks
the graph against the SHACL shapes. Outputs stay on disk for inspection, but a graph that
breaks the shapes fails the build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from extract.model import Extraction
from kg.batch.ingest import IngestOptions, ingest
from kg.batch.outcome import Outcome, Status, display_path
from kg.output.shacl import ShaclReport, ShaclViolations

BUILD = IngestOptions(workers=1, fresh=True, keep=True, validate=True)


@dataclass(frozen=True)
class BuildReport:
    """The documents extracted and failed, every file written, the extractions, the SHACL report."""

    ok: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]  # (path, reason)
    outputs: tuple[Path, ...]
    extractions: tuple[Extraction, ...]
    shacl: ShaclReport


class ProgressLines:
    """A listener that says one line per document (and passes messages on)."""

    def __init__(self, progress: Callable[[str], None]):
        self.progress = progress

    def start(self, total: int, todo: int) -> None:
        pass

    def document(self, outcome: Outcome) -> None:
        o = outcome
        if o.status == Status.OK:
            self.progress(
                f"extracted {display_path(o.path)}: {o.entities} entities, {o.relations} relations, "
                f"{o.indicators} indicators"
            )
        else:
            self.progress(f"{'skipped' if o.status == Status.SKIPPED else 'failed'} {display_path(o.path)}: {o.reason}")

    def message(self, text: str) -> None:
        self.progress(text)


def _quiet(message: str) -> None:
    pass


def build(paths: Iterable[str | Path], out: str | Path, progress: Callable[[str], None] = _quiet) -> BuildReport:
    """Build the graph of ``paths`` in ``out`` from scratch; raises ShaclViolations when it breaks the shapes."""
    result = ingest(paths, out, BUILD, listener=ProgressLines(progress))
    done = [o for o in result.outcomes if o.status == Status.OK and o.entry is not None]
    assert result.shacl is not None  # a build always validates
    report = BuildReport(
        ok=tuple(o.path for o in done),
        failed=tuple((o.path, o.reason or "") for o in result.outcomes if o.status == Status.FAILED),
        outputs=(*(Path(out) / name for o in done if o.entry for name in o.entry.outputs), *result.outputs),
        extractions=tuple(o.extraction for o in done if o.extraction is not None),
        shacl=result.shacl,
    )
    if not report.shacl.conforms:
        raise ShaclViolations(report.shacl, where=f"build wrote {out} but the graph is invalid")
    return report
