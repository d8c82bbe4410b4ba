"""The Cypher of the Neo4j store, in one place: every statement takes parameters only.

How claims are kept: every node is ``:Entity`` plus its schema labels, and carries parallel lists,
one item per asserting document: ``claim_docs`` (document id), ``claim_tags`` (that document's
visibility tag ``agency|releasability``), ``claim_data`` (the claim as JSON), ``claim_labels``
(comma-joined labels) and ``claim_search`` (the words the full-text index holds). Relationships
carry ``id``, ``claim_docs``, ``claim_tags`` and ``claim_data``. A read keeps only the list items
whose tag the viewer may see, inside Cypher. A document is the node ``:Entity:Document`` with
``agency``, ``releasability``, ``tag``, ``cases``, ``props`` and the ids of what it asserted
(``node_ids``; ``rel_sources`` with ``rel_ids``), so that retracting it or changing its marking
touches only its own claims through indexed lookups.

Beside the claims, every node and relationship carries the merged all-access view as typed
properties (``name``, ``aliases``, ``cases``, ``amount``, ``date``...; written by
:mod:`graph_etl.store.neo4j.model`, whose previous keys are listed in ``merged_keys``), and every
document points at the entities it asserts with ``(:Document)-[:ASSERTS]->(:Entity)``. Reads for
the app never use those: they filter the claims. The node ``(:FakefreeStore {key: 'layout'})``
holds the layout version of the database.
"""

from __future__ import annotations

from fakefree.schema import schema

__all__ = ["SCHEMA", "FULLTEXT_INDEX", "TYPES"]

FULLTEXT_INDEX = "entity_search"

# Every relationship type of the model (never ASSERTS): traversals name them so a dense node's
# provenance relationships are not even read. Types are schema names of word characters.
TYPES = "|".join(f"`{t}`" for t in sorted(schema().relationship_types)
                  if t.replace("_", "").isalnum())

SCHEMA = (
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
    "CREATE INDEX document_tag IF NOT EXISTS FOR (d:Document) ON (d.tag)",
    "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
    "CREATE CONSTRAINT fakefree_store_key IF NOT EXISTS FOR (s:FakefreeStore) REQUIRE s.key IS UNIQUE",
    f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.search] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', "
    "`fulltext.eventually_consistent`: false}}",
)

# The visible positions of a node's or relationship's claim lists.
_VIS_N = "[i IN range(0, size(n.claim_docs) - 1) WHERE n.claim_tags[i] IN $tags]"
_VIS_R = "[i IN range(0, size(r.claim_docs) - 1) WHERE r.claim_tags[i] IN $tags]"

# The tag registry: every visibility tag a document of the store has had (never shrinks, so a
# reader's cached copy can only miss a new tag, which hides its claims rather than show them).
TAGS = "MATCH (s:FakefreeStore {key: 'layout'}) RETURN s.tags AS tags"
REGISTER_TAGS = """
MERGE (s:FakefreeStore {key: 'layout'})
SET s.tags = coalesce(s.tags, []) + [t IN $tags WHERE NOT t IN coalesce(s.tags, [])]
"""
REBUILD_TAGS = """
OPTIONAL MATCH (d:Document) WHERE d.tag IS NOT NULL
WITH collect(DISTINCT d.tag) AS tags
MERGE (s:FakefreeStore {key: 'layout'})
SET s.tags = coalesce(s.tags, []) + [t IN tags WHERE NOT t IN coalesce(s.tags, [])]
"""

DOC_TAGS = ("UNWIND $ids AS id MATCH (d:Document {id: id}) WHERE d.tag IS NOT NULL "
            "RETURN d.id AS id, d.tag AS tag")

RETAG_NODES = """
MATCH (d:Document {id: $doc})
UNWIND d.node_ids AS nid
MATCH (n:Entity {id: nid})
SET n.claim_tags = [i IN range(0, size(n.claim_docs) - 1) |
                    CASE WHEN n.claim_docs[i] = $doc THEN $tag ELSE n.claim_tags[i] END]
"""

RETAG_RELS = """
MATCH (d:Document {id: $doc})
UNWIND range(0, size(d.rel_ids) - 1) AS k
MATCH (:Entity {id: d.rel_sources[k]})-[r]->() WHERE r.id = d.rel_ids[k]
SET r.claim_tags = [i IN range(0, size(r.claim_docs) - 1) |
                    CASE WHEN r.claim_docs[i] = $doc THEN $tag ELSE r.claim_tags[i] END]
"""

DOCUMENT_CLAIMS = ("MATCH (d:Document {id: $doc}) WHERE d.tag IS NOT NULL "
                   "RETURN d.node_ids AS node_ids, d.rel_sources AS rel_sources, "
                   "d.rel_ids AS rel_ids")

RETRACT_RELS = """
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})-[r]->(b) WHERE r.id = row.id
WITH r, a, b, [i IN range(0, size(r.claim_docs) - 1) WHERE r.claim_docs[i] <> $doc] AS keep
SET r.claim_docs = [i IN keep | r.claim_docs[i]],
    r.claim_tags = [i IN keep | r.claim_tags[i]],
    r.claim_data = [i IN keep | r.claim_data[i]]
WITH r, a, b WHERE size(r.claim_docs) = 0
DELETE r
WITH collect(DISTINCT a) + collect(DISTINCT b) AS ends, count(*) AS removed
CALL (ends) {
  UNWIND ends AS n
  WITH DISTINCT n WHERE size(n.claim_docs) = 0 AND NOT (n)--()
  DELETE n
}
RETURN removed
"""

RETRACT_NODES = """
UNWIND $ids AS nid
MATCH (n:Entity {id: nid})
WITH n, [i IN range(0, size(n.claim_docs) - 1) WHERE n.claim_docs[i] <> $doc] AS keep
SET n.claim_docs = [i IN keep | n.claim_docs[i]],
    n.claim_tags = [i IN keep | n.claim_tags[i]],
    n.claim_data = [i IN keep | n.claim_data[i]],
    n.claim_labels = [i IN keep | n.claim_labels[i]],
    n.claim_search = [i IN keep | n.claim_search[i]]
SET n.search = reduce(s = '', x IN n.claim_search | s + ' ' + x)
WITH n, reduce(s = [], x IN n.claim_labels | s + split(x, ',')) AS still
REMOVE n:$([l IN labels(n) WHERE l <> 'Entity' AND NOT l IN still])
WITH n WHERE size(n.claim_docs) = 0
WITH n, NOT (n)--() AS lonely
CALL (n, lonely) {
  WITH n WHERE lonely
  DELETE n
}
RETURN count(*) AS emptied
"""

RETRACT_DOCUMENT = """
MATCH (d:Entity {id: $doc})
REMOVE d:Document
SET d.tag = null, d.agency = null, d.releasability = null, d.cases = null, d.props = null,
    d.node_ids = null, d.rel_sources = null, d.rel_ids = null, d.name = null
WITH d WHERE size(d.claim_docs) = 0 AND NOT (d)--()
DELETE d
"""

NODE_CLAIMS = f"""
UNWIND $ids AS id
MATCH (n:Entity {{id: id}})
WITH n, {_VIS_N} AS vis WHERE size(vis) > 0
RETURN n.id AS id, [i IN vis | n.claim_docs[i]] AS docs, [i IN vis | n.claim_data[i]] AS data
"""

ALL_NODE_CLAIMS = f"""
MATCH (n:Entity) WHERE any(t IN n.claim_tags WHERE t IN $tags)
WITH n, {_VIS_N} AS vis
RETURN n.id AS id, [i IN vis | n.claim_docs[i]] AS docs, [i IN vis | n.claim_data[i]] AS data
"""

VISIBLE_NODES = """
UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE any(t IN n.claim_tags WHERE t IN $tags)
RETURN n.id AS id
"""

REL_CLAIMS = f"""
UNWIND $rows AS row
MATCH (a:Entity {{id: row.source}})-[r]->(b) WHERE r.id = row.id
WITH a, b, r, {_VIS_R} AS vis WHERE size(vis) > 0
RETURN r.id AS id, a.id AS source, b.id AS target, type(r) AS type,
       [i IN vis | r.claim_docs[i]] AS docs, [i IN vis | r.claim_data[i]] AS data
"""

ALL_REL_CLAIMS = f"""
MATCH (a:Entity)-[r]->(b:Entity)
WHERE any(t IN r.claim_tags WHERE t IN $tags) AND ($types IS NULL OR type(r) IN $types)
WITH a, b, r, {_VIS_R} AS vis
RETURN r.id AS id, a.id AS source, b.id AS target, type(r) AS type,
       [i IN vis | r.claim_docs[i]] AS docs, [i IN vis | r.claim_data[i]] AS data
"""

# The relationships among $ids only: one indexed lookup per source id, never a scan.
REL_CLAIMS_AMONG = f"""
UNWIND $ids AS id
MATCH (a:Entity {{id: id}})-[r]->(b:Entity)
WHERE b.id IN $ids AND any(t IN r.claim_tags WHERE t IN $tags)
  AND ($types IS NULL OR type(r) IN $types)
WITH a, b, r, {_VIS_R} AS vis
RETURN r.id AS id, a.id AS source, b.id AS target, type(r) AS type,
       [i IN vis | r.claim_docs[i]] AS docs, [i IN vis | r.claim_data[i]] AS data
"""

# Nodes claimed by a visible document of one of $cases (visible or not: callers merge views):
# the documents through their tag index, then the ids each lists, as the embedded store does.
CASE_NODES = """
MATCH (d:Document) WHERE d.tag IN $tags AND any(k IN d.cases WHERE k IN $cases)
UNWIND d.node_ids AS id
RETURN DISTINCT id
"""

EXPAND = f"""
UNWIND $ids AS id
MATCH (n:Entity {{id: id}})-[r:{TYPES}]-(m)
WHERE ($types IS NULL OR type(r) IN $types) AND any(t IN r.claim_tags WHERE t IN $tags)
RETURN DISTINCT r.id AS id, startNode(r).id AS source, endNode(r).id AS target, type(r) AS type
"""

DOCUMENTS = """
MATCH (d:Document) WHERE d.tag IN $tags AND ($id IS NULL OR d.id = $id)
RETURN d.id AS id, d.name AS name, d.agency AS agency, d.releasability AS releasability,
       d.cases AS cases, d.props AS props
"""

DOC_INFO = """
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.agency AS agency, d.releasability AS releasability, d.cases AS cases,
       d.props AS props
"""

# The best hits with their visible claims, in one round trip.
SEARCH = f"""
CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $query) YIELD node AS n, score
WHERE any(t IN n.claim_tags WHERE t IN $tags) AND ($label IS NULL OR $label IN labels(n))
WITH n, score ORDER BY score DESC, n.id LIMIT $limit
WITH n, score, {_VIS_N} AS vis
RETURN n.id AS id, [i IN vis | n.claim_docs[i]] AS docs, [i IN vis | n.claim_data[i]] AS data
ORDER BY score DESC, id
"""

STATS_LABELS = f"""
MATCH (n:Entity) WHERE any(t IN n.claim_tags WHERE t IN $tags)
UNWIND {_VIS_N} AS i
UNWIND split(n.claim_labels[i], ',') AS label
RETURN label, count(DISTINCT n) AS count
"""

STATS_NODES = "MATCH (n:Entity) WHERE any(t IN n.claim_tags WHERE t IN $tags) RETURN count(n) AS c"

STATS_TYPES = """
MATCH ()-[r]->() WHERE any(t IN r.claim_tags WHERE t IN $tags)
RETURN type(r) AS type, count(r) AS count
"""

WIPE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"

PURGE = ("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix "
         "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS")

# -- the readable model (graph_etl/store/neo4j/model.py) ----------------------------------------

LAYOUT = "MATCH (s:FakefreeStore {key: 'layout'}) RETURN s.version AS version"
SET_LAYOUT = "MERGE (s:FakefreeStore {key: 'layout'}) SET s.version = $version"
ANY_ENTITY = "MATCH (n:Entity) RETURN n.id AS id LIMIT 1"
ENTITY_PAGE = ("MATCH (n:Entity) WHERE n.id > $after RETURN n.id AS id ORDER BY n.id "
               "LIMIT $size")
OUTGOING_RELS = """
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->() WHERE r.claim_docs IS NOT NULL
RETURN a.id AS source, r.id AS id
"""

# All claims of some nodes and relationships, whoever may see them: the merge recomputes from them.
REFRESH_NODES = """
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.claim_docs AS docs, n.claim_data AS data, n.merged_keys AS keys,
       n:Document AS document
"""

REFRESH_RELS = """
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})-[r]->(b) WHERE r.id = row.id
RETURN r.id AS id, a.id AS source, b.id AS target, type(r) AS type, r.claim_docs AS docs,
       r.claim_data AS data, r.merged_keys AS keys
"""

SET_NODE_PROPS = "UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n += row.props"

SET_REL_PROPS = """
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})-[r]->() WHERE r.id = row.id
SET r += row.props
"""

UPSERT_ASSERTS = """
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MATCH (n:Entity {id: row.id})
MERGE (d)-[a:ASSERTS]->(n)
SET a.name = row.name, a.starts = row.starts, a.ends = row.ends, a.quotes = row.quotes,
    a.mentions = row.mentions
"""

RETRACT_ASSERTS = "MATCH (:Document {id: $doc})-[a:ASSERTS]->() DELETE a"
