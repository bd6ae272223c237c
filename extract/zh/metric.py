"""The metric of a Chinese figure: the noun phrase that names what is measured.

Why: a metric is only comparable across documents when it is a name (地区生产总值, 高新技术企业数,
地区生产总值增速), not the characters that happen to stand before the number (“计2020年实现地区
生产总值”, “建成”, “下同)、增长”). The phrase is cut from the figure's clause, between the clause's
start (or the previous figure) and the figure, and trimmed of leading verbs, time and scope
words and trailing comparators (patterns/metric_phrases.tsv); a growth or fall is the measure +
增速 / 降幅, the measure taken from the level figure before it when the clause names none
(实现地区生产总值2300亿元、增长7.5%); a count with no measure before it is the thing named after
it + 数 (建成3个重大科技基础设施 → 重大科技基础设施数); a share with no measure (…、占全省比重12%)
is the previous level's share. The annotation guide (tests/gold/README.md, "Metric") gives the forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..tables import read_table

__all__ = [
    "MetricWords",
    "count_metric",
    "growth_metric",
    "is_area",
    "is_count",
    "metric_words",
    "respective",
    "trim",
]

CLAUSE_END = re.compile(r"[,，;；。:：!！?？]")
# a time phrase opening the phrase (到2025年, 2022年底, “十四五”期间), a list label, punctuation
TIME_LEAD = re.compile(
    r"^(?:(?:到|至|截至|截止|比|较)?\s*(?:(?:19|20)\d\d\s*年(?:底|末|度)?|“?十[一二三四五]五”?(?:期间|时期|末)?|上年|去年)"
    r"(?:以来|相比)?)"
)
VERB_LE_LEAD = re.compile(r"^[\u4e00-\u9fff]{1,3}了(?=[\u4e00-\u9fff]{2})")  # 吸引了…: a verb and 了
LABEL_LEAD = re.compile(r"^(?:[(（][一二三四五六七八九十\d]+[)）]|\d+[.、]|[一二三四五六七八九十]+、)")
PUNCT_LEAD = re.compile(r"^[\s、,，;；:：.。)）\]】%“”\"]+")
PUNCT_TRAIL = re.compile(r"[\s、,，;；:：(（\[【“\"]+$")
BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
UNCLOSED = re.compile(r"^[^(（]*[)）]")  # the end of a bracket opened before the phrase
MAX_CHARS = 24
AFTER_CHARS = 16


@dataclass(frozen=True)
class MetricWords:
    """patterns/metric_phrases.tsv, longest words first."""

    lead: tuple[str, ...]
    trail: tuple[str, ...]
    growth: tuple[str, ...]
    fall: tuple[str, ...]
    count: frozenset[str]
    verb: tuple[str, ...]
    inner: tuple[str, ...]
    stop: tuple[str, ...]
    area: frozenset[str]
    ends: tuple[str, ...]  # trail and verb words together, longest first


@lru_cache(maxsize=1)
def metric_words() -> MetricWords:
    """The metric phrase words, read once per process."""
    kinds: dict[str, list[str]] = {}
    for row in read_table("metric_phrases.tsv"):
        kinds.setdefault(row[0], []).append(row[1])

    def longest(kind: str) -> tuple[str, ...]:
        return tuple(sorted(set(kinds.get(kind, ())), key=lambda w: (-len(w), w)))

    return MetricWords(
        longest("lead"),
        longest("trail"),
        longest("growth"),
        longest("fall"),
        frozenset(kinds.get("count", ())),
        longest("verb"),
        longest("inner"),
        longest("stop"),
        frozenset(kinds.get("area", ())),
        tuple(sorted(set(kinds.get("trail", ())) | set(kinds.get("verb", ())), key=lambda w: (-len(w), w))),
    )


def trim(window: str) -> tuple[str, bool]:
    """The phrase left of a figure trimmed of what does not name the measure, and whether a verb
    ended it (建成3个…: the thing counted stands after the figure)."""
    w = metric_words()
    s = BRACKETED.sub("", UNCLOSED.sub("", window))
    verb = False
    changed = True
    while changed and s:
        changed = False
        for rx in (PUNCT_LEAD, TIME_LEAD, LABEL_LEAD, VERB_LE_LEAD):
            t = rx.sub("", s)
            if t != s:
                s, changed = t, True
        lead = next((x for x in w.lead if s.startswith(x) and len(s) > len(x)), None)
        if lead:
            s, changed = s[len(lead) :], True
        s2 = PUNCT_TRAIL.sub("", s)
        trail = next((x for x in w.ends if s2.endswith(x)), None)
        if trail:
            verb = verb or trail in w.verb
            s2 = s2[: -len(trail)]
        if s2 != s:
            s, changed = s2, True
    for x in w.inner:
        if x in s[1:]:
            s = s[0] + s[1:].replace(x, "")
    if "占" in s and not s.endswith(("比重", "比例", "份额", "占比")):
        s = s.removesuffix("的") + "比重"  # 进出口总额占全国的 → 进出口总额占全国比重
    return s[-MAX_CHARS:], verb


def growth_metric(phrase: str, level: str | None) -> str | None:
    """地区生产总值年均增长 → 地区生产总值年均增速; 增长 after a level → the level's 增速; None when
    the phrase is no growth or fall."""
    w = metric_words()
    for cues, rate in ((w.growth, "增速"), (w.fall, "降幅")):
        cue = next((c for c in cues if phrase.endswith(c)), None)
        if cue is None:
            continue
        base = re.sub(r"(?:同比|比上年|同口径|分别|均|保持)+$", "", phrase[: -len(cue)])
        base = base or (level or "")
        if base.startswith("占") and level:
            base = level + base  # 占全省比重提高: the level's share
        prefix = "年均" if "年均" in cue or "平均" in cue else ""
        return f"{base}{prefix}{rate}" if base else None
    return None


def count_metric(text: str, end: int) -> str | None:
    """The thing counted after a figure (3个重大科技基础设施 → 重大科技基础设施数), if any."""
    w = metric_words()
    rest = text[end : end + AFTER_CHARS]
    for s in w.stop:
        if rest.startswith(s) and s not in ("、", "和", "及", "与", "的"):
            rest = rest[len(s) :]
            break
    cut = CLAUSE_END.search(rest)
    if cut:
        rest = rest[: cut.start()]
    for s in w.stop:
        i = rest.find(s)
        if i > 0:
            rest = rest[:i]
    rest = rest.strip()
    rest = re.split(r"[\d(（“]", rest)[0]
    for v in w.verb + w.inner:  # 158个重点项目完成投资: the thing ends at its verb
        i = rest.find(v)
        if i > 0:
            rest = rest[:i]
    return rest + "数" if len(rest) >= 2 else None


def is_count(unit: str) -> bool:
    """Does the unit count things (个, 家, 项 …)?"""
    return unit in metric_words().count


def is_area(unit: str) -> bool:
    """Is the unit an area (平方公里, 亩 …)?"""
    return unit in metric_words().area


RATE_SUFFIX = re.compile(r"(?:年均)?(?:增速|降幅)$")
CONJUNCTION = re.compile(r"[和、及与]")


def respective(metric: str) -> list[str]:
    """The measures of a 分别 list, in order: 城镇和农村居民人均可支配收入 → 城镇居民人均可支配收入,
    农村居民人均可支配收入 (the first conjuncts share the last one's head); [] when it is no list."""
    rate = RATE_SUFFIX.search(metric)
    suffix = rate.group() if rate else ""
    base = metric[: len(metric) - len(suffix)]
    if base.startswith("城乡"):  # 城乡居民 = 城镇居民 and 农村居民
        base = "城镇和农村" + base[2:]
    parts = [p for p in CONJUNCTION.split(base) if p]
    if len(parts) < 2:
        return []
    last = parts[-1]
    out = []
    for p in parts[:-1]:
        if len(p) > 4 or len(last) < len(p) + 2:
            return []
        out.append(p + last[len(p) :])
    return [m + suffix for m in out + [last]]
