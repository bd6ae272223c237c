"""Chinese relations between entities, each with its evidence sentence and the rule that fired.

One mechanism, per relation type: each sentence is cut into clauses (``topic.py``: at , ; : outside
brackets, quotes and titles); each clause gets its subject (the place or actor it opens with, else
the one carried from an earlier clause of the sentence, else the paragraph's or heading's topic,
else the document's own place, ``home.py``); a rule pairs the typed candidates a relation allows
(RELATION_SIGNATURES: a Region never heads SERVES) in the clause, or with the carried subject, when
the clause holds a cue of its type. Cues are data: patterns/relation_cues.tsv (the lexicon per
relation type and role, documented in its header), patterns/relations.tsv (older cue kinds) and
patterns/relation_regexes.tsv. The rules are registered in ``table.py`` and run by
``document.py`` over each sentence's context (``context.py``).

* SERVES: an industry in a place's name (集成电路产业园 -> 集成电路); a place right before an
  industry (生物岛生物医药集群); 以P为牵引/载体 … 发展X; a clause developing industries serves
  them from its subject, carried or not (A规划面积…,定位为…,重点围绕X、Y等领域 -> A SERVES X, Y).
* PART_OF: P(Q片区); P包括Q、R; enumerated structures: a layout's members (“三区”即A、B和C), counted
  lists (N个重点园区:A、B), bracketed lists (P(A、B、C)), A作为B核心区, P是A和B的交汇点.
* LOCATED_IN: X位于/落户/入驻P; 在P成立X; a region alone in brackets after a zone (P(Q)); a
  platform covering parts of regions (包括A、B部分区域在内).
* ANCHORED_BY: 以A、B为核心的P; 依托X … 打造P; 依托X, with the platform carried.
* OPERATES_IN: A、B等X企业; 以A为龙头的X产业; A位居X行业第一.
* COOPERATES_WITH: 与X、Y合作/共建/协同 …; 对口帮扶/扶贫协作 with named regions. Without a named
  actor the actor is the document's own region (the region its title names).
"""
