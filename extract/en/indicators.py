"""Figures in English sentences: value, unit, comparator, year and status, like the Chinese rules.

Units, comparators, year and target cues are data (``patterns/en_units.tsv``,
``patterns/en_indicator_cues.tsv``). Values stay in the unit written ("RMB 300 billion" →
300, "billion yuan"); thousands separators are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..ids import indicator_id
from ..model import Evidence, Indicator, Sentence
from ..tables import TableError, read_table, table
from ..vocab import IndicatorStatus

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CURRENCY_PREFIX = r"RMB|CNY|US\$|USD|\$|¥"
ADJECTIVES = r"(?:[a-z]+(?:-[a-z]+)*\s+){0,2}?"  # 1,000 foreign-invested enterprises
_NUMBER_OF = re.compile(
    r"\bnumber of\s+(?P<noun>[^,;.]{2,80}?)\s+"
    r"(?:will|would|shall|is|was|has|reach|reached|exceed|exceeded|rose|grew|increased)\b",
    re.IGNORECASE,
)


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class FigureRules:
    figure: re.Pattern
    units: dict  # (kind, lower surface) -> unit
    comparators: tuple  # (comparator, regex) in file order
    after: tuple
    target: re.Pattern
    periods: tuple  # (year, regex)
    past: re.Pattern | None = None
    rate: re.Pattern | None = None
    duration: re.Pattern | None = None


@lru_cache(maxsize=1)
def rules() -> FigureRules:
    """The English figure rules (en_units.tsv, en_indicator_cues.tsv), compiled once per process."""
    units: dict[tuple[str, str], str] = {}
    by_kind: dict[str, list[str]] = {}
    for kind, surface, unit in (row.cells for row in read_table("en_units.tsv")):
        units[(kind, " ".join(surface.lower().split()))] = unit
        by_kind.setdefault(kind, []).append(surface)
    scale, money, prefix = _alt(by_kind["scale"]), _alt(by_kind["money"]), _alt(by_kind["prefix"])
    count, pct, pts = _alt(by_kind["count"]), _alt(by_kind["percent"]), _alt(by_kind["points"])
    dur = _alt(by_kind["duration"])
    plural = r"(?-i:[a-z]{2,}[a-rt-z]s)"  # any plural noun, as written in lower case: 3 new drugs
    figure = re.compile(
        rf"(?P<cur>{prefix})\s?(?P<v1>{NUMBER})(?:\s*(?P<s1>{scale})\b)?(?:\s+(?P<m1>yuan)\b)?"
        rf"|(?<![\w.,])(?P<v2>{NUMBER})\s*(?:"
        rf"(?P<pts>{pts})\b|(?P<pct>{pct})(?!\w)"
        rf"|(?P<dur>{dur})\b"
        rf"|(?:(?P<s2>{scale})\b\s*)?(?:(?P<m2>{money})\b|(?:{ADJECTIVES})(?P<cnt>{count}|{plural})\b)"
        rf"|(?P<s3>{scale})\b)",
        re.IGNORECASE,
    )
    cmp_: list[tuple[str, re.Pattern]] = []
    after: list[tuple[str, re.Pattern]] = []
    target: re.Pattern | None = None
    periods: list[tuple[int, re.Pattern]] = []
    extra: dict[str, re.Pattern] = {}
    for row in read_table("en_indicator_cues.tsv"):
        kind, value = row[0], row[1]
        pattern = row.regex(2, re.IGNORECASE)
        if kind == "comparator":
            cmp_.append((value, pattern))
        elif kind == "after":
            after.append((value, pattern))
        elif kind == "target":
            target = pattern
        elif kind == "period":
            periods.append((int(value), pattern))
        else:
            extra[kind] = pattern
    if target is None:
        raise TableError(f"{table('en_indicator_cues.tsv').path}: no target row")
    return FigureRules(
        figure,
        units,
        tuple(cmp_),
        tuple(after),
        target,
        tuple(periods),
        extra.get("past"),
        extra.get("rate"),
        extra.get("duration"),
    )


_NOT_A_FIGURE = re.compile(
    r"(?:\bper|\b(?!(?:RMB|CNY|USD|US|By|In|Over|About|Nearly|Some|Around)\b)"
    r"[A-Z][A-Za-z]+)\s+$"
)
_TARGET_YEAR = re.compile(r"\bby (?:the end of )?(20\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_CLAUSE = re.compile(r"[,;:()]|\band\b|\bwhile\b|\bwith\b")
_LEADING = re.compile(r"^(?:(?:the|a|an|will|to|its|our|total|annual|and)\s+)+", re.IGNORECASE)


def _unit(r: FigureRules, m: re.Match) -> str | None:
    """The unit as the annotation guide writes it; None for a plural that is not a count (years)."""

    def norm(kind: str, surface: str) -> str:
        return r.units.get((kind, " ".join(surface.lower().split())), surface.lower())

    if m.group("cur"):
        scale = norm("scale", m.group("s1")) if m.group("s1") else ""
        if m.group("m1"):
            return f"{scale} yuan".strip()
        return f"{norm('prefix', m.group('cur'))} {scale}".strip()
    if m.group("pct"):
        return "%"
    if m.group("pts"):
        return "percentage points"
    scale = m.group("s2") or m.group("s3")
    scale = norm("scale", scale) if scale else ""
    if m.group("m2"):
        return f"{scale} {norm('money', m.group('m2'))}".strip()
    if m.group("dur"):
        return norm("duration", m.group("dur"))
    if m.group("cnt"):
        noun = " ".join(m.group("cnt").lower().split())
        if ("notcount", noun) in r.units or ("duration", noun) in r.units:
            return None
        return f"{scale} {r.units.get(('count', noun), noun)}".strip()
    return scale or None


_AND_NOUN = re.compile(r"\s+and\s+((?:[a-z-]+\s+)?(?-i:[a-z]{2,}[a-rt-z]s))\b")
_LIST_NEXT = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)$")
_CLAUSE_SPLIT = re.compile(r";|,\s+(?:and|while|which|whereas|but)\b|,\s+with\b")


def _clause(text: str, pos: int) -> tuple[int, int]:
    """The clause of the sentence around ``pos`` (split at “;”, “, and”, “, which” …)."""
    cuts = [m.start() for m in _CLAUSE_SPLIT.finditer(text)]
    start = max((c for c in cuts if c <= pos), default=0)
    end = min((c for c in cuts if c > pos), default=len(text))
    return start, end


def _status(r: FigureRules, text: str, pos: int) -> str:
    s, e = _clause(text, pos)
    clause = text[s:e]
    if r.target.search(clause):
        return IndicatorStatus.TARGET
    if r.past is not None and r.past.search(clause):
        return IndicatorStatus.ACHIEVED
    return IndicatorStatus.TARGET if r.target.search(text) else IndicatorStatus.ACHIEVED


def _comparator(r: FigureRules, before: str, after: str) -> str:
    for value, rx in r.after:
        if rx.search(after):
            return value
    for value, rx in r.comparators:
        if rx.search(before):
            return value
    return "="


def _metric(before: str, r: FigureRules) -> str:
    clause = _CLAUSE.split(before)[-1]
    for _, rx in r.comparators:
        clause = rx.sub("", clause)
    return _LEADING.sub("", clause.strip())[-60:].strip()


def _year(sentence: str, r: FigureRules, figure_span: tuple[int, int]) -> int | None:
    targets = list(_TARGET_YEAR.finditer(sentence))
    if targets:  # the “by 20xx” of the figure's clause, else the nearest one
        s, e = _clause(sentence, figure_span[0])
        inside = [m for m in targets if s <= m.start() < e]
        pool = inside or targets
        m = min(pool, key=lambda m: abs(m.start() - figure_span[0]))
        return int(m.group(1))
    for year, rx in r.periods:
        if rx.search(sentence):
            return year
    for m in _YEAR.finditer(sentence):
        if not (figure_span[0] <= m.start() < figure_span[1]):
            return int(m.group(1))
    return None


def find_english_indicators(doc_id: str, sentences: tuple[Sentence, ...]) -> tuple[Indicator, ...]:
    """Indicators of a document's English sentences (``doc_id`` makes their ids)."""
    r = rules()
    out: list[Indicator] = []
    for sent in sentences:
        text = sent.text
        figures = list(r.figure.finditer(text))
        status = IndicatorStatus.TARGET if r.target.search(text) else IndicatorStatus.ACHIEVED
        found: list[tuple[re.Match, Indicator]] = []
        for m in figures:
            raw = m.group("v1") or m.group("v2")
            value = float(raw.replace(",", ""))
            unit = _unit(r, m)
            if not unit or (_YEAR.fullmatch(raw) and m.group("cnt") and len(m.group(0).split()) > 2):
                continue
            if m.group("v2") and _NOT_A_FIGURE.search(text[: m.start()]):
                continue  # “per 10,000 people”, “Fortune Global 500”, “Line 5”
            before = text[max(0, m.start() - 80) : m.start()]
            if m.group("dur") and not (r.duration and r.duration.search(before)):
                continue  # “it took 30 minutes”: a duration that is not a travel time or a deadline
            after = text[m.end() : m.end() + 20]
            comparator = _comparator(r, before, after)
            end = m.end()
            for _, rx in r.after:
                hit = rx.search(after)
                if hit:
                    end = m.end() + hit.end()
            if m.group("cnt"):  # “27 districts and counties”, “71 countries and regions”
                more = _AND_NOUN.match(text, m.end())
                if more and ("notcount", more.group(1).split()[-1]) not in r.units:
                    unit, end = f"{unit} and {more.group(1)}", m.end() + more.end()
            if r.rate is not None and unit in ("km", "kilometers", "kilometres", "meters", "metres"):
                rate = r.rate.match(text[m.end() :])
                if rate:  # “350 km per hour”
                    unit, end = f"{unit} per {rate.group(1)}", m.end() + rate.end()
            prev = found[-1] if found else None
            if prev is not None and unit in _SCALES and _LIST_NEXT.match(text[prev[0].end() : m.start()]):
                # “up to RMB 3 million, 5 million and 10 million”: the list shares the first figure's
                # currency and comparator
                unit = _with_scale(prev[1].unit, unit)
                comparator = prev[1].comparator
            metric = _metric(before, r)
            start = sent.start + m.start()
            ind = Indicator(
                id=indicator_id(doc_id, start, metric, value, unit, None),
                subject=None,
                metric=metric,
                value=value,
                unit=unit,
                comparator=comparator,
                year=_year(text, r, (m.start(), m.end())),
                status=_status(r, text, m.start()),
                evidence=Evidence(sent.id, start, sent.start + end, text[m.start() : end]),
                rule="en_figure",
            )
            found.append((m, ind))
        out.extend(ind for _, ind in found)
        out.extend(_counted_by_noun(doc_id, sent, r, figures, status))
    return tuple(out)


_SCALES = frozenset({"trillion", "billion", "million", "thousand", "ten thousand", "hundred million"})


def _with_scale(unit: str, scale: str) -> str:
    """The unit of a listed figure: the first figure's unit with this figure's scale word."""
    words = unit.split()
    if not any(w in _SCALES for w in words) or not any(w not in _SCALES for w in words):
        return scale
    return " ".join(scale if w in _SCALES else w for w in words)


_BARE = re.compile(rf"(?<![\w.,$¥])(?P<v>{NUMBER})(?![\w%]|[.,]\d|\s*(?:%|percent|per cent))")


def _counted_by_noun(doc_id: str, sent: Sentence, r: FigureRules, figures, status: str):
    """'the number of high-tech enterprises will exceed 1,500': a bare figure counts the noun."""
    text = sent.text
    taken = [(m.start(), m.end()) for m in figures]
    for nm in _NUMBER_OF.finditer(text):
        # the head noun, as written: the first plural of the phrase (“Hong Kong-invested enterprises
        # in Qianhai”, “invention patents per 10,000 people”)
        words = [w for w in re.findall(r"[A-Za-z][\w-]*", nm.group("noun"))]
        heads = [w for w in words if w.islower() and re.fullmatch(r"[a-z]{2,}[a-rt-z]s", w)]
        noun = (heads[0] if heads else words[-1].lower()) if words else ""
        if not noun or ("notcount", noun) in r.units or not (("count", noun) in r.units or noun.endswith("s")):
            continue
        m = _BARE.search(text, nm.end(), min(len(text), nm.end() + 40))
        if m is None or _YEAR.fullmatch(m.group("v")) or any(a <= m.start() < b for a, b in taken):
            continue
        before = text[nm.end() : m.start()]
        value = float(m.group("v").replace(",", ""))
        start = sent.start + m.start()
        metric = f"number of {nm.group('noun')}"
        yield Indicator(
            id=indicator_id(doc_id, start, metric, value, noun, None),
            subject=None,
            metric=metric,
            value=value,
            unit=noun,
            comparator=_comparator(r, before, text[m.end() : m.end() + 20]),
            year=_year(text, r, (m.start(), m.end())),
            status=status,
            evidence=Evidence(sent.id, start, sent.start + m.end(), m.group("v")),
            rule="en_number_of",
        )
