"""Where a name not in the registry starts: the walk left from its head over jieba tokens, up to
a break word or punctuation (quoted parts and bracketed place qualifiers taken in), and the
leading verbs and modifiers trimmed off."""

from __future__ import annotations

from ..textnorm import HAN_ONLY
from .postags import LEAD_TAGS, proper_tags, word_tags
from .rules import NameRules
from .tokens import Tokens
from .words import NUMBER, breaks, heads_ending, is_glued, is_rare_in_dictionary

MAX_NAME = 28


def walk_left(
    tokens: Tokens,
    pos: int,
    rules: NameRules,
    places: frozenset[int],
    limit: int,
    head: str | None = None,
    cross: bool = False,
) -> int:
    """Where a name that reaches back to ``pos`` (inside or at a token) starts.

    With ``cross`` (programme names: …试点, …计划) the walk goes on over words that such names
    use as nouns (建设, 服务, 发展 …: 信用建设服务实体经济发展试点); a leading one is trimmed later.
    """
    text = tokens.text
    k = tokens.at[pos] if pos < len(text) else len(tokens.words) - 1
    start = tokens.starts[k] if k < len(tokens.starts) else pos
    k -= 1
    while k >= 0 and start > limit:
        word = tokens.words[k]
        if text[start - 1] == "”":  # a quoted part: “金镶玉”政策体系
            q = text.rfind("“", max(0, start - 16), start - 1)
            if q < 0:
                break
            start, k = q, tokens.at[q] - 1
            if start > 0 and text[start - 1] == "”":
                break  # “双报到”“一十百千万”…: one quoted part only
            continue
        if text[start - 1] in ")）":  # a place qualifier: 世界气象中心(北京)分中心
            q = max(text.rfind("(", max(0, start - 8), start), text.rfind("(", max(0, start - 8), start))
            inner = text[q + 1 : start - 1] if q >= 0 else ""
            if not (2 <= len(inner) <= 4 and HAN_ONLY.match(inner)) or q == 0:
                break
            start, k = q, tokens.at[q] - 1
            continue
        if word in rules.words["joiner"]:
            if (
                k == 0
                or breaks(tokens.words[k - 1], rules)
                or (
                    head
                    and rules.heads.get(head)
                    and rules.heads[head].type == "Project"
                    and not rules.heads[head].cross
                )
            ):
                break  # 南海神庙及码头: a facility is not joined (脑解析与脑模拟设施 is)
            ext = walk_left(
                tokens,
                tokens.starts[k] - 1,
                rules,
                places,
                limit,
                cross=cross
                and head is not None
                and bool(head)
                and rules.heads.get(head) is not None
                and rules.heads[head].type == "Project",
            )
            ext_text = text[ext : tokens.starts[k]]
            if any(not rules.heads[h].brand for h in heads_ending(ext_text[-6:])):
                break  # A医院与B医院, A新发展区和B新发展区: two names
            other_head = rules.head_regex.search(ext_text)
            if other_head and not (
                head
                and rules.heads[other_head.group(0)].type == "Institution"
                and rules.heads.get(head)
                and rules.heads[head].type == "Institution"
                and other_head.group(0) != head
            ):
                break
            if ext < tokens.starts[k] and (
                ext in places
                or ext_text[:2] in ("国家", "中国")
                or (cross and len(ext_text) <= 8)
                or (
                    head
                    and rules.heads.get(head)
                    and rules.heads[head].type == "Platform"
                    and len(ext_text) <= 10
                    and rules.industry_end.search(ext_text)
                    and rules.industry_end.search(text[tokens.ends[k] : pos])
                )
            ):
                start = ext  # (翔安新型显示和化合物半导体基地: a park for two sectors)
            break
        if word in ("·", "・") and k > 0 and HAN_ONLY.match(tokens.words[k - 1]) and len(tokens.words[k - 1]) <= 4:
            start, k = tokens.starts[k - 1], k - 2  # 中国·廊坊国际经济贸易洽谈会
            continue
        if (
            (word in ("-", "/") or (word == "至" and head in rules.words["link_head"]))
            and k > 0
            and HAN_ONLY.match(tokens.words[k - 1])
            and len(tokens.words[k - 1]) <= 4
            and not breaks(tokens.words[k - 1], rules)
            and not (head and tokens.words[k - 1].endswith(head))
        ):
            start, k = tokens.starts[k - 1], k - 2  # 西区-化龙过江隧道: a link between two places
            continue
        if (
            breaks(word, rules, verbs=not cross)
            and not (cross and word in rules.words["nominal"])
            and not _opening_character(tokens, k, rules)
            and not _specification(tokens, k, rules)
        ):
            break
        if (
            word_tags().get(word) == "v"
            and k > 0
            and not cross
            and len(tokens.words[k - 1]) >= 2
            and any(
                not rules.heads[h].brand and not rules.heads[h].industry and rules.heads[h].type != "Region"
                for h in heads_ending(tokens.words[k - 1][-6:])
            )
        ):
            break  # 方特旅游度假区开发…航线: a name, then its verb
        start = tokens.starts[k]
        k -= 1
    return start


def _specification(tokens: Tokens, k: int, rules: NameRules) -> bool:
    """12英寸晶圆生产线, 第8.6代…面板生产线: a number with its unit is part of a facility's name."""
    return (
        NUMBER.match(tokens.words[k]) is not None
        and k + 1 < len(tokens.words)
        and tokens.words[k + 1] in rules.words["spec_unit"]
    )


def _opening_character(tokens: Tokens, k: int, rules: NameRules) -> bool:
    """留仙洞…基地, 建设怀北…产业园: a one-character word jieba tags as a verb, opening the sentence or a
    list item or right after a verb of the rules (建设), is a place's first character, not a verb (a
    one-character verb rarely opens a clause in a plan, or follows another verb)."""
    word = tokens.words[k]
    return (
        len(word) == 1
        and word_tags().get(word) == "v"
        and word not in rules.words["one_char_verb"]
        and word not in rules.words["break"]
        and (
            k == 0
            or tokens.words[k - 1] == "、"
            or (len(tokens.words[k - 1]) >= 2 and tokens.words[k - 1] in rules.words["lead"])
        )
        and k + 1 < len(tokens.words)
        and len(tokens.words[k + 1]) >= 2
        and tokens.text.rfind("“", 0, tokens.starts[k]) <= tokens.text.rfind("”", 0, tokens.starts[k])
    )


def trim_start(
    text: str, start: int, end: int, rules: NameRules, tokens: Tokens | None = None, tags: bool = True
) -> int:
    """Strip leading modifiers (trim words) and, token by token, leading verbs and numerals
    (``tags``: also words jieba's dictionary tags as verbs, numerals …)."""
    while start < end:
        before = start
        start = _trim_lead(start, end, rules, tokens)  # 建设新龙镇…试点 -> 新龙镇…试点
        m = rules.trim_regex.match(text, start, end)
        if m and m.end() < end:
            start = m.end()
        if tokens is not None and tags and start < end:
            k = tokens.at[start]
            word = tokens.words[k]
            if (
                tokens.starts[k] == start
                and tokens.ends[k] < end
                and word not in rules.words["keep"]
                and word_tags().get(word) in LEAD_TAGS
                and not is_rare_in_dictionary(word)
                and not (word_tags().get(word) == "f" and len(word) > 1)  # 西部(成都)科学城
                and not _opening_character(tokens, k, rules)  # 留仙洞…基地
                and not (
                    len(word) == 1 and k + 1 < len(tokens.words) and proper_tags().get(tokens.words[k + 1]) == "ns"
                )
            ):  # 三龙湾: part of a place
                start = tokens.ends[k]
        if start == before:
            break
    return start


def _trim_lead(start: int, end: int, rules: NameRules, tokens: Tokens | None) -> int:
    """A leading verb of the lead list (or a break word jieba glued to a modifier), as a whole token."""
    if tokens is None or start >= end:
        return start
    k = tokens.at[start]
    word = tokens.words[k]
    if tokens.starts[k] == start and tokens.ends[k] < end and (word in rules.words["lead"] or is_glued(word, rules)):
        return tokens.ends[k]
    return start
