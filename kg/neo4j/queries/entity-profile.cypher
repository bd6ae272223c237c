// An entity's profile: names, type, taxonomy, relations in both directions and every sentence mentioning it.
// @param name string: the entity's name or alias in Chinese or English, e.g. 知识城 or Knowledge City
MATCH (e:Entity)
WHERE toLower($name) IN [x IN [e.name_zh, e.name_en, e.name] + coalesce(e.aliases, [])
                         WHERE x IS NOT NULL | toLower(x)]
OPTIONAL MATCH (e)-[r]-(o:Entity)
WITH e, r, o ORDER BY r.doc, r.start
WITH e, [x IN collect(CASE WHEN r IS NULL THEN NULL ELSE {
          relation: type(r), direction: CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END,
          other: coalesce(o.name_zh, o.name_en), document: r.doc, sentence: r.sentence,
          evidence: r.sentence_text} END) WHERE x IS NOT NULL] AS relations
OPTIONAL MATCH ()-[m:MENTIONS]->(e)
WITH e, relations, m ORDER BY m.doc, m.start
WITH e, relations, [x IN collect(CASE WHEN m IS NULL THEN NULL ELSE {
          document: m.doc, sentence: m.sentence, start: m.start, end: m.end, text: m.text,
          evidence: m.sentence_text} END) WHERE x IS NOT NULL] AS mentions
OPTIONAL MATCH (e)-[:BROADER*1..]->(c:Concept)
RETURN e.id AS id, [l IN labels(e) WHERE l <> 'Entity'][0] AS type, e.name_zh AS name_zh,
       e.name_en AS name_en, e.name_en_source AS name_en_source, e.aliases AS aliases,
       collect(DISTINCT coalesce(c.name_en, c.name_zh)) AS taxonomy, e.docs AS documents,
       relations, mentions
ORDER BY id
