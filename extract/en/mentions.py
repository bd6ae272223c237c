"""Mentions in English sentences: registry names and aliases, sector terms, and capitalised
names built on a head word (… Industrial Park, … Research Institute, … Pilot Free Trade Zone).

Precedence where spans overlap: registry, then terms, then head-word names (longest first).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..ids import entity_key
from ..model import Document, Mention, Sentence
from ..registry import load_registry
from ..textnorm import fold_width, normalise_name
from .aliases import with_defined_aliases
from .pinyin import pinyin_syllable_count
from .places import pinyin_places
from .quoted import quoted_initiatives
from .rules import HeadPhrase, heads, initial_stopwords, list_cues, not_names, stopwords, terms
from .sectors import sector_items, sector_rules
from .segment import en_pipeline

CONNECTORS = frozenset({"and", "&", "-", "de"})  # may stand between the words of a name
ARTICLES = frozenset({"the", "a", "an"})


def find_english_mentions(doc: Document) -> tuple[Mention, ...]:
    """Mentions of an English document: registry names, terms, head-word names, lists, quoted
    programmes, pinyin places and the short names it defines."""
    nlp = en_pipeline()
    out: list[Mention] = []
    texts = (fold_width(s.text) for s in doc.sentences)
    for sent, sdoc in zip(doc.sentences, nlp.pipe(texts, batch_size=256), strict=False):
        found = sentence_mentions(sent, sdoc)
        if is_heading(sent.text):
            # Title Case makes every word look like a name (“I. Development Foundation”, the
            # document's own “… Plan for …”): in headings only registry names, terms and lists count.
            found = [m for m in found if m.rule != "en_head"]
        out.extend(found)
    return with_defined_aliases(doc, tuple(out))


_SMALL = frozenset({"of", "and", "for", "the", "in", "to", "a", "an", "on", "with", "at", "by", "from", "&"})


def is_heading(text: str) -> bool:
    """A title or heading line: no closing punctuation, and most words capitalised (Title Case)."""
    text = text.strip()
    if not text or text[-1] in ".!?;:,":
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in _SMALL]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def sentence_mentions(sent: Sentence, sdoc: Doc) -> list[Mention]:
    """The mentions of one sentence, made of its spaCy Doc ``sdoc``."""
    registry = load_registry()
    lexical: list[Mention] = []
    for ent in sdoc.ents:
        entry = registry.by_id.get(ent.ent_id_)
        if entry is not None:
            lexical.append(
                _mention(
                    sent,
                    ent.start_char,
                    ent.end_char,
                    entry.type,
                    "registry",
                    entity_key(entry.name_zh, entry.id),
                    entry.name_zh,
                    entry.id,
                )
            )
    lexical.extend(_term_mentions(sent, sdoc))
    # registry names and sector terms compete on length (“commercial aerospace” beats “aerospace”);
    # on a tie the registry wins (it comes first and the sort is stable)
    found: list[Mention] = []
    for m in sorted(lexical, key=lambda m: -(m.end - m.start)):
        if not _overlaps(m.start, m.end, [(f.start, f.end) for f in found]):
            found.append(m)
    if not is_heading(sent.text):
        found = _not_inside_longer_names(sent, sdoc, found)
        found = _not_counted(sent, [m for m in found if not _names_a_place_back(sent, m)])
        found = _with_sector_lists(sent, found)
        found = [_with_kind_word(sent, m) for m in found]
    taken = [(m.start, m.end) for m in found]
    named: list[Mention] = []
    for m in sorted(_head_mentions(sent, sdoc), key=lambda m: (m.start, -(m.end - m.start))):
        if named and m.start < named[-1].end:
            if m.end <= named[-1].end:
                continue  # inside a name already taken
            trimmed = _trim(sent, m, named[-1].end)  # “… Technology and Foshan University” → Foshan University
            if trimmed is None:
                continue
            m = trimmed
        if _inside_or_crossing(m.start, m.end, taken):
            continue
        named.append(m)
    taken += [(n.start, n.end) for n in named]
    for m in _list_mentions(sent):
        same = next((i for i, n in enumerate(named) if (n.start, n.end) == (m.start, m.end)), None)
        if same is not None and named[same].rule == "en_head":
            named[same] = m  # “companies such as Zai Lab”: the list says what it is
        elif not _inside_or_crossing(m.start, m.end, taken):
            named.append(m)
            taken.append((m.start, m.end))
    # A name written inside a longer name is part of it (“Guangdong” in “… Guangdong Laboratory”):
    # the inner thing counts where it stands on its own (annotation guide, nested names).
    outer = [(n.start, n.end) for n in named]
    places = [(m.start - sent.start, m.end - sent.start) for m in found if m.type in ("Region", "Platform")]
    found = [
        m
        for m in found
        if not any(a <= m.start and m.end <= b for a, b in outer)
        or (m.type == "Region" and _linked_places(sent.text, m.start - sent.start, m.end - sent.start, places))
    ]
    out = found + named
    if not is_heading(sent.text):
        spans = [(m.start, m.end) for m in out]
        out += [
            q
            for q in quoted_initiatives(
                sent, lambda s, e, name: _mention(sent, s, e, "Initiative", "en_quoted", entity_key(name), name)
            )
            if not _overlaps(q.start, q.end, spans)
        ]
        out += _coordinated_companies(sent, sdoc, out)
        out += pinyin_places(
            sent, out, lambda s, e, name: _mention(sent, s, e, "Region", "en_place", entity_key(name), name)
        )
    return sorted(out, key=lambda m: m.start)


def capitalised_runs(sdoc: Doc) -> list[tuple[int, int]]:
    """Character spans of runs of capitalised words (“Shanghai Henlius Biotech”, “Bio-industry”
    inside “Wuhan National Bio-industry Base”). A sentence's first word counts only when it is
    not a word that begins sentences (“Relying”, “In”, “We”)."""
    toks = list(sdoc)
    stop = stopwords()
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not _name_word_at(toks, i) or (i == 0 and toks[i].lower_ in stop):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and (
            _name_word_at(toks, j) or (toks[j].text in ("-", "&") and j + 1 < len(toks) and _name_word_at(toks, j + 1))
        ):
            j += 1
        runs.append((toks[i].idx, toks[j - 1].idx + len(toks[j - 1].text)))
        i = j
    return runs


def _not_inside_longer_names(sent: Sentence, sdoc: Doc, found: list[Mention]) -> list[Mention]:
    """Registry names and terms written inside a longer capitalised name are part of that name, not
    mentions of their own: “Zhangjiang” in “Shanghai Zhangjiang Hi-Tech Park Development Co.”,
    “Biotech” in “Shanghai Henlius Biotech”. Places written side by side (“Guangzhou Nansha”,
    “China-Singapore”) still name each place."""
    places = [(m.start - sent.start, m.end - sent.start) for m in found if m.type in ("Region", "Platform")]
    runs = capitalised_runs(sdoc)
    out = []
    for m in found:
        s, e = m.start - sent.start, m.end - sent.start
        run = next(((a, b) for a, b in runs if a <= s and e <= b), None)
        if (
            run is None
            or run == (s, e)
            or _covered_by(sent.text, run, places)
            or (m.type == "Region" and _linked_places(sent.text, s, e, places))
        ):
            out.append(m)
    return out


def _linked_places(text: str, s: int, e: int, places) -> bool:
    """“Suzhou-Shanghai Intercity Railway”: places joined by hyphens name the ends of a link, and
    each place counts (annotation guide decisions, link endpoints)."""
    left = any(b == s - 1 and text[b] == "-" for a, b in places)
    right = any(a == e + 1 and text[e : e + 1] == "-" for a, b in places)
    return left or right


def _covered_by(text: str, run: tuple[int, int], spans) -> bool:
    """Every word of the run lies inside one of the spans (hyphens and spaces between them)."""
    for w in re.finditer(r"[^\s\-&]+", text[run[0] : run[1]]):
        a, b = run[0] + w.start(), run[0] + w.end()
        if not any(x <= a and b <= y for x, y in spans):
            return False
    return True


_GAP = re.compile(r"[\s,]*(?:(?:and|&|as well as)\s+)?")


_COORD = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+)$")


def _coordinated_companies(sent: Sentence, sdoc: Doc, taken: list[Mention]) -> list[Mention]:
    """A capitalised name no rule typed, listed with a company (“Hygon and BOE”, “Changan
    Automobile and Seres”), is a company too."""
    text = sent.text
    spans = [(m.start - sent.start, m.end - sent.start) for m in taken]
    firms = [(m.start - sent.start, m.end - sent.start) for m in taken if m.type == "Enterprise"]
    stop = stopwords()
    out: list[tuple[int, int]] = []
    changed = True
    runs = [
        r
        for r in capitalised_runs(sdoc)
        if r[0] > 0
        and len(text[r[0] : r[1]].split()) <= 3
        and not any(a < r[1] and r[0] < b for a, b in spans)
        and not any(w.lower() in stop for w in text[r[0] : r[1]].split())
    ]
    while changed:
        changed = False
        for r in runs:
            if r in out:
                continue
            known = firms + out
            if any(_COORD.match(text[b : r[0]]) for a, b in known if b <= r[0]) or any(
                _COORD.match(text[r[1] : a]) for a, b in known if a >= r[1]
            ):
                out.append(r)
                changed = True
    return [_mention(sent, a, b, "Enterprise", "en_coord", entity_key(text[a:b]), text[a:b]) for a, b in out]


def _names_a_place_back(sent: Sentence, m: Mention) -> bool:
    """“the aerospace city”, “a free trade port”: a sector word before a lower-case place noun
    is part of a description of a place, not the name of the sector."""
    if m.type != "Industry":
        return False
    before = sent.text[: m.start - sent.start]
    after = re.match(r"\s+([a-z]+)\b", sent.text[m.end - sent.start :])
    return bool(
        after
        and after.group(1) in _place_nouns()
        and re.search(r"\b(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}$", before, re.IGNORECASE)
    )


_COUNTED = re.compile(
    r"(?<![\w.,])(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)*\s+(?:million\s+|thousand\s+)?"
    r"(?:(?!(?:the|a|an|of|in|by|and|for|to)\b)[A-Za-z-]+\s+(?:[IVX]+\s+)?){0,2}$"
)


def _not_counted(sent: Sentence, found: list[Mention]) -> list[Mention]:
    """“more than 400 innovative drugs and medical devices”: sector words counted by a number name
    the things counted (the indicator's unit), not the sector."""
    out, dropped_end = [], None
    for m in sorted(found, key=lambda m: m.start):
        before = sent.text[: m.start - sent.start]
        counted = m.type == "Industry" and (
            _COUNTED.search(before) is not None
            or (
                dropped_end is not None
                and re.fullmatch(r"\s+and\s+", sent.text[dropped_end - sent.start : m.start - sent.start])
            )
        )
        if counted:
            dropped_end = m.end
        else:
            out.append(m)
    return out


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    """One-word place and project heads (city, park, zone, port …), lower case."""
    return frozenset(h.words[0] for h in heads() if len(h.words) == 1 and h.type in ("Platform", "Project", "Region"))


_KIND_WORDS = re.compile(r"\s+(strategy|initiative|plan|programme|program|policy)\b")


def _with_kind_word(sent: Sentence, m: Mention) -> Mention:
    """An initiative's name takes the kind word written after it (“Yangtze River Delta
    integration strategy”): the annotation guide's name extent is the name as written."""
    if m.type != "Initiative":
        return m
    k = _KIND_WORDS.match(sent.text, m.end - sent.start)
    if k is None or m.text.lower().endswith(k.group(1)):
        return m
    return _mention(sent, m.start - sent.start, k.end(), m.type, m.rule, m.key, m.name, m.registry_id)


def _with_sector_lists(sent: Sentence, found: list[Mention]) -> list[Mention]:
    """Sectors named in lists (``sectors.py``) join the registry names and terms; a list item that
    holds a shorter known sector replaces it (“modern financial services” over “financial
    services”), unless what it adds are generic words after it (“nanotechnology applications” is
    the nanotechnology the registry knows, written longer)."""
    generic = sector_rules().generic
    out = list(found)
    for s, e in sector_items(sent, found):
        a, b = sent.start + s, sent.start + e
        if any(m.start <= a and b <= m.end for m in out):
            continue  # already named, or part of a longer known name
        inside = [m for m in out if m.type == "Industry" and a <= m.start and m.end <= b]
        rest = sent.text[inside[0].end - sent.start : e].split() if len(inside) == 1 else None
        if len(inside) == 1 and inside[0].start == a and rest and all(w.lower() in generic for w in rest):
            k = inside[0]
            new = _mention(sent, s, e, k.type, k.rule, k.key, k.name, k.registry_id)
        else:
            new = _sector_mention(sent, s, e)
        out = [m for m in out if m not in inside] + [new]
    return out


def _sector_mention(sent: Sentence, s: int, e: int) -> Mention:
    """A sector name from a list: the registry's or a term's entity where the name (singular or
    plural, with or without “industry”) is one, else a sector of its own."""
    phrase = sent.text[s:e]
    bare = re.sub(r"\s+(?:industry|industries|sector)$", "", phrase, flags=re.IGNORECASE) or phrase
    registry = load_registry()
    if bare != phrase:
        e = s + len(bare)  # “the integrated circuit industry”: the sector is “integrated circuit”
    for form in dict.fromkeys((phrase, bare, bare + "s", bare[:-1] if bare.endswith("s") else bare)):
        entry = lookup_en(registry, form)
        if entry is not None and entry.type == "Industry":
            return _mention(
                sent, s, e, entry.type, "registry", entity_key(entry.name_zh, entry.id), entry.name_zh, entry.id
            )
        term = _terms_by_form().get(normalise_name(form))
        if term is not None:
            entry = registry.lookup(term.name_zh) or registry.lookup(term.name_en)
            if entry is not None:
                return _mention(
                    sent, s, e, entry.type, "registry", entity_key(entry.name_zh, entry.id), entry.name_zh, entry.id
                )
            return _mention(sent, s, e, term.type, "en_term", entity_key(term.name_zh), term.name_zh)
    return _mention(sent, s, s + len(phrase), "Industry", "en_sector", entity_key(bare), bare)


@lru_cache(maxsize=1)
def _terms_by_form() -> dict:
    return {normalise_name(f): t for t in terms() for f in t.forms}


def _trim(sent: Sentence, m: Mention, end: int) -> Mention | None:
    """The part of ``m`` after ``end`` (skipping “and”), if it is still a name of two words or more."""
    s = end - sent.start
    gap = _GAP.match(sent.text, s)  # (it matches anywhere: it may be empty)
    s = gap.end() if gap else s
    e = m.end - sent.start
    name = sent.text[s:e]
    if " " not in name.strip() or not name[:1].isupper():
        return None
    entry = lookup_en(load_registry(), name)
    if entry is not None:
        return _mention(
            sent, s, e, entry.type, "registry", entity_key(entry.name_zh, entry.id), entry.name_zh, entry.id
        )
    return _mention(sent, s, e, m.type, m.rule, entity_key(name), name)


def lookup_en(registry, name: str):
    """The registry entry an English name names, with or without a leading “The”."""
    return registry.lookup(name) or registry.lookup("The " + name)


def _mention(
    sent: Sentence, s: int, e: int, type_: str, rule: str, key: str, name: str, registry_id: str | None = None
) -> Mention:
    return Mention(
        start=sent.start + s,
        end=sent.start + e,
        text=sent.text[s:e],
        type=type_,
        sentence=sent.id,
        rule=rule,
        key=key,
        name=name,
        registry_id=registry_id,
    )


def _overlaps(s: int, e: int, spans) -> bool:
    return any(s < b and a < e for a, b in spans)


def _inside_or_crossing(s: int, e: int, spans) -> bool:
    """True unless the span strictly contains every span it overlaps (nested names both count)."""
    return any(s < b and a < e and not (s <= a and b <= e and (s, e) != (a, b)) for a, b in spans)


@lru_cache(maxsize=1)
def _term_matcher() -> tuple[PhraseMatcher, dict]:
    nlp = en_pipeline()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_key = {}
    for n, term in enumerate(terms()):
        key = f"term{n}"
        by_key[key] = term
        matcher.add(key, [nlp.make_doc(f) for f in term.forms])
    return matcher, by_key


def _term_mentions(sent: Sentence, sdoc: Doc):
    registry = load_registry()
    matcher, by_key = _term_matcher()
    spans = [(sdoc.vocab.strings[k], s, e) for k, s, e in matcher(sdoc)]
    spans.sort(key=lambda t: (t[1], -(t[2] - t[1])))
    end = -1
    for key, s, e in spans:
        if s < end:
            continue
        end = e
        term = by_key[key]
        span = sdoc[s:e]
        entry = registry.lookup(term.name_zh) or registry.lookup(term.name_en)
        if entry is not None:
            m = _mention(
                sent,
                span.start_char,
                span.end_char,
                entry.type,
                "registry",
                entity_key(entry.name_zh, entry.id),
                entry.name_zh,
                entry.id,
            )
        else:
            m = _mention(
                sent, span.start_char, span.end_char, term.type, "en_term", entity_key(term.name_zh), term.name_zh
            )
        yield m


_ROMAN = re.compile(r"^[IVX]{1,5}\.?$")


def _is_name_word(tok) -> bool:
    text = tok.text
    if tok.is_punct or tok.lower_ in ARTICLES or (_ROMAN.match(text) and (text.endswith(".") or tok.i == 0)):
        return False
    return text[:1].isupper() or text.isdigit() or (any(c.isupper() for c in text) and text.isalnum())


def _name_word_at(toks, i: int) -> bool:
    """A name word, or the lower-case tail of a hyphenated name word (“Bio-industry”, “X-ray”,
    “High-tech”: the parts are written together, without spaces)."""
    if _is_name_word(toks[i]):
        return True
    return (
        i >= 2
        and toks[i].text.isalpha()
        and toks[i - 1].text == "-"
        and not toks[i - 1].whitespace_
        and not toks[i - 2].whitespace_
        and _is_name_word(toks[i - 2])
        and not toks[i - 2].like_num
    )


@lru_cache(maxsize=1)
def _head_ends() -> frozenset[str]:
    return frozenset(h.words[-1] for h in heads())


def _head_at(toks, i: int) -> HeadPhrase | None:
    for head in heads():
        n = len(head.words)
        if i + n <= len(toks) and tuple(t.lower_ for t in toks[i : i + n]) == head.words and toks[i].text[:1].isupper():
            return head
    return None


def _extend_left(
    toks, i: int, registry_starts: dict[int, int] | None = None, bare: bool = False, place_head: bool = False
) -> int:
    """Where the name whose head starts at token ``i`` begins. ``registry_starts`` maps each token inside
    a registry name to the token it starts at."""
    registry_starts = registry_starts or {}
    k = i
    while k > 0:
        t = toks[k - 1]
        if _name_word_at(toks, k - 1):
            k -= 1
        elif (
            t.lower_ in CONNECTORS
            and k >= 2
            and _name_word_at(toks, k - 2)
            and not (
                t.lower_ in ("and", "&")
                and (toks[k - 2].lower_ in _head_ends() or toks[k - 2].like_num)
                and not (k == i and toks[k - 2].lower_ in _head_ends() and bare)
            )
            and not (
                t.lower_ in ("and", "&")
                and place_head
                and _is_place_word(toks[k - 2], registry_starts)
                and _is_place_word(toks[k], registry_starts)
            )
        ):
            # (“Suining and Tongnan District” is two places)
            k -= 1  # not across “X University and Y University”, “Line 13 and Line 21”,
            #                               but “… Exposition and Forum” (a bare head after “and”) is one name
        elif t.lower_ in ("of", "for") and registry_starts.get(k - 1) is not None:
            k = registry_starts[k - 1]  # a registry name with “of” inside (“Optics Valley of China …”)
        elif t.text == ")":
            opening = next((j for j in range(k - 2, max(k - 7, -1), -1) if toks[j].text == "("), None)
            if opening is None or not all(_is_name_word(x) for x in toks[opening + 1 : k - 1]) or opening + 1 == k - 1:
                break
            k = opening
        else:
            break
    stop, initial = stopwords(), initial_stopwords()
    while k < i and (
        (toks[k].lower_ in stop and (toks[k].lower_ not in initial or _begins_sentence(toks, k)))
        or toks[k].lower_ in CONNECTORS
        or toks[k].text in "()"
    ):
        k += 1
    return k


def _is_place_word(tok, registry_starts) -> bool:
    """A pinyin word or a word of a registry name (the registry's places are what a head list joins)."""
    return bool(pinyin_syllable_count(tok.text)) or tok.i in registry_starts


def _begins_sentence(toks, k: int) -> bool:
    """Nothing but numbering and punctuation before token ``k`` (“(2) National …”, “1. New …”)."""
    return all(t.is_punct or t.like_num or _ROMAN.match(t.text) for t in toks[:k])


def _extend_right(toks, j: int, head: HeadPhrase) -> int:
    n = len(toks)
    if head.extends == "of":
        return _of_tail(toks, j)
    if head.extends == "title":
        return _title_tail(toks, j)
    if head.extends == "num" and j < n and (toks[j].like_num or toks[j].text in ("I", "II", "III", "IV", "V")):
        j += 1
    return j


_TITLE_SMALL = frozenset({"of", "for", "on", "in", "and", "the", "to", "with"})


def _title_tail(toks, j: int) -> int:
    """A title after its head: “Master Plan for the Construction of Hainan Free Trade Port”,
    “Negative List for Cross-border Trade in Services”: small words between capitalised ones,
    ending on a capitalised word."""
    n = len(toks)
    if not (j + 1 < n and toks[j].lower_ in ("for", "of", "on")):
        return j
    end = j
    k = j
    while k < n and (
        _name_word_at(toks, k)
        or toks[k].lower_ in _TITLE_SMALL
        or (toks[k].text == "-" and k + 1 < n and _name_word_at(toks, k + 1))
    ):
        if toks[k].lower_ == "and":
            nxt = k + 2 if k + 1 < n and toks[k + 1].lower_ == "the" else k + 1
            if nxt < n and _starts_a_name(toks, nxt):
                break  # “… Plan for X and the Hainan Free Trade Port Law”: two titles
        if _name_word_at(toks, k):
            end = k + 1
        k += 1
    return end if end > j + 1 else j


def _of_tail(toks, j: int) -> int:
    """“Institute of Nano-Tech and Nano-Bionics of the Chinese Academy of Sciences”, “Wuhan Area of
    China (Hubei) Pilot Free Trade Zone”: “of”/“for” and a capitalised run, with “of the” only
    before the name of an institution or place (a run holding a head word)."""
    n = len(toks)
    if not (j + 1 < n and toks[j].lower_ in ("of", "for")):
        return j
    m = j + 1
    if toks[m].lower_ == "the":
        m += 1
        if not (m < n and _starts_a_name(toks, m)):
            return j
    if not (m < n and _name_word_at(toks, m)):
        return j
    j = m
    while j < n:
        if _name_word_at(toks, j):
            j += 1
        elif (
            toks[j].lower_ in ("and", "&", "-")
            and j + 1 < n
            and _name_word_at(toks, j + 1)
            and not _starts_a_name(toks, j + 1)
        ):
            j += 1
        elif toks[j].text == "(":
            close = next((c for c in range(j + 2, min(j + 6, n)) if toks[c].text == ")"), None)
            if (
                close is None
                or close + 1 >= n
                or not all(_is_name_word(x) for x in toks[j + 1 : close])
                or not _name_word_at(toks, close + 1)
            ):
                break
            j = close + 1
        elif toks[j].lower_ == "of":
            k = _of_tail(toks, j)
            if k == j:
                break
            j = k
        else:
            break
    return j


def _starts_a_name(toks, j: int) -> bool:
    """The capitalised run from ``j`` ends in a head word: “… and Foshan University” is another name."""
    while j < len(toks) and _is_name_word(toks[j]):
        if toks[j].lower_ in _head_ends():
            return True
        j += 1
    return False


def _head_mentions(sent: Sentence, sdoc: Doc):
    registry = load_registry()
    toks = list(sdoc)
    registry_starts = {t: ent.start for ent in sdoc.ents for t in range(ent.start, ent.end) if t > ent.start}
    i = 0
    while i < len(toks):
        head = _head_at(toks, i)
        if head is None:
            i += 1
            continue
        j = i + len(head.words)
        k = _extend_left(
            toks,
            i,
            registry_starts,
            bare=len(head.words) == 1 and head.extends != "num",
            place_head=head.type == "Region",
        )
        end = _extend_right(toks, j, head)
        i = j
        if k == i - len(head.words) and end == j and head.extends != "num":
            continue  # the head alone (“the Laboratory”) names nothing
        if head.extends == "num" and end == j and k == j - len(head.words):
            continue
        if k > 0 and toks[k - 1].lower_ in ("a", "an"):
            continue  # “an Innovation Hub”: a kind of thing, not a name
        if head.extends != "num" and end == j and j < len(toks) and _name_word_at(toks, j) and not toks[j].like_num:
            continue  # the name goes on after the word (“Harbour BioMed”): not its head
        s, e = toks[k].idx, toks[end - 1].idx + len(toks[end - 1].text)
        name = sent.text[s:e]
        if any(rx.search(name) for rx in not_names()):
            continue
        entry = lookup_en(registry, name)
        if entry is not None:
            yield _mention(
                sent, s, e, entry.type, "registry", entity_key(entry.name_zh, entry.id), entry.name_zh, entry.id
            )
        else:
            type_ = head.type
            if type_ == "Region" and not _place_words(toks[k : j - len(head.words)], sdoc):
                type_ = "Platform"  # “Wenchang International Aerospace City”, “… Central Business District”
            yield _mention(sent, s, e, type_, "en_head", entity_key(name), name)


def _place_words(words, sdoc: Doc) -> bool:
    """The words before a place head (… City, … District) are a place name: pinyin (Zhuhai City,
    Futian District) or a registry place (Hong Kong …); a common word makes the name a zone's."""
    places = [(e.start, e.end) for e in sdoc.ents if e.label_ in ("Region", "Platform")]
    return all(w.is_punct or pinyin_syllable_count(w.text) or any(a <= w.i < b for a, b in places) for w in words)


_ITEM = re.compile(r"(?:[A-Z][\w&.'’-]*|\d[\w-]*)(?:\s+(?:[A-Z][\w&.'’-]*|\d[\w-]*|&|of))*")
_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+)")


def _list_mentions(sent: Sentence):
    """Capitalised items after a cue (“companies such as BYD, CATL and Huawei”)."""
    registry = load_registry()
    text = sent.text
    for type_, cue in list_cues():
        for m in cue.finditer(text):
            pos = m.end()
            while True:
                item = _ITEM.match(text, pos)
                if item is None:
                    break
                name = item.group(0).rstrip(".")
                if name.lower() not in stopwords() and not any(rx.search(name) for rx in not_names()):
                    entry = lookup_en(registry, name)
                    s, e = item.start(), item.start() + len(name)
                    if entry is not None:
                        yield _mention(
                            sent,
                            s,
                            e,
                            entry.type,
                            "registry",
                            entity_key(entry.name_zh, entry.id),
                            entry.name_zh,
                            entry.id,
                        )
                    else:
                        yield _mention(sent, s, e, type_, "en_list", entity_key(name), name)
                sep = _SEP.match(text, item.end())
                if sep is None or sep.end() == item.end():
                    break
                pos = sep.end()
