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
    warnings: tuple[str, ...] = ()  # what a reader of the result should know (most text dropped)


FURNITURE_FILES = ("furniture.tsv", "en_furniture.tsv")


@lru_cache(maxsize=1)
def furniture_rules() -> tuple[tuple[str, re.Pattern], ...]:
    """(kind, regex) of every furniture rule, in file order (Chinese pages' rules, then English)."""
    return tuple((row[0], row.regex(1)) for name in FURNITURE_FILES for row in read_table(name))


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


_SPACE = re.compile(r"\s")
MOSTLY_DROPPED = 0.6  # the share of a text's characters dropped as furniture that earns a warning
MOSTLY_DROPPED_MIN = 200  # characters a text needs before the share is judged


_NOT_TEXT = re.compile(r"[\W_]+")


def _inline_spans(line: Line, rx: re.Pattern) -> list[tuple[int, int]]:
    """The spans of a line an inline furniture rule matches (a photo credit, a byline)."""
    return [(line.start + m.start(), line.start + m.end()) for m in rx.finditer(line.text) if m.end() > m.start()]


def _without(line: Line, spans: list[tuple[int, int]]) -> str:
    """The line's text outside the spans."""
    out, pos = [], line.start
    for s, e in spans:
        out.append(line.text[pos - line.start : s - line.start])
        pos = e
    out.append(line.text[pos - line.start :])
    return "".join(out)


def _kind(line: Line) -> str | None:
    hit = classify(line.text)
    return hit[0] if hit else None


def _only_furniture(lines: list[Line], kinds: list[str | None]) -> bool:
    """Whether nothing after a footer line is a page's text: every line is furniture or short
    (a related-article list, a copyright line), none reads as a paragraph."""
    return not any(kind is None and _is_body_line(line) for line, kind in zip(lines, kinds, strict=True))


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _normalise_date(value: str) -> str:
    m = re.match(r"(\d{4})\D(\d{1,2})\D(\d{1,2})", value)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    # English pages: “August 4, 2022”, “Nov. 27, 2022”, “4 August 2022”
    m = re.match(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),\s+(\d{4})$|(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})$", value)
    if m:
        month, day, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        if month.lower() in _MONTHS:
            return f"{year}-{_MONTHS.index(month.lower()) + 1:02d}-{int(day):02d}"
    return value


def _after_lead(line: Line, hit: re.Match) -> Line | None:
    """The rest of a line whose start is furniture (a dateline), or None when nothing is left."""
    rest = line.text[hit.end() :]
    skipped = len(rest) - len(rest.lstrip())
    rest = rest.strip()
    if not rest:
        return None
    start = line.start + hit.end() + skipped
    return Line(start, start + len(rest), rest)


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
    kinds = [_kind(line) for line in lines]
    in_footer = False
    for i, line in enumerate(lines):
        hit = classify(line.text)
        kind = hit[0] if hit else None
        rest: Line | None = line
        while kind == "lead" and hit and rest is not None:  # a dateline: skip it, read the rest
            furniture.append((rest.start, rest.start + hit[1].end()))
            if "date" in hit[1].re.groupindex and hit[1].group("date"):
                date = date or _normalise_date(hit[1].group("date"))
            rest = _after_lead(rest, hit[1])
            hit = classify(rest.text) if rest is not None else None
            kind = hit[0] if hit else None
        if rest is None:
            continue
        line = rest
        if kind == "footer" and not in_head:
            if _only_furniture(lines[i + 1 :], kinds[i + 1 :]):
                body_end = line.start
                break
            in_footer = True  # a page's footer with more text after it (a second page)
        if in_footer and kind is None and _is_body_line(line):
            in_footer = False  # the next page's text
        if in_footer or kind in ("drop", "footer"):
            furniture.append((line.start, line.end))
            continue
        if kind == "inline" and hit:
            spans = _inline_spans(line, hit[1].re)
            furniture.extend(spans)
            if not _NOT_TEXT.sub("", _without(line, spans)):
                continue  # (nothing but furniture on the line)
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
    kept = sum(len(_SPACE.sub("", line.text)) for line in body_lines if line.start < body_end)
    total = len(_SPACE.sub("", text))
    warnings: tuple[str, ...] = ()
    if total >= MOSTLY_DROPPED_MIN and kept < total * (1 - MOSTLY_DROPPED):
        warnings = (f"most of the text was dropped as page furniture: {kept} of {total} characters kept",)
    return Cleaned(
        title=title,
        date=date,
        issuer=issuer,
        note=note,
        body_start=body_start,
        body_end=body_end,
        furniture=tuple(furniture),
        lines=tuple(line for line in body_lines if line.start < body_end),
        warnings=warnings,
    )
