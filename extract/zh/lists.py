"""Items of A、B和C lists: typed by a list cue (patterns/list_cues.tsv: …等战略性新兴产业, 重点发展…,
以A、B为核心), and every list of a sentence (for typing the unnamed items of a list of names)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..textnorm import HAN_ONLY
from .extent import trim_start, walk_left
from .postags import proper_tags, word_tags
from .rules import NameRules
from .tokens import Candidate, Known, Tokens
from .words import (
    PUNCT,
    breaks,
    end_of_clause,
    is_generic,
    is_name_word,
    is_rare_name,
    is_rule_word,
    start_of_clause,
)

_ITEM = re.compile(r"[^、]+")
_LAST_JOINER = re.compile(r"以及|和|及")


def split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A、B和C -> spans of A, B, C (the last 和/及/以及 splits only the last item)."""
    spans = []
    for part in _ITEM.finditer(text[start:end]):
        spans.append((start + part.start(), start + part.end()))
    out = []
    for s, e in spans:
        pos = s
        for m in _LAST_JOINER.finditer(text[s:e]):
            a, b = s + m.start(), s + m.end()
            if a > pos and b < e:
                out.append((pos, a))
                pos = b
        out.append((pos, e))
    return out


def _item_ok(text: str, s: int, e: int, type_: str, rules: NameRules, known: dict, strict: bool = False) -> bool:
    item = text[s:e]
    if (
        not (2 <= len(item) <= 14)
        or PUNCT.search(item[0])
        or rules.regexes["digit_or_scale"].search(item)
        or rules.regexes["count_start"].match(item)
    ):
        return False
    if (s, e) in known or (type_ in ("Platform", "Region") and proper_tags().get(item) == "ns"):
        return True
    if is_generic(item, rules) or item in rules.words["break"]:
        return False
    if any(w in item for w in ("的", "等", "为")):
        return False
    if item.endswith(rules.word_tuples["honorific"]):
        return False
    if type_ == "Industry":  # 枸杞, 精品民宿, 车路协同: a cue types short items
        if strict and rules.regexes["key_technology"].search(item):
            return False  # 聚焦…关键核心技术: technologies, not a sector
        return len(item) <= 12 and (rules.industry_end.search(item) is not None or (len(item) <= 6 and not strict))
    if type_ == "Enterprise":
        return len(item) <= 8 and not item.endswith(rules.word_tuples["not_firm_item"])
    return True


def last_cue_verb_end(text: str, start: int, end: int, rules: NameRules) -> int | None:
    """The end of the last develop cue (重点发展, 大力发展 …) inside text[start:end], if any."""
    last = None
    for cue in rules.cues:
        if cue.side == "before":
            for m in cue.regex.finditer(text, start, end):
                last = m.end() if last is None else max(last, m.end())
    return last


def list_candidates(
    tokens: Tokens, rules: NameRules, known: Sequence[Known], places: frozenset[int]
) -> Iterable[Candidate]:
    """Items of lists a cue types (…等战略性新兴产业, 重点发展…, 以A、B为核心)."""
    text = tokens.text
    known_spans = {(k.start, k.end): k.type for k in known}
    for cue in rules.cues:
        for m in cue.regex.finditer(text):
            if cue.side == "inside":
                start, end = m.span("list")
            elif cue.side == "before":
                start, end = m.end(), end_of_clause(text, m.end())
                stop = rules.regexes["list_stop"].search(text, start, end)
                end = stop.start() if stop else end  # …、智能装备三大主导产业: the list ends at the count
                end = end - 2 if text.endswith("业务", start, end) else end  # 做强X和Y业务: the business is Y
            else:
                end = m.start()
                start = start_of_clause(text, end)
                if text[end - 1 : end] == "等":
                    end -= 1
            spans = split_items(text, start, end)
            if len(spans) < 2 and cue.side != "inside" and not (cue.type == "Enterprise" and cue.side == "after"):
                continue  # (芯华章等EDA企业: one company before its kind, below)
            if cue.side == "after" and spans:  # the first item starts after a break word
                s0, e0 = spans[0]
                s0 = max(s0, walk_left(tokens, e0 - 1, rules, places, s0 - 1) if e0 > s0 else s0)
                verb = last_cue_verb_end(text, s0, e0, rules)
                s0 = verb if verb is not None else s0  # 园区重点发展医疗器械、…等产业: after the verb
                s0 = trim_start(text, s0, e0, rules, tokens)
                inner = next(
                    (ks for (ks, ke), kt in known_spans.items() if ke == e0 and s0 < ks and kt == "Industry"), None
                )
                if (
                    inner is not None
                    and tokens.starts[tokens.at[s0]] == s0
                    and tokens.ends[tokens.at[s0]] == inner
                    and not rules.industry_end.search(text[s0:inner])
                    and not is_rare_name(text[s0:inner])
                ):
                    s0 = inner  # 容纳生物医药、…相关企业: a word before a known sector
                spans[0] = (s0, e0)
            if len(spans) == 1 and cue.side != "inside" and not _lone_brand(tokens, *spans[0], rules, known_spans):
                continue  # a lone item: only a brand right before 等…企业
            for i, (s, e) in enumerate(spans):
                # 合成生物: only a first item after no cue verb loses a verb-like start
                s = trim_start(text, s, e, rules, tokens, tags=i == 0 and cue.side != "before")
                if (
                    cue.type == "Enterprise"
                    and text[s:e].endswith(rules.word_tuples["project_item"])
                    and 4 <= e - s <= 10
                ):
                    yield Candidate(s, e, "Project", f"list:{cue.side}")  # 以粤芯、光掩模项目为核心
                elif cue.type == "Enterprise" and len(spans) == 1 and cue.side == "after":
                    yield Candidate(s, e, "Enterprise", f"list:{cue.side}")  # (_lone_brand vouched for it)
                elif (
                    cue.type == "Enterprise"
                    and cue.side == "after"
                    and _kind_of(text[s:e], m.group(0), rules)
                    and not text[s:e].endswith(rules.word_tuples["firm_word"])
                    and not _brand_item(tokens, s, e, known_spans)
                    and _item_ok(text, s, e, "Industry", rules, known_spans)
                ):
                    yield Candidate(s, e, "Industry", f"list:{cue.side}")  # 数据标注、数据合规等数据服务企业
                elif _item_ok(
                    text,
                    s,
                    e,
                    cue.type,
                    rules,
                    known_spans,
                    strict=rules.regexes["weak_cue"].search(m.group(0)) is not None,
                ):
                    yield Candidate(s, e, cue.type, f"list:{cue.side}")


def _kind_of(item: str, cue: str, rules: NameRules) -> bool:
    """数据标注 before 等数据服务企业: the item shares a word with the sector the cue names, so it is a
    kind of that business (东方中科 before 等科学仪器企业 is a company)."""
    sector = cue.lstrip("等").rstrip("企业龙头骨干领军")
    if not rules.industry_end.search(sector):
        return False
    return any(item[i : i + 2] in sector for i in range(len(item) - 1))


def _lone_brand(tokens: Tokens, start: int, end: int, rules: NameRules, known_spans) -> bool:
    """芯华章等EDA企业, 天域半导体等第三代半导体企业: one company named before 等 and its kind. Its
    first word is a name (a proper name, or a word jieba's dictionary does not tag); a common noun
    (独角兽等企业) or a kind of firm (民营企业等) is not a company."""
    item = tokens.text[start:end]
    if (
        not (2 <= len(item) <= 8)
        or end >= len(tokens.text)
        or tokens.words[tokens.at[end]] != "等"
        or is_generic(item, rules)
        or item.endswith(rules.word_tuples["firm_word"] + rules.word_tuples["group_word"])
        or not (HAN_ONLY.match(item) or item.isascii())
    ):
        return False
    if (start, end) in known_spans:
        return True
    k = tokens.at[start]
    first = tokens.words[k]
    return (
        tokens.starts[k] == start
        and not is_rule_word(first)
        and (is_name_word(first) or proper_tags().get(first) is not None or word_tags().get(first) is None)
    )


def _brand_item(tokens: Tokens, start: int, end: int, known_spans) -> bool:
    """Does a list item look like a company's name: known, or opening with a word jieba does not know
    or tags as a proper name (数据标注 does not: a kind of business)?"""
    if (start, end) in known_spans:
        return True
    k = tokens.at[start]
    return tokens.starts[k] == start and (
        is_name_word(tokens.words[k]) or proper_tags().get(tokens.words[k]) is not None
    )


_LIST_CLAUSE = re.compile(r"[^,,;;。::!!??“”()()]+")


def list_items(tokens: Tokens, rules: NameRules) -> list[list[tuple[int, int]]]:
    """The items of every A、B和C list in the sentence: the first item starts after a break word,
    the last ends at 等 or before a break word."""
    text = tokens.text
    out: list[list[tuple[int, int]]] = []
    if "、" not in text:
        return out
    for m in _LIST_CLAUSE.finditer(text):
        if "、" not in m.group(0):
            continue
        spans = split_items(text, m.start(), m.end())
        if len(spans) < 2:
            continue
        s0, e0 = spans[0]
        s0 = max(s0, walk_left(tokens, e0 - 1, rules, frozenset(), s0 - 1))
        spans[0] = (trim_start(text, s0, e0, rules, tokens), e0)
        s, e = spans[-1]
        k = tokens.at[s]
        end = s
        while k < len(tokens.words) and tokens.starts[k] < e:
            if tokens.words[k] == "等" or (end > s and breaks(tokens.words[k], rules, verbs=True)):
                break
            end = tokens.ends[k]
            k += 1
        spans[-1] = (s, min(end, e))
        out.append([(a, b) for a, b in spans if b > a])
    return out
