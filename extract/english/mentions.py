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
from ..nlp import pipeline
from ..registry import load_registry
from ..textnorm import fold_width
from .rules import Head, heads, list_cues, not_names, stopwords, terms

CONNECTORS = frozenset({"and", "&", "-", "de"})      # may stand between the words of a name
ARTICLES = frozenset({"the", "a", "an"})


def find_english_mentions(doc: Document) -> tuple[Mention, ...]:
    nlp = pipeline("en")
    out: list[Mention] = []
    texts = (fold_width(s.text) for s in doc.sentences)
    for sent, sdoc in zip(doc.sentences, nlp.pipe(texts, batch_size=256)):
        found = sentence_mentions(sent, sdoc)
        if is_heading(sent.text):
            # Title Case makes every word look like a name (“I. Development Foundation”, the
            # document's own “… Plan for …”): in headings only registry names, terms and lists count.
            found = [m for m in found if m.rule != "en_head"]
        out.extend(found)
    return tuple(out)


_SMALL = frozenset({"of", "and", "for", "the", "in", "to", "a", "an", "on", "with", "at", "by", "from", "&"})


def is_heading(text: str) -> bool:
    """A title or heading line: no closing punctuation, and most words capitalised (Title Case)."""
    text = text.strip()
    if not text or text[-1] in ".!?;:,":
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in _SMALL]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def sentence_mentions(sent: Sentence, sdoc: Doc) -> list[Mention]:
    registry = load_registry()
    found: list[Mention] = []
    for ent in sdoc.ents:
        entry = registry.by_id.get(ent.ent_id_)
        if entry is not None:
            found.append(_mention(sent, ent.start_char, ent.end_char, entry.type, "registry",
                                  entity_key(entry.name_zh, entry.id), entry.name_zh, entry.id))
    taken = [(m.start, m.end) for m in found]
    for mention in _term_mentions(sent, sdoc):          # offsets are the document's, as in taken
        if not _overlaps(mention.start, mention.end, taken):
            found.append(mention)
            taken.append((mention.start, mention.end))
    named: list[Mention] = []
    for m in sorted(_head_mentions(sent, sdoc), key=lambda m: (m.start, -(m.end - m.start))):
        if named and m.start < named[-1].end:
            if m.end <= named[-1].end:
                continue                  # inside a name already taken
            m = _trim(sent, m, named[-1].end)   # “… Technology and Foshan University” → Foshan University
            if m is None:
                continue
        if _inside_or_crossing(m.start, m.end, taken):
            continue
        named.append(m)
    taken += [(n.start, n.end) for n in named]
    for m in _list_mentions(sent):
        if not _inside_or_crossing(m.start, m.end, taken):
            named.append(m)
            taken.append((m.start, m.end))
    # A name written inside a longer name is part of it (“Guangdong” in “… Guangdong Laboratory”):
    # the inner thing counts where it stands on its own (annotation guide, nested names).
    outer = [(n.start, n.end) for n in named]
    found = [m for m in found if not any(a <= m.start and m.end <= b for a, b in outer)]
    return sorted(found + named, key=lambda m: m.start)


_GAP = re.compile(r"[\s,]*(?:(?:and|&|as well as)\s+)?")


def _trim(sent: Sentence, m: Mention, end: int) -> Mention | None:
    """The part of ``m`` after ``end`` (skipping “and”), if it is still a name of two words or more."""
    s = end - sent.start
    s = _GAP.match(sent.text, s).end()
    e = m.end - sent.start
    name = sent.text[s:e]
    if " " not in name.strip() or not name[:1].isupper():
        return None
    entry = load_registry().lookup(name)
    if entry is not None:
        return _mention(sent, s, e, entry.type, "registry", entity_key(entry.name_zh, entry.id),
                        entry.name_zh, entry.id)
    return _mention(sent, s, e, m.type, m.rule, entity_key(name), name)


def _mention(sent: Sentence, s: int, e: int, type_: str, rule: str, key: str, name: str,
             registry_id: str | None = None) -> Mention:
    return Mention(start=sent.start + s, end=sent.start + e, text=sent.text[s:e], type=type_,
                   sentence=sent.id, rule=rule, key=key, name=name, registry_id=registry_id)


def _overlaps(s: int, e: int, spans) -> bool:
    return any(s < b and a < e for a, b in spans)


def _inside_or_crossing(s: int, e: int, spans) -> bool:
    """True unless the span strictly contains every span it overlaps (nested names both count)."""
    return any(s < b and a < e and not (s <= a and b <= e and (s, e) != (a, b)) for a, b in spans)


@lru_cache(maxsize=1)
def _term_matcher() -> tuple[PhraseMatcher, dict]:
    nlp = pipeline("en")
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
            m = _mention(sent, span.start_char, span.end_char, entry.type, "registry",
                         entity_key(entry.name_zh, entry.id), entry.name_zh, entry.id)
        else:
            m = _mention(sent, span.start_char, span.end_char, term.type, "en_term",
                         entity_key(term.name_zh), term.name_zh)
        yield m


_ROMAN = re.compile(r"^[IVX]{1,5}\.?$")


def _is_name_word(tok) -> bool:
    text = tok.text
    if tok.is_punct or tok.lower_ in ARTICLES or (_ROMAN.match(text) and (text.endswith(".") or tok.i == 0)):
        return False
    return text[:1].isupper() or text.isdigit() or (any(c.isupper() for c in text) and text.isalnum())


@lru_cache(maxsize=1)
def _head_ends() -> frozenset[str]:
    return frozenset(h.words[-1] for h in heads())


def _head_at(toks, i: int) -> Head | None:
    for head in heads():
        n = len(head.words)
        if i + n <= len(toks) and tuple(t.lower_ for t in toks[i:i + n]) == head.words \
                and toks[i].text[:1].isupper():
            return head
    return None


def _extend_left(toks, i: int) -> int:
    k = i
    while k > 0:
        t = toks[k - 1]
        if _is_name_word(t):
            k -= 1
        elif t.lower_ in CONNECTORS and k >= 2 and _is_name_word(toks[k - 2]) \
                and not (t.lower_ in ("and", "&") and toks[k - 2].lower_ in _head_ends()):
            k -= 1                        # not across “X University and Y University”
        elif t.text == ")":
            opening = next((j for j in range(k - 2, max(k - 7, -1), -1) if toks[j].text == "("), None)
            if opening is None or not all(_is_name_word(x) for x in toks[opening + 1:k - 1]) \
                    or opening + 1 == k - 1:
                break
            k = opening
        else:
            break
    stop = stopwords()
    while k < i and (toks[k].lower_ in stop or toks[k].lower_ in CONNECTORS or toks[k].text in "()"):
        k += 1
    return k


def _extend_right(toks, j: int, head: Head) -> int:
    n = len(toks)
    if head.extends == "of" and j + 1 < n and toks[j].lower_ in ("of", "for") and _is_name_word(toks[j + 1]):
        j += 1
        while j < n and (_is_name_word(toks[j]) or
                         (toks[j].lower_ in ("and", "&", "-") and j + 1 < n and _is_name_word(toks[j + 1])
                          and not _starts_a_name(toks, j + 1))):
            j += 1
    elif head.extends == "num" and j < n and (toks[j].like_num or toks[j].text in ("I", "II", "III", "IV", "V")):
        j += 1
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
    i = 0
    while i < len(toks):
        head = _head_at(toks, i)
        if head is None:
            i += 1
            continue
        j = i + len(head.words)
        k = _extend_left(toks, i)
        end = _extend_right(toks, j, head)
        i = j
        if k == i - len(head.words) and end == j and head.extends != "num":
            continue                      # the head alone (“the Laboratory”) names nothing
        if head.extends == "num" and end == j and k == j - len(head.words):
            continue
        if k > 0 and toks[k - 1].lower_ in ("a", "an"):
            continue                      # “an Innovation Hub”: a kind of thing, not a name
        s, e = toks[k].idx, toks[end - 1].idx + len(toks[end - 1].text)
        name = sent.text[s:e]
        if any(rx.search(name) for rx in not_names()):
            continue
        entry = registry.lookup(name)
        if entry is not None:
            yield _mention(sent, s, e, entry.type, "registry", entity_key(entry.name_zh, entry.id),
                           entry.name_zh, entry.id)
        else:
            yield _mention(sent, s, e, head.type, "en_head", entity_key(name), name)


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
                    entry = registry.lookup(name)
                    s, e = item.start(), item.start() + len(name)
                    if entry is not None:
                        yield _mention(sent, s, e, entry.type, "registry", entity_key(entry.name_zh, entry.id),
                                       entry.name_zh, entry.id)
                    else:
                        yield _mention(sent, s, e, type_, "en_list", entity_key(name), name)
                sep = _SEP.match(text, item.end())
                if sep is None or sep.end() == item.end():
                    break
                pos = sep.end()
