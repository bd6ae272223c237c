"""What produced an extraction: a digest of the extractor's code and data.

A document is skipped only when both its content and this fingerprint are unchanged, so a new
rule, registry entry or taxonomy concept re-extracts every document on the next ingest (the
extraction would differ), while a rerun with nothing changed stays a matter of hashing files.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# everything a document's outputs depend on: the extractor, the RDF writer and the ontology data,
# named as modules and packages (a package stands for every file under it) so that a module that
# moves fails here loudly instead of silently dropping out of the fingerprint
SOURCES = (
    "extract",
    "ontology",
    "kg.output.rdf",
    "kg.iri",
    "kg.vocab",
    "ontology.taxonomy",
    "kg.batch.worker",
    "kg.output.graph_files",
)
SUFFIXES = {".py", ".tsv", ".txt", ".ttl", ".json", ".md"}


def source_path(module: str) -> Path:
    """The file of a module, or the folder of a package, without importing the module itself."""
    spec = find_spec(module)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"fingerprint source {module!r} is not a module of this project")
    origin = Path(spec.origin)
    return origin.parent if spec.submodule_search_locations is not None else origin


def _files(base: Path) -> list[Path]:
    if base.is_file():
        return [base]
    return sorted(p for p in base.rglob("*") if p.is_file() and p.suffix in SUFFIXES and "__pycache__" not in p.parts)


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A short digest of every source file (path and content) the extraction depends on."""
    h = hashlib.blake2b(digest_size=12)
    for name in SOURCES:
        for f in _files(source_path(name)):
            h.update(str(f.relative_to(ROOT)).encode())
            h.update(hashlib.blake2b(f.read_bytes(), digest_size=12).digest())
    return h.hexdigest()
