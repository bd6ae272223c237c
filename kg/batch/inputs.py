"""Which files an ingest covers: files, folders (searched recursively) and glob patterns."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from extract.formats import SUFFIXES


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path  # as found (relative paths stay relative, for readable reports)
    error: str | None = None  # set when the argument itself is unusable (nothing matched …)


def _is_glob(arg: str) -> bool:
    return any(c in arg for c in "*?[")


def _folder(p: Path) -> list[Path]:
    return sorted(
        f
        for f in p.rglob("*")
        if f.is_file()
        and f.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in f.relative_to(p).parts)
    )


def find_inputs(args: Iterable[str | Path]) -> list[InputFile]:
    """Expand the arguments; each file appears once, in a stable order.

    Files named explicitly are kept whatever their suffix (an unsupported one fails with a clear
    reason); inside folders and globs only supported suffixes are documents.
    """
    found: list[InputFile] = []
    seen: set[Path] = set()

    def add(path: Path, error: str | None = None) -> None:
        key = path.resolve() if error is None else path
        if key not in seen:
            seen.add(key)
            found.append(InputFile(path, error))

    for arg in args:
        p = Path(arg)
        if p.is_dir():
            for f in _folder(p):
                add(f)
        elif p.exists():
            add(p)
        elif _is_glob(str(arg)):
            matches = sorted(Path(m) for m in glob.glob(str(arg), recursive=True))
            files = [m for m in matches if m.is_file() and m.suffix.lower() in SUFFIXES]
            for d in (m for m in matches if m.is_dir()):
                files.extend(_folder(d))
            if not files:
                add(p, "no document matches this pattern")
            for f in files:
                add(f)
        else:
            add(p, "no such file or folder")
    return found
