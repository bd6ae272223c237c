"""Chinese relations between entities, from sentence-level cues, each with its evidence sentence
and the rule that fired. Cue words live in patterns/relations.tsv; the rules are registered in
``table.py`` and run by ``document.py`` over each sentence's context (``context.py``).

* SERVES: an industry named inside a place's name (集成电路产业园 -> 集成电路); a place right
  before an industry (生物岛生物医药集群); 以P为牵引/载体 … 发展X.
* ANCHORED_BY / OPERATES_IN: 以A、B为核心的P; 依托X … 打造P; the anchor company operates in
  the industries its park serves.
* COOPERATES_WITH: 与X、Y合作/共建/协同 …; 对口帮扶/扶贫协作 with named regions. Without a named
  actor the actor is the document's own region (the region its title names).
* PART_OF: P(Q片区); P包括Q、R.  LOCATED_IN: X位于/落户P.
"""
