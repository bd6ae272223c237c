"""Quoted labels that name programmes: “the "dual-core" structure”, “"zero-tariff" lists”,
“the principle of "one country, two systems"”. Cue words live in ``patterns/en_quoted.tsv``."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Mention, Sentence
from ..tables import read_table

_QUOTED = re.compile(r"[\"“](?P<q>[^\"“”]{2,60})[\"”]")


@lru_cache(maxsize=1)
def quote_rules() -> tuple[re.Pattern, re.Pattern]:
    """(a kind word after a closing quote, a phrase before an opening one) of patterns/en_quoted.tsv."""
    rows = {row[0]: row[1] for row in read_table("en_quoted.tsv")}
    return (
        re.compile(r"\s+(?:" + rows["kind_after"] + r")\b", re.IGNORECASE),
        re.compile(rows["before"], re.IGNORECASE),
    )


def quoted_initiatives(sent: Sentence, make) -> list[Mention]:
    """Initiative mentions for quoted labels; ``make(s, e, name)`` builds one from sentence offsets."""
    kind_after, before = quote_rules()
    out = []
    for m in _QUOTED.finditer(sent.text):
        if not re.search(r"[A-Za-z]", m.group("q")):
            continue
        kind = kind_after.match(sent.text, m.end())
        if kind is not None:
            out.append(make(m.start(), kind.end(), sent.text[m.start() : kind.end()]))
        elif before.search(sent.text[: m.start()]):
            out.append(make(m.start("q"), m.end("q"), m.group("q")))
    return out
