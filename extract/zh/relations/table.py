"""The Chinese relation rules, registered in one table in the order they run on each sentence.

Each rule names the cue kinds (patterns/relations.tsv) and regexes (patterns/relation_regexes.tsv)
it reads and gets only those; it reads
one ``SentenceContext`` and emits into the document's sink, where the first statement of a
relation wins (so the order below decides which rule a relation is credited to).
"""

from __future__ import annotations

from functools import lru_cache

from ...relating import RelationRule
from . import anchors, containment, cooperation, develops, operates, parts, serves
from .context import SentenceContext
from .cues import CueWords, relation_cues

__all__ = ["RULES", "ZhRule", "bound_rules"]

ZhRule = RelationRule[SentenceContext, CueWords]

RULES: tuple[ZhRule, ...] = (
    RelationRule("serves_by_name", (), serves.serves_by_name),
    RelationRule("serves_adjacent", (), serves.serves_adjacent),
    RelationRule(
        "anchors", ("anchor_core", "anchor_rely", "build", "subject_lead", "article_lead", "situated"), anchors.anchors
    ),
    RelationRule("carriers", ("carrier", "build"), serves.carriers),
    RelationRule("relied_on", ("build",), serves.relied_on),
    RelationRule("cooperation", ("coop_verb", "aid"), cooperation.cooperation),
    RelationRule("part_of", ("part_whole", "region_part"), parts.part_of),
    RelationRule("develops", ("develop", "firm_lead", "jointly", "carrier_phrase"), develops.develops),
    RelationRule("composed", ("composed",), parts.composed),
    RelationRule("plan_clusters", ("clusters",), serves.plan_clusters),
    RelationRule("operates_list", ("firms_of_kind",), operates.operates_list),
    RelationRule("operates_lead", ("anchor_core",), operates.operates_lead),
    RelationRule("operates_predicate", ("operate_verb",), operates.operates_predicate),
    RelationRule("operates_builds", ("firm_builds", "firm_to_verb", "facility"), operates.operates_builds),
    RelationRule(
        "article_builds", ("make", "area", "not_object", "anchor_span", "advance"), containment.article_builds
    ),
    RelationRule("located", ("located", "area", "beside"), containment.located),
    RelationRule("built_in", ("make", "settle", "area", "not_object", "anchor_span"), containment.built_in),
    RelationRule("subject_builds", ("make", "opener", "area", "not_object", "anchor_span"), containment.subject_builds),
    RelationRule(
        "carried_out_plan",
        ("carry_out", "plan", "make", "area", "not_object", "anchor_span"),
        containment.carried_out_plan,
    ),
    RelationRule("within", ("within", "area"), containment.within),
    RelationRule("part_is", ("part_is",), containment.part_is),
    RelationRule("hosted", ("host", "area"), containment.hosted),
)


@lru_cache(maxsize=1)
def bound_rules() -> tuple[tuple[ZhRule, CueWords], ...]:
    """Each rule with the view of the cues it declares (built once per process)."""
    cues = relation_cues()
    return tuple((rule, cues.only(rule.cues)) for rule in RULES)
