"""Numeric indicators (targets and achievements) with value, unit, comparator, year, status.

Sentence-level rules over the width-folded sentence text; the cue words live in
patterns/indicators.tsv. Chinese numerals are read with cn2an (五百亿级 -> 500, 十公里 -> 10).
Cluster scales (三千亿级 新一代信息技术) give one indicator per industry named with the scale.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..ids import indicator_id
from ..model import Document, Entity, Evidence, Indicator, Section, Sentence
from ..tables import read_table
from ..textnorm import HAN_CHARS, fold_width
from ..vocab import IndicatorStatus

CN_NUM = "〇零一二两三四五六七八九十百千万半"
YEAR_TARGET = re.compile(r"到(?P<y>(?:20|19)\d\d|二〇[〇零一二三四五六七八九]{2})年")
YEAR_ANY = re.compile(r"(?<![\d-])(?P<y>(?:20|19)\d\d)年(?!度)(?![\d-])")
PERIOD_YEAR = {"十四五": 2025, "十三五": 2020, "十五五": 2030, "十二五": 2015}
PERIOD = re.compile(r"(十[二三四五]五)”?(?:时期|期间|末|规划期)")
CLAUSE = re.compile(r"[,,;;。:!?]")


@dataclass(frozen=True)
class Cues:
    figure: re.Pattern
    comparators: dict[str, str]
    money: frozenset[str]
    achieved: tuple[str, ...]
    target: tuple[str, ...]
    review: tuple[str, ...]
    not_after: tuple[str, ...]
    le_units: frozenset[str]


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cue words of patterns/indicators.tsv, compiled once per process."""
    kinds: dict[str, list[tuple[str, ...]]] = {}
    for row in read_table("indicators.tsv"):
        kinds.setdefault(row[0], []).append(row.cells[1:])
    units = [r[0] for r in kinds["unit"]]
    before = {r[0]: r[1] for r in kinds["before"]}
    after = {r[0]: r[1] for r in kinds["after"]}
    figure = re.compile(
        rf"(?P<before>{_alt(before)})?"
        rf"(?P<num>\d+/\d+|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?(?:\s*[-~～—]\s*\d+(?:\.\d+)?)?|[{CN_NUM}]+)"
        rf"(?P<more>多|余)?(?: ?(?P<unit>{_alt(units)}))?(?P<scale>级)?(?P<after>{_alt(after)})?"
    )
    return Cues(
        figure=figure,
        comparators={**before, **after},
        money=frozenset(r[0] for r in kinds["unit"] if len(r) > 1 and r[1] == "money"),
        achieved=tuple(r[0] for r in kinds["achieved"]),
        target=tuple(r[0] for r in kinds["target"]),
        review=tuple(r[0] for r in kinds["review"]),
        not_after=tuple(r[0] for r in kinds["not_after"]),
        le_units=frozenset(r[0] for r in kinds["le_units"]),
    )


def chinese_value(num: str) -> float | None:
    """五百 -> 500, 千 -> 1000, 万 -> 10000, 半 -> 0.5 (cn2an reads the numerals)."""
    if num == "半":
        return 0.5
    try:
        return float(_cn2an(num, "smart"))
    except (ValueError, KeyError, IndexError):
        pass
    try:
        return float(_cn2an("一" + num, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


class Figure(NamedTuple):
    start: int
    end: int
    value: float
    unit: str
    comparator: str
    scale: bool


FRACTION = re.compile(
    r"(?P<b>[一二三四五六七八九十百]+)分之(?P<a>[一二三四五六七八九十]+)"
    rf"|(?P<t>[一二三四五六七八九])成(?![{HAN_CHARS}]{{0,1}}(?:本|果|效|员|交|立|长|型|功|熟|绩))"
)


def _about_share(text: str, pos: int) -> bool:
    """约占全市的四分之一: 约 before 占 hedges the share its clause gives."""
    clause = max((c.end() for c in CLAUSE.finditer(text, 0, pos)), default=0)
    return "约占" in text[clause:pos]


def _fractions(text: str, cues: Cues) -> list[Figure]:
    """四分之一 -> 0.25, 近三成 -> 0.3, 超过八成 -> 0.8 (shares written in words; unit "")."""
    out = []
    for m in FRACTION.finditer(text):
        if m.group("t"):
            value = (chinese_value(m.group("t")) or 0) / 10
        else:
            a, b = chinese_value(m.group("a")), chinese_value(m.group("b"))
            if not a or not b:
                continue
            value = round(a / b, 4)
        before = next(
            (w for w in sorted(cues.comparators, key=len, reverse=True) if text.endswith(w, 0, m.start())), None
        )
        comparator = cues.comparators.get(before, "=") if before else "="
        after = next((w for w in ("左右", "以上", "多") if text.startswith(w, m.end())), None)
        if after:
            comparator = cues.comparators[after]
        start = m.start() - len(before) if before else m.start()
        if comparator == "=" and _about_share(text, m.start()):
            comparator = "~"
        out.append(Figure(start, m.end(), value, "", comparator, False))
    return out


def figures(text: str, cues: Cues) -> list[Figure]:
    """Every figure of a sentence: value, unit, comparator and whether it is a cluster scale."""
    out = _fractions(text, cues) if ("分之" in text or "成" in text) else []
    taken = [(f.start, f.end) for f in out]
    for m in cues.figure.finditer(text):
        if taken and any(a <= m.start("num") < b for a, b in taken):
            continue
        num, unit = m.group("num"), m.group("unit") or ""
        scale = m.group("scale") is not None and unit in ("亿", "亿元", "万亿")
        comparator = cues.comparators.get(m.group("before") or "", "=")
        if comparator == "=" and not m.group("before") and "约占" in text and _about_share(text, m.start()):
            comparator = "~"
        if m.group("more"):
            comparator = ">"
        if m.group("after") and not scale:
            comparator = cues.comparators[m.group("after")]
        if text.startswith(cues.not_after, m.end("unit") if unit else m.end("num")):
            continue
        if num.isdigit() and len(num) == 4 and not unit:
            continue
        if "/" in num:
            a, b = num.split("/")
            if unit or float(b) == 0:
                continue
            out.append(Figure(m.start("num"), m.end("num"), round(float(a) / float(b), 4), "", comparator, False))
            continue
        if not unit:
            continue
        if re.match(r"[\d.]", num):
            if "," in num:
                value = float(num.replace(",", ""))  # 4,257家: a thousands separator
            elif re.search(r"[-~～—]", num):
                value = float(re.split(r"\s*[-~～—]\s*", num)[1])
                comparator = "<="
            else:
                value = float(num)
            if m.start("num") > 0 and text[m.start("num") - 1] in "第":
                continue
        else:
            if not (
                unit in cues.money or unit in ("公里", "名", "小时", "分钟", "倍") or unit[:1] in ("万", "亿") or scale
            ):
                continue  # 两个大局, 七个方面: counts of listed items
            if m.start("num") > 0 and text[m.start("num") - 1] in "第":
                continue
            read = chinese_value(num)
            if read is None:
                continue
            value = read
            if num == "万" and unit in ("名", "个", "人"):
                value, unit = 1.0, "万" + unit  # 万名才俊 -> 1 万名
            elif num.endswith("万") and unit in ("亿", "亿元"):
                value, unit = value / 10000 * 10000, unit
        if scale:
            unit, comparator = "亿元", ">="
        elif unit in cues.le_units:
            comparator = "<="
        end = m.end("after") if m.group("after") else m.end()
        out.append(
            Figure(m.start("before") if m.group("before") else m.start("num"), end, value, unit, comparator, scale)
        )
    return out


def sentence_year(text: str) -> int | None:
    """The year a sentence's figures are for: 到YYYY年, a five-year period, else a year it names."""
    m = YEAR_TARGET.search(text)
    if m:
        y = m.group("y")
        return int(y) if y.isdigit() else int(_cn2an(y, "smart"))
    m = PERIOD.search(text)
    if m:
        return PERIOD_YEAR.get(m.group(1))
    for m in YEAR_ANY.finditer(text):
        if not _since(text, m):
            return int(m.group("y"))
    return None


SINCE_BEFORE = ("自", "从", "始于", "起于")
SINCE_AFTER = ("以来", "开始", "至今")
OWN_YEAR = re.compile(r"(?<![\d-])(?P<y>(?:20|19)\d\d)年的?$")


def _since(text: str, m: re.Match) -> bool:
    """自1996年…以来, 始于1996年: the start of a period, not the year of the figures."""
    return text[max(0, m.start() - 2) : m.start()].endswith(SINCE_BEFORE) or text.startswith(SINCE_AFTER, m.end())


def figure_year(text: str, start: int, default: int | None) -> int | None:
    """由1997年的500元增长到2020年的15417元: a year written right before a figure is its own."""
    m = OWN_YEAR.search(text[max(0, start - 8) : start])
    return int(m.group("y")) if m else default


def _status(text: str, review: bool, cues: Cues) -> str:
    if YEAR_TARGET.search(text) or any(c in text for c in ("力争", "目标", "确保", "今后")):
        return IndicatorStatus.TARGET
    if any(c in text for c in cues.achieved):
        return IndicatorStatus.ACHIEVED
    return IndicatorStatus.ACHIEVED if review else IndicatorStatus.TARGET


def _metric(text: str, start: int) -> str:
    clause_start = max((m.end() for m in CLAUSE.finditer(text, 0, start)), default=0)
    return text[clause_start:start][-14:]


def find_indicators(
    doc: Document | str, sentences: Sequence[Sentence] | None = None, entities: Sequence[Entity] = ()
) -> tuple[Indicator, ...]:
    """Indicators of a document (or of ``sentences`` of the document with id ``doc``)."""
    if isinstance(doc, Document):
        doc_id, sentences, review_sections = doc.id, doc.sentences, _review_sections(doc)
    else:
        doc_id, review_sections = doc, frozenset()
    cues = load_cues()
    spans = _mention_spans(entities)
    out = []
    for sent in sentences or ():
        text = fold_width(sent.text)
        figs = figures(text, cues)
        if not figs:
            continue
        ents = spans.get(sent.id, [])
        year = sentence_year(text)
        status = _status(text, sent.section in review_sections, cues)
        prev_end = 0
        for f in figs:
            abs_start = sent.start + f.start
            if any(s <= abs_start < e for s, e, _, _ in ents):
                continue  # a number inside a name (有轨电车1号线)
            subjects: list[str | None] = [None]
            if f.scale:
                scaled: list[str | None] = list(_scale_subjects(text, f, prev_end, sent.start, ents))
                subjects = scaled or [None]
                prev_end = f.end
            else:
                nxt = _entity_after(text, f.end, sent.start, ents)
                if nxt:
                    subjects = [nxt]
            metric = _metric(text, f.start)
            fyear = figure_year(text, f.start, year)
            for subject in subjects:
                out.append(
                    Indicator(
                        id=indicator_id(doc_id, abs_start, metric, f.value, f.unit, subject),
                        subject=subject,
                        metric=metric,
                        value=f.value,
                        unit=f.unit,
                        comparator=f.comparator,
                        year=fyear,
                        status=status,
                        evidence=Evidence(sent.id, abs_start, sent.start + f.end, sent.text[f.start : f.end]),
                        rule="cluster_scale" if f.scale else "figure",
                    )
                )
    return tuple(out)


def _mention_spans(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, str, str]]]:
    out: dict[str, list[tuple[int, int, str, str]]] = {}
    for e in entities:
        for m in e.mentions:
            out.setdefault(m.sentence, []).append((m.start, m.end, e.id, e.type))
    for v in out.values():
        v.sort()
    return out


def _scale_subjects(text: str, f: Figure, prev_end: int, base: int, ents) -> list[str]:
    """Industries named with a scale: in brackets right after it (千亿级(绿色能源、生物技术)),
    else listed before it since the previous scale or the clause's start."""
    if text[f.end : f.end + 1] in "((":
        close = min((i for i in (text.find(")", f.end), text.find(")", f.end)) if i >= 0), default=-1)
        if close > 0:
            return [eid for s, e, eid, t in ents if t == "Industry" and base + f.end < s and e <= base + close]
    clause_start = max((m.end() for m in CLAUSE.finditer(text, 0, f.start)), default=0)
    lo = max(prev_end, clause_start)
    return [eid for s, e, eid, t in ents if t == "Industry" and base + lo <= s and e <= base + f.start]


def _entity_after(text: str, pos: int, base: int, ents) -> str | None:
    """A figure right before a name measures it (4个…试点, 十公里“黄金岸线”)."""
    if text[pos : pos + 1] == "“":
        pos += 1
    for s, _, eid, t in ents:
        if s == base + pos and t != "Industry":
            return eid
    return None


def _review_sections(doc: Document) -> frozenset[str]:
    """Paragraphs under an article or chapter whose title reports results (…取得重大成就)."""
    cues = load_cues()
    by_id = {s.id: s for s in doc.sections}
    review = set()
    for s in doc.sections:
        node: Section | None = s
        hit = False
        while node is not None:
            if node.kind in ("article", "chapter") and any(c in node.title for c in cues.review):
                hit = True
                break
            node = by_id.get(node.parent) if node.parent else None
        if hit:
            review.add(s.id)
    return frozenset(review)


def _cn2an(value: str, mode: str) -> float:
    """cn2an, imported on first use (its import costs a fifth of a second of start-up)."""
    import cn2an

    return cn2an.cn2an(value, mode)
