// Full-text search over the names and aliases of entities and taxonomy industries, in Chinese or English.
// @param q string: words in either language, e.g. 知识城, knowledge city or 医药
// @param limit int = 20: at most this many results
// The text is searched literally: Lucene's special characters are escaped and it is lower-cased
// (so AND/OR/NOT are words, not operators). The CJK analyzer matches Chinese by character bigrams.
WITH reduce(s = toLower($q), c IN ['\\', '+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']',
                                  '^', '"', '~', '*', '?', ':', '/'] | replace(s, c, '\\' + c)) AS text
CALL db.index.fulltext.queryNodes('entity_names', text) YIELD node, score
RETURN node.id AS id, CASE WHEN node:Concept THEN 'taxonomy' ELSE 'entity' END AS kind,
       [l IN labels(node) WHERE NOT l IN ['Entity', 'Concept']][0] AS type,
       node.name_zh AS name_zh, node.name_en AS name_en, node.aliases AS aliases,
       round(score, 3) AS score
ORDER BY score DESC, id
LIMIT $limit
