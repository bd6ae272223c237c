"""Do two metric phrases name the same measured thing? The readable-metric criterion of the scorer.

Why: an indicator is only useful to an analyst when its metric names what is measured
(地区生产总值增速, "R&D intensity"), not a window of characters before the number. The scorer
(extract/evaluate.py) counts a figure right under this criterion when its metric and the gold's
name the same thing, in one of three ways (tests/gold/README.md, "Scoring"):

1. equal after normalising (NFKC, traditional characters as simplified, case, spaces, quotes and
   punctuation, a bracketed qualifier dropped);
2. the same role (level, growth, fall, share, count; ``patterns/metric_roles.tsv``) and one
   phrase's head naming the other's: in Chinese, whose compounds are head-final, one thing ends
   the other (生产总值 / 地区生产总值); in English one heads or ends the other ("gross output" /
   "gross output of industrial enterprises above designated size"). What the longer phrase adds
   must be a modifier: no digits, no leading verb (实现, 建成, reach …), so an untrimmed window
   ("计2020年实现地区生产总值") does not pass;
3. both map exactly to the same concept of the metric vocabulary (ontology/metrics.py's
   ``map_metric``, used when that module is installed).
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .hanzi import to_simplified
from .tables import read_table

__all__ = ["MetricKey", "concept_mapper", "metric_key", "readable", "same_metric"]

HAN = re.compile(r"[\u3400-\u9fff]")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_ZH_DROP = re.compile(r"[^\w%&]+")
_EN_WORD = re.compile(r"[a-z0-9&%]+(?:[-'][a-z0-9]+)*")
_DIGIT = re.compile(r"\d")
# a Chinese count cue that ends a word of its own (指数, 系数): not a count
_NOT_COUNT_BEFORE = frozenset("指系分倍参函")
MIN_ZH_HEAD = 2  # characters a Chinese head needs to name a thing


@dataclass(frozen=True, slots=True)
class MetricKey:
    """A metric reduced for comparison: its language, role ('' a level) and the thing it measures."""

    lang: str
    role: str
    thing: tuple[str, ...]  # Chinese: one item, the characters; English: the words


@dataclass(frozen=True)
class _Roles:
    zh: tuple[tuple[str, str], ...]  # (cue, role), longest first
    en: tuple[tuple[tuple[str, ...], str], ...]  # (cue words, role), longest first
    en_filler: frozenset[str]
    zh_lead: re.Pattern  # a leading verb or cue (实现, 建成, 占 …)
    en_function: frozenset[str]


@lru_cache(maxsize=1)
def _roles() -> _Roles:
    """patterns/metric_roles.tsv, read once per process."""
    zh: list[tuple[str, str]] = []
    en: list[tuple[tuple[str, ...], str]] = []
    words: dict[tuple[str, str], set[str]] = {}
    for row in read_table("metric_roles.tsv"):
        lang, role, cue = row[0], row[1], row[2]
        if role in ("filler", "lead", "function"):
            words.setdefault((lang, role), set()).add(cue.lower())
        elif lang == "zh":
            zh.append((cue, role))
        else:
            en.append((tuple(cue.lower().split()), role))
    lead = sorted(words.get(("zh", "lead"), ()), key=len, reverse=True)
    return _Roles(
        tuple(sorted(zh, key=lambda c: -len(c[0]))),
        tuple(sorted(en, key=lambda c: -len(c[0]))),
        frozenset(words.get(("en", "filler"), ())),
        re.compile("^(?:" + "|".join(re.escape(w) for w in lead) + ")") if lead else re.compile(r"(?!)"),
        frozenset(words.get(("en", "function"), ())),
    )


def _zh_key(text: str) -> MetricKey:
    s = _ZH_DROP.sub("", _BRACKETED.sub("", text))
    role = ""
    for cue, r in _roles().zh:
        if s.endswith(cue) and len(s) > len(cue):
            if r == "count" and s[-len(cue) - 1] in _NOT_COUNT_BEFORE and cue == "数":
                continue
            role, s = r, s[: -len(cue)]
            break
    return MetricKey("zh", role, (s,))


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _en_key(text: str) -> MetricKey:
    r = _roles()
    words = [w for w in _EN_WORD.findall(_BRACKETED.sub(" ", text)) if w not in r.en_filler]
    role = ""
    for cue, rl in r.en:
        n = len(cue)
        if tuple(words[:n]) == cue and len(words) > n:  # number of X, share of X, growth of X
            role, words = rl, words[n:]
            if words and words[0] in ("of", "in"):
                words = words[1:]
            break
        if tuple(words[-n:]) == cue and len(words) > n:  # GDP growth, X growth rate
            role, words = rl, words[:-n]
            break
    words = [{"for": "of", "in": "of"}.get(w, w) for w in words if w not in r.en_filler]
    while words and words[-1] in r.en_function:  # "… per mu is", "… is expected to"
        words.pop()
    return MetricKey("en", role, tuple(_singular(w) for w in words))


def metric_key(metric: str) -> MetricKey:
    """The role and thing of a metric phrase (Chinese when it has a Han character)."""
    text = to_simplified(unicodedata.normalize("NFKC", metric or "")).lower().strip()
    return _zh_key(text) if HAN.search(text) else _en_key(text)


def readable(metric: str | None) -> bool:
    """Does the phrase name something (not empty, no figure inside, no leading verb)?"""
    if not metric:
        return False
    key = metric_key(metric)
    thing = "".join(key.thing)
    if not thing or _DIGIT.search(thing):
        return False
    if key.lang == "zh":
        return not _roles().zh_lead.match(thing)
    return key.thing[0] not in _roles().en_function


def _zh_modifier(extra: str) -> bool:
    """What a longer Chinese phrase adds before its head: a modifier, not a figure or a verb's window."""
    return not _DIGIT.search(extra) and not _roles().zh_lead.match(extra)


def _en_modifier(extra: tuple[str, ...]) -> bool:
    """What a longer English phrase adds before its head: a few modifiers, no verb or pronoun."""
    return len(extra) <= 3 and not any(w in _roles().en_function or _DIGIT.search(w) for w in extra)


def _same_thing(pred: MetricKey, gold: MetricKey) -> bool:
    """One thing's head names the other: the longer adds only modifiers (checked when the longer is
    the prediction; what the gold writes around the head is the gold's choice)."""
    pred_longer = len("".join(pred.thing)) > len("".join(gold.thing))
    short, long_ = (gold, pred) if pred_longer else (pred, gold)
    if pred.lang == "zh":
        s, lg = short.thing[0], long_.thing[0]
        return len(s) >= MIN_ZH_HEAD and lg.endswith(s) and (not pred_longer or _zh_modifier(lg[: -len(s)]))
    s_words, l_words = short.thing, long_.thing
    n = len(s_words)
    if not n or (pred_longer and _DIGIT.search(" ".join(l_words))):
        return False
    if l_words[:n] == s_words:  # "gross output" heads "gross output of industrial enterprises …"
        return l_words[n] in ("of", "in", "for", "from", "per", "above", "by", "to")
    if l_words[-n:] == s_words:  # "output" ends "industrial output"
        return not pred_longer or _en_modifier(l_words[:-n])
    return False


def _same_role(a: str, b: str) -> bool:
    return a == b or {a, b} == {"", "count"}  # 高新技术企业 (家) counts as 高新技术企业数


@lru_cache(maxsize=1)
def concept_mapper() -> Callable[[str, str | None], object] | None:
    """ontology.metrics.map_metric when the metric vocabulary is installed, else None."""
    try:
        module = importlib.import_module("ontology.metrics")
    except ImportError:
        return None
    return getattr(module, "map_metric", None)


def _same_concept(pred: str, gold: str, unit: str | None) -> bool:
    mapper = concept_mapper()
    if mapper is None:
        return False
    p, g = mapper(pred, unit), mapper(gold, unit)
    if p is None or g is None:
        return False
    exact = all(getattr(m, "match", "") == "exact" for m in (p, g))
    return exact and getattr(p, "concept", None) == getattr(g, "concept", None)


def same_metric(pred: str | None, gold: str | None, unit: str | None = None) -> bool:
    """Does the predicted metric name the same measured thing as the gold's?"""
    if not pred or not gold:
        return False
    a, b = metric_key(pred), metric_key(gold)
    if a.lang == b.lang and _same_role(a.role, b.role):
        if a.thing == b.thing and "".join(a.thing):
            return True
        if readable(pred) and _same_thing(a, b):
            return True
    return readable(pred) and _same_concept(pred, gold, unit)
