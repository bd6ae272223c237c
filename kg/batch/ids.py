"""Document ids: ``<corpus>/<name>``, unique within a corpus and across corpora.

Every output folder holds one corpus, whose name its manifest keeps (``--corpus``, else the
folder's own name); a document's name is its file's stem, with a short hash of its path added
when another file of the corpus has that stem. Two corpora whose files share names (two folders
both holding plan.txt) so give different ids, and their documents stay apart in RDF and Neo4j.
An id never changes once given: a changed file keeps the id of its path. Folders ingested before
corpus names existed keep their ids without a corpus (their manifest names none).
"""

from __future__ import annotations

import re
from pathlib import Path

from extract.errors import PolicyKGError
from extract.ids import digest
from kg.batch.manifest import Manifest
from kg.folder import file_stem

NAME = re.compile(r"^\w[\w.-]{0,63}$")  # a corpus name: letters (any script), digits, _ . -, no slash


class CorpusError(PolicyKGError):
    """A corpus name that cannot be used, or one that differs from the folder's."""


def corpus_from_folder(folder: Path) -> str:
    """The default corpus name of an output folder: its name, reduced to the characters a name may hold."""
    name = re.sub(r"[^\w.-]+", "-", folder.resolve().name).strip("-.")[:64]
    return name or "corpus"


def check_corpus(name: str) -> str:
    """The name when it can name a corpus; a one-line CorpusError otherwise."""
    if not NAME.match(name):
        raise CorpusError(
            f"corpus name {name!r} cannot be used: give 1 to 64 letters, digits, '_', '.' or '-', "
            "starting with a letter or digit"
        )
    return name


def _safe_stem(path: Path) -> str:
    stem = path.stem.replace("/", "_")
    stem = "".join(c if c.isprintable() and c != "/" else "_" for c in stem).strip()
    return stem or "document"


class DocumentIds:
    """Gives the documents of one folder their ids, remembering the names taken."""

    def __init__(self, manifest: Manifest):
        self.prefix = f"{manifest.corpus}/" if manifest.corpus else ""
        self.taken = {file_stem(e.doc_id): p for e in manifest.entries.values() for p in e.paths[:1]}

    def keep(self, doc_id: str, abspath: str) -> str:
        """A document keeps the id it had."""
        self.taken.setdefault(file_stem(doc_id), abspath)
        return doc_id

    def allocate(self, path: Path, abspath: str) -> str:
        """A new document's id: the corpus and the file's stem, made unique with a hash of its path."""
        stem = _safe_stem(path)
        owner = self.taken.get(stem)
        name = stem if owner in (None, abspath) else f"{stem}-{digest(abspath, size=6)}"
        self.taken[name] = abspath
        return self.prefix + name
