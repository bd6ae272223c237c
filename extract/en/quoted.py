"""Quoted labels that name programmes: “the "dual-core" structure”, “"zero-tariff" lists”,
“the principle of "one country, two systems"”. Cue words live in ``patterns/en_quoted.tsv``."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..model import Mention, Sentence

_QUOTED = re.compile(r"[\"“](?P<q>[^\"“”]{2,60})[\"”]")


@lru_cache(maxsize=1)
def quote_rules() -> tuple[re.Pattern, re.Pattern]:
    text = resources.files("extract.patterns").joinpath("en_quoted.tsv").read_text("utf-8")
    rows = dict(ln.split("\t", 1) for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return (re.compile(r"\s+(?:" + rows["kind_after"] + r")\b", re.IGNORECASE),
            re.compile(rows["before"], re.IGNORECASE))


def quoted_initiatives(sent: Sentence, make) -> list[Mention]:
    """Initiative mentions for quoted labels; ``make(s, e, name)`` builds one from sentence offsets."""
    kind_after, before = quote_rules()
    out = []
    for m in _QUOTED.finditer(sent.text):
        if not re.search(r"[A-Za-z]", m.group("q")):
            continue
        kind = kind_after.match(sent.text, m.end())
        if kind is not None:
            out.append(make(m.start(), kind.end(), sent.text[m.start():kind.end()]))
        elif before.search(sent.text[:m.start()]):
            out.append(make(m.start("q"), m.end("q"), m.group("q")))
    return out
