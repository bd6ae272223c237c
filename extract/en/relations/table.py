"""The English relation rules, registered in one table in the order they run on each sentence.

Each rule names the cue kinds of patterns/en_relations.tsv it reads and gets only those (the
sector-list cues of patterns/en_sectors.tsv come with the document's context); it reads one
``EnSentence`` and emits into the document's sink, where the first statement of a relation wins.
"""

from __future__ import annotations

from functools import lru_cache

from ...relating import RelationRule
from . import anchors, containment, cooperation, operates, serves
from .context import EnSentence
from .cues import CuePatterns, relation_cues

__all__ = ["RULES", "EnRule", "bound_rules"]

EnRule = RelationRule[EnSentence, CuePatterns]

RULES: tuple[EnRule, ...] = (
    RelationRule("located", ("located",), containment.located),
    RelationRule("hosts", ("hosts",), containment.hosts),
    RelationRule("of_and_in", (), containment.of_and_in),
    RelationRule("wholes", ("whole",), containment.wholes),
    RelationRule("parts", ("part",), containment.parts),
    RelationRule("anchors", ("anchor", "rely"), anchors.anchors),
    RelationRule("cooperation", ("coop", "together", "between", "jointly_by", "jointly"), cooperation.cooperation),
    RelationRule("serves", ("specialize",), serves.serves),
    RelationRule("builds", ("build",), containment.builds),
    RelationRule("serves_by_name", (), serves.serves_by_name),
    RelationRule("operates", ("firm_nouns", "firm_roles", "firms"), operates.operates),
)


@lru_cache(maxsize=1)
def bound_rules() -> tuple[tuple[EnRule, CuePatterns], ...]:
    """Each rule with the view of the cues it declares (built once per process)."""
    cues = relation_cues()
    return tuple((rule, cues.only(rule.cues)) for rule in RULES)
