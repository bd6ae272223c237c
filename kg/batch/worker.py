"""One document's whole job, run in a worker process: read, extract, write its outputs.

Everything a document needs is written under its name (``<name>.extraction.json``,
``<name>.nt`` — its RDF graph — and, for formats whose text is extracted, ``<name>.text.txt``);
errors come back as a failed outcome with a one-line reason, never as an exception. The outputs
are made in memory and checked against the output limit before any is written; each is written
to a temporary file first and all are renamed at the end, so a document stopped half-way leaves
its previous version whole.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from extract.contract import to_contract
from extract.errors import DocumentError
from extract.model import Extraction
from extract.reader import SourceText, read_bytes, read_source
from kg.batch.limits import MIB, DocumentLimits
from kg.batch.manifest import Entry
from kg.batch.outcome import Outcome, Status
from kg.folder import TEMPORARY, contract_file, discard_temporaries, fragment_file, text_file


@dataclass(frozen=True, slots=True)
class Task:
    """One document to extract: where it is, the id it gets, where its outputs go, its limits."""

    path: str  # as given, for messages
    abspath: str
    doc_id: str
    out: str
    limits: DocumentLimits = DocumentLimits()
    keep: bool = False  # return the Extraction itself (in-process runs only)
    extractor: str = ""  # fingerprint recorded with the result


def extract_source(text: str, doc_id: str, source: str) -> Extraction:
    """The extraction of one document's text (the pipeline is loaded on first use)."""
    from extract.pipeline import extract_text  # heavy (spaCy, jieba): only where documents run

    return extract_text(text, doc_id, source=source)


def _document_fragment(x: Extraction) -> str:
    from kg.output.graph_files import document_fragment  # rdflib: only where documents run

    return document_fragment(x)


def warm_up_document(text: str) -> None:
    """Extract and serialise a short text once, so that everything loaded on first use is loaded."""
    x = extract_source(text, "warm-up", "warm-up")
    _contract_text(x, {})
    _document_fragment(x)


def _contract_text(x: Extraction, origin: dict) -> str:
    """The extraction contract as ``extract.contract.write_contract`` writes it, with its origin."""
    return json.dumps({**to_contract(x), "origin": origin}, ensure_ascii=False, indent=1)


def _outputs(task: Task, src: SourceText, x: Extraction, sha: str) -> dict[str, str]:
    """Every output file of the document, by name, as text."""
    files: dict[str, str] = {}
    text_name = None
    if src.extracted:
        text_name = text_file(task.doc_id)
        files[text_name] = src.text
    origin = {"format": src.format, "encoding": src.encoding, "sha256": sha, "text_file": text_name}
    files[contract_file(task.doc_id)] = _contract_text(x, origin)
    files[fragment_file(task.doc_id)] = _document_fragment(x)
    return files


def _check_size(task: Task, files: dict[str, str]) -> None:
    size = sum(len(t.encode("utf-8")) for t in files.values())
    if size > task.limits.output:
        raise DocumentError(
            task.path,
            f"its outputs would take {size} bytes, over the limit of {task.limits.output // MIB} MB "
            "per document (raise --max-output)",
        )


def _write_all(out: Path, files: dict[str, str]) -> None:
    """Write every file to a temporary name, then rename them all (newline="": offsets stay exact)."""
    for name, text in files.items():
        with open(out / f"{name}{TEMPORARY}", "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    for name in files:
        os.replace(out / f"{name}{TEMPORARY}", out / name)


def _extract_and_write(task: Task) -> Outcome:
    data = read_bytes(task.abspath, task.limits.read.max_bytes)
    sha = hashlib.sha256(data).hexdigest()
    src = read_source(task.abspath, data, limits=task.limits.read)
    del data
    x = extract_source(src.text, task.doc_id, task.path)
    files = _outputs(task, src, x, sha)
    _check_size(task, files)
    _write_all(Path(task.out), files)
    entry = Entry(
        sha256=sha,
        doc_id=task.doc_id,
        paths=(task.abspath,),
        format=src.format,
        encoding=src.encoding,
        lang=x.document.lang,
        outputs=tuple(files),
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


def _cleanly(task: Task) -> Outcome:
    """The document's job; whatever stops it, none of its temporary files stays behind."""
    try:
        return _extract_and_write(task)
    except BaseException:
        discard_temporaries(Path(task.out), task.doc_id)
        raise


def run_task(task: Task) -> Outcome:
    """Read, extract and write one document; any failure is a failed outcome with a one-line reason."""
    try:
        return _cleanly(task)
    except DocumentError as exc:
        return Outcome(task.path, Status.FAILED, exc.reason, doc_id=task.doc_id)
    except MemoryError:
        return Outcome(
            task.path,
            Status.FAILED,
            f"needed more than the limit of {task.limits.memory // MIB} MB of memory per document (raise --max-memory)",
            doc_id=task.doc_id,
        )
    except Exception as exc:  # a bug must not stop the batch: report it as this document's failure
        return Outcome(
            task.path,
            Status.FAILED,
            f"internal error ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}); please report it",
            doc_id=task.doc_id,
        )
