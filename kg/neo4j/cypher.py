"""The Cypher the loader sends, in one place: retraction, writing, and the industry taxonomy.

Every statement takes its data as parameters (``$rows`` for UNWIND batches, ``$doc`` the
document id, ``$doc_iri`` its IRI). Labels and relationship types cannot be parameters, so the
two statements that need one are functions that accept only the ontology's names.
"""

from __future__ import annotations

from extract.model import ENTITY_TYPES, RELATION_TYPES

BATCH = 5000  # rows per UNWIND statement, unless the caller says otherwise

# ------------------------------------------------------------------ retraction

OLD_ENTITIES = "MATCH (d:Document {id: $doc_iri}) RETURN d.entity_ids AS ids"
RETRACT_FACTS = (
    # sections carry the section-level mentions; DETACH removes both
    "MATCH (s:Section {doc: $doc}) DETACH DELETE s",
    "MATCH (:Document {id: $doc_iri})-[m:MENTIONS]->() DELETE m",
    "MATCH (i:Indicator {doc: $doc}) DETACH DELETE i",
    # every relation a document states starts at one of its entities (checked when loading)
    "UNWIND $old AS eid MATCH (:Entity {id: eid})-[r]->() WHERE r.doc = $doc DELETE r",
)
FORGET_ENTITIES = """
UNWIND $ids AS eid
MATCH (e:Entity {id: eid})
SET e.docs = [x IN coalesce(e.docs, []) WHERE x <> $doc],
    e.name_votes = [v IN coalesce(e.name_votes, []) WHERE split(v, $sep)[0] <> $doc]
WITH e WHERE size(e.docs) = 0
DETACH DELETE e
"""
DELETE_DOCUMENT = "MATCH (d:Document {id: $doc_iri}) DETACH DELETE d"
LOADED_DOCUMENTS = "MATCH (d:Document) RETURN d.doc_id AS id, d.origin AS origin ORDER BY id"
# which folder (corpus) a document in the database was loaded from: another folder's is not replaced
DOCUMENT_ORIGIN = "MATCH (d:Document {id: $doc_iri}) RETURN d.origin AS origin, d.corpus AS corpus"

# ------------------------------------------------------------------ writing

MERGE_DOCUMENT = """
MERGE (d:Document {id: $row.id})
SET d += $row, d.entity_ids = $entity_ids, d.origin = coalesce($origin, d.origin), d.corpus = $corpus
"""


def merge_entities(label: str) -> str:
    """MERGE a batch of entities by IRI and give them the ontology class ``label``."""
    if label not in ENTITY_TYPES:  # labels cannot be parameters: only ontology names pass
        raise ValueError(f"unknown entity type {label!r}")
    return f"""
UNWIND $rows AS row
MERGE (n:Entity {{id: row.id}})
SET n:{label}, n.entity_id = row.entity_id, n.registry_id = row.registry_id,
    n.docs = CASE WHEN $doc IN coalesce(n.docs, []) THEN n.docs ELSE coalesce(n.docs, []) + $doc END,
    n.name_votes = [v IN coalesce(n.name_votes, []) WHERE split(v, $sep)[0] <> $doc] + row.vote
"""


# An entity's names from its documents' votes (rows.name_vote), whatever the order they were loaded
# in: each name the one the most documents give, ties to the first in code-point order (the rule of
# kg.output.labels for RDF's preferred labels); aliases: every document's.
NAME_ENTITIES = """
UNWIND $ids AS eid
MATCH (n:Entity {id: eid})
WITH n, [v IN coalesce(n.name_votes, []) | split(v, $sep)] AS votes
CALL (votes) {
  UNWIND votes AS f
  WITH f[1] AS x, count(*) AS c ORDER BY c DESC, x ASC
  RETURN collect(x)[0] AS name
}
CALL (votes) {
  UNWIND votes AS f
  WITH f[2] AS x WHERE x <> ''
  WITH x, count(*) AS c ORDER BY c DESC, x ASC
  RETURN collect(x)[0] AS name_zh
}
CALL (votes) {
  UNWIND votes AS f
  WITH f[3] AS x, f[4] AS source WHERE x <> ''
  WITH x, count(*) AS c, min(source) AS source ORDER BY c DESC, x ASC
  RETURN collect([x, source])[0] AS en
}
CALL (votes) {
  UNWIND votes AS f
  UNWIND split(f[5], $alias_sep) AS a
  WITH DISTINCT a WHERE a <> ''
  WITH a ORDER BY a
  RETURN collect(a) AS aliases
}
SET n.name = coalesce(name_zh, name), n.name_zh = name_zh, n.name_en = en[0], n.name_en_source = en[1],
    n.aliases = aliases
"""


LINK_INDUSTRIES = """
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
OPTIONAL MATCH (n)-[old:BROADER]->(:Concept)
DELETE old
WITH DISTINCT n, row WHERE row.concept IS NOT NULL
MATCH (c:Concept {id: row.concept})
MERGE (n)-[b:BROADER]->(c) SET b.match = row.match
"""
CREATE_SECTIONS = """
UNWIND $rows AS row
CREATE (s:Section {id: row.id, doc: row.doc, section_id: row.section_id, kind: row.kind,
                   number: row.number, title: row.title, start: row.start, end: row.end})
"""
LINK_TOP_SECTIONS = """
MATCH (d:Document {id: $doc_iri})
UNWIND $rows AS row
MATCH (s:Section {id: row.id})
CREATE (d)-[:HAS_SECTION]->(s)
"""
LINK_SUB_SECTIONS = """
UNWIND $rows AS row
MATCH (p:Section {id: row.parent}), (s:Section {id: row.id})
CREATE (p)-[:HAS_SECTION]->(s)
"""
# the provenance every mention, relation and indicator carries
EVIDENCE = (
    "doc: row.doc, sentence: row.sentence, start: row.start, end: row.end, text: row.text, "
    "sentence_text: row.sentence_text"
)
SECTION_MENTIONS = f"""
UNWIND $rows AS row
MATCH (s:Section {{id: row.source}}), (e:Entity {{id: row.entity}})
CREATE (s)-[:MENTIONS {{{EVIDENCE}}}]->(e)
"""
DOCUMENT_MENTIONS = f"""
MATCH (d:Document {{id: $doc_iri}})
UNWIND $rows AS row
MATCH (e:Entity {{id: row.entity}})
CREATE (d)-[:MENTIONS {{{EVIDENCE}}}]->(e)
"""


def create_relations(rel_type: str) -> str:
    """CREATE a batch of relation statements of the ontology type ``rel_type``, one per row."""
    if rel_type not in RELATION_TYPES:
        raise ValueError(f"unknown relation type {rel_type!r}")
    return f"""
UNWIND $rows AS row
MATCH (h:Entity {{id: row.head}}), (t:Entity {{id: row.tail}})
CREATE (h)-[:{rel_type} {{{EVIDENCE}, rule: row.rule}}]->(t)
"""


CREATE_INDICATORS = f"""
MATCH (d:Document {{id: $doc_iri}})
UNWIND $rows AS row
OPTIONAL MATCH (s:Entity {{id: row.subject}})
CREATE (i:Indicator {{id: row.id, indicator_id: row.indicator_id, metric: row.metric, value: row.value,
                     unit: row.unit, comparator: row.comparator, year: row.year, status: row.status,
                     rule: row.rule, {EVIDENCE}}})
WITH i, coalesce(s, d) AS owner
CREATE (owner)-[:HAS_INDICATOR]->(i)
"""

# ------------------------------------------------------------------ the industry taxonomy

MERGE_CONCEPTS = """
UNWIND $rows AS row
MERGE (c:Concept {id: row.id})
SET c:Industry, c.name_zh = row.name_zh, c.name_en = row.name_en, c.aliases = row.aliases
"""
MERGE_BROADER = """
UNWIND $pairs AS pair
MATCH (c:Concept {id: pair[0]}), (b:Concept {id: pair[1]})
MERGE (c)-[:BROADER]->(b)
"""
DROP_STALE_BROADER = """
MATCH (c:Concept)-[r:BROADER]->(b:Concept) WHERE NOT [c.id, b.id] IN $pairs DELETE r
"""
DROP_STALE_CONCEPTS = "MATCH (c:Concept) WHERE NOT c.id IN $ids DETACH DELETE c"
