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
        for rx in (_HEREINAFTER, _KNOWN_AS, _BRACKETED):
            hit = rx.match(rest)
            if hit is None:
                continue
            alias = hit.group("alias").rstrip(".,")
            if rx is _BRACKETED and (
                not _abbreviates(alias, m.text) or _names_other(out, m, m.end + hit.start("alias"))
            ):
                continue
            definitions.append((m, alias))
    for m, alias in definitions:
        out = _rekey(out, m, alias)
        out += _uses(doc, out, m, alias)
    return tuple(sorted(set(out), key=lambda x: (x.start, x.end, x.key)))


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
        if any(x < b and a < y for x, y in spans):
            continue
        sid = next((i for s, e, i in sentences if s <= a and b <= e), None)
        if sid is None:
            continue
        out.append(replace(m, start=a, end=b, text=text[a:b], sentence=sid, rule="en_alias", nested=False))
        spans.append((a, b))
    return out
