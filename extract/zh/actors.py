"""Company short names without a company head (百瑞源, 四川时代, 英发德耀), read from the slot a
plan gives to a company: the actor a support verb names (支持X做大…, 引导X在P布局, 依托X建设P)
or the subject of a project milestone (X项目落户P, X、Y等项目签约, X七期、八期项目建成投产).

The cue words live in patterns/actor_cues.tsv. What fills the slot must look like a brand: a
word jieba's dictionary does not know or tags as a proper name (百瑞源, 宝丰), or a region's name
followed by one plain word that is not the rules' vocabulary (四川 + 时代). Anything the registry
or another rule names in the slot is left to it; a generic or counted slot (龙头企业, 社会资本,
一批项目) names nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..tables import read_table
from ..textnorm import HAN_ONLY
from .postags import word_tags
from .rules import NameRules
from .tokens import Candidate, Known, Tokens
from .words import breaks, is_generic, is_name_word, is_rule_word

PHASES = re.compile(r"(?P<items>[一二三四五六七八九十]+期(?:[、和及][一二三四五六七八九十]+期)*)(?=项目)")
MAX_TOKENS = 3


@dataclass(frozen=True)
class ActorCues:
    before: tuple[str, ...]  # 支持 X …: a support verb naming its actor
    after: tuple[str, ...]  # … X 在/做大/落户: what an actor does next
    milestone: tuple[str, ...]  # X(项目)落户/投产/签约: a project's milestone
    not_brand: frozenset[str]  # plain words that never end a company's name (资本, 主体 …)
    any_cue: re.Pattern  # a support verb or a milestone anywhere in a sentence


@lru_cache(maxsize=1)
def actor_cues() -> ActorCues:
    """The cue words of patterns/actor_cues.tsv, longest first."""
    kinds: dict[str, list[str]] = {"before": [], "after": [], "milestone": [], "not_brand": []}
    for row in read_table("actor_cues.tsv"):
        kinds[row[0]].append(row[1])
    longest = lambda ws: tuple(sorted(set(ws), key=len, reverse=True))  # noqa: E731
    return ActorCues(
        longest(kinds["before"]),
        longest(kinds["after"]),
        longest(kinds["milestone"]),
        frozenset(kinds["not_brand"]),
        re.compile("|".join(map(re.escape, longest(kinds["before"] + kinds["milestone"])))),
    )


def actor_candidates(tokens: Tokens, rules: NameRules, known: Sequence[Known]) -> Iterable[Candidate]:
    """Company short names in an actor's slot: after a support verb (支持X做大…) or before a
    project milestone (X项目落户P)."""
    cues = actor_cues()
    text, words = tokens.text, tokens.words
    hits = {tokens.at[m.start()] for m in cues.any_cue.finditer(text)}
    if not hits:
        return
    regions = {k.start: k.end for k in known if k.type == "Region"}
    taken = [(k.start, k.end, k.type) for k in known]
    for k in sorted(hits):
        w = words[k]
        if w in cues.before:  # 支持百瑞源做大…, 支持泰格医药、康龙化成拓展…
            items: list[tuple[int, int]] = []
            first, j = k + 1, k + 1
            while j < len(words) and j - first <= MAX_TOKENS and not text.startswith(cues.after, tokens.starts[j]):
                if words[j] in ("、", "和") and j > first and len(items) < 6:
                    items.append((first, j))
                    first = j + 1
                j += 1
            if j < len(words) and j > first and text.startswith(cues.after, tokens.starts[j]):
                found = [_actor(tokens, a, b, rules, regions, taken, cues) for a, b in items + [(first, j)]]
                brands = [c for c in found if c is not None]
                if len(brands) == len(found):
                    yield from brands  # every item a brand, or none is taken
        if text.startswith(cues.milestone, tokens.starts[k]) and k > 0:
            yield from _milestone(tokens, k, rules, regions, taken, cues)


def _milestone(tokens: Tokens, k: int, rules: NameRules, regions, taken, cues) -> Iterable[Candidate]:
    """X项目落户, X、Y等项目签约, X七期、八期项目建成投产: the items of the clause before the cue."""
    text, words = tokens.text, tokens.words
    end = tokens.starts[k]
    if not text.endswith("项目", 0, end):
        return
    end -= 2
    if text.endswith("等", 0, end):
        end -= 1
    phases = None
    clause = max(text.rfind(c, 0, end) for c in ",,;;。:: ") + 1
    last = None
    for last in PHASES.finditer(text, clause, end + 2):  # noqa: B007  (the last match is the one wanted)
        pass
    if last is not None and last.end() == end:
        phases = last
        end = last.start()
    items = (
        [(clause, end)] if "、" not in text[clause:end] or phases else [(s, e) for s, e in _split(text, clause, end)]
    )
    for s, e in items:
        ks, ke = tokens.at[s], tokens.at[e - 1] + 1 if e > s else tokens.at[s]
        if tokens.starts[ks] != s or ke > len(words) or tokens.ends[ke - 1] != e:
            continue
        c = _actor(tokens, ks, ke, rules, regions, taken, cues)
        if c is None:
            continue
        yield c
        if phases is not None:  # 四川时代七期、八期项目: one project a phase
            brand = text[c.start : c.end]
            for p in re.finditer(r"[一二三四五六七八九十]+期", phases.group("items")):
                ps, pe = phases.start() + p.start(), phases.start() + p.end()
                span = (c.start, pe) if p.start() == 0 else (ps, pe)
                yield Candidate(span[0], span[1], "Project", "actor:phase", brand + p.group(0))


def _heads_of(name: str, rules: NameRules) -> list:
    return [rules.heads[name[i:]] for i in range(len(name) - 1) if name[i:] in rules.heads]


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for i in range(start, end):
        if text[i] == "、":
            out.append((pos, i))
            pos = i + 1
    out.append((pos, end))
    return [(s, e) for s, e in out if e > s]


def _actor(
    tokens: Tokens, ks: int, ke: int, rules: NameRules, regions: dict[int, int], taken, cues
) -> Candidate | None:
    """Tokens ks..ke as a company's short name, or None."""
    text, words = tokens.text, tokens.words
    start, end = tokens.starts[ks], tokens.ends[ke - 1]
    name = text[start:end]
    if not (2 <= len(name) <= 8 and HAN_ONLY.match(name)) or ke - ks > MAX_TOKENS or is_generic(name, rules):
        return None
    if any(
        a < end and start < b
        for a, b, t in taken
        if not (a == start and regions.get(a) == b) and not (t == "Industry" and start < a and b <= end)
    ):
        return None  # the registry names it (泰格医药 holds a sector word)
    first = ks
    if regions.get(start) is not None:  # 四川时代: a region, then one plain word
        r_end = regions[start]
        if r_end >= end or tokens.starts[tokens.at[r_end]] != r_end or tokens.at[r_end] != ke - 1:
            return None
        rest = words[ke - 1]
        if (
            len(rest) < 2
            or is_rule_word(rest)
            or rest in cues.not_brand
            or word_tags().get(rest)
            or rules.head_regex.search(rest)
            or rules.industry_end.search(rest)
        ):
            return None
        return Candidate(start, end, "Enterprise", "actor:region_brand")
    if not is_name_word(words[first]):
        return None
    for w in words[first + 1 : ke]:
        if breaks(w, rules) or w in cues.not_brand:
            return None  # (a verb-like word may stand in a brand: 康龙化成)
    if words[ke - 1] in cues.not_brand or (
        ke - ks > 1
        and rules.industry_end.search(name)
        and not is_name_word(words[ke - 1])
        and not any(h.brand for h in _heads_of(name, rules))
    ):
        return None  # 星河生物医药: a sector, not a company (美科硅能源 is)
    return Candidate(start, end, "Enterprise", "actor:brand")
