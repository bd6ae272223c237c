"""The main job: extract every document under the inputs and write the graph outputs."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extract.contract import write_contract
from extract.errors import DocumentError
from extract.model import Extraction
from extract.pipeline import extract_file

from .nxgraph import to_networkx, write_graphml, write_node_link
from .rdf import merged, to_dataset, write
from .shacl import ShaclReport, ShaclViolations, validate

SUFFIXES = (".txt",)


@dataclass
class BuildReport:
    ok: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)
    shacl: ShaclReport | None = None


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            found.append(p)
    return found


def build(paths: Iterable[str | Path], out: str | Path,
          progress: Callable[[str], None] = lambda msg: None) -> BuildReport:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    for path in find_inputs(paths):
        try:
            x = extract_file(path)
        except DocumentError as exc:
            report.failed.append((str(path), exc.reason))
            progress(f"skipped {path}: {exc.reason}")
            continue
        report.outputs.append(write_contract(x, out / f"{x.document.id}.extraction.json"))
        report.ok.append(str(path))
        report.extractions.append(x)
        progress(f"extracted {path}: {len(x.entities)} entities, {len(x.relations)} relations, "
                 f"{len(x.indicators)} indicators")
    ds = to_dataset(report.extractions)
    report.outputs += [write(ds, out / "graph.ttl", "ttl"), write(ds, out / "graph.trig", "trig")]
    g = to_networkx(report.extractions)
    report.outputs += [write_graphml(g, out / "graph.graphml"), write_node_link(g, out / "graph.json")]
    # Outputs stay on disk for inspection, but a graph that breaks the shapes fails the build.
    report.shacl = validate(merged(ds))
    if not report.shacl.conforms:
        raise ShaclViolations(report.shacl, where=f"build wrote {out} but the graph is invalid")
    progress(report.shacl.text())
    return report
