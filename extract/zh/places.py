"""Places: administrative divisions (``extract/zh/gazetteer.py``) written as one token or two,
and an institute's or company's branch or a university's campus named by its place
(国家第三代半导体技术创新中心(苏州), 中山大学·深圳)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ..textnorm import HAN_ONLY
from .gazetteer import division_names, needs_context
from .postags import proper_tags
from .rules import NameRules
from .tokens import Candidate, Known, Tokens


def no_context_needed(form: str) -> bool:
    """A division form that may stand in any document (no prefecture or province needed)."""
    return not needs_context(form)


def division_candidates(
    tokens: Tokens, rules: NameRules, allowed: Callable[[str], bool] = no_context_needed
) -> Iterable[Candidate]:
    """Administrative divisions (extract/zh/gazetteer.py) written as one token or two (胶州/市)."""
    names = division_names()
    words = tokens.words
    for k in [k for k, w in enumerate(words) if w in names]:
        w = words[k]
        if HAN_ONLY.match(w) and allowed(w):
            yield Candidate(tokens.starts[k], tokens.ends[k], "Region", "gazetteer", names[w])
    for k in [k for k, w in enumerate(words) if w in rules.words["division_suffix"]]:
        for n in (1, 2):  # 胶州/市, 湾/沚/区
            if k >= n:
                name = "".join(words[k - n : k + 1])
                if names.get(name) == name and allowed(name):
                    yield Candidate(tokens.starts[k - n], tokens.ends[k], "Region", "gazetteer", name)
                    break


BRANCH_TYPES = ("Institution", "Enterprise", "Event")


def branch_candidates(
    tokens: Tokens, names: Sequence[tuple[int, int, str]], known: Sequence[Known], rules: NameRules
) -> Iterable[Candidate]:
    """国家第三代半导体技术创新中心(苏州), 台积电(南京): an institute's or a company's branch named by
    the city in brackets right after the name (a division or a registry region of 2-4 characters)."""
    text = tokens.text
    regions = {(k.start, k.end) for k in known if k.type == "Region"}
    seen = set()
    for s, e, type_ in names:
        if type_ not in BRANCH_TYPES or e >= len(text) or text[e] not in "((" or (s, e) in seen:
            continue
        seen.add((s, e))
        close = next((i for i in range(e + 3, min(len(text), e + 6)) if text[i] in "))"), None)
        if close is None:
            continue
        place = text[e + 1 : close]
        if (
            HAN_ONLY.match(place)
            and ((e + 1, close) in regions or place in division_names())
            and text.endswith(rules.word_tuples["campus_of"], s, e) is False
        ):
            yield Candidate(s, close + 1, type_, "branch")


def campus_candidates(
    tokens: Tokens, institutions: Sequence[tuple[int, int]], known: Sequence[Known], rules: NameRules
) -> Iterable[Candidate]:
    """A university's campus named by its place: 中山大学·深圳, 哈尔滨工业大学(深圳), 南方科技大学·光明校区
    (the place after a middle dot, or in brackets, right after the university's name)."""
    text = tokens.text
    regions = {(k.start, k.end) for k in known if k.type == "Region"}
    for s, e in institutions:
        if e >= len(text) or text[e] not in "·・((" or not text.endswith(rules.word_tuples["campus_of"], s, e):
            continue
        for n in (6, 5, 4, 3, 2):
            place = text[e + 1 : e + 1 + n]
            end = e + 1 + n
            if (
                len(place) != n
                or not HAN_ONLY.match(place)
                or not tokens.is_end(end)
                or (n > 4 and not place.endswith("校区"))
            ):
                continue
            if text[e] in "((":
                if not text.startswith((")", ")"), end):
                    continue
                end += 1
            if (
                (e + 1, e + 1 + n) in regions
                or place in division_names()
                or place.endswith("校区")
                or proper_tags().get(place) == "ns"
            ):
                break
        else:
            continue
        yield Candidate(s, end, "Institution", "campus")
