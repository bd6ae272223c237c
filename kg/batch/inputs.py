"""Which files an ingest covers: files, folders (searched recursively) and glob patterns.

Folders are walked without following a symbolic link to a folder already visited (a link loop
is walked once), every file is reported — a document, a file that is not one (unsupported type,
reported as skipped), a broken link or a link loop (failed) — and a folder that cannot be read
makes the inputs incomplete, which pruning refuses to act on. Names starting with a dot (hidden
files and folders such as .git) are not looked at.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.formats import SUFFIXES

MAGIC = re.compile(r"[*?\[]")


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path  # as found (relative paths stay relative, for readable reports)
    error: str | None = None  # set when the file or argument is unusable (nothing matched, broken link …)
    skip: str | None = None  # set when the file is no document (unsupported type): reported as skipped


@dataclass(frozen=True, slots=True)
class Scope:
    """What one input argument covers: one file, the documents under a folder, or a glob's matches."""

    root: str  # absolute
    pattern: re.Pattern[str] | None = None  # for a glob: matches paths relative to root
    single: bool = False  # the argument named this one file

    def covers(self, abspath: str) -> bool:
        """Whether a document at ``abspath`` would be found by this argument if it existed."""
        if self.single:
            return abspath == self.root
        rel = os.path.relpath(abspath, self.root)
        if rel.startswith(".." + os.sep) or rel == ".." or os.path.isabs(rel):
            return False
        if self.pattern is None:
            return Path(abspath).suffix.lower() in SUFFIXES
        parts = rel.split(os.sep)
        return any(self.pattern.fullmatch("/".join(parts[:k])) for k in range(1, len(parts) + 1))


@dataclass(frozen=True)
class Inputs:
    """The files found, what the arguments cover, and why the list may be incomplete."""

    files: tuple[InputFile, ...]
    scopes: tuple[Scope, ...] = ()
    incomplete: tuple[str, ...] = ()  # arguments that matched nothing, folders that could not be read

    def __iter__(self) -> Iterator[InputFile]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)


# ---------------------------------------------------------------- walking folders


def _link_problem(path: str, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: the link leads back to itself"
    if exc.errno == errno.ENOENT:
        return f"broken symbolic link: its target {os.readlink(path)!r} does not exist"
    return f"cannot follow symbolic link: {exc.strerror}"


@dataclass
class _Walk:
    """One walk over folders: every real folder entered once, whatever links lead to it again."""

    seen: set[tuple[int, int]] = field(default_factory=set)
    found: list[tuple[Path, bool]] = field(default_factory=list)  # (path, is a folder)
    problems: list[InputFile] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    def enter(self, folder: Path, st: os.stat_result) -> bool:
        key = (st.st_dev, st.st_ino)
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def walk(self, root: Path) -> None:
        try:
            st = root.stat()
        except OSError as exc:
            self.problems.append(InputFile(root, f"cannot read folder: {exc.strerror}"))
            self.unreadable.append(str(root))
            return
        stack = [root] if self.enter(root, st) else []
        while stack:
            self._entries(stack.pop(), stack)

    def _entries(self, folder: Path, stack: list[Path]) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            self.problems.append(InputFile(folder, f"cannot read folder: {exc.strerror}"))
            self.unreadable.append(str(folder))
            return
        for e in entries:
            if not e.name.startswith("."):
                self._entry(folder / e.name, e, stack)

    def _entry(self, path: Path, e: os.DirEntry, stack: list[Path]) -> None:
        try:
            st = e.stat(follow_symlinks=True)
        except OSError as exc:
            self.problems.append(InputFile(path, _link_problem(e.path, exc) if e.is_symlink() else exc.strerror))
            return
        if stat.S_ISDIR(st.st_mode):
            if self.enter(path, st):
                self.found.append((path, True))
                stack.append(path)
        elif stat.S_ISREG(st.st_mode):
            self.found.append((path, False))
        else:
            self.problems.append(InputFile(path, skip="not a regular file (a pipe, socket or device)"))


def _document_or_not(path: Path) -> InputFile:
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        return InputFile(path)
    return InputFile(path, skip=f"not a document: unsupported file type {suffix or '(none)'}")


# ---------------------------------------------------------------- glob patterns


def _segment(part: str) -> str:
    """One path segment of a glob as a regex: * and ? stay inside the segment, [..] is a class."""
    out, i, n = [], 0, len(part)
    while i < n:
        c = part[i]
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = i + 1 + (part[i + 1 : i + 2] == "!")
            j = part.find("]", j + (part[j : j + 1] == "]"))
            if j < 0:
                out.append(re.escape(c))
            else:
                body = part[i + 1 : j]
                body = "^" + body[1:] if body.startswith("!") else body
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob pattern (relative, '/'-separated, ** for any folders) as a regex over relative paths."""
    parts = [p for p in pattern.split("/") if p]
    pieces = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            pieces.append(".*" if last else "(?:[^/]+/)*")
        else:
            pieces.append(_segment(part) + ("" if last else "/"))
    return re.compile("".join(pieces), re.DOTALL)


def _split_glob(arg: str) -> tuple[Path, str]:
    """The folder a glob starts from (its parts without magic) and the rest of the pattern."""
    parts = Path(arg).parts
    k = next(i for i, p in enumerate(parts) if MAGIC.search(p))
    root = Path(*parts[:k]) if k else Path(".")
    return root, "/".join(parts[k:])


# ---------------------------------------------------------------- the arguments


class _Finder:
    def __init__(self) -> None:
        self.found: list[InputFile] = []
        self.keys: set[object] = set()
        self.scopes: list[Scope] = []
        self.incomplete: list[str] = []

    def add(self, item: InputFile) -> None:
        key: object = item.path
        if item.error is None and item.skip is None:
            key = item.path.resolve()
        if key not in self.keys:
            self.keys.add(key)
            self.found.append(item)

    def folder(self, p: Path) -> None:
        self.scopes.append(Scope(str(p.resolve())))
        self._walked(p, lambda path: True)

    def glob(self, arg: str) -> None:
        root, pattern = _split_glob(arg)
        regex = glob_regex(pattern)
        self.scopes.append(Scope(str(root.resolve()), regex))
        if not root.is_dir():
            self.add(InputFile(Path(arg), "no document matches this pattern"))
            self.incomplete.append(arg)
            return
        if not self._walked(root, lambda path: bool(regex.fullmatch(path.relative_to(root).as_posix()))):
            self.add(InputFile(Path(arg), "no document matches this pattern"))
            self.incomplete.append(arg)

    def _walked(self, root: Path, matches: Callable[[Path], bool]) -> bool:
        """Walk ``root``; add the files that match, and every file under a folder that matches.

        Returns whether any document (or problem) was found.
        """
        walk = _Walk()
        walk.walk(root)
        self.incomplete.extend(walk.unreadable)
        chosen = {path for path, is_dir in walk.found if is_dir and matches(path)}

        def wanted(path: Path) -> bool:
            return matches(path) or any(parent in chosen for parent in path.parents)

        documents = 0
        for path, is_dir in sorted(walk.found, key=lambda f: f[0].parts):
            if not is_dir and wanted(path):
                item = _document_or_not(path)
                documents += item.skip is None
                self.add(item)
        problems = [p for p in walk.problems if wanted(p.path)]
        for problem in problems:
            self.add(problem)
        return documents > 0 or any(p.error for p in problems)


def find_inputs(args: Iterable[str | Path]) -> Inputs:
    """Expand the arguments; each file appears once, in a stable order.

    Files named explicitly are kept whatever their suffix (an unsupported one fails with a clear
    reason); inside folders and globs a file of another type is reported as skipped.
    """
    finder = _Finder()
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            finder.folder(p)
        elif p.exists() or p.is_symlink():
            finder.scopes.append(Scope(str(p.resolve()), single=True))
            finder.add(_named_file(p))
        elif MAGIC.search(str(arg)):
            finder.glob(str(arg))
        else:
            finder.add(InputFile(p, "no such file or folder"))
            finder.incomplete.append(str(arg))
    return Inputs(tuple(finder.found), tuple(finder.scopes), tuple(finder.incomplete))


def _named_file(p: Path) -> InputFile:
    try:
        os.stat(p)
    except OSError as exc:
        return InputFile(p, _link_problem(str(p), exc))
    return InputFile(p)
