// Documents mentioning an entity (by any of its names), how often, and the first sentence that does.
// @param name string: the entity's name or alias in Chinese or English, e.g. 生物岛 or BeiGene
MATCH (e:Entity)
WHERE toLower($name) IN [x IN [e.name_zh, e.name_en, e.name] + coalesce(e.aliases, [])
                         WHERE x IS NOT NULL | toLower(x)]
MATCH ()-[m:MENTIONS]->(e)
WITH e, m ORDER BY m.start
WITH e, m.doc AS doc_id, count(m) AS mentions, collect(m.sentence_text)[0] AS first_sentence
MATCH (d:Document {doc_id: doc_id})
RETURN d.doc_id AS document, d.title AS title, d.date AS date,
       coalesce(e.name_zh, e.name_en) AS entity, mentions, first_sentence
ORDER BY mentions DESC, document
