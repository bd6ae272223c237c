"""Whole-name patterns (patterns/entity_patterns.tsv): rail lines with elided heads
(有轨电车2、3、5号线), 《titles》, laws; a rail line written after its city, and a construction phase
written after a registry park (数码港第五期)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .rules import NameRules
from .tokens import Candidate, Known, Tokens


def pattern_candidates(text: str, rules: NameRules) -> Iterable[Candidate]:
    """Names the whole-name patterns find (rail lines with elided heads, 《titles》, laws)."""
    for p in rules.patterns:
        for m in p.regex.finditer(text):
            groups = m.groupdict()
            if groups.get("items") is None:
                s, e = m.span("name") if groups.get("name") is not None else m.span()
                yield Candidate(s, e, p.type, p.rule)
                continue
            prefix = m.group("prefix")
            yield from _items(m, prefix, p.type, p.rule)
            pos = m.end()
            while p.more is not None:
                mm = p.more.match(text, pos)
                if mm is None:
                    break
                yield from _items(mm, prefix, p.type, p.rule)
                pos = mm.end()


def _items(m: re.Match, prefix: str, type_: str, rule: str) -> Iterable[Candidate]:
    """有轨电车2、3、5号线: one candidate per item; the span of a later item is its own fragment."""
    suffix = m.group("suffix")
    items_start = m.start("items")
    for im in re.finditer(r"[^、和及]+", m.group("items")):
        name = f"{prefix}{im.group(0)}{suffix}"
        s = m.start() if im.start() == 0 and "prefix" in m.re.groupindex else items_start + im.start()
        e = items_start + im.end()
        if im.end() == len(m.group("items")):
            e = m.end("suffix")
        yield Candidate(s, e, type_, rule, name)


def after_city(c: Candidate, text: str, known: Sequence[Known]) -> Candidate:
    """苏州地铁10号线: a rail line written right after its city is named with it."""
    if c.type != "Project" or not c.rule.startswith("rail"):
        return c
    city = next((k for k in known if k.end == c.start and k.type == "Region"), None)
    if city is None and c.name:  # 杭州地铁3、5号线: the later items have the city too
        line = re.match(r"\D+", c.name)
        at = text.rfind(line.group(0), max(0, c.start - 24), c.start) if line else -1
        city = next((k for k in known if at > 0 and k.end == at and k.type == "Region"), None)
        if city is not None:
            return Candidate(c.start, c.end, c.type, c.rule, text[city.start : at] + c.name, c.of)
    if city is None:
        return c
    return Candidate(
        city.start, c.end, c.type, c.rule, text[city.start : c.start] + (c.name or text[c.start : c.end]), c.of
    )


def phase_candidates(tokens: Tokens, known: Sequence[Known], rules: NameRules) -> Iterable[Candidate]:
    """数码港第五期: a construction phase written right after a registry park or facility is a project."""
    text = tokens.text
    for k in known:
        if k.type in ("Platform", "Project"):
            m = rules.regexes["phase"].match(text, k.end)
            if m and m.group(0).endswith("期") and tokens.is_end(m.end()):
                yield Candidate(k.start, m.end(), "Project", "phase")
