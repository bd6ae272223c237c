"""Find chapters, articles, paragraphs and sentences, each as a span of the raw text.

Headings are data (``patterns/structure.tsv``); sentences are split by the document's language.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from .clean import Cleaned, Line
from .model import Section, Sentence
from .tables import read_table


@lru_cache(maxsize=1)
def heading_rules() -> tuple[tuple[str, re.Pattern], ...]:
    """(kind, regex) of every heading rule, in file order."""
    return tuple((row[0], row.regex(1)) for row in read_table("structure.tsv"))


@lru_cache(maxsize=4096)
def numeral(value: str) -> int | None:
    """A heading's numeral (Arabic or Chinese) as a number, None when there is none (cached: cn2an
    compiles its regexes on every call, a few milliseconds per heading)."""
    if not value:
        return None
    if value.isdigit():
        return int(value)
    try:
        return int(_cn2an(value, "smart"))
    except (ValueError, KeyError):
        return None


def heading(line: str) -> tuple[str, int | None, re.Match] | None:
    """(kind, number, match) of the heading rule a line opens with, or None."""
    for kind, rx in heading_rules():
        m = rx.match(line)
        if m:
            return kind, numeral(m.group("num")), m
    return None


def _merge(spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The union of the spans, as sorted disjoint spans."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(s for s in spans if s[0] < s[1]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _overlapping(merged: list[tuple[int, int]], ends: list[int], start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The merged spans that share a position with [start, end): all a sentence of that line can
    fall in (found by bisection, so that a long document's many furniture lines are not tested
    against every sentence)."""
    out = []
    i = bisect_right(ends, start)
    while i < len(merged) and merged[i][0] < end:
        out.append(merged[i])
        i += 1
    return tuple(out)


def _title_of(text: str) -> str:
    end = min((i for i in (text.find("。"), text.find("!"), text.find("?")) if i >= 0), default=len(text))
    return text[:end][:120]


SplitSentences = Callable[[Line, tuple[tuple[int, int], ...]], list[tuple[int, int]]]


def parse(text: str, cleaned: Cleaned, split: SplitSentences) -> tuple[tuple[Section, ...], tuple[Sentence, ...]]:
    """The document's sections (chapters, articles, paragraphs) and sentences; ``split`` finds the
    sentences of a line (the document's language's ``split_sentences``)."""
    sections: list[Section] = []
    sentences: list[Sentence] = []
    chapter: Section | None = None
    article: Section | None = None
    last_chapter_no = 0

    index: dict[str, int] = {}

    def close(sec: Section | None, end: int) -> None:
        if sec is not None:
            idx = index[sec.id]
            sections[idx] = replace(sections[idx], end=end)

    def add(sec: Section) -> None:
        index[sec.id] = len(sections)
        sections.append(sec)

    skip = _merge(cleaned.furniture)
    skip_ends = [b for _, b in skip]
    for n, line in enumerate(cleaned.lines):
        hit = heading(line.text)
        kind = hit[0] if hit else None
        if n == 0 and line.text == cleaned.title:
            kind = "title"
        if kind == "chapter" and hit:
            close(article, line.start)
            close(chapter, line.start)
            article = None
            number = hit[1] if hit[1] is not None else last_chapter_no + 1
            last_chapter_no = number
            body = line.text[hit[2].end() :]
            chapter = Section(f"c{len(sections)}", "chapter", number, _title_of(body), line.start, cleaned.body_end)
            add(chapter)
        elif kind == "article" and hit:
            close(article, line.start)
            body = line.text[hit[2].end() :]
            article = Section(
                f"a{len(sections)}",
                "article",
                hit[1],
                _title_of(body),
                line.start,
                cleaned.body_end,
                chapter.id if chapter else None,
            )
            add(article)
        parent = article or chapter
        para = Section(
            f"p{len(sections)}",
            "title" if kind == "title" else "paragraph",
            None,
            _title_of(line.text)[:40],
            line.start,
            line.end,
            parent.id if parent else None,
        )
        add(para)
        for s, e in split(line, _overlapping(skip, skip_ends, line.start, line.end)):
            sentences.append(Sentence(f"s{len(sentences) + 1:05d}", s, e, text[s:e], para.id))
    close(article, cleaned.body_end)
    close(chapter, cleaned.body_end)
    return tuple(sections), tuple(sentences)


def _cn2an(value: str, mode: str) -> float:
    """cn2an, imported on first use (its import costs a fifth of a second of start-up)."""
    import cn2an

    return cn2an.cn2an(value, mode)
