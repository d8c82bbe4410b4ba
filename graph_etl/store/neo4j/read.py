"""The reads of the Neo4j store, each one round trip: the claims a viewer may see, with the
documents the merge needs, in one Cypher statement.

Every statement here returns one record ``{nodes, rels, docs}`` (plus what the read itself
needs): the visible claims of the nodes and relationships it reached and the agency, marking,
cases and date of every document behind them, so :func:`views` merges them without asking the
server again. A viewer's visibility tags come from the tag registry
``(:FakefreeStore {key: 'layout'}).tags``, which the writers keep (see
:mod:`graph_etl.store.neo4j.cypher`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from graph_etl.store.base import merge_node, merge_rel
from fakefree.model import NodeView, RelView
from graph_etl.store.neo4j.cypher import FULLTEXT_INDEX, TYPES
from graph_etl.store.neo4j.model import doc_infos
from graph_etl.store.search_terms import words

__all__ = ["SEARCH", "VIEWS", "STEP", "ALL", "AMONG", "walk_query", "lucene_query", "views", "Prefetched",
           "SHORT"]

SHORT = 2
"""Query words of at most this many letters are not expanded as Lucene prefixes when the query
has a longer word: a one-letter prefix names a large part of the vocabulary."""

_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')

_VIS_N = "[i IN range(0, size(n.claim_docs) - 1) WHERE n.claim_tags[i] IN $tags]"
_VIS_R = "[i IN range(0, size(r.claim_docs) - 1) WHERE r.claim_tags[i] IN $tags]"

# The visible claims of the nodes in `found` (a list of nodes) as the list `nodes`.
_NODES_OF = f"""
CALL (found) {{
  UNWIND found AS n
  WITH DISTINCT n
  WITH n, {_VIS_N} AS vis WHERE size(vis) > 0
  RETURN collect({{id: n.id, docs: [i IN vis | n.claim_docs[i]],
                  data: [i IN vis | n.claim_data[i]]}}) AS nodes
}}
"""

# The visible claims of the relationships in `hits` (a list of relationships) as `rels`.
_RELS_OF = f"""
CALL (hits) {{
  UNWIND hits AS r
  WITH DISTINCT r
  WITH r, {_VIS_R} AS vis WHERE size(vis) > 0
  RETURN collect({{id: r.id, source: startNode(r).id, target: endNode(r).id, type: type(r),
                  docs: [i IN vis | r.claim_docs[i]], data: [i IN vis | r.claim_data[i]]}}) AS rels
}}
"""

# What the merge needs of every document behind `nodes` and `rels`, as `docs`.
_DOCS_OF = """
CALL (nodes, rels) {
  UNWIND nodes + rels AS row
  UNWIND row.docs AS did
  WITH collect(DISTINCT did) AS dids
  MATCH (d:Document) WHERE d.id IN dids
  RETURN collect({id: d.id, agency: d.agency, releasability: d.releasability, cases: d.cases,
                  props: d.props}) AS docs
}
"""

# The best full-text hits a viewer may see, best first, with their visible claims and the
# documents behind them. Flat: the claim positions a viewer may see are computed once per hit
# and the hits are collected in score order (the caller reads the order from `nodes`).
SEARCH = f"""
CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $query) YIELD node AS n, score
WITH n, score, {_VIS_N} AS vis
WHERE size(vis) > 0 AND ($label IS NULL OR $label IN labels(n))
WITH n, vis ORDER BY score DESC, n.id LIMIT $limit
WITH collect({{id: n.id, docs: [i IN vis | n.claim_docs[i]],
               data: [i IN vis | n.claim_data[i]]}}) AS nodes, [] AS rels
{_DOCS_OF}
RETURN nodes, rels, docs
"""

# Nodes by id and relationships by (source id, id), visible claims and documents.
VIEWS = f"""
CALL () {{
  UNWIND $ids AS id
  MATCH (n:Entity {{id: id}})
  RETURN collect(n) AS found
}}
CALL () {{
  UNWIND $rels AS row
  MATCH (:Entity {{id: row.source}})-[r]->() WHERE r.id = row.id
  RETURN collect(r) AS hits
}}
{_NODES_OF}{_RELS_OF}{_DOCS_OF}
RETURN nodes, rels, docs
"""

# The whole visible graph (relationships of $types only, unless null).
ALL = f"""
CALL () {{
  MATCH (n:Entity) WHERE any(t IN n.claim_tags WHERE t IN $tags)
  RETURN collect(n) AS found
}}
CALL () {{
  MATCH (:Entity)-[r]->(:Entity)
  WHERE any(t IN r.claim_tags WHERE t IN $tags) AND ($types IS NULL OR type(r) IN $types)
  RETURN collect(r) AS hits
}}
{_NODES_OF}{_RELS_OF}{_DOCS_OF}
RETURN nodes, rels, docs
"""

# The nodes $ids and the visible relationships among them: one indexed lookup per id.
AMONG = f"""
CALL () {{
  UNWIND $ids AS id
  MATCH (n:Entity {{id: id}})
  RETURN collect(n) AS found
}}
CALL () {{
  UNWIND $ids AS id
  MATCH (:Entity {{id: id}})-[r]->(b:Entity)
  WHERE b.id IN $ids AND any(t IN r.claim_tags WHERE t IN $tags)
    AND ($types IS NULL OR type(r) IN $types)
  RETURN collect(r) AS hits
}}
{_NODES_OF}{_RELS_OF}{_DOCS_OF}
RETURN nodes, rels, docs
"""

# One step of a walk: the visible relationships touching $ids, the visible nodes at their other
# ends, with their claims and documents.
STEP = f"""
CALL () {{
  UNWIND $ids AS id
  MATCH (s:Entity {{id: id}})-[r:{TYPES}]-(m)
  WHERE ($types IS NULL OR type(r) IN $types) AND any(t IN r.claim_tags WHERE t IN $tags)
    AND any(t IN m.claim_tags WHERE t IN $tags)
  RETURN collect(DISTINCT r) AS hits, collect(DISTINCT m) AS ends
}}
CALL () {{
  UNWIND $ids AS id
  MATCH (s:Entity {{id: id}}) WHERE any(t IN s.claim_tags WHERE t IN $tags)
  RETURN collect(s) AS starts
}}
WITH hits, starts + ends AS found
{_NODES_OF}{_RELS_OF}{_DOCS_OF}
RETURN nodes, rels, docs
"""

_HOP = f"""
CALL (frontier) {{
  UNWIND frontier AS f
  MATCH (f)-[r:{TYPES}]-(m)
  WHERE ($types IS NULL OR type(r) IN $types) AND any(t IN r.claim_tags WHERE t IN $tags)
    AND any(t IN m.claim_tags WHERE t IN $tags)
  RETURN collect(DISTINCT r) AS layer, collect(DISTINCT m) AS ends
}}
WITH found + ends AS found, hits + layer AS hits, ends AS frontier
"""


def walk_query(hops: int) -> str:
    """Everything within ``hops`` of ``$id`` a viewer may see, in one statement: the visible
    relationships of each layer and the visible nodes they reach, with claims and documents.

    The walk itself (order, ``limit``) is replayed on the result by the caller, so both
    backends cut a large network the same way.
    """
    if not 0 <= hops <= 8:
        raise ValueError(f"hops must be between 0 and 8, not {hops}")
    start = ("MATCH (s:Entity {id: $id}) WHERE any(t IN s.claim_tags WHERE t IN $tags)\n"
             "WITH [s] AS found, [] AS hits, [s] AS frontier\n")
    return (start + _HOP * hops + "WITH found, hits\n" + _NODES_OF + _RELS_OF + _DOCS_OF
            + "RETURN nodes, rels, docs")


def lucene_query(text: str) -> str:
    """A full-text query for ``text``: every word as a prefix, or the compact form as prefix.

    Short words (at most :data:`SHORT` letters) of a query with a longer word are not expanded:
    they count as whole words that raise a name's score, and the caller checks that they start
    a word of the name. Words are folded word characters and Lucene syntax is escaped, so no
    input can change the query's structure.

    >>> lucene_query("Zhang  WÉI")
    '(+zhang* +wei*) OR zhangwei*'
    >>> lucene_query("Acme S.A. de C.V.")
    '(+acme* s a de c v) OR acmesadecv*'
    >>> lucene_query("a:b")
    '(+a* +b*) OR ab*'
    >>> lucene_query("li")
    'li*'
    """
    tokens = [_LUCENE_SPECIAL.sub(r"\\\1", t) for t in words(text)]
    if not tokens:
        return ""
    if len(tokens) == 1:
        return f"{tokens[0]}*"
    long_words = any(len(t) > SHORT for t in tokens)
    parts = [t if long_words and len(t) <= SHORT else f"+{t}*" for t in tokens]
    return "(" + " ".join(parts) + f") OR {''.join(tokens)}*"


def views(record: dict[str, Any]) -> tuple[dict[str, NodeView], dict[str, RelView]]:
    """The merged node and relationship views of one read's record ``{nodes, rels, docs}``."""
    docs = doc_infos(record["docs"])
    nodes = {r["id"]: merge_node(r["id"], [(d, json.loads(data), docs[d])
                                           for d, data in zip(r["docs"], r["data"])])
             for r in record["nodes"]}
    rels = {r["id"]: merge_rel((r["id"], r["source"], r["target"], r["type"]),
                               [(d, json.loads(data), docs[d])
                                for d, data in zip(r["docs"], r["data"])])
            for r in record["rels"]}
    return ({k: v for k, v in nodes.items() if v is not None},
            {k: v for k, v in rels.items() if v is not None})


class Prefetched:
    """What one or more reads returned, answering a walk's ``expand`` and ``visible`` locally."""

    def __init__(self) -> None:
        self.nodes: dict[str, NodeView] = {}
        self.rels: dict[str, RelView] = {}
        self.touching: dict[str, set[str]] = defaultdict(set)

    def add(self, record: dict[str, Any]) -> None:
        nodes, rels = views(record)
        self.nodes.update(nodes)
        for rel in rels.values():
            self.rels[rel.id] = rel
            self.touching[rel.source].add(rel.id)
            self.touching[rel.target].add(rel.id)

    def expand(self, frontier: set[str]) -> list[tuple[str, str, str, str]]:
        """The relationships touching ``frontier`` whose other end is visible."""
        found = {rid for n in frontier for rid in self.touching.get(n, ())}
        rows = [self.rels[r] for r in found]
        return sorted((r.id, r.source, r.target, r.type) for r in rows
                      if r.source in self.nodes and r.target in self.nodes)

    def visible(self, ids: set[str]) -> set[str]:
        return {i for i in ids if i in self.nodes}
