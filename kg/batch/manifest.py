"""The ingest manifest: what each output folder holds, keyed by the content hash of the source.

``<out>/manifest.json`` is rewritten atomically (write, then rename) as documents finish, so an
interrupted ingest loses at most the last second of work and the next run resumes where it stopped.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from extract.errors import PolicyKGError
from extract.ids import digest

FILE = "manifest.json"
VERSION = 2  # 2: the folder's corpus name and key


@dataclass(frozen=True, slots=True)
class Entry:
    """One ingested document (one distinct content)."""

    sha256: str
    doc_id: str
    paths: tuple[str, ...]  # absolute source paths holding this content
    format: str
    encoding: str
    lang: str
    outputs: tuple[str, ...]  # file names inside the output folder
    entity_ids: tuple[str, ...]
    relations: int
    indicators: int
    neo4j: bool = False  # loaded into Neo4j since it was last extracted
    extractor: str = ""  # kg.batch.fingerprint of the code and data that extracted it


@dataclass(frozen=True)
class GraphTotals:
    """What the folder's graph holds: documents, distinct entities, relation statements, indicators."""

    documents: int
    entities: int
    relations: int
    indicators: int


@dataclass
class Manifest:
    """The documents of one output folder by content hash, and doc ids still to retract from Neo4j."""

    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)  # sha256 -> entry
    retract: list[str] = field(default_factory=list)  # doc ids pruned, still to remove from Neo4j
    corpus: str = ""  # the corpus name its document ids start with ("" in folders made before corpus names)
    key: str = field(default_factory=lambda: secrets.token_hex(8))  # tells this folder's documents in Neo4j
    graph: str = ""  # digest of the documents the collection's graph files were last written for

    # ---------------------------------------------------------------- queries
    def by_path(self, path: str) -> Entry | None:
        return next((e for e in self.entries.values() if path in e.paths), None)

    def totals(self) -> GraphTotals:
        entries = self.entries.values()
        return GraphTotals(
            documents=len(self.entries),
            entities=len({i for e in entries for i in e.entity_ids}),
            relations=sum(e.relations for e in entries),
            indicators=sum(e.indicators for e in entries),
        )

    # ---------------------------------------------------------------- changes
    def put(self, entry: Entry) -> list[str]:
        """Add or replace; returns output files of replaced entries no longer used."""
        stale: list[str] = []
        for sha, old in list(self.entries.items()):
            if sha != entry.sha256 and (old.doc_id == entry.doc_id or set(old.paths) & set(entry.paths)):
                rest = tuple(p for p in old.paths if p not in entry.paths)
                if old.doc_id == entry.doc_id or not rest:
                    del self.entries[sha]
                    stale.extend(o for o in old.outputs if o not in entry.outputs)
                else:
                    self.entries[sha] = replace(old, paths=rest)
        self.entries[entry.sha256] = entry
        return stale

    def add_path(self, sha: str, path: str) -> None:
        e = self.entries[sha]
        if path not in e.paths:
            self.entries[sha] = replace(e, paths=tuple(sorted((*e.paths, path))))

    def remove(self, sha: str) -> Entry:
        return self.entries.pop(sha)

    def forget_all(self) -> list[Entry]:
        """Drop every entry (a fresh build) and return them; documents loaded into Neo4j are queued for
        retraction. Their files stay until the caller removes them."""
        forgotten = list(self.entries.values())
        self.retract.extend(e.doc_id for e in forgotten if e.neo4j)
        self.entries.clear()
        return forgotten

    def documents_digest(self) -> str:
        """A digest of which documents, in which version, the folder holds (what its graph files show)."""
        pairs = sorted((e.doc_id, sha) for sha, e in self.entries.items())
        return digest(*(f"{d}:{s}" for d, s in pairs), size=24)

    def mark_loaded(self, doc_ids: set[str], loaded: bool = True) -> None:
        for sha, e in self.entries.items():
            if e.doc_id in doc_ids:
                self.entries[sha] = replace(e, neo4j=loaded)

    # ---------------------------------------------------------------- storage
    def save(self) -> None:
        data = {
            "version": VERSION,
            "corpus": self.corpus,
            "key": self.key,
            "graph": self.graph,
            "retract": sorted(set(self.retract)),
            "documents": {
                sha: {**asdict(e), "paths": list(e.paths), "outputs": list(e.outputs), "entity_ids": list(e.entity_ids)}
                for sha, e in sorted(self.entries.items(), key=lambda kv: kv[1].doc_id)
            },
        }
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)


def remove_outputs(out: Path, names: Iterable[str]) -> None:
    """Delete output files (by name inside ``out``) that no entry uses any more."""
    for name in names:
        (out / name).unlink(missing_ok=True)


def legacy_key(out: Path) -> str:
    """The key of a folder whose manifest has none: derived from where the folder is."""
    return digest(str(out.resolve()), size=16)


def load_manifest(out: Path, corpus: str = "") -> Manifest:
    """The folder's manifest, or an empty one for ``corpus`` when the folder has none yet."""
    path = out / FILE
    if not path.exists():
        return Manifest(path, corpus=corpus)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = {
            sha: Entry(
                **{
                    **e,
                    "paths": tuple(e["paths"]),
                    "outputs": tuple(e["outputs"]),
                    "entity_ids": tuple(e["entity_ids"]),
                }
            )
            for sha, e in data.get("documents", {}).items()
        }
        extra = {k: str(data[k]) for k in ("corpus", "key", "graph") if data.get(k) is not None}
        extra.setdefault("key", legacy_key(out))  # a manifest from before keys: the same key every time
        retract = [str(d) for d in data.get("retract", [])]
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise PolicyKGError(
            f"{path}: unreadable ingest manifest ({type(exc).__name__}: {exc}); delete it to ingest everything anew"
        ) from None
    return Manifest(path, entries, retract, **extra)


def folder_origin(out: Path) -> tuple[str, str | None]:
    """Which folder documents come from, for Neo4j: its manifest's key and corpus, else a digest of its path."""
    manifest = load_manifest(out) if (out / FILE).exists() else None
    if manifest is not None:
        return manifest.key, manifest.corpus or None
    return legacy_key(out), None
