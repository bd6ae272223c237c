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
from kg.batch.outcome import Outcome, Status
from kg.folder import contract_file, fragment_file, text_file


@dataclass(frozen=True, slots=True)
class Task:
    """One document to extract: where it is, the id it gets, where its outputs go."""

    path: str  # as given, for messages
    abspath: str
    doc_id: str
    out: str
    max_bytes: int = MAX_BYTES
    keep: bool = False  # return the Extraction itself (in-process runs only)
    extractor: str = ""  # fingerprint recorded with the result


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:  # newline="": offsets stay exact
        fh.write(text)
    tmp.replace(path)


def extract_source(text: str, doc_id: str, source: str) -> Extraction:
    """The extraction of one document's text (the pipeline is loaded on first use)."""
    from extract.pipeline import extract_text  # heavy (spaCy, jieba): only where documents run

    return extract_text(text, doc_id, source=source)


def _document_fragment(x: Extraction) -> str:
    from kg.output.graph_files import document_fragment  # rdflib: only where documents run

    return document_fragment(x)


def _extract_and_write(task: Task) -> Outcome:
    data = read_bytes(task.abspath, task.max_bytes)
    sha = hashlib.sha256(data).hexdigest()
    src = read_source(task.abspath, data, task.max_bytes)
    x = extract_source(src.text, task.doc_id, task.path)
    out = Path(task.out)
    outputs = []
    text_name = None
    if src.extracted:
        text_name = text_file(task.doc_id)
        _write_text(out / text_name, src.text)
        outputs.append(text_name)
    origin = {"format": src.format, "encoding": src.encoding, "sha256": sha, "text_file": text_name}
    contract = write_contract(x, out / contract_file(task.doc_id), origin)
    outputs.append(contract.name)
    nt = out / fragment_file(task.doc_id)
    _write_text(nt, _document_fragment(x))
    outputs.append(nt.name)
    entry = Entry(
        sha256=sha,
        doc_id=task.doc_id,
        paths=(task.abspath,),
        format=src.format,
        encoding=src.encoding,
        lang=x.document.lang,
        outputs=tuple(outputs),
        entity_ids=tuple(e.id for e in x.entities),
        relations=len(x.relations),
        indicators=len(x.indicators),
        extractor=task.extractor,
    )
    return Outcome(
        task.path,
        Status.OK,
        doc_id=task.doc_id,
        sha256=sha,
        format=src.format,
        encoding=src.encoding,
        lang=x.document.lang,
        entities=len(x.entities),
        relations=len(x.relations),
        indicators=len(x.indicators),
        entry=entry,
        extraction=x if task.keep else None,
    )


def run_task(task: Task) -> Outcome:
    """Read, extract and write one document; any failure is a failed outcome with a one-line reason."""
    try:
        return _extract_and_write(task)
    except DocumentError as exc:
        return Outcome(task.path, Status.FAILED, exc.reason, doc_id=task.doc_id)
    except Exception as exc:  # a bug must not stop the batch: report it as this document's failure
        return Outcome(
            task.path,
            Status.FAILED,
            f"internal error ({type(exc).__name__}: {exc}); please report it",
            doc_id=task.doc_id,
        )
