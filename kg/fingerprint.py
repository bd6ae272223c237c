"""What produced an extraction: a digest of the extractor's code and data.

A document is skipped only when both its content and this fingerprint are unchanged, so a new
rule, registry entry or taxonomy concept re-extracts every document on the next ingest (the
extraction would differ), while a rerun with nothing changed stays a matter of hashing files.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# everything a document's outputs depend on: the extractor, the RDF writer and the ontology data
SOURCES = ("extract", "ontology", "kg/rdf.py", "kg/iri.py", "kg/vocab.py", "kg/industries.py",
           "kg/ingest_worker.py", "kg/graph_files.py")
SUFFIXES = {".py", ".tsv", ".txt", ".ttl", ".json", ".md"}


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    h = hashlib.blake2b(digest_size=12)
    for name in SOURCES:
        base = ROOT / name
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*")
                                                      if p.is_file() and p.suffix in SUFFIXES
                                                      and "__pycache__" not in p.parts)
        for f in files:
            h.update(str(f.relative_to(ROOT)).encode())
            h.update(hashlib.blake2b(f.read_bytes(), digest_size=12).digest())
    return h.hexdigest()
