"""One document's whole job, run in a worker process: read, extract, write its outputs.

Everything a document needs is written under its id (``<doc-id>.extraction.json``,
``<doc-id>.nt`` — its RDF graph — and, for formats whose text is extracted, ``<doc-id>.text.txt``); errors come
back as a failed outcome with a one-line reason, never as an exception.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from extract.contract import write_contract
from extract.errors import DocumentError
from extract.model import Extraction
from extract.reader import MAX_BYTES, read_bytes, read_source

from kg.batch.manifest import Entry


@dataclass(frozen=True, slots=True)
class Task:
    path: str            # as given, for messages
    abspath: str
    doc_id: str
    out: str
    max_bytes: int = MAX_BYTES
    keep: bool = False   # return the Extraction itself (in-process runs only)
    extractor: str = ""  # fingerprint recorded with the result


@dataclass(frozen=True, slots=True)
class Outcome:
    path: str
    status: str                   # "ok" | "skipped" | "failed"
    reason: str | None = None
    doc_id: str | None = None
    sha256: str | None = None
    format: str | None = None
    encoding: str | None = None
    lang: str | None = None
    entities: int = 0
    relations: int = 0
    indicators: int = 0
    entry: Entry | None = None
    extraction: Extraction | None = None


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:   # newline="": offsets stay exact
        fh.write(text)
    tmp.replace(path)


def extract_source(text: str, doc_id: str, source: str) -> Extraction:
    from extract.pipeline import extract_text      # heavy (spaCy, jieba): only where documents run
    return extract_text(text, doc_id, source=source)


def run_task(task: Task) -> Outcome:
    from kg.output.graph_files import document_fragment
    try:
        data = read_bytes(task.abspath, task.max_bytes)
        sha = hashlib.sha256(data).hexdigest()
        src = read_source(task.abspath, data, task.max_bytes)
        x = extract_source(src.text, task.doc_id, task.path)
        out = Path(task.out)
        outputs = []
        text_file = None
        if src.extracted:
            text_file = f"{task.doc_id}.text.txt"
            _write_text(out / text_file, src.text)
            outputs.append(text_file)
        origin = {"format": src.format, "encoding": src.encoding, "sha256": sha, "text_file": text_file}
        contract = write_contract(x, out / f"{task.doc_id}.extraction.json", origin)
        outputs.append(contract.name)
        nt = out / f"{task.doc_id}.nt"
        _write_text(nt, document_fragment(x))
        outputs.append(nt.name)
    except DocumentError as exc:
        return Outcome(task.path, "failed", exc.reason, doc_id=task.doc_id)
    except Exception as exc:      # a bug must not stop the batch: report it as this document's failure
        return Outcome(task.path, "failed", f"internal error ({type(exc).__name__}: {exc}); please report it",
                       doc_id=task.doc_id)
    entry = Entry(sha256=sha, doc_id=task.doc_id, paths=(task.abspath,), format=src.format,
                  encoding=src.encoding, lang=x.document.lang, outputs=tuple(outputs),
                  entity_ids=tuple(e.id for e in x.entities), relations=len(x.relations),
                  indicators=len(x.indicators), extractor=task.extractor)
    return Outcome(task.path, "ok", None, task.doc_id, sha, src.format, src.encoding, x.document.lang,
                   len(x.entities), len(x.relations), len(x.indicators), entry,
                   x if task.keep else None)
