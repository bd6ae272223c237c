"""Short names a document defines for a name it has just written, and their later uses.

Official translations define short forms in three ways: “Suzhou Industrial Park (hereinafter
referred to as "the Park")”, “…, also known as Optics Valley of China”, and a bracketed short form
“Wuhan National Bio-industry Base (Biolake)”. The short form names the same entity as the full
name, here and wherever the document uses it again (“The Park will focus on …”), so relations
stated with the short form reach the entity.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Document, Mention
from .pinyin import pinyin_syllable_count

_QUOTE = "\"'“”‘’"
_HEREINAFTER = re.compile(
    rf"^\s*\(\s*(?:hereinafter|hereafter)\s+(?:(?:referred\s+to|called|abbreviated)\s+as\s+)?"
    rf"[{_QUOTE}]?(?P<alias>(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){{0,4}})[{_QUOTE}]?\s*\)",
    re.IGNORECASE,
)
_KNOWN_AS = re.compile(
    rf"^(?:\s*\([^()]*\))?\s*,?\s*(?:\(\s*)?(?:also|formerly|commonly|or)\s+(?:known|called|referred\s+to)\s+as\s+"
    rf"[{_QUOTE}]?(?P<alias>(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:of\s+)?[A-Z][\w&'’-]*){{0,5}})"
)
_BRACKETED = re.compile(r"^\s*\((?P<alias>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})\)(?!\s*[A-Z][a-z])")
# “Hefei National High-tech Industry Development Zone (Hefei high-tech zone)”: a longer short form
_BRACKETED_SHORT = re.compile(r"^\s*\((?P<alias>[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){1,4})\)")


def with_defined_aliases(doc: Document, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The mentions with every short name the document defines (hereinafter …, also known as …,
    a bracketed short form) and its later uses, keyed as the name it stands for."""
    text = doc.text
    out = list(mentions)
    definitions: list[tuple[Mention, str]] = []
    for m in mentions:
        if m.type == "Industry":
            continue
        rest = text[m.end : m.end + 160]
        for rx in (_HEREINAFTER, _KNOWN_AS, _BRACKETED, _BRACKETED_SHORT):
            hit = rx.match(rest)
            if hit is None:
                continue
            alias = hit.group("alias").rstrip(".,")
            if rx is _BRACKETED and _nickname(out, m, m.end + hit.start("alias"), alias):
                pass  # “East Lake Hi-tech Development Zone (Optics Valley)”: another name of the zone
            elif rx is _BRACKETED and (
                not _abbreviates(alias, m.text) or _names_other(out, m, m.end + hit.start("alias"))
            ):
                continue
            if rx is _BRACKETED_SHORT and not _shortens(alias, m.text):
                continue
            definitions.append((m, alias))
            break
    for m, alias in definitions:
        out = _rekey(out, m, alias)
        uses = _uses(doc, out, m, alias)
        out = [o for o in out if not any(u.start <= o.start and o.end <= u.end for u in uses)] + uses
    out = _short_forms(out)
    out += _first_word_uses(doc, out)
    for m in [o for o in out if o.rule in _TYPED_BY_CONTEXT]:
        out += _uses(doc, out, m, m.text)
    return tuple(sorted(set(out), key=lambda x: (x.start, x.end, x.key)))


# names typed only by what is written around them (“Geovis, a leading enterprise …”, “companies such
# as A and B”): the same name written elsewhere in the document is the same entity
_TYPED_BY_CONTEXT = frozenset({"en_appositive", "en_list"})


def _shortens(alias: str, name: str) -> bool:
    """“Hefei high-tech zone” for “Hefei National High-tech Industry Development Zone”: the short
    form keeps the name's first and last words and takes its other words from the name."""
    a, n = _words(alias), _words(name)
    return len(a) < len(n) and a[0] == n[0] and a[-1] == n[-1] and all(w in n for w in a)


def _words(name: str) -> list[str]:
    """The words of a name, lower case, with the press spelling “hi-tech” read as “high-tech”."""
    return [w.lower().replace("hi-tech", "high-tech") for w in re.findall(r"[A-Za-z][\w'’-]*", name)]


def _short_forms(mentions: list[Mention]) -> list[Mention]:
    """A platform's name written later in a shorter form: its words in order (“Torch Hi-Tech Zone”
    after “Xiamen Torch High-tech Industrial Development Zone”), or its first words alone
    (“Zhongguancun” after “Zhongguancun Science City”), name the platform written in full. Only
    a short form that fits one full name is read so, and a registry short form whose own full name
    is written stays its registry entity (“Zhangjiang” with Zhangjiang Science City written)."""
    platforms = [m for m in mentions if m.type == "Platform"]
    out = []
    for o in mentions:
        if o.type != "Platform" or _full_name_written(o, mentions):
            out.append(o)
            continue
        short = _words(o.text)
        full = {
            m.key: m
            for m in platforms
            if m.start < o.start
            and m.key != o.key
            and (
                _words(m.text) == short  # “Chengdu High-Tech Zone” after “Chengdu Hi-tech Zone”
                or len(_words(m.text)) > len(short) >= 1
                and (
                    _in_order(short, _words(m.text))
                    if len(short) >= 2 and not o.registry_id
                    else _words(m.text)[: len(short)] == short
                )
            )
        }
        m = next(iter(full.values()), None)
        if len(full) == 1 and m is not None and (m.registry_id is None or _words(m.text) == short):
            o = replace(o, key=m.key, name=m.name, registry_id=m.registry_id, rule="en_short_form")
        out.append(o)
    return out


def _full_name_written(o: Mention, mentions: list[Mention]) -> bool:
    """A registry mention whose entity is also written in a longer form in the document."""
    return o.registry_id is not None and any(x.key == o.key and len(x.text) > len(o.text) for x in mentions)


def _first_word_uses(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """“Liangjiang's two pillar industries” after “Liangjiang New Area”: the pinyin first word of a
    platform's name, written alone later (not opening another capitalised name), names it. Only a
    word that opens one platform's name is read so."""
    firsts: dict[str, list[Mention]] = {}
    for m in mentions:
        words = m.text.split()
        if m.type == "Platform" and len(words) >= 3 and words[0][:1].isupper() and pinyin_syllable_count(words[0]):
            firsts.setdefault(words[0], []).append(m)
    spans = [(o.start, o.end) for o in mentions]
    sentences = [(x.start, x.end, x.id) for x in doc.sentences]
    out = []
    for word, ms in firsts.items():
        if len({m.key for m in ms}) != 1:
            continue
        first = min(ms, key=lambda m: m.start)
        for hit in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])(?!\s+[A-Z])", doc.text):
            a, b = hit.span()
            sid = next((i for x, y, i in sentences if x <= a and b <= y), None)
            if a < first.start or sid is None or any(x < b and a < y for x, y in spans):
                continue
            out.append(replace(first, start=a, end=b, text=word, sentence=sid, rule="en_short_form", nested=False))
    return out


def _in_order(short: list[str], full: list[str]) -> bool:
    """Every word of ``short`` appears in ``full``, in the same order."""
    it = iter(full)
    return all(w in it for w in short)


def _abbreviates(alias: str, name: str) -> bool:
    """A bracketed word is a short form of the name before it when it is built from it: its
    capitals are initials of the name's words, in order (RCEP, SIP), or it begins with the start
    of one of the name's words (Biolake, BioBAY). “(Trial)” or “(2021-2025)” after a title is not."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’]*", name)).upper()
    caps = [c for c in alias if c.isupper()]
    it = iter(initials)
    if len(caps) >= 2 and all(c in it for c in caps):
        return True
    head = alias[:3].lower()
    return len(head) == 3 and head.isalpha() and any(w.lower().startswith(head) for w in re.findall(r"[A-Za-z]+", name))


def _nickname(mentions: list[Mention], m: Mention, pos: int, alias: str) -> bool:
    """The bracket after a platform's name holds just another platform name no registry knows: the
    zone's other name (a place in the bracket is a location gloss, not a name of it)."""
    return m.type == "Platform" and any(
        o.start == pos and o.text == alias and o.type == "Platform" and not o.registry_id for o in mentions
    )


def _names_other(mentions: list[Mention], m: Mention, pos: int) -> bool:
    """The bracket holds a registry name of another entity (“(Guangzhou)”, “(RCEP)” of its own)."""
    return any(o.start == pos and o.key != m.key and o.registry_id for o in mentions)


def _rekey(mentions: list[Mention], m: Mention, alias: str) -> list[Mention]:
    """Mentions of the alias found by other rules, under another key, become mentions of ``m``'s
    entity (a registry entity keeps its own mentions)."""
    form = alias.lower()
    return [
        replace(o, type=m.type, key=m.key, name=m.name, registry_id=m.registry_id)
        if o.text.lower() == form and o.key != m.key and not o.registry_id
        else o
        for o in mentions
    ]


def _uses(doc: Document, mentions: list[Mention], m: Mention, alias: str) -> list[Mention]:
    """Every place the alias is written (“the Park”, “The Park's GDP”) that no mention covers yet."""
    words = alias.split(None, 1)
    if words[0].lower() == "the" and len(words) == 2:
        rx = re.compile(r"\b[Tt]he\s+" + re.escape(words[1]) + r"(?![\w-])")
    else:
        rx = re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])")
    text = doc.text
    sentences = [(s.start, s.end, s.id) for s in doc.sentences]
    spans = [(o.start, o.end) for o in mentions]
    out = []
    for hit in rx.finditer(text):
        a, b = hit.span()
        # a name inside the short form (Hefei in “Hefei high-tech zone”) gives way to it
        if any(x < b and a < y and not (a <= x and y <= b and (x, y) != (a, b)) for x, y in spans):
            continue
        sid = next((i for s, e, i in sentences if s <= a and b <= e), None)
        if sid is None:
            continue
        out.append(replace(m, start=a, end=b, text=text[a:b], sentence=sid, rule="en_alias", nested=False))
        spans.append((a, b))
    return out
