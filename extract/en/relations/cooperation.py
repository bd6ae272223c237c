"""English COOPERATES_WITH: X cooperates / deepens cooperation with Y; cooperation between X and Y;
X and Y jointly build … (with Z); jointly built by X and Y.
"""

from __future__ import annotations

import re

from ...relating import MentionView, SentenceSink
from ...vocab import COOPERATORS, RelationType
from .context import EnSentence, group, list_ending_at, list_from, subject_at
from .cues import CuePatterns

__all__ = ["cooperation"]


def cooperation(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """X cooperates with Y; X and Y (jointly) build …; cooperation between X and Y; jointly built by
    X and Y: COOPERATES_WITH between each pair."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    for c in cues.find("coop", text):
        actor = subject_at(text, subjects, c.start())
        if actor is None or actor.entity.type not in COOPERATORS:
            continue
        for p in list_from(text, ms, c.end(), COOPERATORS):
            out.add(actor.entity, RelationType.COOPERATES_WITH, p.entity, "en:cooperates_with")
    for c in cues.find("together", text):
        actors = [a for a in group(text, ms, subject_at(text, subjects, c.start())) if a.entity.type in COOPERATORS]
        if len(actors) >= 2 and actors[-1].start < c.start():
            _pairwise(actors, out, "en:cooperates_with:together")
    for c in cues.find("between", text):
        _pairwise(list_from(text, ms, c.end(), COOPERATORS, two=True), out, "en:cooperates_with:between")
    for c in cues.find("jointly_by", text):
        _pairwise(list_from(text, ms, c.end(), COOPERATORS), out, "en:cooperates_with:jointly")
    for c in cues.find("jointly", text):
        actor = subject_at(text, subjects, c.start())
        before = [m for m in ms if m.end <= c.start() and re.fullmatch(r"\s+(?:in\s+)?", text[m.end : c.start()])]
        if before and before[-1].entity.type in COOPERATORS:
            actors = list_ending_at(text, ms, before[-1])  # “support A, B and C in joint research”
        elif actor is not None and actor.entity.type in COOPERATORS and actor.start < c.start():
            actors = list_ending_at(text, ms, actor)
        else:
            continue
        actors = [a for a in actors if a.entity.type in COOPERATORS]
        _pairwise(actors, out, "en:cooperates_with:jointly")
        end = re.compile(r"[;.!?,]").search(text, c.end())
        with_ = re.compile(r"\bwith\b").search(text, c.end(), end.start() if end else len(text))
        if with_:
            for p in list_from(text, ms, with_.end(), COOPERATORS, lead=60):
                for a in actors:
                    out.add(a.entity, RelationType.COOPERATES_WITH, p.entity, "en:cooperates_with:jointly")


def _pairwise(items: list[MentionView], out: SentenceSink, rule: str) -> None:
    """Every pair of the items cooperates."""
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            out.add(a.entity, RelationType.COOPERATES_WITH, b.entity, rule)
