"""Quoted labels (“四区四中心”, “揭榜挂帅”) name programmes, models and slogans: Initiatives, unless
patterns/quoted.tsv says they are formulas, periods, titles or metaphors."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..textnorm import HAN
from .rules import NameRules
from .tokens import Candidate, Tokens
from .words import CLAUSE_BREAK

QUOTED = re.compile(r"“([^“”]{2,30})”")


def quoted_candidates(
    tokens: Tokens, rules: NameRules, place_ends: frozenset[int] = frozenset()
) -> Iterable[Candidate]:
    """A quoted label names a programme, model or slogan (“四区四中心”, “揭榜挂帅”): Initiative,
    unless the label is a political formula or a period (quoted.tsv) or the words after it
    say it is a title, a metaphor or a description (“…”称号, “卡脖子”技术)."""
    text = tokens.text
    for m in QUOTED.finditer(text):
        label = m.group(1)
        if label in rules.words["not_a_name"] or rules.quote_skip.match(label) or "的" in label:
            continue  # “春天的故事”: a phrase with 的 describes, it does not name
        after = text[m.end() : m.end() + 4]
        end_head = next(
            (rules.heads[label[i:]] for i in range(max(0, len(label) - 8), len(label) - 1) if label[i:] in rules.heads),
            None,
        )
        if after.startswith(tuple(rules.words["quote_after"])) and not (
            end_head is not None and end_head.type == "Initiative" and not end_head.quoted
        ):
            continue  # (“5050计划”项目: the label is a programme's own name)
        if (
            m.start()
            and (m.end() == len(text) or text[m.end()] in CLAUSE_BREAK)
            and not rules.regexes["slogan"].match(label)
            and (m.start() in place_ends or rules.head_regex.search(text[max(0, m.start() - 3) : m.start()]))
        ):
            continue  # 科技创新轴“北极点”。: a role given to the place just named
        if (
            end_head is not None
            and end_head.type in ("Platform", "Institution", "Project", "Event")
            and not re.search(r"[\d、,]", label)
            and not end_head.brand
            and not end_head.industry
            and not end_head.quoted
            and len(label) > len(end_head.text) + 1
            and not rules.regexes["slogan"].match(label)
            and not after.startswith("品牌")
        ):
            yield Candidate(m.start(), m.end(), end_head.type, "quoted")  # 「創科產業引導基金」: the quotes name it
            continue
        before = text[max(0, m.start() - 4) : m.start()]
        if before.endswith(tuple(rules.words["quote_before"])) and (
            m.end() == len(text) or text[m.end()] in CLAUSE_BREAK
        ):
            continue  # …力量的“黄埔军校”。: a metaphor
        if len(label) <= 2 and (m.end() == len(text) or text[m.end()] in CLAUSE_BREAK + "、“”"):
            continue  # 进行“强链”,…“补链”: a short slogan word, not a name
        if rules.regexes["target_label"].search(label):
            continue  # “30分钟交通圈”, “1小时通达”: a target
        tail = rules.head_regex.search(label)
        if not (tail and tail.end() == len(label)):  # “北都大学教育城”: the head that ends the label
            tail = next(
                (
                    rx
                    for rx in (
                        rules.head_regex.fullmatch(label, i) for i in range(max(0, len(label) - 8), len(label) - 1)
                    )
                    if rx
                ),
                None,
            )
        if (
            tail
            and tail.end() == len(label)
            and rules.heads[tail.group(0)].type not in ("Initiative",)
            and (len(tail.group(0)) > 1 or len(label) - 1 >= rules.heads[tail.group(0)].min_prefix)
            and not after.startswith("品牌")
            and not rules.regexes["slogan"].match(label)
            and HAN.search(label[: tail.start()])
        ):  # (“双城”: no head rule names it; “5050计划”: nor this)
            continue  # “珠江国际慢岛”: the head rule names it
        yield Candidate(m.start(), m.end(), "Initiative", "quoted")
