"""Names not in the registry, found by rules over one sentence: every candidate rule, in the
order they run (the table of the Chinese name rules).

Every rule works on the width-folded sentence text and the jieba tokens spaCy made of it; what
the rules know (head nouns, break/trim/generic words, whole-name patterns, list cues) lives in
patterns/*.tsv (see extract/zh/rules.py). The rules:

* head nouns: a name ends with a head (…研究院, …产业园, …计划) and starts after the nearest
  break word or punctuation, trimmed of leading modifiers; generic phrases are dropped;
* whole-name patterns: rail lines with elided heads (有轨电车2、3号线), 《titles》, laws;
* list cues: items of A、B和C lists typed by a cue (…等战略性新兴产业, 重点发展…, 以A、B为核心);
* quoted labels, divisions, branches and campuses, construction phases, company short names
  in an actor's slot (``extract/zh/actors.py``)."""

from __future__ import annotations

from collections.abc import Sequence

from .actors import actor_candidates
from .heads import head_candidates
from .lists import list_candidates
from .name_patterns import after_city, pattern_candidates, phase_candidates
from .places import branch_candidates, campus_candidates, division_candidates, no_context_needed
from .quoted import quoted_candidates
from .rules import NameRules
from .tokens import Candidate, Known, Tokens


def find_candidates(
    tokens: Tokens, rules: NameRules, known: Sequence[Known], divisions=None, title: bool = False
) -> list[Candidate]:
    """Every rule's candidates; ``divisions`` says which division forms may stand in this
    document (mentions.DivisionContext; None: those that need no context); ``title``: the
    sentence is the document's title."""
    places = frozenset(k.start for k in known if k.type in ("Region", "Platform", "Institution"))
    out = [after_city(c, tokens.text, known) for c in pattern_candidates(tokens.text, rules)]
    out.extend(division_candidates(tokens, rules, divisions or no_context_needed))
    out.extend(head_candidates(tokens, rules, places, [(k.start, k.end, k.type) for k in known], title))
    out.extend(quoted_candidates(tokens, rules, frozenset(k.end for k in known if k.type in ("Region", "Platform"))))
    out.extend(list_candidates(tokens, rules, known, places))
    out.extend(actor_candidates(tokens, rules, known))
    if "期" in tokens.text:
        out.extend(phase_candidates(tokens, known, rules))
    out.extend(
        campus_candidates(
            tokens,
            [(k.start, k.end) for k in known if k.type == "Institution"]
            + [(c.start, c.end) for c in out if c.type == "Institution"],
            known,
            rules,
        )
    )
    if "(" in tokens.text or "(" in tokens.text:
        opens = {i for i, ch in enumerate(tokens.text) if ch in "(("}
        names = [(k.start, k.end, k.type) for k in known if k.end in opens] + [
            (c.start, c.end, c.type) for c in out if c.end in opens
        ]
        if names:
            out.extend(branch_candidates(tokens, names, known, rules))
    return out
