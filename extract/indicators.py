"""Numeric indicators (targets and achievements) with value, unit, comparator, year, status."""
from __future__ import annotations

import re

from .ids import indicator_id
from .model import Evidence, Indicator, Sentence

FIGURE = re.compile(r"(?P<cmp>超过|突破|达到|不低于|近)?(?P<value>\d+(?:\.\d+)?)(?P<unit>%|亿元|万元|个|家|公里|万平方米)")
TARGET_YEAR = re.compile(r"到(?P<year>20\d\d)年")
YEAR = re.compile(r"(?P<year>20\d\d)年")
COMPARATORS = {"超过": ">", "突破": ">", "达到": "=", "不低于": ">=", "近": "~", None: "="}


def find_indicators(doc_id: str, sentences: tuple[Sentence, ...]) -> tuple[Indicator, ...]:
    out = []
    for sent in sentences:
        target = TARGET_YEAR.search(sent.text)
        year_m = target or YEAR.search(sent.text)
        for m in FIGURE.finditer(sent.text):
            metric = sent.text[max(0, m.start() - 8):m.start()].split(",")[-1]
            value = float(m.group("value"))
            start = sent.start + m.start()
            out.append(Indicator(
                id=indicator_id(doc_id, start, metric, value, m.group("unit"), None),
                subject=None, metric=metric, value=value, unit=m.group("unit"),
                comparator=COMPARATORS[m.group("cmp")], year=int(year_m.group("year")) if year_m else None,
                status="target" if target else "achieved",
                evidence=Evidence(sent.id, start, sent.start + m.end(), m.group(0)), rule="figure"))
    return tuple(out)
