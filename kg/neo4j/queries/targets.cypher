// Numeric targets by year and subject (an entity, or the document when a target names none), with the sentence.
// @param year int = null: the target year, e.g. 2025; all years when omitted
// @param subject string = null: the subject's name in Chinese or English, or a document id; all when omitted
// @param status string = target: indicator status: target or achieved
MATCH (owner)-[:HAS_INDICATOR]->(i:Indicator)
WHERE i.status = $status
  AND ($year IS NULL OR i.year = $year)
  AND ($subject IS NULL OR toLower($subject) IN
       [x IN [owner.name_zh, owner.name_en, owner.doc_id, owner.title] + coalesce(owner.aliases, [])
        WHERE x IS NOT NULL | toLower(x)])
RETURN i.year AS year, coalesce(owner.name_zh, owner.name_en, owner.title) AS subject,
       i.metric AS metric, i.comparator AS comparator, i.value AS value, i.unit AS unit,
       i.doc AS document, i.sentence_text AS evidence
ORDER BY year, subject, document, i.start
