"""Find mentions of named things in sentences: registry names (spaCy EntityRuler over the
private-jieba tokens) and names the rules find (extract/zh/candidates.py), without overlaps.

Each mention carries a resolution key (extract/ids.py): the registry id, or the normalised name
with every registry name inside it replaced by its id, so 知识城总体发展规划 and
中新广州知识城总体发展规划 are one entity; a year range in brackets and a leading quoted label
(“快批快拆快建”模式 = “快批快拆快建”机制) do not count either.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..ids import entity_key
from ..model import Document, Mention, Sentence
from ..nlp import registry_ruler
from ..registry import Registry, load_registry
from ..textnorm import HAN_ONLY, fold_width, normalise_name
from .candidates import find_candidates
from .extent import trim_start
from .gazetteer import needs_context
from .headings import heading_sentences
from .lists import list_items
from .rules import NameRules, load_rules
from .segment import token_lists, zh_pipeline
from .tokens import Candidate, Known, Tokens
from .words import breaks, is_generic, is_name_word

PRIORITY = {"registry": 0, "heading": 1, "pattern": 1, "head": 2, "list": 3, "actor": 4, "quoted": 5, "abbreviation": 6}
LEADING_QUOTE = re.compile(r"^“([^“”]+)”[^“”]{0,8}$")
ABBREV = re.compile(r"[((]([^()()]{2,10})[))]")
PROPAGATE = ("Platform", "Region", "Industry")
AREA = ("片区",)  # 知识城片区: the registry platform's area is the platform


def find_mentions(doc: Document) -> tuple[Mention, ...]:
    """Mentions of a Chinese document: registry names and the names the rules find, without
    overlaps, echoed across the document."""
    nlp = zh_pipeline()
    ruler = registry_ruler(nlp)
    registry = load_registry()
    rules = load_rules()
    sentences = doc.sentences
    out: list[Mention] = []
    title = doc.title.strip()
    texts = [fold_width(s.text) for s in sentences]
    context = DivisionContext(doc.text)
    per_sentence: list[tuple[Sentence, str, list[tuple[int, int]], list[Mention]]] = []
    headings = heading_sentences(sentences)
    for sent, text, (words, spans) in zip(sentences, texts, token_lists(nlp, texts), strict=False):
        is_title = bool(title) and sent.text.strip() == title
        ms = sentence_mentions(
            sent, words, spans, registry, rules, ruler, is_title, text, context, heading=headings.get(sent.id)
        )
        per_sentence.append((sent, text, spans, ms))
    _split_joined_platforms([ms for _, _, _, ms in per_sentence], rules)
    echoes = _echo_names(per_sentence)
    for _, _, _, ms in per_sentence:
        out.extend(ms)
    return tuple(out) if not echoes else tuple(sorted(out, key=lambda m: m.start))


def _platform_head_end(name: str, rules: NameRules) -> bool:
    """Does the name end with a platform head after at least two characters (未来科技城, 大走廊)?"""
    for i in range(max(0, len(name) - 6), len(name) - 1):
        h = name[i:]
        if h in rules.heads and rules.heads[h].type == "Platform":
            return i >= 2 or len(h) >= 4  # (未来科技城 is a head of its own)
    return False


def _split_joined_platforms(groups: list[list[Mention]], rules: NameRules) -> None:
    """杭州城西科创大走廊未来科技城 (a title): two platforms written together, the corridor and the
    city of science in it, when the second is named elsewhere in the document after a region's name
    (杭州未来科技城): the joined span is two mentions (before echoes, so that the second is echoed
    where it stands alone). Changes each sentence's list in place."""
    names = {m.text for out in groups for m in out if m.type == "Platform" and not m.nested}
    places = {m.text for out in groups for m in out if m.type == "Region"}
    cuts: dict[str, int | None] = {}  # a name's cut, decided once per document
    for out in groups:
        _split_in(out, names, places, rules, cuts)


def _split_in(
    out: list[Mention], names: set[str], places: set[str], rules: NameRules, cuts: dict[str, int | None]
) -> None:
    for i, m in list(enumerate(out)):
        if m.type != "Platform" or m.registry_id or m.nested or len(m.text) < 8:
            continue
        if m.text not in cuts:
            cuts[m.text] = _cut(m.text, names, places, rules)
        cut = cuts[m.text]
        if cut is None:
            continue
        a, b = m.text[:cut], m.text[cut:]
        out[i] = replace(m, end=m.start + cut, text=a, name=a, rule="split", key=entity_key(name_key(a, [])))
        out.append(replace(m, start=m.start + cut, text=b, name=b, rule="split", key=entity_key(name_key(b, []))))


def _cut(text: str, names: set[str], places: set[str], rules: NameRules) -> int | None:
    for cut in range(3, len(text) - 3):
        a, b = text[:cut], text[cut:]
        if not (_platform_head_end(a, rules) and _platform_head_end(b, rules)):
            continue
        if any(n.endswith(b) and n[: -len(b)] in places for n in names):
            return cut  # (杭州 + 未来科技城: the second is a name of its own)
    return None


ECHO_MIN = {"Industry": 2, "Region": 2, "Enterprise": 2}


def _echo_names(per_sentence) -> bool:
    """One name, one thing, across the document: a name the rules found in one sentence (a list
    cue typed it, its head or its context vouched for it) names the same thing wherever else the
    document writes it as whole words, so that relations read in other sentences see it too
    (北部都會區 named by the title, then the subject of later sentences). An echo never cuts
    into another mention; mentions inside it become nested, as they would have in the first pass.
    Names found with two types are left alone. Returns whether any echo was added."""
    found: dict[str, Mention | None] = {}
    for _, _, _, ms in per_sentence:
        for m in ms:
            if m.registry_id or m.nested or m.rule in ("abbreviation", "echo") or m.rule.startswith("registry"):
                continue
            surface = fold_width(m.text)
            if len(surface) < ECHO_MIN.get(m.type, 3):
                continue
            prev = found.get(surface, m)
            found[surface] = m if prev is not None and prev.type == m.type else None
    names = {s: m for s, m in found.items() if m is not None}
    if not names:
        return False
    rx = re.compile("|".join(re.escape(s) for s in sorted(names, key=len, reverse=True)))
    added = False
    for sent, text, spans, ms in per_sentence:
        hits = list(rx.finditer(text))
        if not hits:
            continue
        starts = {a for a, _ in spans}
        ends = {b for _, b in spans}
        for h in hits:
            s, e = h.span()
            if s not in starts or e not in ends:
                continue  # inside a word: not this name
            if any(
                m.start - sent.start < e
                and s < m.end - sent.start
                and not m.nested
                and not (s <= m.start - sent.start and m.end - sent.start <= e)
                for m in ms
            ):
                continue  # cuts into or lies inside another mention
            if any(m.start - sent.start == s and m.end - sent.start == e for m in ms):
                continue
            src = names[h.group(0)]
            for i, m in enumerate(ms):
                if s <= m.start - sent.start and m.end - sent.start <= e and not m.nested:
                    ms[i] = replace(m, nested=True)
            ms.append(
                Mention(
                    start=sent.start + s,
                    end=sent.start + e,
                    text=sent.text[s:e],
                    type=src.type,
                    sentence=sent.id,
                    rule="echo",
                    key=src.key,
                    name=src.name,
                    nested=False,
                )
            )
            added = True
    return added


class DivisionContext:
    """Whether a division's form may stand in this document: a district or a county's short
    form only where its prefecture or province is named (extract/zh/gazetteer.py)."""

    def __init__(self, text: str):
        self.text = text
        self.seen: dict[str, bool] = {}

    def __call__(self, form: str) -> bool:
        ok = self.seen.get(form)
        if ok is None:
            up = needs_context(form)
            ok = self.seen[form] = not up or any(f in self.text for f in up)
        return ok


def _names_document(c: Candidate, reg: str | None, title_len: int) -> bool:
    """The title's own plan or proposal (…发展规划) is the document, not a thing it names: a long
    programme name in the title, or one that ends the title (…乡村振兴与文旅融合发展规划)."""
    return c.type == "Initiative" and reg is None and ((c.end - c.start) >= 0.6 * title_len or c.end >= title_len)


def _rank(c: tuple[Candidate, str | None]) -> tuple:
    """Longest first; on the same span the registry, then patterns, heads, lists, quotes; an
    industry a list cue types beats a programme head (生物医学工程 in 重点发展…、生物医学工程)."""
    cand, reg = c
    if cand.rule.startswith("list:") and cand.type == "Industry":
        return (-(cand.end - cand.start), PRIORITY["pattern"], cand.start)
    kind = "registry" if reg else cand.rule.split(":")[0]
    if cand.rule == "registry~":
        kind = "head"
    if kind not in PRIORITY:
        kind = "pattern"
    return (-(cand.end - cand.start), PRIORITY[kind], cand.start)


def name_key(name: str, inner: list[tuple[int, int, str]]) -> str:
    """Resolution key of a name not in the registry (see the module docstring)."""
    m = LEADING_QUOTE.match(name)
    if m:
        return "q:" + normalise_name(m.group(1))
    parts, pos = [], 0
    for s, e, rid in sorted(inner):
        parts.append(name[pos:s])
        parts.append("{" + rid + "}")
        pos = e
    parts.append(name[pos:])
    rules = load_rules()
    key = rules.regexes["years"].sub("", "".join(parts))
    for long, short in rules.head_forms:
        if long in key:
            key = key.replace(long, short)
    return key


HEAD_TYPES = ("Platform", "Institution", "Project", "Region")


def _heading_candidate(tokens: Tokens, span: tuple[int, int], rules: NameRules, found) -> Candidate | None:
    """The heading's name as one candidate when it ends with a head noun (a park, an institute, a
    facility), a construction phase after a park's head included (厦门软件园三期: the park's area).
    No place word is needed (the heading singles the place out), but a leading verb is trimmed
    and a generic name (特色小镇), two things joined (…服务和物流枢纽) or a quoted-only head names
    nothing."""
    text = tokens.text
    s, e = span
    s = trim_start(text, s, e, rules, tokens)
    name = text[s:e]
    phase = re.search(r"[一二三四五六七八九十]期$", name)
    core = name[: phase.start()] if phase else name
    head = next((rules.heads[core[i:]] for i in range(len(core)) if core[i:] in rules.heads), None)
    if head is None or head.type not in HEAD_TYPES or head.industry or head.quoted:
        return None
    prefix = core[: len(core) - len(head.text)]
    if (
        len(prefix) < 2
        or is_generic(prefix, rules)
        or re.search("[和及与、]", prefix)
        or (head.science and not rules.science_regex.search(prefix))
    ):
        return None
    if any(c.start <= s and e <= c.end and (c.start, c.end) != (s, e) for c, _ in found):
        return None
    type_ = "Platform" if head.type == "Region" else head.type
    return Candidate(s, e, type_, "heading")


def sentence_mentions(
    sent: Sentence,
    words: list[str],
    spans: list[tuple[int, int]],
    registry: Registry,
    rules: NameRules,
    ruler,
    is_title: bool = False,
    text: str | None = None,
    context=None,
    heading: tuple[int, int] | None = None,
) -> list[Mention]:
    """Mentions of one sentence from its tokens (words and their character spans); ``heading``:
    the span of an article heading's name (the sentence is the heading)."""
    text = "".join(words) if text is None else text
    reg_spans = [(spans[s][0], spans[e - 1][1], rid) for s, e, rid in ruler.match_words(words) if rid in registry.by_id]
    known = [Known(s, e, registry.by_id[rid].type) for s, e, rid in reg_spans]
    ranking = tuple(rules.words["ranking"])
    found: list[tuple[Candidate, str | None]] = [
        (
            Candidate(
                s,
                e,
                registry.by_id[rid].type,
                "registry~" if text[s:e] in registry.by_id[rid].contextual else "registry",
            ),
            rid,
        )
        for s, e, rid in reg_spans
        if not (registry.by_id[rid].type == "Region" and text.startswith(ranking, e))
    ]  # 中国企业500强
    tokens = None
    if sent.text.strip():
        tokens = Tokens(text, spans, words if len(words) == len(spans) and "".join(words) == text else None)
        for c in find_candidates(tokens, rules, known, context, is_title):
            entry = registry.lookup(c.name or text[c.start : c.end])
            if entry is None and text[c.start : c.end].endswith(AREA):
                entry = next(
                    (
                        registry.by_id[rid]
                        for s, e, rid in reg_spans
                        if s == c.start and text[e : c.end] in AREA and registry.by_id[rid].type == "Platform"
                    ),
                    None,
                )
            found.append((c, entry.id if entry else None))
    if heading is not None:
        hc = _heading_candidate(tokens, heading, rules, found) if tokens is not None else None
        if hc is not None and not any((c.start, c.end) == (hc.start, hc.end) and r for c, r in found):
            found.append((hc, None))
    if is_title and heading is None:
        title_len = len(rules.regexes["years"].sub("", rules.regexes["title_note"].sub("", text.strip())))
        found = [(c, r) for c, r in found if not _names_document(c, r, title_len)]
    chosen = _select(found, text)
    if tokens is not None:
        chosen += _propagate(tokens, chosen, rules)
        chosen += _abbreviations(text, chosen)
    keys: dict[tuple[int, int], str] = {}
    for cand, reg, _ in chosen:
        if not reg and cand.rule != "abbreviation":
            inner = [
                (s - cand.start, e - cand.start, rid)
                for s, e, rid in reg_spans
                if cand.start <= s and e <= cand.end and (s, e) != (cand.start, cand.end)
            ]
            if not inner and cand.name is None:
                inner = list(_leading_registry_place(text[cand.start : cand.end]))
            keys[(cand.start, cand.end)] = entity_key(name_key(cand.name or text[cand.start : cand.end], inner))
    out = []
    for cand, reg, nested in sorted(chosen, key=lambda c: c[0].start):
        entry = registry.by_id.get(reg) if reg else None
        surface = sent.text[cand.start : cand.end]
        name = entry.name_zh if entry else (cand.name or surface)
        if entry:
            key = entity_key(name, entry.id)
        elif cand.rule == "abbreviation":
            key = (keys.get(cand.of) if cand.of else None) or entity_key(name_key(name, []))
        else:
            key = keys[(cand.start, cand.end)]
        out.append(
            Mention(
                start=sent.start + cand.start,
                end=sent.start + cand.end,
                text=surface,
                type=entry.type if entry else cand.type,
                sentence=sent.id,
                rule=cand.rule,
                key=key,
                name=name,
                registry_id=entry.id if entry else None,
                nested=nested,
            )
        )
    return out


@lru_cache(maxsize=16384)
def _leading_registry_place(name: str) -> tuple[tuple[int, int, str], ...]:
    """西安高新技术产业开发区, one jieba word: the registry place it opens with (西安), which the ruler
    cannot see inside the word, so that it shares its key with 西安高新区."""
    registry = load_registry()
    for n in (4, 3, 2):
        if len(name) > n + 1:
            entry = registry.lookup(name[:n])
            if entry is not None and entry.type == "Region" and name[:n] not in entry.contextual:
                return ((0, n, entry.id),)
    return ()


def _select(found: list[tuple[Candidate, str | None]], text: str) -> list[tuple[Candidate, str | None, bool]]:
    """Longest first, registry before rules; a span inside a chosen one is kept as nested,
    except the places a link joins (知识城-南沙: both ends are names of their own)."""
    chosen: list[tuple[Candidate, str | None, bool]] = []
    for cand, reg in sorted(found, key=_rank):
        nested = False
        clash = False
        for other, _, _ in chosen:
            if cand.start >= other.start and cand.end <= other.end:
                if (cand.start, cand.end) == (other.start, other.end):
                    clash = True
                    break
                nested = nested or not _link_end(other, cand, text)
            elif cand.start < other.end and other.start < cand.end:
                clash = True
                break
        if not clash:
            chosen.append((cand, reg, nested))
    return chosen


def _link_end(outer: Candidate, inner: Candidate, text: str) -> bool:
    return outer.rule == "rail_link" or (outer.type == "Project" and "-" in text[outer.start : outer.end])


def _propagate(tokens: Tokens, chosen, rules: NameRules) -> list[tuple[Candidate, str | None, bool]]:
    """In a list of three or more items where the named items share a type (Platform, Region,
    Industry) and the others look like names, the others get that type (串联知识城、长岭居、科学城)."""
    text = tokens.text
    by_span = {(c.start, c.end): c for c, _, nested in chosen if not nested}
    out: list[tuple[Candidate, str | None, bool]] = []
    for items in list_items(tokens, rules):
        typed = [by_span[i].type for i in items if i in by_span]
        if not typed or len(set(typed)) != 1:
            continue
        rest = [i for i in items if i not in by_span]
        if typed[0] == "Enterprise" and len(items) >= 2 and rest:
            brands = [(s, e) for s, e in rest if _brand_shaped(tokens, s, e, rules)]
            if len(brands) == len(rest) and not any(c.start < e and s < c.end for s, e in rest for c, _, _ in chosen):
                out += [(Candidate(s, e, "Enterprise", "list:propagate"), None, False) for s, e in rest]
            continue  # 长飞光纤、华工科技: companies listed with a company
        if typed[0] not in PROPAGATE or (
            len(items) < 3
            and not (
                typed[0] == "Industry"
                and len(items) == 2
                and len(rest) == 1
                and len(text[rest[0][0] : rest[0][1]]) >= 3
            )
        ):
            continue  # (医疗器械、生物服务: a pair of sectors)
        if len(typed) < len(rest) or not all(_name_shaped(text[s:e], rules) for s, e in rest):
            continue
        if typed[0] == "Industry" and not all(rules.industry_end.search(text[s:e]) for s, e in rest):
            continue
        if any(
            c.start < e
            and s < c.end
            and not (typed[0] == "Platform" and s <= c.start and c.end <= e and (c.start, c.end) != (s, e))
            for s, e in rest
            for c, _, _ in chosen
        ):
            continue  # (医学健康园 listed with parks holds the sector 医学)
        for i, (c, reg, _) in enumerate(chosen):
            if any(s <= c.start and c.end <= e for s, e in rest):
                chosen[i] = (c, reg, True)
        out += [(Candidate(s, e, typed[0], "list:propagate"), None, False) for s, e in rest]
    return out


def _brand_shaped(tokens: Tokens, start: int, end: int, rules: NameRules) -> bool:
    """A company's short name: 2-8 Chinese characters opening with a word jieba tags as a proper
    name or does not know (长飞光纤, 英发德耀)."""
    item = tokens.text[start:end]
    if not (2 <= len(item) <= 8 and HAN_ONLY.match(item)) or is_generic(item, rules):
        return False
    k = tokens.at[start]
    return tokens.starts[k] == start and is_name_word(tokens.words[k])


def _name_shaped(item: str, rules: NameRules) -> bool:
    return (
        2 <= len(item) <= 6
        and HAN_ONLY.match(item) is not None
        and not breaks(item, rules)
        and not is_generic(item, rules)
    )


def _abbreviations(text: str, chosen) -> list[tuple[Candidate, str | None, bool]]:
    """A name followed by its short form in brackets: 广州医科大学妇女儿童医院(广医妇儿医院), (CID)."""
    out = []
    for cand, reg, nested in chosen:
        m = ABBREV.match(text, cand.end)
        if not m or nested:
            continue
        short = m.group(1)
        full = text[cand.start : cand.end]
        if (short.isascii() and short.isupper()) or _subsequence(short, full):
            span = Candidate(
                m.start(1), m.end(1), cand.type, "abbreviation", cand.name or full, of=(cand.start, cand.end)
            )
            same = next(
                (
                    i
                    for i, (c, r, _) in enumerate(chosen)
                    if (c.start, c.end) == (span.start, span.end) and c.type == cand.type and not r and not reg
                ),
                None,
            )
            if same is not None:  # 天津滨海高新技术产业开发区(滨海高新区): the head rule
                chosen[same] = (span, reg, False)  # found the short form too; it is the name's alias
            elif not any(c.start < span.end and span.start < c.end for c, _, _ in chosen):
                out.append((span, reg, False))
    return out


def _subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return len(short) < len(full) and all(ch in it for ch in short)
