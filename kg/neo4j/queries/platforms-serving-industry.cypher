// Platforms serving an industry, including narrower industries and platforms hosting a server.
// @param industry string: the industry's name or alias in Chinese or English, e.g. 生物医药 or Biomedicine
// An extracted Industry entity is linked to its taxonomy concept by BROADER, and concepts to their
// broader concepts, so SERVES followed by BROADER*0.. reaches the asked industry from narrower ones.
// The asked industry may be an extracted entity, a concept, or both; an entity mapped to a concept
// as "exact" stands for that concept too. A platform also serves the industry when something
// located in it or part of it (a base, a park, a laboratory, a project) serves it: `via` names
// those, and is empty when the platform itself is stated to serve the industry.
MATCH (named:Industry)
WHERE toLower($industry) IN [x IN [named.name_zh, named.name_en] + coalesce(named.aliases, [])
                             WHERE x IS NOT NULL | toLower(x)]
OPTIONAL MATCH (named)-[:BROADER {match: 'exact'}]->(same:Concept)
WITH collect(DISTINCT named) + collect(DISTINCT same) AS targets
UNWIND targets AS target
MATCH (server:Entity)-[s:SERVES]->(i:Industry)-[:BROADER*0..]->(target)
MATCH (server)-[:LOCATED_IN|PART_OF*0..2]->(p:Platform)
WITH p, i, s, CASE WHEN server = p THEN null ELSE coalesce(server.name_zh, server.name_en) END AS via
ORDER BY s.doc, s.start
WITH p, collect(DISTINCT coalesce(i.name_zh, i.name_en)) AS industries, collect(DISTINCT via) AS via,
     collect(DISTINCT s.doc) AS documents, collect(DISTINCT s.sentence_text) AS evidence
RETURN p.id AS id, p.name_zh AS platform, p.name_en AS platform_en, industries, via, documents,
       evidence[0] AS first_evidence
ORDER BY platform
