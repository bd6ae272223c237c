"""Names that are not in the registry, found by rules over one sentence.

Every rule works on the width-folded sentence text and the jieba tokens spaCy made of it;
what the rules know (head nouns, break/trim/generic words, whole-name patterns, list cues)
lives in patterns/*.tsv (see extract/rules.py). The rules:

* head nouns: a name ends with a head (…研究院, …产业园, …计划) and starts after the nearest
  break word or punctuation, trimmed of leading modifiers; generic phrases are dropped;
* whole-name patterns: rail lines with elided heads (有轨电车2、3号线), 《titles》, laws;
* list cues: items of A、B和C lists typed by a cue (…等战略性新兴产业, 重点发展…, 以A、B为核心).
"""
from __future__ import annotations

from typing import NamedTuple

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .gazetteer import division_names, needs_context
from .postags import BREAK_TAGS, LEAD_TAGS, proper_tags, word_tags
from .rules import Head, Rules, load_rules

PUNCT = re.compile(r"^[\s,,。;;::!!??、“”‘’\"'()()《》〈〉「」『』\[\]【】—\-–…·・/|]+$")
QUANTITY = re.compile(r"^(?:[\d.]+[%个家所项条批大类]?|[一二两三四五六七八九十百千万]+[个家所项条批大类])$")
CLAUSE_BREAK = ",,;;。::!!??"
CLAUSE_RE = re.compile("[" + re.escape(CLAUSE_BREAK) + "]")
CLAUSE_OR_QUOTE_RE = re.compile("[" + re.escape(CLAUSE_BREAK + "“”()()") + "]")
CJK = re.compile(r"^[\u4e00-\u9fff]+$")
CJK_ANY = re.compile(r"[\u4e00-\u9fff]")
DIGIT_OR_SCALE = re.compile(r"[\d%]|[百千万亿]级")
MAX_NAME = 28
COUNT_START = re.compile(r"[一二两三四五六七八九十几多]+[大个家所项条类批]")
SEGMENT = re.compile(r"[\u4e00-\u9fff]{2,4}(?:至[\u4e00-\u9fff]{2,4})?段(?![\u4e00-\u9fff]*[路街])")
PROJECT_BEFORE = re.compile(r"(?:段|[一二三四五六七八九十]期|高铁|铁路|高速|公路|大桥|隧道|号线)(?:主体|配套|前期|建设)?$")
COUNTING = frozenset("一二两三四五六七八九十几多各全本我该每")
LINK_HEADS = frozenset({"铁路", "高铁", "城际", "城际铁路", "高速", "高速公路", "公路", "快速路", "通道",
                        "航线", "连接线", "轨道", "隧道", "大桥", "走廊"})   # A至B铁路: a link between places
PHASE = re.compile(r"第?[一二三四五六七八九十]期|[东西南北]延(?:长)?线|延长线|延伸段|延伸线|[东西南北]延段|[东西南北]延|[东西南北中]段")


class Candidate(NamedTuple):
    """A name found in a sentence: offsets into the sentence text."""
    start: int
    end: int
    type: str
    rule: str
    name: str | None = None        # the full name where the span elides part of it (有轨电车3号线)
    of: tuple[int, int] | None = None   # an abbreviation: the span of the name it abbreviates


class Known(NamedTuple):
    """A registry match in the sentence, which the rules may use (lists, joiners)."""
    start: int
    end: int
    type: str


class Tokens:
    """The sentence's jieba tokens as character spans, with a char -> token index."""

    __slots__ = ("text", "starts", "ends", "words", "at")

    def __init__(self, text: str, spans: Sequence[tuple[int, int]], words: Sequence[str] | None = None):
        """``words``: the tokens' texts when ``spans`` tile the whole text (jieba's cut): no gaps to fill."""
        self.text = text
        if words is not None and spans and spans[-1][1] == len(text) and len(words) == len(spans):
            self.words = list(words)
            self.starts = [s for s, _ in spans]
            self.ends = [e for _, e in spans]
        else:
            spans = _fill_gaps(spans, len(text))
            self.starts = [s for s, _ in spans]
            self.ends = [e for _, e in spans]
            self.words = [text[s:e] for s, e in spans]
        self.at = _TokenAt(self.starts, len(text))

    def is_end(self, pos: int) -> bool:
        return pos == len(self.text) or (pos > 0 and self.at[pos - 1] != self.at[pos])


class _TokenAt:
    """char offset -> index of the token holding it (the text's length -> the token count)."""

    __slots__ = ("starts", "n")

    def __init__(self, starts: list[int], n: int):
        self.starts, self.n = starts, n

    def __getitem__(self, pos: int) -> int:
        if pos >= self.n:
            return len(self.starts)
        return bisect_right(self.starts, pos) - 1


def _fill_gaps(spans: Sequence[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """spaCy leaves white space out of its tokens; it becomes a token of its own here."""
    out, pos = [], 0
    for s, e in spans:
        if s > pos:
            out.append((pos, s))
        out.append((s, e))
        pos = e
    if pos < n:
        out.append((pos, n))
    return out


@lru_cache(maxsize=65536)
def _glued_cached(word: str) -> bool:
    return _glued(word, load_rules())


def _glued(word: str, rules: Rules) -> bool:
    """全面落实, 深入开展: a break word jieba glued to a modifier."""
    if len(word) <= 2:
        return False
    ok = rules.words["keep"] | rules.words["nominal"]
    return ((word[-2:] in rules.words["break"] and word[-2:] not in ok)
            or (word[:2] in rules.words["break"] and word[:2] not in ok))


def _breaks(word: str, rules: Rules, verbs: bool = False) -> bool:
    """Does a name stop before this word? (``verbs``: verbs jieba tags v stop it too)"""
    if rules is load_rules():
        return _breaks_cached(word, verbs)
    return _breaks_uncached(word, rules, verbs)


@lru_cache(maxsize=131072)
def _breaks_cached(word: str, verbs: bool) -> bool:
    return _breaks_uncached(word, load_rules(), verbs)


def _breaks_uncached(word: str, rules: Rules, verbs: bool) -> bool:
    if word in rules.words["keep"]:
        return False
    if _glued(word, rules) or ("及" in word and word != "及"):
        return True                                 # 园及: jieba glued a head to 及
    tag = word_tags().get(word)
    return (word in rules.words["break"] or PUNCT.match(word) is not None
            or QUANTITY.match(word) is not None or tag in BREAK_TAGS or (verbs and tag == "v"))


def walk_left(tokens: Tokens, pos: int, rules: Rules, places: frozenset[int], limit: int,
              head: str | None = None, cross: bool = False) -> int:
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
        if text[start - 1] == "”":                 # a quoted part: “金镶玉”政策体系
            q = text.rfind("“", max(0, start - 16), start - 1)
            if q < 0:
                break
            start, k = q, tokens.at[q] - 1
            if start > 0 and text[start - 1] == "”":
                break                               # “双报到”“一十百千万”…: one quoted part only
            continue
        if text[start - 1] in ")）":               # a place qualifier: 世界气象中心(北京)分中心
            q = max(text.rfind("(", max(0, start - 8), start), text.rfind("(", max(0, start - 8), start))
            inner = text[q + 1:start - 1] if q >= 0 else ""
            if not (2 <= len(inner) <= 4 and CJK.match(inner)) or q == 0:
                break
            start, k = q, tokens.at[q] - 1
            continue
        if word in rules.words["joiner"]:
            if k == 0 or _breaks(tokens.words[k - 1], rules) or (head and rules.heads.get(head)
                                                                   and rules.heads[head].type == "Project"
                                                                   and not rules.heads[head].cross):
                break                               # 南海神庙及码头: a facility is not joined (脑解析与脑模拟设施 is)
            ext = walk_left(tokens, tokens.starts[k] - 1, rules, places, limit,
                            cross=cross and bool(head) and rules.heads.get(head) is not None
                            and rules.heads[head].type == "Project")
            ext_text = text[ext:tokens.starts[k]]
            if any(not rules.heads[h].brand for h in _heads_ending(ext_text[-6:])):
                break                               # A医院与B医院, A新发展区和B新发展区: two names
            other_head = rules.head_regex.search(ext_text)
            if other_head and not (head and rules.heads[other_head.group(0)].type == "Institution"
                                   and rules.heads.get(head) and rules.heads[head].type == "Institution"
                                   and other_head.group(0) != head):
                break
            if ext < tokens.starts[k] and (ext in places or ext_text[:2] in ("国家", "中国")
                                           or (cross and len(ext_text) <= 8)
                                           or (head and rules.heads.get(head) and rules.heads[head].type == "Platform"
                                               and len(ext_text) <= 10 and rules.industry_end.search(ext_text)
                                               and rules.industry_end.search(text[tokens.ends[k]:pos]))):
                start = ext                         # (翔安新型显示和化合物半导体基地: a park for two sectors)
            break
        if word in ("·", "・") and k > 0 and CJK.match(tokens.words[k - 1]) and len(tokens.words[k - 1]) <= 4:
            start, k = tokens.starts[k - 1], k - 2   # 中国·廊坊国际经济贸易洽谈会
            continue
        if (word in ("-", "/") or (word == "至" and head in LINK_HEADS)) and k > 0 and CJK.match(tokens.words[k - 1]) \
                and len(tokens.words[k - 1]) <= 4 \
                and not _breaks(tokens.words[k - 1], rules) and not (head and tokens.words[k - 1].endswith(head)):
            start, k = tokens.starts[k - 1], k - 2   # 西区-化龙过江隧道: a link between two places
            continue
        if _breaks(word, rules, verbs=not cross) and not (cross and word in rules.words["nominal"]) \
                and not _opening_character(tokens, k, rules) and not _specification(tokens, k):
            break
        if word_tags().get(word) == "v" and k > 0 and not cross and len(tokens.words[k - 1]) >= 2 \
                and any(not rules.heads[h].brand and not rules.heads[h].industry and rules.heads[h].type != "Region"
                        for h in _heads_ending(tokens.words[k - 1][-6:])):
            break                                   # 方特旅游度假区开发…航线: a name, then its verb
        start = tokens.starts[k]
        k -= 1
    return start


COUNTED = re.compile(r"\d+(?:\.\d+)?[万亿]?[座个家所条台套处]")
SPEC_UNITS = frozenset({"英寸", "寸", "代", "纳米", "万吨", "万吨级", "吨级", "兆瓦", "吉瓦"})
NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def _specification(tokens: Tokens, k: int) -> bool:
    """12英寸晶圆生产线, 第8.6代…面板生产线: a number with its unit is part of a facility's name."""
    return NUMBER.match(tokens.words[k]) is not None and k + 1 < len(tokens.words) \
        and tokens.words[k + 1] in SPEC_UNITS


ONE_CHARACTER_VERBS = frozenset("是有到让使用要为将把对向在从按以")


def _opening_character(tokens: Tokens, k: int, rules: Rules) -> bool:
    """留仙洞…基地, 建设怀北…产业园: a one-character word jieba tags as a verb, opening the sentence or a
    list item or right after a verb of the rules (建设), is a place's first character, not a verb (a
    one-character verb rarely opens a clause in a plan, or follows another verb)."""
    word = tokens.words[k]
    return len(word) == 1 and word_tags().get(word) == "v" and word not in ONE_CHARACTER_VERBS \
        and word not in rules.words["break"] \
        and (k == 0 or tokens.words[k - 1] == "、"
             or (len(tokens.words[k - 1]) >= 2 and tokens.words[k - 1] in rules.words["lead"])) \
        and k + 1 < len(tokens.words) and len(tokens.words[k + 1]) >= 2 \
        and tokens.text.rfind("“", 0, tokens.starts[k]) <= tokens.text.rfind("”", 0, tokens.starts[k])


def _after_actor_verb(tokens: Tokens, start: int, end: int, rules: Rules, known_typed) -> int:
    """P建设X装置: a programme-like name walks over verbs used as nouns (…建设…试点), but not over
    one right after a registry name: that name acts, the name starts after its verb."""
    ends = {ke for _, ke, _ in known_typed}
    k = tokens.at[start]
    text = tokens.text
    while k < len(tokens.words) and tokens.ends[k] <= end:
        pos = tokens.starts[k]
        if pos > start and tokens.words[k] in rules.words["lead"] and (
                pos in ends or any(rules.heads[h].type in ("Platform", "Institution") and not rules.heads[h].brand
                                   for h in _heads_ending(text[max(start, pos - 6):pos]))):
            start = tokens.ends[k]                  # (…国家科学中心建设大科学装置: the centre builds it)
        k += 1
    return start


def _past_place_verb(tokens: Tokens, start: int, rules: Rules, known_typed, head: str = "") -> int:
    """光谷合成生物产业园: a word jieba tags as a verb (合成), right after a registry place, is part of
    the name the place opens; a verb of the rules' lists (建设, 打造) is not."""
    k = tokens.at[start] - 1
    if k < 1 or tokens.starts[k + 1] != start:
        return start
    word = tokens.words[k]
    if word_tags().get(word) != "v" or len(word) < 2 or word in rules.words["break"] or word in rules.words["lead"] \
            or _glued(word, rules):
        return start
    place = next((kn for kn, ke, kt in known_typed if ke == tokens.starts[k] and kt in ("Region", "Platform")), None)
    if place is None:
        return start
    return walk_left(tokens, place, rules, frozenset(), place - MAX_NAME, head)   # (福州至银川直飞航线)


def _heads_ending(tail: str) -> list[str]:
    """Head nouns that end ``tail``."""
    heads = load_rules().heads
    return [tail[i:] for i in range(len(tail) - 1) if tail[i:] in heads]


def _trim(text: str, start: int, end: int, rules: Rules, tokens: Tokens | None = None,
          tags: bool = True) -> int:
    """Strip leading modifiers (trim words) and, token by token, leading verbs and numerals
    (``tags``: also words jieba's dictionary tags as verbs, numerals …)."""
    while start < end:
        before = start
        start = _trim_lead(start, end, rules, tokens)   # 建设新龙镇…试点 -> 新龙镇…试点
        m = rules.trim_regex.match(text, start, end)
        if m and m.end() < end:
            start = m.end()
        if tokens is not None and tags and start < end:
            k = tokens.at[start]
            word = tokens.words[k]
            if (tokens.starts[k] == start and tokens.ends[k] < end and word not in rules.words["keep"]
                    and word_tags().get(word) in LEAD_TAGS and not _rare_dictionary_word(word)
                    and not (word_tags().get(word) == "f" and len(word) > 1)   # 西部(成都)科学城
                    and not _opening_character(tokens, k, rules)               # 留仙洞…基地
                    and not (len(word) == 1 and k + 1 < len(tokens.words)
                             and proper_tags().get(tokens.words[k + 1]) == "ns")):   # 三龙湾: part of a place
                start = tokens.ends[k]
        if start == before:
            break
    return start


def _trim_lead(start: int, end: int, rules: Rules, tokens: Tokens | None) -> int:
    """A leading verb of the lead list (or a break word jieba glued to a modifier), as a whole token."""
    if tokens is None or start >= end:
        return start
    k = tokens.at[start]
    word = tokens.words[k]
    if tokens.starts[k] == start and tokens.ends[k] < end and (word in rules.words["lead"] or _glued(word, rules)):
        return tokens.ends[k]
    return start


def _is_category(tokens: Tokens, start: int, rules: Rules) -> bool:
    """A name right after 等/一批…, or after a quantity in its clause, names a category."""
    if start == 0:
        return False
    before = tokens.words[tokens.at[start - 1]]
    if before in rules.words["category"]:
        return True
    if before == "的":
        clause_start = _last_break(tokens.text, start, CLAUSE_RE)
        clause = tokens.text[clause_start:start]
        return any(q in clause for q in rules.words["quantity"])
    return False


def _generic(prefix: str, rules: Rules) -> bool:
    """Only generic words (省高水平, 国家实验室); one-character generic words alone do not make a
    longer string generic (北新, 大新 are names)."""
    bare = prefix.replace("“", "").replace("”", "")
    if not bare:
        return True
    if rules.generic_regex.match(bare) is None:
        return False
    return len(bare) == 1 or rules.generic_multi.search(bare) is not None


def _oneword(tokens: Tokens, m: re.Match, head: Head, rules: Rules,
             known_typed: Sequence[tuple[int, int, str]] = ()) -> Candidate | None:
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
    prefix = text[start:m.start()]
    if not (2 <= len(prefix) <= 4 and CJK.match(prefix)) or _generic(prefix, rules) or (
            prefix[0] in COUNTING and prefix[-1] in "省市县区镇乡村"):
        return None                                 # 两省区, 各县区: counts and quantifiers
    after_region = any(ke == start and kt == "Region" for _, ke, kt in known_typed)
    if not after_region and proper_tags().get(prefix) != "ns" and proper_tags().get(text[start:m.end()]) != "ns" \
            and not _name_word(prefix):
        return None
    if prefix in rules.words["break"] or (start > 0 and not _breaks(tokens.words[tokens.at[start - 1]], rules)
                                          and tokens.words[tokens.at[start - 1]] not in ("与", "和", "及")
                                          and not after_region):
        return None
    return Candidate(start, m.end(), head.type, "head:" + head.text)


BRAND_TAGS = ("nr", "nz", "nt", "nrt", "nrfg")


def _brand(tokens: Tokens, m: re.Match, head: Head, rules: Rules) -> Candidate | None:
    """A company's short name: one brand word before the head (赛博科技, 小鹏汽车): a word jieba's
    dictionary tags as a proper name or does not know, standing after a break word or punctuation."""
    k = tokens.at[m.start()]
    if k == 0 or tokens.starts[k] != m.start() or not tokens.is_end(m.end()):
        return None
    if not _name_word(tokens.words[k - 1]):
        return None
    if k > 1 and not _breaks(tokens.words[k - 2], rules, verbs=True):
        return None
    return Candidate(tokens.starts[k - 1], m.end(), head.type, "head:brand")


FIRM_TYPE = re.compile(r"(?<!新)型")
INDUSTRY_NOT_NAME = ("链", "集群", "园", "基地", "联盟")   # 全产业链, 产业集群: not the sector's own name


def _one_character_sector(tokens: Tokens, m: re.Match, rules: Rules) -> Candidate | None:
    """茶产业, 竹产业: a one-character word before 产业, after a verb or punctuation, names a sector
    (the guide keeps 产业 in such a name)."""
    k = tokens.at[m.start()]
    if k == 0 or tokens.starts[k] != m.start() or len(tokens.words[k - 1]) != 1:
        return None
    word = tokens.words[k - 1]
    if not CJK.match(word) or word in rules.words["generic"] or word in rules.words["break"] \
            or word in COUNTING or (k > 1 and not _breaks(tokens.words[k - 2], rules, verbs=True)):
        return None
    return Candidate(tokens.starts[k - 1], m.end(), "Industry", "head:产业")


def head_candidates(tokens: Tokens, rules: Rules, places: frozenset[int],
                    known_typed: Sequence[tuple[int, int, str]] = (), title: bool = False) -> Iterable[Candidate]:
    """Names ending with a head noun. In the document's title (``title``) a platform's name needs no
    place word: the place a plan is about is named by it (北部都会区发展蓝图, 东部新区总体规划)."""
    text = tokens.text
    known = [(kn, ke) for kn, ke, _ in known_typed]
    for m in rules.head_regex.finditer(text):
        head = rules.heads[m.group(0)]
        if head.industry:                           # cheap tests first: 产业 is frequent
            if m.start() < 1 or text.startswith(INDUSTRY_NOT_NAME, m.end()):
                continue
            one = _one_character_sector(tokens, m, rules) if head.text == "产业" else None
            if one is not None:
                yield one                           # 做强茶产业: a one-character sector
                continue
            if not rules.industry_end.search(text[max(0, m.start() - 6):m.start()]):
                continue
        elif not tokens.is_end(m.end()) and PUNCT.match(text[m.end()]) is None:
            continue
        elif head.quoted and "”" not in text[max(0, m.start() - MAX_NAME):m.start()]:
            continue                                # …体系, …机制 need a quoted label before them
        k = tokens.at[m.start()]
        if len(head.text) == 1 and tokens.starts[k] < m.start() and (
                any(kn <= m.start() < ke for kn, ke in known)
                or (tokens.ends[k] - tokens.starts[k] == 2 and (_breaks(text[tokens.starts[k]], rules) or (
                    head.type == "Platform" and _dictionary_word(tokens.words[k]))))):
            continue                                # 香港, 赴港: the head is part of a word; 主城, 校园: a common noun
        if text.startswith(tuple(rules.words["organ"]), m.end()):
            continue                                # 广州开发区工委: a party or government organ
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
        start = walk_left(tokens, m.start(), rules, places, m.start() - MAX_NAME, head.text,
                          cross=head.cross) if m.start() > 0 else 0
        if start == m.start() and tokens.at[m.start()] > 0 and tokens.starts[tokens.at[m.start()]] < m.start():
            start = tokens.starts[tokens.at[m.start()]]
        start = _past_place_verb(tokens, start, rules, known_typed, head.text)
        if head.cross and head.type == "Project":
            start = _after_actor_verb(tokens, start, m.start(), rules, known_typed)
        start = _trim(text, start, m.start(), rules, tokens, tags=not head.cross)
        prefix = text[start:m.start()]
        nxt = rules.head_regex.match(text, m.end())
        if "等" in prefix or (nxt and rules.heads[nxt.group(0)].type != "Initiative"):
            continue                                # 云埔等片区; 试点 in 试点先行区 is a modifier
        if head.type == "Initiative" and PROJECT_BEFORE.search(prefix):
            continue                                # 渝昆高铁宜宾段主体工程: the line is the name
        inner = next((kn for kn, ke, kt in known_typed if ke == m.end() and start < kn), None)
        if inner is not None and not _has_place(tokens, start, inner, rules, known_typed, head.type):
            continue                                # 服务雄安新区: the registry name stands alone
        known_prefix = any(kn == start and ke == m.start() for kn, ke in known) or any(
            start <= kn and ke <= m.start() and kt in ("Region", "Platform", "Institution", "Enterprise")
            for kn, ke, kt in known_typed)
        if len(prefix) < head.min_prefix or (_is_category(tokens, start, rules) and not (
                head.industry and tokens.words[tokens.at[start - 1]] == "等")) or (
                not known_prefix and not head.named and _generic(prefix, rules) and not _kind_prefix(prefix, rules)
                and not (head.type == "Event" and len(prefix) >= 4 and prefix.startswith(EVENT_SCOPE) and "级" not in prefix)
                and not (title and head.type == "Platform" and _direction_only(tokens, start, m.start()))):
            continue                                # (a title's 北部都会区: a direction names the place)
        if head.quoted and not prefix.startswith("“"):
            continue
        if head.science and (not _science_regex(rules).search(prefix) or prefix.endswith("基础")):
            continue                                # 交通设施, 信息基础设施: not a science facility
        if len(head.text) == 1 and all(ch in rules.words["abbrev"] for ch in prefix):
            continue                                # 广深港, 沪深港: contractions
        if len(head.text) == 1 and head.type == "Platform" and (prefix[-1] in COUNTING or not (
                any(start <= kn < m.start() for kn, _, _ in known_typed) or _division_or_name(tokens, start, m.start()))):
            continue                                # 幼儿园, 一区多园: a one-character park head needs a place
        if "+" in prefix.replace("“", "").split("”")[-1] or not CJK_ANY.search(prefix):
            continue                                # 广州总部+清远基地, P3实验室
        anchored = (start > 0 and text[start - 1] == "“" and text.startswith("”", m.end())) or \
            text[max(0, start - 4):start].endswith(("为核心的", "为龙头的")) or _built_in_place(
            text, start, known_typed) or (title and head.type == "Platform") or (
            head.text == "园" and any(kn == start and ke == m.start() and kt == "Industry"
                                      for kn, ke, kt in known_typed))   # 生物医药园: a park named for its sector
        if head.place and not anchored and not _has_place(tokens, start, m.start(), rules,
                                                                               known_typed, head.type):
            continue                                # 开放合作示范区: a positioning label, not a name
        if head.type == "Platform" and text.startswith(tuple(rules.words["designation"]), start):
            continue                                # 国家产城融合示范区: a designation many places hold
        if NUMBER.match(tokens.words[tokens.at[start]]) and tokens.starts[tokens.at[start]] == start:
            continue                                # (两条)12英寸晶圆生产线: a kind of facility, no name
        if head.type != "Region" and not head.industry and COUNTED.match(text, m.end()):
            continue                                # 建成…换电站120座: a kind of facility, counted
        if head.type == "Institution" and text.startswith(("省级", "国家级", "市级", "区级", "省重点", "市重点"), start):
            continue                                # 省级低空领域重点实验室: a rank, not a name
        type_ = head.type
        if head.type == "Platform" and any(kn >= start and ke <= m.start() and kt == "Institution"
                                           for kn, ke, kt in known_typed):
            type_ = "Institution"                   # 张江实验室广州基地: an institute's branch
        if head.type == "Platform" and _division_name(text, start, m.end(), known_typed):
            type_ = "Region"                        # 天津滨海新区: an administrative district
        elif type_ == "Platform" and not head.industry:
            start = _past_division(tokens, start, m.start(), rules, known_typed, type_)
        if head.industry:
            verb = _last_cue_verb(text, start, m.start(), rules)
            if verb is not None:
                start = verb                        # …重点发展音视频产业: the sector after the verb
                prefix = text[start:m.start()]
            place = next((ke for kn, ke, kt in known_typed if kn == start and kt in ("Region", "Platform")), None)
            if place is not None and place < m.start():
                start = _trim(text, place, m.start(), rules, tokens)   # 芜湖低空经济产业: the sector
                prefix = text[start:m.start()]
            kind = next((n for n in (4, 3) if _kind_prefix(prefix[:n + 2], rules) and tokens.is_end(start + n)
                         and len(prefix) - n >= 2), None)
            if kind is not None:
                start += kind                       # 生物城生物产业: the platform's kind word, then the sector
                prefix = text[start:m.start()]
            if head.text == "企业" and FIRM_TYPE.search(prefix):
                continue                            # 总部型金融企业, 科技型企业: a kind of firm, not a sector
            if DIGIT_OR_SCALE.search(prefix) or len(prefix) > 10 or "“" in prefix or len(prefix) < head.min_prefix \
                    or not rules.industry_end.search(prefix) or _generic(prefix, rules) \
                    or prefix in rules.words["umbrella"]:
                continue                            # 全产业链, 产业集群: not the sector's own name
            yield Candidate(start, m.start(), head.type, "head:产业")
            continue
        end = m.end()
        phase = PHASE.match(text, end)
        if phase:
            end, type_ = phase.end(), "Project"     # 岭南医院二期: a construction phase
        if type_ == "Project":
            seg = SEGMENT.match(text, end)
            if seg:
                end = seg.end()                     # 渝昆高铁宜宾段, 长赣高铁长沙至浏阳段: a section
        q = text.rfind("“", 0, start)
        if q >= 0 and text.find("”", q) >= end and SLOGAN.match(text, q + 1):
            continue                                # “一环两带三片区”: a layout slogan, an Initiative
        if start > 0 and text[start - 1] == "“" and text.startswith("”", end) and \
                text[end + 1:end + 5].startswith(tuple(rules.words["quote_after"]) + ("品牌",)):
            continue                                # “…最佳示范区”称号: a title
        yield Candidate(start, end, type_, "head:" + head.text)


_SCIENCE: dict[int, re.Pattern] = {}


def _science_regex(rules: Rules) -> re.Pattern:
    rx = _SCIENCE.get(id(rules))
    if rx is None:
        rx = _SCIENCE[id(rules)] = re.compile("|".join(
            re.escape(w) for w in sorted(rules.words["science"], key=len, reverse=True)))
    return rx


EVENT_SCOPE = ("世界", "全球", "中国", "国际", "亚洲", "全国")   # 世界智能大会: an event's scope and topic name it


def _kind_prefix(prefix: str, rules: Rules) -> bool:
    """生物城创新孵化园: a name opening with the kind word of a platform (生物城, 科学城, 知识城), which
    stands for the document's own platform, is that platform's park, not a category."""
    return any(len(prefix) > n and prefix[:n] in rules.heads and rules.heads[prefix[:n]].type == "Platform"
               for n in (3, 4))


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


DIVISION_END = ("省", "市", "区", "县", "镇")


def _past_division(tokens: Tokens, start: int, end: int, rules: Rules, known_typed, type_: str) -> int:
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
        if cut >= end - 1 or not name.endswith(DIVISION_END) or len(name) < 3:
            continue
        if division_names().get(name) != name:
            continue                                # (粤港澳大湾区 is a region, not a division)
        rest_known = [(kn, ke, kt) for kn, ke, kt in known_typed if kn >= cut]
        if end - cut >= 2 and not _generic(tokens.text[cut:end], rules) \
                and _has_place(tokens, cut, end, rules, rest_known, type_):
            return cut
    return start


def _division_name(text: str, start: int, end: int, known_typed) -> bool:
    """Is the name, less a leading region, an administrative division (滨海新区 of 天津)?"""
    names = division_names()
    if names.get(text[start:end]) == text[start:end]:
        return True
    lead = next((ke for kn, ke, kt in known_typed if kn == start and kt == "Region" and ke < end), None)
    return lead is not None and names.get(text[lead:end]) == text[lead:end]


BUILT_IN = re.compile(r"在(?P<p>[^,,。;;在]{2,14}?)(?:内|中)?(?:规划建设|布局建设|集中布局|布局|建设|打造|设立)$")


def _built_in_place(text: str, start: int, known_typed) -> bool:
    """在鸠江区布局低空智能制造基地: a park a sentence builds in a named place is singled out."""
    m = BUILT_IN.search(text, max(0, start - 20), start)
    if m is None:
        return False
    ps, pe = m.span("p")
    return any(ps <= kn and ke <= pe and kt in ("Region", "Platform") for kn, ke, kt in known_typed) \
        or text[ps:pe] in division_names()


def _division_or_name(tokens: Tokens, start: int, end: int) -> bool:
    """Does the span hold a division name or a word jieba does not know (a local name)?"""
    k = tokens.at[start]
    while k < len(tokens.words) and tokens.starts[k] < end:
        if tokens.words[k] in division_names() or _rare_name_word(tokens.words[k]):
            return True
        k += 1
    return False


def _has_place(tokens: Tokens, start: int, end: int, rules: Rules, known, type_: str) -> bool:
    """Does the part before the head hold a place or brand: a registry name, a quoted label,
    a word jieba's dictionary tags as a place or proper name (黄埔, 中新), or (institutes) 国家?"""
    text = tokens.text
    if "“" in text[start:end]:
        return True
    if any(start <= kn < end and kt not in ("Industry", "Initiative") for kn, _, kt in known):
        return True
    if type_ == "Institution" and (re.search("国家(?!级)", text[start:end]) or text.startswith("中国", start)):
        return True
    if type_ == "Event" and text.startswith(("世界", "中国", "全球", "国际", "亚洲", "全国"), start):
        return True                                 # 世界动力电池大会: an event's scope is its place
    k = tokens.at[start]
    if tokens.starts[k] == start and _rare_name_word(tokens.words[k]):
        return True                                 # 星河生物医药孵化器, 云湖科技园: a local name
    first = k
    while k < len(tokens.words) and tokens.starts[k] < end:
        word = tokens.words[k]
        if (proper_tags().get(word) or word in rules.words["place"] or word in division_names()
                or (len(word) >= 2 and all(ch in rules.words["abbrev"] for ch in word))):
            return True
        if k > first and len(word) >= 2 and word in rules.heads and rules.heads[word].place \
                and rules.heads[word].type in ("Platform", "Project", "Region") and word not in LINK_HEADS:
            return True                             # 前湾港区自动化码头: a named area holds it
        k += 1
    return False


@lru_cache(maxsize=65536)
def _rare_name_word(word: str) -> bool:
    """A name's first word that jieba's dictionary does not know (海岳, 云湖: jieba's HMM joined
    it) is a local place or brand name, unless it holds a one-character break word (以省) or is
    one of the rules' words."""
    from .segment import dictionary_freq
    if not (2 <= len(word) <= 4 and CJK.match(word)) or dictionary_freq().get(word, 0) > 0:
        return False
    if any(ch in load_rules().words["break"] for ch in word):
        return False
    return not _rule_word(word)


def _dictionary_word(word: str) -> bool:
    from .segment import dictionary_freq
    return dictionary_freq().get(word, 0) > 0


def _rare_dictionary_word(word: str) -> bool:
    """A word of two or more characters jieba's dictionary barely knows (安踏 7): jieba's tag for
    it says little, so it is not trimmed as a verb."""
    from .segment import dictionary_freq
    return len(word) > 1 and dictionary_freq().get(word, 0) < 50


def _name_word(word: str) -> bool:
    """A word jieba's dictionary tags as a proper name (吴江 nr, 翔安 nz) or does not know (盛泽),
    and that the rules do not know as vocabulary."""
    return _rare_name_word(word) or (proper_tags().get(word) in BRAND_TAGS and not _rule_word(word))


def _rule_word(word: str) -> bool:
    """A word the rules know as vocabulary (generic, break, keep, trim … words): never a name."""
    w = load_rules().words
    return any(word in w[k] for k in ("generic", "break", "keep", "nominal", "industry", "trim", "lead"))


QUOTED = re.compile(r"“([^“”]{2,30})”")
SLOGAN = re.compile(r"[一二两三四五六七八九十双多]+[\u4e00-\u9fff]{1,2}[一二两三四五六七八九十双多]")
TARGET_LABEL = re.compile(r"[\d一二三四五六七八九十半]+(?:分钟|小时|公里|条|个)")


def quoted_candidates(tokens: Tokens, rules: Rules, place_ends: frozenset[int] = frozenset()) -> Iterable[Candidate]:
    """A quoted label names a programme, model or slogan (“四区四中心”, “揭榜挂帅”): Initiative,
    unless the label is a political formula or a period (quoted.tsv) or the words after it
    say it is a title, a metaphor or a description (“…”称号, “卡脖子”技术)."""
    text = tokens.text
    for m in QUOTED.finditer(text):
        label = m.group(1)
        if label in rules.words["not_a_name"] or rules.quote_skip.match(label) or "的" in label:
            continue                                # “春天的故事”: a phrase with 的 describes, it does not name
        after = text[m.end():m.end() + 4]
        end_head = next((rules.heads[label[i:]] for i in range(max(0, len(label) - 8), len(label) - 1)
                         if label[i:] in rules.heads), None)
        if after.startswith(tuple(rules.words["quote_after"])) and not (
                end_head is not None and end_head.type == "Initiative" and not end_head.quoted):
            continue                                # (“5050计划”项目: the label is a programme's own name)
        if m.start() and (m.end() == len(text) or text[m.end()] in CLAUSE_BREAK) and not SLOGAN.match(label) \
                and (m.start() in place_ends or rules.head_regex.search(text[max(0, m.start() - 3):m.start()])):
            continue                                # 科技创新轴“北极点”。: a role given to the place just named
        if end_head is not None and end_head.type in ("Platform", "Institution", "Project", "Event") \
                and not re.search(r"[\d、,]", label) \
                and not end_head.brand and not end_head.industry and not end_head.quoted \
                and len(label) > len(end_head.text) + 1 and not SLOGAN.match(label) and not after.startswith("品牌"):
            yield Candidate(m.start(), m.end(), end_head.type, "quoted")   # 「創科產業引導基金」: the quotes name it
            continue
        before = text[max(0, m.start() - 4):m.start()]
        if before.endswith(tuple(rules.words["quote_before"])) and (
                m.end() == len(text) or text[m.end()] in CLAUSE_BREAK):
            continue                                # …力量的“黄埔军校”。: a metaphor
        if len(label) <= 2 and (m.end() == len(text) or text[m.end()] in CLAUSE_BREAK + "、“”"):
            continue                                # 进行“强链”,…“补链”: a short slogan word, not a name
        if TARGET_LABEL.search(label):
            continue                                # “30分钟交通圈”, “1小时通达”: a target
        tail = rules.head_regex.search(label)
        if not (tail and tail.end() == len(label)):     # “北都大学教育城”: the head that ends the label
            tail = next((rx for rx in (rules.head_regex.fullmatch(label, i) for i in range(max(0, len(label) - 8), len(label) - 1))
                         if rx), None)
        if tail and tail.end() == len(label) and rules.heads[tail.group(0)].type not in ("Initiative",) \
                and (len(tail.group(0)) > 1 or len(label) - 1 >= rules.heads[tail.group(0)].min_prefix) \
                and not after.startswith("品牌") and not SLOGAN.match(label) \
                and CJK_ANY.search(label[:tail.start()]):     # (“双城”: no head rule names it; “5050计划”: nor this)
            continue                                # “珠江国际慢岛”: the head rule names it
        yield Candidate(m.start(), m.end(), "Initiative", "quoted")


def pattern_candidates(text: str, rules: Rules) -> Iterable[Candidate]:
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


_ITEM = re.compile(r"[^、]+")
_LAST_JOINER = re.compile(r"以及|和|及")


def _split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
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


def _last_break(text: str, pos: int, regex: re.Pattern) -> int:
    """Just after the last match of ``regex`` before ``pos`` (0 when none)."""
    m = regex.search(text[:pos][::-1])
    return pos - m.start() if m else 0


def _clause_start(text: str, pos: int) -> int:
    return _last_break(text, pos, CLAUSE_OR_QUOTE_RE)


def _clause_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in CLAUSE_BREAK + "“”()()") if i >= 0]
    return min(ends, default=len(text))


def _item_ok(text: str, s: int, e: int, type_: str, rules: Rules, known: dict, strict: bool = False) -> bool:
    item = text[s:e]
    if not (2 <= len(item) <= 14) or PUNCT.search(item[0]) or DIGIT_OR_SCALE.search(item) \
            or COUNT_START.match(item):
        return False
    if (s, e) in known or (type_ in ("Platform", "Region") and proper_tags().get(item) == "ns"):
        return True
    if _generic(item, rules) or item in rules.words["break"]:
        return False
    if any(w in item for w in ("的", "等", "为")):
        return False
    if item.endswith(("同志", "总书记")):
        return False
    if type_ == "Industry":                        # 枸杞, 精品民宿, 车路协同: a cue types short items
        if strict and KEY_TECHNOLOGY.search(item):
            return False                            # 聚焦…关键核心技术: technologies, not a sector
        return len(item) <= 12 and (rules.industry_end.search(item) is not None or (len(item) <= 6 and not strict))
    if type_ == "Enterprise":
        return len(item) <= 8 and not item.endswith(("项目", "机构", "企业", "平台", "中心", "出入口", "节点"))
    return True


LIST_STOP = re.compile(r"等|[一二两三四五六七八九十\d]+[大个类项](?=[\u4e00-\u9fff]{0,6}(?:产业|行业|领域|集群|板块))")


def _last_cue_verb(text: str, start: int, end: int, rules: Rules) -> int | None:
    """The end of the last develop cue (重点发展, 大力发展 …) inside text[start:end], if any."""
    last = None
    for cue in rules.cues:
        if cue.side == "before":
            for m in cue.regex.finditer(text, start, end):
                last = m.end() if last is None else max(last, m.end())
    return last


KEY_TECHNOLOGY = re.compile(r"(?:(?:核心|关键|共性|前沿|基础)技术|研究)$")   # (基础科学研究: research)
WEAK_CUE = re.compile("领域|业态|研发|攻关|聚焦")     # 等重点领域, 研发X和Y: fields, not always sectors


def list_candidates(tokens: Tokens, rules: Rules, known: Sequence[Known],
                    places: frozenset[int]) -> Iterable[Candidate]:
    text = tokens.text
    known_spans = {(k.start, k.end): k.type for k in known}
    for cue in rules.cues:
        for m in cue.regex.finditer(text):
            if cue.side == "inside":
                start, end = m.span("list")
            elif cue.side == "before":
                start, end = m.end(), _clause_end(text, m.end())
                stop = LIST_STOP.search(text, start, end)
                end = stop.start() if stop else end     # …、智能装备三大主导产业: the list ends at the count
                end = end - 2 if text.endswith("业务", start, end) else end   # 做强X和Y业务: the business is Y
            else:
                end = m.start()
                start = _clause_start(text, end)
                if text[end - 1:end] == "等":
                    end -= 1
            spans = _split_items(text, start, end)
            if len(spans) < 2 and cue.side != "inside" and not (cue.type == "Enterprise" and cue.side == "after"):
                continue                            # (芯华章等EDA企业: one company before its kind, below)
            if cue.side == "after" and spans:          # the first item starts after a break word
                s0, e0 = spans[0]
                s0 = max(s0, walk_left(tokens, e0 - 1, rules, places, s0 - 1) if e0 > s0 else s0)
                verb = _last_cue_verb(text, s0, e0, rules)
                s0 = verb if verb is not None else s0   # 园区重点发展医疗器械、…等产业: after the verb
                s0 = _trim(text, s0, e0, rules, tokens)
                inner = next((ks for (ks, ke), kt in known_spans.items() if ke == e0 and s0 < ks and kt == "Industry"), None)
                if inner is not None and tokens.starts[tokens.at[s0]] == s0 and tokens.ends[tokens.at[s0]] == inner \
                        and not rules.industry_end.search(text[s0:inner]) and not _rare_name_word(text[s0:inner]):
                    s0 = inner                          # 容纳生物医药、…相关企业: a word before a known sector
                spans[0] = (s0, e0)
            if len(spans) == 1 and cue.side != "inside" and not _lone_brand(tokens, *spans[0], rules, known_spans):
                continue                            # a lone item: only a brand right before 等…企业
            for i, (s, e) in enumerate(spans):
                s = _trim(text, s, e, rules, tokens, tags=i == 0 and cue.side != "before")   # 合成生物: only a first item after no cue verb loses a verb-like start
                if cue.type == "Enterprise" and text[s:e].endswith(("项目", "出入口")) and 4 <= e - s <= 10:
                    yield Candidate(s, e, "Project", f"list:{cue.side}")   # 以粤芯、光掩模项目为核心
                elif cue.type == "Enterprise" and len(spans) == 1 and cue.side == "after":
                    yield Candidate(s, e, "Enterprise", f"list:{cue.side}")   # (_lone_brand vouched for it)
                elif cue.type == "Enterprise" and cue.side == "after" and _kind_of(text[s:e], m.group(0), rules) \
                        and not text[s:e].endswith(("企业", "公司", "机构")) \
                        and not _brand_item(tokens, s, e, known_spans) \
                        and _item_ok(text, s, e, "Industry", rules, known_spans):
                    yield Candidate(s, e, "Industry", f"list:{cue.side}")  # 数据标注、数据合规等数据服务企业
                elif _item_ok(text, s, e, cue.type, rules, known_spans, strict=WEAK_CUE.search(m.group(0)) is not None):
                    yield Candidate(s, e, cue.type, f"list:{cue.side}")


def _kind_of(item: str, cue: str, rules: Rules) -> bool:
    """数据标注 before 等数据服务企业: the item shares a word with the sector the cue names, so it is a
    kind of that business (东方中科 before 等科学仪器企业 is a company)."""
    sector = cue.lstrip("等").rstrip("企业龙头骨干领军")
    if not rules.industry_end.search(sector):
        return False
    return any(item[i:i + 2] in sector for i in range(len(item) - 1))


def _lone_brand(tokens: Tokens, start: int, end: int, rules: Rules, known_spans) -> bool:
    """芯华章等EDA企业, 天域半导体等第三代半导体企业: one company named before 等 and its kind. Its
    first word is a name (a proper name, or a word jieba's dictionary does not tag); a common noun
    (独角兽等企业) or a kind of firm (民营企业等) is not a company."""
    item = tokens.text[start:end]
    if not (2 <= len(item) <= 8) or end >= len(tokens.text) or tokens.words[tokens.at[end]] != "等" \
            or _generic(item, rules) \
            or item.endswith(("企业", "公司", "机构", "集团")) or not (CJK.match(item) or item.isascii()):
        return False
    if (start, end) in known_spans:
        return True
    k = tokens.at[start]
    first = tokens.words[k]
    return tokens.starts[k] == start and not _rule_word(first) and (
        _name_word(first) or proper_tags().get(first) is not None or word_tags().get(first) is None)


def _brand_item(tokens: Tokens, start: int, end: int, known_spans) -> bool:
    """Does a list item look like a company's name: known, or opening with a word jieba does not know
    or tags as a proper name (数据标注 does not: a kind of business)?"""
    if (start, end) in known_spans:
        return True
    k = tokens.at[start]
    return tokens.starts[k] == start and (_name_word(tokens.words[k]) or proper_tags().get(tokens.words[k]) is not None)


def phase_candidates(tokens: Tokens, known: Sequence[Known]) -> Iterable[Candidate]:
    """数码港第五期: a construction phase written right after a registry park or facility is a project."""
    text = tokens.text
    for k in known:
        if k.type in ("Platform", "Project"):
            m = PHASE.match(text, k.end)
            if m and m.group(0).endswith("期") and tokens.is_end(m.end()):
                yield Candidate(k.start, m.end(), "Project", "phase")


def find_candidates(tokens: Tokens, rules: Rules, known: Sequence[Known], divisions=None,
                    title: bool = False) -> list[Candidate]:
    """Every rule's candidates; ``divisions`` says which division forms may stand in this
    document (mentions.DivisionContext; None: those that need no context); ``title``: the
    sentence is the document's title."""
    places = frozenset(k.start for k in known if k.type in ("Region", "Platform", "Institution"))
    out = [_after_city(c, tokens.text, known) for c in pattern_candidates(tokens.text, rules)]
    out.extend(division_candidates(tokens, divisions or _no_context))
    out.extend(head_candidates(tokens, rules, places, [(k.start, k.end, k.type) for k in known], title))
    out.extend(quoted_candidates(tokens, rules, frozenset(k.end for k in known if k.type in ("Region", "Platform"))))
    out.extend(list_candidates(tokens, rules, known, places))
    out.extend(actor_candidates(tokens, rules, known))
    if "期" in tokens.text:
        out.extend(phase_candidates(tokens, known))
    out.extend(campus_candidates(tokens, [(k.start, k.end) for k in known if k.type == "Institution"]
                                 + [(c.start, c.end) for c in out if c.type == "Institution"], known))
    if "(" in tokens.text or "(" in tokens.text:
        opens = {i for i, ch in enumerate(tokens.text) if ch in "(("}
        names = [(k.start, k.end, k.type) for k in known if k.end in opens] \
            + [(c.start, c.end, c.type) for c in out if c.end in opens]
        if names:
            out.extend(branch_candidates(tokens, names, known))
    return out


BRANCH_TYPES = ("Institution", "Enterprise", "Event")


def branch_candidates(tokens: Tokens, names: Sequence[tuple[int, int, str]],
                      known: Sequence[Known]) -> Iterable[Candidate]:
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
        place = text[e + 1:close]
        if CJK.match(place) and ((e + 1, close) in regions or place in division_names()) \
                and text.endswith(CAMPUS_OF, s, e) is False:
            yield Candidate(s, close + 1, type_, "branch")


CAMPUS_OF = ("大学", "学院")


def campus_candidates(tokens: Tokens, institutions: Sequence[tuple[int, int]],
                      known: Sequence[Known]) -> Iterable[Candidate]:
    """A university's campus named by its place: 中山大学·深圳, 哈尔滨工业大学(深圳), 南方科技大学·光明校区
    (the place after a middle dot, or in brackets, right after the university's name)."""
    text = tokens.text
    regions = {(k.start, k.end) for k in known if k.type == "Region"}
    for s, e in institutions:
        if e >= len(text) or text[e] not in "·・((" or not text.endswith(CAMPUS_OF, s, e):
            continue
        for n in (6, 5, 4, 3, 2):
            place = text[e + 1:e + 1 + n]
            end = e + 1 + n
            if len(place) != n or not CJK.match(place) or not tokens.is_end(end) or (
                    n > 4 and not place.endswith("校区")):
                continue
            if text[e] in "((":
                if not text.startswith((")", ")"), end):
                    continue
                end += 1
            if (e + 1, e + 1 + n) in regions or place in division_names() or place.endswith("校区") \
                    or proper_tags().get(place) == "ns":
                break
        else:
            continue
        yield Candidate(s, end, "Institution", "campus")


def _no_context(form: str) -> bool:
    return not needs_context(form)


def division_candidates(tokens: Tokens, allowed=_no_context) -> Iterable[Candidate]:
    """Administrative divisions (extract/gazetteer.py) written as one token or two (胶州/市)."""
    names = division_names()
    words = tokens.words
    for k in [k for k, w in enumerate(words) if w in names]:
        w = words[k]
        if CJK.match(w) and allowed(w):
            yield Candidate(tokens.starts[k], tokens.ends[k], "Region", "gazetteer", names[w])
    for k in [k for k, w in enumerate(words) if w in DIVISION_SUFFIX]:
        for n in (1, 2):                            # 胶州/市, 湾/沚/区
            if k >= n:
                name = "".join(words[k - n:k + 1])
                if names.get(name) == name and allowed(name):
                    yield Candidate(tokens.starts[k - n], tokens.ends[k], "Region", "gazetteer", name)
                    break


DIVISION_SUFFIX = frozenset("市县区旗州盟")


def _after_city(c: Candidate, text: str, known: Sequence[Known]) -> Candidate:
    """苏州地铁10号线: a rail line written right after its city is named with it."""
    if c.type != "Project" or not c.rule.startswith("rail"):
        return c
    city = next((k for k in known if k.end == c.start and k.type == "Region"), None)
    if city is None and c.name:                     # 杭州地铁3、5号线: the later items have the city too
        line = re.match(r"\D+", c.name)
        at = text.rfind(line.group(0), max(0, c.start - 24), c.start) if line else -1
        city = next((k for k in known if at > 0 and k.end == at and k.type == "Region"), None)
        if city is not None:
            return Candidate(c.start, c.end, c.type, c.rule, text[city.start:at] + c.name, c.of)
    if city is None:
        return c
    return Candidate(city.start, c.end, c.type, c.rule, text[city.start:c.start] + (c.name or text[c.start:c.end]), c.of)


_LIST_CLAUSE = re.compile(r"[^,,;;。::!!??“”()()]+")


def list_items(tokens: Tokens, rules: Rules) -> list[list[tuple[int, int]]]:
    """The items of every A、B和C list in the sentence: the first item starts after a break word,
    the last ends at 等 or before a break word."""
    text = tokens.text
    out = []
    if "、" not in text:
        return out
    for m in _LIST_CLAUSE.finditer(text):
        if "、" not in m.group(0):
            continue
        spans = _split_items(text, m.start(), m.end())
        if len(spans) < 2:
            continue
        s0, e0 = spans[0]
        s0 = max(s0, walk_left(tokens, e0 - 1, rules, frozenset(), s0 - 1))
        spans[0] = (_trim(text, s0, e0, rules, tokens), e0)
        s, e = spans[-1]
        k = tokens.at[s]
        end = s
        while k < len(tokens.words) and tokens.starts[k] < e:
            if tokens.words[k] == "等" or (end > s and _breaks(tokens.words[k], rules, verbs=True)):
                break
            end = tokens.ends[k]
            k += 1
        spans[-1] = (s, min(end, e))
        out.append([(a, b) for a, b in spans if b > a])
    return out


from .actors import actor_candidates  # noqa: E402  (actors reads this module's helpers)
