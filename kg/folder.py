"""An output folder as build and ingest write it: the files each document gets, and its contracts read back.

A document id is ``<corpus>/<name>`` (``kg.batch.ids``): the corpus is the same for every document
of a folder, so files are named by the name alone.
"""

from __future__ import annotations

from pathlib import Path

from extract.contract import read_contract
from extract.errors import PolicyKGError
from extract.model import Extraction

CONTRACT_SUFFIX = ".extraction.json"
CONTRACT_GLOB = f"*{CONTRACT_SUFFIX}"  # every document's extraction contract in a folder


class FolderError(PolicyKGError):
    """The folder is not one build or ingest wrote, or a contract in it cannot be read."""


def file_stem(doc_id: str) -> str:
    """The part of a document id its files are named by: the id without its corpus."""
    return doc_id.rsplit("/", 1)[-1]


def contract_file(doc_id: str) -> str:
    """The document's extraction contract: ``<name>.extraction.json``."""
    return f"{file_stem(doc_id)}{CONTRACT_SUFFIX}"


def fragment_file(doc_id: str) -> str:
    """The document's own RDF graph as sorted N-Triples: ``<name>.nt``."""
    return f"{file_stem(doc_id)}.nt"


def text_file(doc_id: str) -> str:
    """The text extracted from an HTML, Word or PDF source, which offsets index: ``<name>.text.txt``."""
    return f"{file_stem(doc_id)}.text.txt"


def document_files(doc_id: str) -> tuple[str, ...]:
    """Every file a document may have in its folder."""
    return (contract_file(doc_id), fragment_file(doc_id), text_file(doc_id))


TEMPORARY = ".tmp"  # a file being written: renamed to its name without the suffix when complete


def discard_temporaries(folder: Path, doc_id: str) -> None:
    """Remove what a stopped worker may have left half-written of one document."""
    for name in document_files(doc_id):
        (folder / f"{name}{TEMPORARY}").unlink(missing_ok=True)


def temporaries(folder: Path) -> list[Path]:
    """Files left half-written in the folder by a run that was stopped (``<name>.tmp``)."""
    return sorted(p for p in folder.glob(f"*{TEMPORARY}") if p.is_file())


def _listed(folder: Path) -> list[Path] | None:
    """The contracts of the documents an ingest manifest lists, when the folder has one."""
    from kg.batch.manifest import FILE, load_manifest  # the manifest knows its own format

    if not (folder / FILE).exists():
        return None
    return sorted(folder / contract_file(e.doc_id) for e in load_manifest(folder).entries.values())


def contract_paths(folder: str | Path) -> list[Path]:
    """The folder's extraction contracts, sorted; raises FolderError when it is no folder or holds none.

    In a folder an ingest or build wrote, the documents are those its manifest lists (so that
    stats, exports and loads agree with the graph files, whatever other contracts lie there).
    """
    d = Path(folder)
    if not d.is_dir():
        raise FolderError(f"{d} is not a folder of extractions")
    listed = _listed(d)
    files = sorted(d.glob(CONTRACT_GLOB)) if listed is None else listed
    if not files:
        raise FolderError(f"no {CONTRACT_GLOB} in {d}: run `policykg build` first")
    return files


def read_contract_file(path: Path) -> Extraction:
    """One contract, or a FolderError naming the file in one line."""
    try:
        return read_contract(path)
    except (OSError, ValueError, KeyError, TypeError) as exc:  # ValueError: bad JSON, bad UTF-8 too
        raise FolderError(f"{path} is not a readable extraction contract ({type(exc).__name__}: {exc})") from None


def read_contracts(folder: str | Path) -> list[Extraction]:
    """Every extraction contract of a build or ingest folder, sorted by file name."""
    return [read_contract_file(f) for f in contract_paths(folder)]
