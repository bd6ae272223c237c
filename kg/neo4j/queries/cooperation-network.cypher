// The cooperation network: pairs of entities stated to cooperate, how often, in which documents.
// @param entity string = null: only the pairs around this entity (name or alias, zh or en); all when omitted
MATCH (a:Entity)-[r:COOPERATES_WITH]-(b:Entity)
WHERE a.id < b.id
  AND ($entity IS NULL OR any(n IN [a, b] WHERE toLower($entity) IN
       [x IN [n.name_zh, n.name_en] + coalesce(n.aliases, []) WHERE x IS NOT NULL | toLower(x)]))
WITH a, b, r ORDER BY r.doc, r.start
RETURN coalesce(a.name_zh, a.name_en) AS entity_a, coalesce(b.name_zh, b.name_en) AS entity_b,
       count(r) AS statements, collect(DISTINCT r.doc) AS documents,
       collect(r.sentence_text)[0] AS example
ORDER BY statements DESC, entity_a, entity_b
