"""The plan of a batch: which inputs to extract, which to skip and which fail before reading.

Planning reads the manifest and hashes the inputs but changes nothing: an unchanged document
(same content, same extractor, outputs present) is skipped, a second file with content already
seen is skipped, a file that cannot be a document fails at once, and everything else becomes a
task under its previous document id or a new one.
"""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass
from pathlib import Path

from kg.batch.ids import DocumentIds
from kg.batch.inputs import InputFile, Inputs, Scope
from kg.batch.limits import DocumentLimits
from kg.batch.manifest import Entry, Manifest
from kg.batch.outcome import Outcome, Status
from kg.batch.worker import Task
from kg.folder import contract_file, fragment_file


@dataclass(frozen=True)
class Plan:
    """What a batch will do with its inputs."""

    inputs: int  # how many inputs were found
    tasks: tuple[Task, ...]  # documents to extract
    early: tuple[Outcome, ...]  # outcomes known before extracting: skipped or failed
    present: frozenset[str]  # absolute paths of every usable input (for pruning)
    unchanged: tuple[tuple[str, str], ...]  # (sha256, absolute path) of skipped unchanged documents
    scopes: tuple[Scope, ...] = ()  # what the arguments cover (for pruning)
    incomplete: tuple[str, ...] = ()  # arguments that matched nothing, folders not readable (pruning refused)


@dataclass(frozen=True)
class PlanSettings:
    """What planning needs to know besides the inputs and the manifest."""

    out: Path
    limits: DocumentLimits
    keep: bool
    fingerprint: str


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's content, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def precheck(path: Path, max_bytes: int) -> str | None:
    """The reason a file cannot be a document before reading it, or None."""
    try:
        st = path.stat()
    except OSError as exc:
        return f"cannot read file: {exc.strerror}"
    size = st.st_size
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    if size == 0:
        return "empty file"
    if size > max_bytes:
        return f"file is {size} bytes, over the {max_bytes} byte limit"
    return None


def outputs_present(out: Path, entry: Entry) -> bool:
    """Whether every output of the entry is still in the folder."""
    needed = {*entry.outputs, contract_file(entry.doc_id), fragment_file(entry.doc_id)}
    return all((out / name).exists() for name in needed)


def _unchanged_outcome(path: Path, entry: Entry) -> Outcome:
    return Outcome(
        str(path),
        Status.SKIPPED,
        "unchanged",
        doc_id=entry.doc_id,
        sha256=entry.sha256,
        format=entry.format,
        encoding=entry.encoding,
        lang=entry.lang,
    )


class _Planner:
    """Walks the inputs in order, remembering contents seen and document ids taken."""

    def __init__(self, manifest: Manifest, settings: PlanSettings):
        self.manifest = manifest
        self.settings = settings
        self.ids = DocumentIds(manifest)
        self.seen_sha: dict[str, str] = {}
        self.present: set[str] = set()
        self.tasks: list[Task] = []
        self.early: list[Outcome] = []
        self.unchanged: list[tuple[str, str]] = []

    def add(self, item: InputFile) -> None:
        if item.error:
            self.early.append(Outcome(str(item.path), Status.FAILED, item.error))
            return
        if item.skip:
            self.early.append(Outcome(str(item.path), Status.SKIPPED, item.skip))
            return
        abspath = str(item.path.resolve())
        self.present.add(abspath)
        sha, reason = self._hash(item.path)
        if sha is None:
            self.early.append(Outcome(str(item.path), Status.FAILED, reason))
        elif sha in self.seen_sha:
            self.early.append(self._same_content(item.path, sha))
        else:
            self.seen_sha[sha] = str(item.path)
            self._add_document(item.path, abspath, sha)

    def _hash(self, path: Path) -> tuple[str | None, str | None]:
        reason = precheck(path, self.settings.limits.read.max_bytes)
        if reason is not None:
            return None, reason
        try:
            return sha256_of(path), None
        except OSError as exc:
            return None, f"cannot read file: {exc.strerror}"

    def _same_content(self, path: Path, sha: str) -> Outcome:
        entry = self.manifest.entries.get(sha)
        return Outcome(
            str(path),
            Status.SKIPPED,
            f"same content as {self.seen_sha[sha]}",
            sha256=sha,
            doc_id=entry.doc_id if entry is not None else None,
        )

    def _add_document(self, path: Path, abspath: str, sha: str) -> None:
        entry = self.manifest.entries.get(sha)
        if entry is not None and self._unchanged(entry):
            self.unchanged.append((sha, abspath))
            self.early.append(_unchanged_outcome(path, entry))
            return
        previous = entry or self.manifest.by_path(abspath)
        doc_id = self.ids.keep(previous.doc_id, abspath) if previous else self.ids.allocate(path, abspath)
        s = self.settings
        self.tasks.append(Task(str(path), abspath, doc_id, str(s.out), s.limits, s.keep, s.fingerprint))

    def _unchanged(self, entry: Entry) -> bool:
        """Extracted by this extractor, and every output still there."""
        return entry.extractor == self.settings.fingerprint and outputs_present(self.settings.out, entry)

    def plan(self, inputs: Inputs) -> Plan:
        return Plan(
            len(inputs),
            tuple(self.tasks),
            tuple(self.early),
            frozenset(self.present),
            tuple(self.unchanged),
            inputs.scopes,
            inputs.incomplete,
        )


def make_plan(inputs: Inputs, manifest: Manifest, settings: PlanSettings) -> Plan:
    """Decide for every input whether it is extracted, skipped or failed; the manifest is only read."""
    planner = _Planner(manifest, settings)
    for item in inputs:
        planner.add(item)
    return planner.plan(inputs)
