"""`policykg build`: extract every document under the inputs and write the graph outputs.

One implementation with `policykg ingest` (``kg.batch.ingest``): a build is an ingest that forgets
earlier runs, works in one process, keeps the extractions in memory for its caller, and checks
the graph against the SHACL shapes. Outputs stay on disk for inspection, but a graph that
breaks the shapes fails the build.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extract.formats import SUFFIXES
from extract.model import Extraction

from kg.batch.ingest import ingest
from kg.batch.worker import Outcome
from kg.batch.inputs import find_inputs
from kg.output.shacl import ShaclReport, ShaclViolations

__all__ = ["SUFFIXES", "BuildReport", "build", "find_inputs"]


@dataclass
class BuildReport:
    ok: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)
    shacl: ShaclReport | None = None


class _Lines:
    def __init__(self, progress: Callable[[str], None]):
        self.progress = progress

    def start(self, total: int, todo: int) -> None:
        pass

    def document(self, o: Outcome) -> None:
        if o.status == "ok":
            self.progress(f"extracted {o.path}: {o.entities} entities, {o.relations} relations, "
                          f"{o.indicators} indicators")
        else:
            self.progress(f"skipped {o.path}: {o.reason}")

    def message(self, text: str) -> None:
        self.progress(text)


def build(paths: Iterable[str | Path], out: str | Path,
          progress: Callable[[str], None] = lambda msg: None) -> BuildReport:
    result = ingest(paths, out, workers=1, fresh=True, keep=True, validate=True, listener=_Lines(progress))
    report = BuildReport(shacl=result.shacl)
    for o in result.outcomes:
        if o.status == "ok":
            report.ok.append(o.path)
            report.outputs.extend(Path(out) / name for name in o.entry.outputs)
            report.extractions.append(o.extraction)
        elif o.status == "failed":
            report.failed.append((o.path, o.reason))
    report.outputs += result.outputs
    if not report.shacl.conforms:
        raise ShaclViolations(report.shacl, where=f"build wrote {out} but the graph is invalid")
    return report
