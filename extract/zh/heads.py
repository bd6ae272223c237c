"""Names ending with a head noun (patterns/entity_heads.tsv: …研究院, …产业园, …计划): the name
starts where the walk left stops (``extract/zh/extent.py``) and is dropped when what precedes
the head is only generic, counts, or needs a place it does not hold."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..textnorm import HAN, HAN_ONLY
from .extent import MAX_NAME, trim_start, walk_left
from .gazetteer import division_names
from .lists import last_cue_verb_end
from .postags import proper_tags, word_tags
from .rules import HeadNoun, NameRules
from .tokens import Candidate, Tokens
from .words import (
    CLAUSE_RE,
    NUMBER,
    PUNCT,
    after_last,
    breaks,
    heads_ending,
    in_dictionary,
    is_generic,
    is_glued,
    is_name_word,
    is_rare_name,
)


def _after_actor_verb(tokens: Tokens, start: int, end: int, rules: NameRules, known_typed) -> int:
    """P建设X装置: a programme-like name walks over verbs used as nouns (…建设…试点), but not over
    one right after a registry name: that name acts, the name starts after its verb."""
    ends = {ke for _, ke, _ in known_typed}
    k = tokens.at[start]
    text = tokens.text
    while k < len(tokens.words) and tokens.ends[k] <= end:
        pos = tokens.starts[k]
        if (
            pos > start
            and tokens.words[k] in rules.words["lead"]
            and (
                pos in ends
                or any(
                    rules.heads[h].type in ("Platform", "Institution") and not rules.heads[h].brand
                    for h in heads_ending(text[max(start, pos - 6) : pos])
                )
            )
        ):
            start = tokens.ends[k]  # (…国家科学中心建设大科学装置: the centre builds it)
        k += 1
    return start


def _past_place_verb(tokens: Tokens, start: int, rules: NameRules, known_typed, head: str = "") -> int:
    """光谷合成生物产业园: a word jieba tags as a verb (合成), right after a registry place, is part of
    the name the place opens; a verb of the rules' lists (建设, 打造) is not."""
    k = tokens.at[start] - 1
    if k < 1 or tokens.starts[k + 1] != start:
        return start
    word = tokens.words[k]
    if (
        word_tags().get(word) != "v"
        or len(word) < 2
        or word in rules.words["break"]
        or word in rules.words["lead"]
        or is_glued(word, rules)
    ):
        return start
    place = next((kn for kn, ke, kt in known_typed if ke == tokens.starts[k] and kt in ("Region", "Platform")), None)
    if place is None:
        return start
    return walk_left(tokens, place, rules, frozenset(), place - MAX_NAME, head)  # (福州至银川直飞航线)


def _is_category(tokens: Tokens, start: int, rules: NameRules) -> bool:
    """A name right after 等/一批…, or after a quantity in its clause, names a category."""
    if start == 0:
        return False
    before = tokens.words[tokens.at[start - 1]]
    if before in rules.words["category"]:
        return True
    if before == "的":
        clause_start = after_last(tokens.text, start, CLAUSE_RE)
        clause = tokens.text[clause_start:start]
        return any(q in clause for q in rules.words["quantity"])
    return False


def _oneword(
    tokens: Tokens, m: re.Match, head: HeadNoun, rules: NameRules, known_typed: Sequence[tuple[int, int, str]] = ()
) -> Candidate | None:
    """An administrative unit: one word before the head (宝安区, 新龙镇), or one word with it."""
    text = tokens.text
    k = tokens.at[m.start()]
    if tokens.starts[k] < m.start():
        if tokens.ends[k] != m.end():
            return None
        start = tokens.starts[k]
    elif k > 0:
        start = tokens.starts[k - 1]
    else:
        return None
    prefix = text[start : m.start()]
    if (
        not (2 <= len(prefix) <= 4 and HAN_ONLY.match(prefix))
        or is_generic(prefix, rules)
        or (prefix[0] in rules.words["counting"] and prefix[-1] in rules.words["division_char"])
    ):
        return None  # 两省区, 各县区: counts and quantifiers
    after_region = any(ke == start and kt == "Region" for _, ke, kt in known_typed)
    if (
        not after_region
        and proper_tags().get(prefix) != "ns"
        and proper_tags().get(text[start : m.end()]) != "ns"
        and not is_name_word(prefix)
    ):
        return None
    if prefix in rules.words["break"] or (
        start > 0
        and not breaks(tokens.words[tokens.at[start - 1]], rules)
        and tokens.words[tokens.at[start - 1]] not in ("与", "和", "及")
        and not after_region
    ):
        return None
    return Candidate(start, m.end(), head.type, "head:" + head.text)


def _brand(tokens: Tokens, m: re.Match, head: HeadNoun, rules: NameRules) -> Candidate | None:
    """A company's short name: one brand word before the head (赛博科技, 小鹏汽车): a word jieba's
    dictionary tags as a proper name or does not know, standing after a break word or punctuation."""
    k = tokens.at[m.start()]
    if k == 0 or tokens.starts[k] != m.start() or not tokens.is_end(m.end()):
        return None
    if not is_name_word(tokens.words[k - 1]):
        return None
    if k > 1 and not breaks(tokens.words[k - 2], rules, verbs=True):
        return None
    return Candidate(tokens.starts[k - 1], m.end(), head.type, "head:brand")


def _one_character_sector(tokens: Tokens, m: re.Match, rules: NameRules) -> Candidate | None:
    """茶产业, 竹产业: a one-character word before 产业, after a verb or punctuation, names a sector
    (the guide keeps 产业 in such a name)."""
    k = tokens.at[m.start()]
    if k == 0 or tokens.starts[k] != m.start() or len(tokens.words[k - 1]) != 1:
        return None
    word = tokens.words[k - 1]
    if (
        not HAN_ONLY.match(word)
        or word in rules.words["generic"]
        or word in rules.words["break"]
        or word in rules.words["counting"]
        or (k > 1 and not breaks(tokens.words[k - 2], rules, verbs=True))
    ):
        return None
    return Candidate(tokens.starts[k - 1], m.end(), "Industry", "head:产业")


def head_candidates(
    tokens: Tokens,
    rules: NameRules,
    places: frozenset[int],
    known_typed: Sequence[tuple[int, int, str]] = (),
    title: bool = False,
) -> Iterable[Candidate]:
    """Names ending with a head noun. In the document's title (``title``) a platform's name needs no
    place word: the place a plan is about is named by it (北部都会区发展蓝图, 东部新区总体规划)."""
    text = tokens.text
    known = [(kn, ke) for kn, ke, _ in known_typed]
    for m in rules.head_regex.finditer(text):
        head = rules.heads[m.group(0)]
        if head.industry:  # cheap tests first: 产业 is frequent
            if m.start() < 1 or text.startswith(rules.word_tuples["not_sector_after"], m.end()):
                continue
            one = _one_character_sector(tokens, m, rules) if head.text == "产业" else None
            if one is not None:
                yield one  # 做强茶产业: a one-character sector
                continue
            if not rules.industry_end.search(text[max(0, m.start() - 6) : m.start()]):
                continue
        elif not tokens.is_end(m.end()) and PUNCT.match(text[m.end()]) is None:
            continue
        elif head.quoted and "”" not in text[max(0, m.start() - MAX_NAME) : m.start()]:
            continue  # …体系, …机制 need a quoted label before them
        k = tokens.at[m.start()]
        if (
            len(head.text) == 1
            and tokens.starts[k] < m.start()
            and (
                any(kn <= m.start() < ke for kn, ke in known)
                or (
                    tokens.ends[k] - tokens.starts[k] == 2
                    and (
                        breaks(text[tokens.starts[k]], rules)
                        or (head.type == "Platform" and in_dictionary(tokens.words[k]))
                    )
                )
            )
        ):
            continue  # 香港, 赴港: the head is part of a word; 主城, 校园: a common noun
        if text.startswith(tuple(rules.words["organ"]), m.end()):
            continue  # 广州开发区工委: a party or government organ
        if head.oneword:
            c = _oneword(tokens, m, head, rules, known_typed)
            if c:
                yield c
            continue
        if head.brand:
            c = _brand(tokens, m, head, rules)
            if c:
                yield c
            continue
        start = (
            walk_left(tokens, m.start(), rules, places, m.start() - MAX_NAME, head.text, cross=head.cross)
            if m.start() > 0
            else 0
        )
        if start == m.start() and tokens.at[m.start()] > 0 and tokens.starts[tokens.at[m.start()]] < m.start():
            start = tokens.starts[tokens.at[m.start()]]
        start = _past_place_verb(tokens, start, rules, known_typed, head.text)
        if head.cross and head.type == "Project":
            start = _after_actor_verb(tokens, start, m.start(), rules, known_typed)
        start = trim_start(text, start, m.start(), rules, tokens, tags=not head.cross)
        prefix = text[start : m.start()]
        nxt = rules.head_regex.match(text, m.end())
        if "等" in prefix or (nxt and rules.heads[nxt.group(0)].type != "Initiative"):
            continue  # 云埔等片区; 试点 in 试点先行区 is a modifier
        if head.type == "Initiative" and rules.regexes["project_before"].search(prefix):
            continue  # 渝昆高铁宜宾段主体工程: the line is the name
        inner = next((kn for kn, ke, kt in known_typed if ke == m.end() and start < kn), None)
        if inner is not None and not _has_place(tokens, start, inner, rules, known_typed, head.type):
            continue  # 服务雄安新区: the registry name stands alone
        known_prefix = any(kn == start and ke == m.start() for kn, ke in known) or any(
            start <= kn and ke <= m.start() and kt in ("Region", "Platform", "Institution", "Enterprise")
            for kn, ke, kt in known_typed
        )
        if (
            len(prefix) < head.min_prefix
            or (
                _is_category(tokens, start, rules)
                and not (head.industry and tokens.words[tokens.at[start - 1]] == "等")
            )
            or (
                not known_prefix
                and not head.named
                and is_generic(prefix, rules)
                and not _kind_prefix(prefix, rules)
                and not (
                    head.type == "Event"
                    and len(prefix) >= 4
                    and prefix.startswith(rules.word_tuples["scope"])
                    and "级" not in prefix
                )
                and not (title and head.type == "Platform" and _direction_only(tokens, start, m.start()))
            )
        ):
            continue  # (a title's 北部都会区: a direction names the place)
        if head.quoted and not prefix.startswith("“"):
            continue
        if head.science and (not rules.science_regex.search(prefix) or prefix.endswith("基础")):
            continue  # 交通设施, 信息基础设施: not a science facility
        if len(head.text) == 1 and all(ch in rules.words["abbrev"] for ch in prefix):
            continue  # 广深港, 沪深港: contractions
        if (
            len(head.text) == 1
            and head.type == "Platform"
            and (
                prefix[-1] in rules.words["counting"]
                or not (
                    any(start <= kn < m.start() for kn, _, _ in known_typed)
                    or _division_or_name(tokens, start, m.start())
                )
            )
        ):
            continue  # 幼儿园, 一区多园: a one-character park head needs a place
        if "+" in prefix.replace("“", "").split("”")[-1] or not HAN.search(prefix):
            continue  # 广州总部+清远基地, P3实验室
        anchored = (
            (start > 0 and text[start - 1] == "“" and text.startswith("”", m.end()))
            or text[max(0, start - 4) : start].endswith(("为核心的", "为龙头的"))
            or _built_in_place(text, start, known_typed, rules)
            or (title and head.type == "Platform")
            or (
                head.text == "园"
                and any(kn == start and ke == m.start() and kt == "Industry" for kn, ke, kt in known_typed)
            )
        )  # 生物医药园: a park named for its sector
        if head.place and not anchored and not _has_place(tokens, start, m.start(), rules, known_typed, head.type):
            continue  # 开放合作示范区: a positioning label, not a name
        if head.type == "Platform" and text.startswith(tuple(rules.words["designation"]), start):
            continue  # 国家产城融合示范区: a designation many places hold
        if NUMBER.match(tokens.words[tokens.at[start]]) and tokens.starts[tokens.at[start]] == start:
            continue  # (两条)12英寸晶圆生产线: a kind of facility, no name
        if head.type != "Region" and not head.industry and rules.regexes["counted"].match(text, m.end()):
            continue  # 建成…换电站120座: a kind of facility, counted
        if head.type == "Institution" and text.startswith(rules.word_tuples["rank"], start):
            continue  # 省级低空领域重点实验室: a rank, not a name
        type_ = head.type
        if head.type == "Platform" and any(
            kn >= start and ke <= m.start() and kt == "Institution" for kn, ke, kt in known_typed
        ):
            type_ = "Institution"  # 张江实验室广州基地: an institute's branch
        if head.type == "Platform" and _division_name(text, start, m.end(), known_typed):
            type_ = "Region"  # 天津滨海新区: an administrative district
        elif type_ == "Platform" and not head.industry:
            start = _past_division(tokens, start, m.start(), rules, known_typed, type_)
        if head.industry:
            verb = last_cue_verb_end(text, start, m.start(), rules)
            if verb is not None:
                start = verb  # …重点发展音视频产业: the sector after the verb
                prefix = text[start : m.start()]
            place = next((ke for kn, ke, kt in known_typed if kn == start and kt in ("Region", "Platform")), None)
            if place is not None and place < m.start():
                start = trim_start(text, place, m.start(), rules, tokens)  # 芜湖低空经济产业: the sector
                prefix = text[start : m.start()]
            kind = next(
                (
                    n
                    for n in (4, 3)
                    if _kind_prefix(prefix[: n + 2], rules) and tokens.is_end(start + n) and len(prefix) - n >= 2
                ),
                None,
            )
            if kind is not None:
                start += kind  # 生物城生物产业: the platform's kind word, then the sector
                prefix = text[start : m.start()]
            if head.text == "企业" and rules.regexes["firm_type"].search(prefix):
                continue  # 总部型金融企业, 科技型企业: a kind of firm, not a sector
            if (
                rules.regexes["digit_or_scale"].search(prefix)
                or len(prefix) > 10
                or "“" in prefix
                or len(prefix) < head.min_prefix
                or not rules.industry_end.search(prefix)
                or is_generic(prefix, rules)
                or prefix in rules.words["umbrella"]
            ):
                continue  # 全产业链, 产业集群: not the sector's own name
            yield Candidate(start, m.start(), head.type, "head:产业")
            continue
        end = m.end()
        phase = rules.regexes["phase"].match(text, end)
        if phase:
            end, type_ = phase.end(), "Project"  # 岭南医院二期: a construction phase
        if type_ == "Project":
            seg = rules.regexes["segment"].match(text, end)
            if seg:
                end = seg.end()  # 渝昆高铁宜宾段, 长赣高铁长沙至浏阳段: a section
        q = text.rfind("“", 0, start)
        if q >= 0 and text.find("”", q) >= end and rules.regexes["slogan"].match(text, q + 1):
            continue  # “一环两带三片区”: a layout slogan, an Initiative
        if (
            start > 0
            and text[start - 1] == "“"
            and text.startswith("”", end)
            and text[end + 1 : end + 5].startswith(tuple(rules.words["quote_after"]) + ("品牌",))
        ):
            continue  # “…最佳示范区”称号: a title
        yield Candidate(start, end, type_, "head:" + head.text)


def _kind_prefix(prefix: str, rules: NameRules) -> bool:
    """生物城创新孵化园: a name opening with the kind word of a platform (生物城, 科学城, 知识城), which
    stands for the document's own platform, is that platform's park, not a category."""
    return any(
        len(prefix) > n and prefix[:n] in rules.heads and rules.heads[prefix[:n]].type == "Platform" for n in (3, 4)
    )


def _direction_only(tokens: Tokens, start: int, end: int) -> bool:
    """Is text[start:end] made only of direction words of two characters (北部, 东部: jieba's f)?"""
    k = tokens.at[start]
    if tokens.starts[k] != start:
        return False
    while k < len(tokens.words) and tokens.starts[k] < end:
        if word_tags().get(tokens.words[k]) != "f" or len(tokens.words[k]) != 2 or tokens.ends[k] > end:
            return False
        k += 1
    return True


def _past_division(tokens: Tokens, start: int, end: int, rules: NameRules, known_typed, type_: str) -> int:
    """鄂州市葛店经济技术开发区, 临安区青山湖科技城: a platform written after the full name of the
    division it lies in is named without it when the rest holds a place or brand of its own (葛店,
    青山湖); 筠连县国家现代农业产业园 keeps its county (the rest names no place)."""
    k = tokens.at[start]
    if tokens.starts[k] != start:
        return start
    for n in (1, 2):
        if k + n > len(tokens.words):
            break
        cut = tokens.ends[k + n - 1]
        name = tokens.text[start:cut]
        if cut >= end - 1 or not name.endswith(rules.word_tuples["division_end"]) or len(name) < 3:
            continue
        if division_names().get(name) != name:
            continue  # (粤港澳大湾区 is a region, not a division)
        rest_known = [(kn, ke, kt) for kn, ke, kt in known_typed if kn >= cut]
        if (
            end - cut >= 2
            and not is_generic(tokens.text[cut:end], rules)
            and _has_place(tokens, cut, end, rules, rest_known, type_)
        ):
            return cut
    return start


def _division_name(text: str, start: int, end: int, known_typed) -> bool:
    """Is the name, less a leading region, an administrative division (滨海新区 of 天津)?"""
    names = division_names()
    if names.get(text[start:end]) == text[start:end]:
        return True
    lead = next((ke for kn, ke, kt in known_typed if kn == start and kt == "Region" and ke < end), None)
    return lead is not None and names.get(text[lead:end]) == text[lead:end]


def _built_in_place(text: str, start: int, known_typed, rules: NameRules) -> bool:
    """在鸠江区布局低空智能制造基地: a park a sentence builds in a named place is singled out."""
    m = rules.regexes["built_in"].search(text, max(0, start - 20), start)
    if m is None:
        return False
    ps, pe = m.span("p")
    return (
        any(ps <= kn and ke <= pe and kt in ("Region", "Platform") for kn, ke, kt in known_typed)
        or text[ps:pe] in division_names()
    )


def _division_or_name(tokens: Tokens, start: int, end: int) -> bool:
    """Does the span hold a division name or a word jieba does not know (a local name)?"""
    k = tokens.at[start]
    while k < len(tokens.words) and tokens.starts[k] < end:
        if tokens.words[k] in division_names() or is_rare_name(tokens.words[k]):
            return True
        k += 1
    return False


def _has_place(tokens: Tokens, start: int, end: int, rules: NameRules, known, type_: str) -> bool:
    """Does the part before the head hold a place or brand: a registry name, a quoted label,
    a word jieba's dictionary tags as a place or proper name (黄埔, 中新), or (institutes) 国家?"""
    text = tokens.text
    if "“" in text[start:end]:
        return True
    if any(start <= kn < end and kt not in ("Industry", "Initiative") for kn, _, kt in known):
        return True
    if type_ == "Institution" and (re.search("国家(?!级)", text[start:end]) or text.startswith("中国", start)):
        return True
    if type_ == "Event" and text.startswith(rules.word_tuples["scope"], start):
        return True  # 世界动力电池大会: an event's scope is its place
    k = tokens.at[start]
    if tokens.starts[k] == start and is_rare_name(tokens.words[k]):
        return True  # 星河生物医药孵化器, 云湖科技园: a local name
    first = k
    while k < len(tokens.words) and tokens.starts[k] < end:
        word = tokens.words[k]
        if (
            proper_tags().get(word)
            or word in rules.words["place"]
            or word in division_names()
            or (len(word) >= 2 and all(ch in rules.words["abbrev"] for ch in word))
        ):
            return True
        if (
            k > first
            and len(word) >= 2
            and word in rules.heads
            and rules.heads[word].place
            and rules.heads[word].type in ("Platform", "Project", "Region")
            and word not in rules.words["link_head"]
        ):
            return True  # 前湾港区自动化码头: a named area holds it
        k += 1
    return False
