"""English OPERATES_IN: companies named as companies of a sector."""

from __future__ import annotations

import re

from ...relating import SentenceSink
from ...vocab import RelationType
from .context import CLAUSE_END, EnSentence, contains_stem, list_ending_at, list_from, words_of
from .cues import CuePatterns

__all__ = ["operates"]

_LAST_WORDS = re.compile(r"((?:[A-Za-z-]+\s+){0,3})$")  # (matches any text: it may be empty)


def operates(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """Companies named as companies of a sector operate in it: “innovative drug companies such as
    A and B”, “enterprises such as A and B will lead the X industry”, “BYD, a leading new energy
    vehicle maker”."""
    text, ms, industries = s.text, s.mentions, s.doc.industries
    nouns = cues.patterns("firm_nouns")[0].pattern
    for c in cues.find("firm_roles", text):
        firms = [
            m for m in ms if c.start("firms") <= m.start and m.end <= c.end("firms") and m.entity.type == "Enterprise"
        ]
        if c.group("inds"):
            inds = [
                m for m in ms if c.start("inds") <= m.start and m.end <= c.end("inds") and m.entity.type == "Industry"
            ]
        else:  # the sectors of the clause the “with” phrase hangs on
            clause = max((x.end() for x in CLAUSE_END.finditer(text, 0, c.start())), default=0)
            inds = [m for m in ms if clause <= m.start and m.end <= c.start() and m.entity.type == "Industry"]
        if c.group("resp") and len(firms) == len(inds):
            pairs = list(zip(firms, inds, strict=False))
        elif len(inds) == 1 or len(firms) == 1:
            pairs = [(f, i) for f in firms for i in inds]
        else:
            pairs = []  # several companies, several sectors, no mapping
        for f, i in pairs:
            out.add(f.entity, RelationType.OPERATES_IN, i.entity, "en:operates_in:role")
    for c in cues.find("firms", text):
        firms = list_from(text, ms, c.end(), ("Enterprise",))
        if not firms:
            continue
        before = [
            m
            for m in ms
            if m.end <= c.start() and m.entity.type == "Industry" and re.fullmatch(r"\s*", text[m.end : c.start()])
        ]
        inds = list_ending_at(text, ms, before[-1]) if before else []
        if not inds:  # “Innovative drug companies such as …”: a sector written singular
            last = _LAST_WORDS.search(text[: c.start()])
            phrase = words_of(last.group(1) if last else "")
            for ind in industries:
                forms = [ind.name_en or "", *(a for a in ind.aliases if a.isascii())]
                if any(
                    f
                    and words_of(f)
                    and contains_stem(words_of(f), phrase[-len(words_of(f)) :])
                    and len(phrase) >= len(words_of(f))
                    for f in forms
                ):
                    firms_only = [f for f in firms]
                    for f in firms_only:
                        out.add(f.entity, RelationType.OPERATES_IN, ind, "en:operates_in:sector_firms")
                    break
        end = CLAUSE_END.search(text, firms[-1].end)
        inds += [
            m
            for m in ms
            if m.start >= firms[-1].end and (end is None or m.end <= end.start()) and m.entity.type == "Industry"
        ]
        for f in firms:
            for i in inds:
                out.add(f.entity, RelationType.OPERATES_IN, i.entity, "en:operates_in")
    # “BYD, a leading new energy vehicle maker”
    for m in ms:
        if m.entity.type != "Enterprise":
            continue
        hit = re.compile(r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}").match(text, m.end)
        if hit is None:
            continue
        sector = next((i for i in ms if i.start == hit.end() and i.entity.type == "Industry"), None)
        if sector is not None and re.match(
            rf"\s+(?:{nouns}|company|enterprise|firm|maker|manufacturer|producer)\b", text[sector.end :]
        ):
            out.add(m.entity, RelationType.OPERATES_IN, sector.entity, "en:operates_in:apposition")
