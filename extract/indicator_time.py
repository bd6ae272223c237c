"""Time scope of figures: the year a figure is for, read across sentences as the annotation guide says.

Why: plans and reports write a time phrase once (到2025年, 2022年, “十四五”期间, by 2025) and let it
govern the rest of the sentence and the following sentences of the paragraph, or a heading's whole
list; a government work report's 全年/过去一年 figures are the year before the report's, its 今年
targets the report's own year; 去年/今年/last year/this year are read from the page's date; vague
phrases (目前, 近年来, at present) stop a year from carrying on. The phrases themselves are data
(``patterns/time_phrases.tsv``, one set per language); this module reads the document's dates and
walks its paragraphs, the same way for every language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .model import Document, Section, Sentence
from .tables import read_table
from .textnorm import fold_width

__all__ = [
    "DocTime",
    "TimePhrase",
    "TimeRules",
    "YearScope",
    "doc_time",
    "page_year",
    "time_phrases",
    "time_rules",
    "year_scope",
]

# the head of a page, where its date, dateline and a report's title stand
HEAD_CHARS = 600
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_FULL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
    r"|(?<!\d)\d{1,2}[-/.]\d{1,2}[-/.](?P<y2>(?:19|20)\d\d)(?!\d)"
    rf"|\b(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<y3>(?:19|20)\d\d)\b"
    rf"|\b\d{{1,2}}\s+(?:{_MONTHS})[a-z]*\.?,?\s+(?P<y4>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_CN_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7"}
_CN_DIGITS.update({"八": "8", "九": "9", "o": "0", "O": "0", "○": "0"})
LIST_ITEM = re.compile(r"^\s*(?:-{1,2}|[•·●▪*—])\s*")
LABEL = re.compile(r"^\s*(?:\d+[.、]|[(（]\d+[)）])")
FIGURE = re.compile(r"(?<![\d.])\d{1,3}(?:[.,]\d+)?(?![\d])")  # a number that is no year
SENTENCE_END = "。!?;!?;:："
HEADING_CHARS = {"zh": 40, "en": 120}


@dataclass(frozen=True, slots=True)
class TimePhrase:
    """A time phrase of a sentence: its span and the year it gives (None: a vague phrase that stops
    carry-over); ``first`` is a period's first year (十三五: 2015), for 由A增至B."""

    start: int
    end: int
    year: int | None
    first: int | None = None


@dataclass(frozen=True, slots=True)
class DocTime:
    """The dates a document's relative phrases are read from."""

    page_year: int | None  # the year of the page's date
    report_year: int | None  # a report's own year (今年), None when the document is no report
    reviewed_year: int | None  # the year a report reviews (全年, 过去一年, last year)


@dataclass(frozen=True)
class TimeRules:
    """A language's time phrases (patterns/time_phrases.tsv), compiled once per process."""

    years: tuple[re.Pattern, ...]  # group y: a year written (digits or Chinese numerals)
    periods: tuple[tuple[int, int, re.Pattern], ...]  # (first year, last year, regex)
    relative: tuple[tuple[str, re.Pattern], ...]  # (page | page-1 | page+1 | report | reviewed, regex)
    vague: tuple[re.Pattern, ...]
    spans: tuple[re.Pattern, ...]  # counted spans up to now (5年来): anchored to the sentence's year
    base: tuple[re.Pattern, ...]  # comparison bases (比2015年, over the previous year): no scope
    report: tuple[re.Pattern, ...]  # a government work report, named by the year it is delivered
    review_title: tuple[re.Pattern, ...]  # a title naming the year the report reviews (group y)
    dateline: tuple[re.Pattern, ...]  # a report's delivery date (group y)
    heading_chars: int


@lru_cache(maxsize=4)
def time_rules(lang: str) -> TimeRules:
    """The time phrases of ``lang`` from patterns/time_phrases.tsv."""
    kinds: dict[str, list] = {}
    for row in read_table("time_phrases.tsv"):
        if row[0] != lang:
            continue
        kinds.setdefault(row[1], []).append((row[2], row.regex(3, re.IGNORECASE)))
    periods = []
    for value, rx in kinds.get("period", []):
        first, _, last = value.partition("-")
        periods.append((int(first), int(last), rx))
    return TimeRules(
        years=tuple(rx for _, rx in kinds.get("year", [])),
        periods=tuple(periods),
        relative=tuple(kinds.get("relative", [])),
        vague=tuple(rx for _, rx in kinds.get("vague", [])),
        spans=tuple(rx for _, rx in kinds.get("span", [])),
        base=tuple(rx for _, rx in kinds.get("base", [])),
        report=tuple(rx for _, rx in kinds.get("report", [])),
        review_title=tuple(rx for _, rx in kinds.get("review_title", [])),
        dateline=tuple(rx for _, rx in kinds.get("dateline", [])),
        heading_chars=HEADING_CHARS.get(lang, 40),
    )


def written_year(text: str) -> int | None:
    """2025 -> 2025, 二〇二五 -> 2025 (a year written in digits or Chinese numerals)."""
    digits = "".join(_CN_DIGITS.get(c, c) for c in text)
    return int(digits) if digits.isdigit() and len(digits) == 4 else None


def page_year(doc: Document) -> int | None:
    """The year of the page's date: the document's date, else the first full date at its head."""
    if doc.date:
        m = re.match(r"(?:19|20)\d\d", doc.date)
        if m:
            return int(m.group())
    m = _FULL_DATE.search(doc.text[:HEAD_CHARS])
    if m:
        return int(next(g for g in m.group("y", "y2", "y3", "y4") if g))
    return None


def doc_time(doc: Document, rules: TimeRules) -> DocTime:
    """The page's year and, for a report, its own year and the year it reviews."""
    page = page_year(doc)
    head = doc.text[:HEAD_CHARS]
    for rx in rules.review_title:
        m = rx.search(head)
        if m and written_year(m.group("y")):
            year = written_year(m.group("y"))
            return DocTime(page, year, year)
    if any(rx.search(head) for rx in rules.report):
        year = _report_year(head, rules) or page
        return DocTime(page, year, year - 1 if year else None)
    return DocTime(page, None, None)


def _report_year(head: str, rules: TimeRules) -> int | None:
    for rx in rules.report + rules.dateline:
        for m in rx.finditer(head):
            for y in m.groupdict().values():
                if y and written_year(y):
                    return written_year(y)
    return None


def time_phrases(text: str, rules: TimeRules, when: DocTime) -> list[TimePhrase]:
    """The time phrases of a sentence, in order (comparison bases left out)."""
    masked: list[tuple[int, int]] = []
    for rx in rules.base:
        masked += [m.span() for m in rx.finditer(text)]
    out: list[TimePhrase] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in masked)

    def take(s: int, e: int, year: int | None, first: int | None = None) -> None:
        if free(s, e):
            out.append(TimePhrase(s, e, year, first))
            masked.append((s, e))

    spans: set[int] = set()
    for rx in rules.spans:
        for m in rx.finditer(text):
            take(m.start(), m.end(), None)
            spans.add(m.start())
    for rx in rules.vague:
        for m in rx.finditer(text):
            take(m.start(), m.end(), None)
    for value, rx in rules.relative:
        for m in rx.finditer(text):
            year = _relative(value, when)
            if year is not None or value.startswith(("page", "report", "reviewed")):
                take(m.start(), m.end(), year)
    for first, last, rx in rules.periods:
        for m in rx.finditer(text):
            take(m.start(), m.end(), last, first)
    for rx in rules.years:
        for m in rx.finditer(text):
            year = written_year(m.group("y"))
            if year:
                take(m.start(), m.end(), year)
    return _anchor_spans(sorted(out, key=lambda p: p.start), spans)


def _anchor_spans(phrases: list[TimePhrase], spans: set[int]) -> list[TimePhrase]:
    """A counted span (5年来) takes the year of the sentence's time phrase before it, if any."""
    out: list[TimePhrase] = []
    for p in phrases:
        if p.start in spans:
            year = next((q.year for q in reversed(out) if q.year is not None), None)
            p = TimePhrase(p.start, p.end, year, p.first)
        out.append(p)
    return out


def _relative(value: str, when: DocTime) -> int | None:
    if value == "reviewed":
        return when.reviewed_year if when.report_year else None
    if value == "report":
        return when.report_year if when.report_year else when.page_year
    base = when.report_year if when.report_year else when.page_year
    if base is None:
        return None
    return base + (int(value[4:]) if value[4:] else 0)


@dataclass(frozen=True)
class YearScope:
    """Per sentence: the year carried into it and its own time phrases."""

    carried: dict[str, int | None]
    phrases: dict[str, tuple[TimePhrase, ...]]
    when: DocTime

    def governing(self, sentence: str, pos: int) -> TimePhrase | None:
        """The time phrase of the sentence that governs position ``pos`` (the last one before it)."""
        before = [p for p in self.phrases.get(sentence, ()) if p.end <= pos]
        return before[-1] if before else None

    def year(self, sentence: str, pos: int) -> int | None:
        """The year of a figure at ``pos`` of the sentence: its sentence's last time phrase before it,
        else the year carried from the paragraph or heading."""
        p = self.governing(sentence, pos)
        return p.year if p is not None else self.carried.get(sentence)

    def within(self, sentence: str, lo: int, hi: int) -> TimePhrase | None:
        """The first time phrase of the sentence inside [lo, hi) (a figure's clause)."""
        return next((p for p in self.phrases.get(sentence, ()) if lo <= p.start < hi), None)


def year_scope(doc: Document, rules: TimeRules, when: DocTime | None = None) -> YearScope:
    """Walk the document's paragraphs: a time phrase governs the rest of its sentence and the
    following sentences of its paragraph; a heading's phrase governs its chapter, article, or the
    paragraphs after a heading line until the next heading."""
    when = when or doc_time(doc, rules)
    by_id = {s.id: s for s in doc.sections}
    heads = {s.start: s for s in doc.sections if s.kind in ("chapter", "article")}
    phrases = {s.id: tuple(time_phrases(fold_width(s.text), rules, when)) for s in doc.sentences}
    per_section = Counter(s.section for s in doc.sentences)
    section_year = {sec_id: _heading_year(phrases, sents) for sec_id, sents in _titles(doc, heads).items()}
    carried: dict[str, int | None] = {}
    floating: int | None = None
    floating_parent: str | None = "-"
    para: str | None = None
    year: int | None = None
    for sent in doc.sentences:
        sec = by_id.get(sent.section or "")
        if sent.section != para:
            para = sent.section
            parent = sec.parent if sec else None
            if parent != floating_parent:
                floating, floating_parent = None, parent
            year = _enclosing_year(sec, by_id, section_year)
            if floating is not None:
                year = floating
        carried[sent.id] = year
        own = phrases[sent.id]
        if _heading_line(sent, sec, heads, per_section[sent.section], rules):
            first = next((p for p in own if p.year is not None), None)
            floating = first.year if first else None
            year = floating if floating is not None else _enclosing_year(sec, by_id, section_year)
            continue
        if own:
            year = own[-1].year
    return YearScope(carried, phrases, when)


def _titles(doc: Document, heads: dict[int, Section]) -> dict[str, list[str]]:
    """Chapter and article id -> the ids of the sentences of its title line."""
    out: dict[str, list[str]] = {}
    for sent in doc.sentences:
        head = heads.get(sent.start)
        if head is not None:
            out.setdefault(head.id, []).append(sent.id)
    return out


def _heading_year(phrases: dict[str, tuple[TimePhrase, ...]], sents: Sequence[str]) -> int | None:
    for sid in sents[:1]:
        for p in phrases[sid]:
            if p.year is not None:
                return p.year
    return None


def _enclosing_year(sec: Section | None, by_id: dict[str, Section], section_year: dict[str, int | None]) -> int | None:
    node = by_id.get(sec.parent) if sec is not None and sec.parent else None
    while node is not None:
        y = section_year.get(node.id)
        if y is not None:
            return y
        node = by_id.get(node.parent) if node.parent else None
    return None


def _heading_line(
    sent: Sentence, sec: Section | None, heads: dict[int, Section], n_sentences: int, rules: TimeRules
) -> bool:
    """A chapter's or article's title, a short line of its own without a sentence's end
    (2022年工作回顾, Review of government work in 2005), or a paragraph of one sentence that
    introduces a list (…main targets for 2024 as follows:): a heading."""
    if sent.start in heads:
        return True
    if sec is None or sec.kind != "paragraph" or n_sentences != 1:
        return False
    text = sent.text.rstrip()
    if text.endswith((":", "：")):
        return True
    if LIST_ITEM.match(text) or FIGURE.search(LABEL.sub("", text)) or text[:1].islower():
        return False  # a list item (bulleted, or a phrase in lower case) or a line stating a figure
    return bool(text) and len(text) <= rules.heading_chars and text[-1] not in SENTENCE_END
