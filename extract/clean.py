"""Separate a page's furniture from its text, keeping title, date, issuer and note as metadata.

Cleaning never rewrites the text: it finds the body's span and the lines to skip, so every
offset still indexes the raw text. Furniture rules live in ``patterns/furniture.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .tables import read_table

BULLETS = " \t\u3000•·▪◦●-#"  # "#": Markdown heading marks

SENTENCE_END = "。!?!?."


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str  # the stripped line; text == raw[start:end]


@dataclass(frozen=True, slots=True)
class Cleaned:
    title: str
    date: str | None
    issuer: str | None
    note: str | None
    body_start: int
    body_end: int
    furniture: tuple[tuple[int, int], ...]  # spans inside the body to skip
    lines: tuple[Line, ...]  # body lines that are text


@lru_cache(maxsize=1)
def furniture_rules() -> tuple[tuple[str, re.Pattern], ...]:
    """(kind, regex) of every furniture rule, in file order."""
    return tuple((row[0], row.regex(1)) for row in read_table("furniture.tsv"))


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-empty lines with offsets of their stripped content."""
    end = len(text) if end is None else end
    out = []
    pos = start
    for raw in text[start:end].splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lstrip = len(body) - len(body.lstrip(BULLETS))
        content = body.strip(BULLETS)
        if content:
            s = pos + lstrip
            out.append(Line(s, s + len(content), content))
        pos += len(raw)
    return out


def classify(line: str) -> tuple[str, re.Match] | None:
    """The furniture rule a line matches first, as (kind, match), or None."""
    for kind, rx in furniture_rules():
        m = rx.search(line)
        if m:
            return kind, m
    return None


def _is_body_line(line: Line) -> bool:
    return len(line.text) > 80 or line.text.endswith(tuple(SENTENCE_END))


def _normalise_date(value: str) -> str:
    m = re.match(r"(\d{4})\D(\d{1,2})\D(\d{1,2})", value)
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else value


def clean(text: str) -> Cleaned:
    """The document's metadata, body span, furniture to skip and text lines; the text itself is never rewritten."""
    lines = split_lines(text)
    title = ""
    date = issuer = note = None
    furniture: list[tuple[int, int]] = []
    body_lines: list[Line] = []
    body_start = None
    body_end = len(text)
    in_head = True
    for line in lines:
        hit = classify(line.text)
        kind = hit[0] if hit else None
        if kind == "footer" and not in_head:
            body_end = line.start
            break
        if kind in ("drop", "footer"):
            furniture.append((line.start, line.end))
            continue
        if kind == "date" and hit:
            date = date or _normalise_date(hit[1].group(1))
            furniture.append((line.start, line.end))
            continue
        if kind == "issuer" and hit:
            issuer = issuer or hit[1].group(1).strip()
            furniture.append((line.start, line.end))
            continue
        if kind == "note" and hit and in_head and note is None:
            note = hit[1].group(1).strip()
            furniture.append((line.start, line.end))
            continue
        if in_head and not title and not _is_body_line(line) and len(line.text) >= 4:
            title = line.text
            body_lines.append(line)  # the title is text too: it names things
            body_start = line.start if body_start is None else body_start
            continue
        in_head = False
        body_start = line.start if body_start is None else body_start
        body_lines.append(line)
    if body_start is None:
        body_start = 0
    body_end = max(body_end, body_start)
    furniture = [(s, e) for s, e in furniture if body_start <= s < body_end]
    return Cleaned(
        title=title,
        date=date,
        issuer=issuer,
        note=note,
        body_start=body_start,
        body_end=body_end,
        furniture=tuple(furniture),
        lines=tuple(body_lines),
    )
