"""The fragment filter: a candidate the rules proposed that is a piece of a phrase, not a name.

Rules cut names at jieba's words, and jieba glues stray characters to unknown words; plans also
name kinds of things the way they name things. Each candidate is checked once, after every rule
ran (patterns/name_regexes.tsv, patterns/words.tsv):

* a leftover opening it is trimmed off: a particle or a verb's complement glued to the name
  (了广西…有限公司, 建好用好超瞬态实验装置), a date's last character (28日高昌区), a scale's
  tail (5000亿元级别先进装备), a period (“十四五”时期重庆高新区) — ``fragment_lead``;
* a name opening with a determiner (各分园, 该园区) names each of a kind — ``category_lead``;
* a name that a number's decimals cut (0.5GeV超瞬态光源 read from 5GeV…) takes the number back;
* a class of designations, not a named thing: levels, their conjunctions and a division before a
  designation head (国家重点实验室, 国家和省级工程实验室, 西安市工程实验室, 省实验室,
  国家级孵化器) — ``class_name``, ``class_region_head``;
* a bare document word standing for the document itself (《规划》, 《建议》, 规划纲要) —
  ``self_title``; a 《title》 not ending as a document does (a report's headline) — ``document_end``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .rules import NameRules
from .tokens import Candidate, Known

_DIGITS = frozenset("0123456789.")
_BRACKETS = "《》〈〉“”\"'‘’ "
_CLOSING_NOTE = re.compile(r"[((][^()()]*[))]$")  # (2016年-2035年), (试行), (征求意见稿)
MIN_NAME = 2  # characters a trimmed name must keep


def refine(c: Candidate, text: str, known: Sequence[Known], rules: NameRules) -> Candidate | None:
    """The candidate as a name (trimmed or extended), or None where it is a fragment or a kind."""
    if c.of is not None:
        return c  # (an abbreviation: its name was checked)
    trimmed = _trim_lead(_number_back(c, text), text, rules)
    if trimmed is None:
        return None
    c = trimmed
    name = c.name or text[c.start : c.end]
    regexes = rules.regexes
    if regexes["category_lead"].match(name):
        return None
    if regexes["self_title"].fullmatch(name.strip(_BRACKETS)):
        return None
    if c.rule == "book_title" and not _document_title(name, rules):
        return None  # 《港口+创新涪陵加快打造现代制造业集群》: a news report's headline
    if _is_class(c, name, text, known, rules):
        return None
    return c


def _document_title(name: str, rules: NameRules) -> bool:
    """Whether a 《title》 names a document a government issues (…规划, …办法, …法, 中国制造2025),
    not an article or a report's headline; its closing years and notes ((2021-2035年), (试行)) aside."""
    bare = name.strip(_BRACKETS).strip()
    while _CLOSING_NOTE.search(bare):
        bare = _CLOSING_NOTE.sub("", bare).strip()
    return rules.regexes["document_end"].search(bare) is not None


def _number_back(c: Candidate, text: str) -> Candidate:
    """A name opening with digits right after a decimal point takes the whole number back."""
    start = c.start
    if start >= 2 and text[start] in _DIGITS and text[start - 1] == "." and text[start - 2].isdigit():
        while start > 0 and text[start - 1] in _DIGITS:
            start -= 1
        return c._replace(start=start, name=None if c.name is None else text[start : c.start] + c.name)
    return c


def _trim_lead(c: Candidate, text: str, rules: NameRules) -> Candidate | None:
    """The candidate without a leftover opening it (None: nothing of a name is left)."""
    m = rules.regexes["fragment_lead"].match(text, c.start, c.end)
    if m is None or m.end() == c.start:
        return c
    if c.end - m.end() < MIN_NAME or rules.generic_regex.fullmatch(text[m.end() : c.end]):
        return None  # (了产业: nothing but a generic word is left)
    cut = m.end() - c.start
    name = c.name[cut:] if c.name is not None and c.name.startswith(text[c.start : m.end()]) else c.name
    return c._replace(start=m.end(), name=name)


def _is_class(c: Candidate, name: str, text: str, known: Sequence[Known], rules: NameRules) -> bool:
    """A designation's class: only levels (国家, 省级, 和 …) before a designation head, or a
    division's name and levels before a head that divisions grant (西安市工程实验室)."""
    regexes = rules.regexes
    if regexes["class_name"].fullmatch(name):
        return True
    m = regexes["class_region_head"].search(name)
    if m is None or c.name is not None:
        return False
    rest = regexes["class_levels"].sub("", name[: m.start()])
    if not rest:
        return True
    region = next((k for k in known if k.start == c.start and k.type == "Region"), None)
    return region is not None and not regexes["class_levels"].sub("", text[region.end : c.start + m.start()])
