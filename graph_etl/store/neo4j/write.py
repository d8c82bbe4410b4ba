"""The write path of the Neo4j store: one batch, one transaction, a few ``UNWIND`` statements.

Inside the batch's transaction:

1. :data:`LOCK_NODES` merges every node the batch claims and takes its write lock (``SET
   n:Entity``) *before* reading the claims it already holds, so no other writer can change them
   until this one commits; :data:`OLD_RELS` reads the claims of the relationships whose two ends
   already existed, and :data:`DOC_INFO` what the merge needs of the documents behind them.
2. Python builds each node's and relationship's new claim lists (a document of the batch replaces
   its own earlier claim) and merges them into the typed all-access properties
   (:mod:`graph_etl.store.neo4j.model`), exactly as :func:`neo4j_model.refresh` would.
3. Each node and relationship is written once, found by its element id: ``SET n += map`` on a
   node, ``CREATE`` of a new relationship with its type from the row, ``SET r += map`` on an
   existing one, ``CREATE`` of a new ``ASSERTS`` (``MERGE`` for a document asserting a node
   again), and the documents' lists of what they asserted grow by what is new.

Nothing is read back after writing, and the number of statements does not grow with the number
of labels or relationship types in the batch.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import neo4j
import orjson

from fakefree.errors import InputError
from fakefree.schema import schema
from graph_etl.store.neo4j import cypher as Q
from graph_etl.store.base import (
    DocInfo,
    document_node,
    dumps,
    merge_node,
    merge_rel,
    node_claim_data,
    rel_claim_data,
)
from fakefree.model import Batch, DocumentRecord, NodeClaim, RelClaim
from graph_etl.store.neo4j.model import (
    asserts_row,
    doc_infos,
    node_properties,
    refresh,
    rel_properties,
    with_stale,
)
from graph_etl.store.search_terms import search_text

__all__ = ["write_batch", "checked_type", "LOCK_NODES", "OLD_RELS", "DOC_INFO", "WRITE_NODES", "CREATE_RELS",
           "UPDATE_RELS", "CREATE_ASSERTS", "MERGE_ASSERTS", "GROW_DOCUMENTS"]

log = logging.getLogger(__name__)

_TYPE_NAME = re.compile(r"[A-Z][A-Z0-9_]*")

# SET n:Entity is a no-op that takes the node's write lock, so the RETURN reads the latest claims.
LOCK_NODES = """
UNWIND $rows AS id
MERGE (n:Entity {id: id})
SET n:Entity
RETURN id, elementId(n) AS eid, n.claim_docs AS docs, n.claim_tags AS tags,
       n.claim_data AS data, n.merged_keys AS keys, n:Document AS document
"""

# Both ends are locked by LOCK_NODES, and every writer locks a relationship's ends first.
OLD_RELS = """
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a
MATCH (b) WHERE elementId(b) = row.b
MATCH (a)-[r]->(b) WHERE r.id = row.id
RETURN r.id AS id, elementId(r) AS eid, r.claim_docs AS docs, r.claim_tags AS tags,
       r.claim_data AS data, r.merged_keys AS keys
"""

DOC_INFO = """
UNWIND $rows AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, elementId(d) AS eid, d.tag AS tag, d.agency AS agency,
       d.releasability AS releasability, d.cases AS cases, d.props AS props
"""

WRITE_NODES = """
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.eid
SET n:$(row.labels)
SET n += row.props
"""

CREATE_RELS = """
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a
MATCH (b) WHERE elementId(b) = row.b
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
"""

UPDATE_RELS = """
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.eid
SET r += row.props
"""

CREATE_ASSERTS = """
UNWIND $rows AS row
MATCH (d) WHERE elementId(d) = row.d
MATCH (n) WHERE elementId(n) = row.n
CREATE (d)-[:ASSERTS {name: row.name, starts: row.starts, ends: row.ends, quotes: row.quotes,
                      mentions: row.mentions}]->(n)
"""

MERGE_ASSERTS = """
UNWIND $rows AS row
MATCH (d) WHERE elementId(d) = row.d
MATCH (n) WHERE elementId(n) = row.n
MERGE (d)-[a:ASSERTS]->(n)
SET a.name = row.name, a.starts = row.starts, a.ends = row.ends, a.quotes = row.quotes,
    a.mentions = row.mentions
"""

# A direct read of the property being set: Cypher takes the document's lock before reading it.
GROW_DOCUMENTS = """
UNWIND $rows AS row
MATCH (d) WHERE elementId(d) = row.eid
SET d.node_ids = coalesce(d.node_ids, []) + row.nodes,
    d.rel_sources = coalesce(d.rel_sources, []) + row.sources,
    d.rel_ids = coalesce(d.rel_ids, []) + row.rels
"""


@dataclass
class _Claims:
    """One node's or relationship's claims: parallel lists, one item per document."""

    eid: str | None
    docs: list[str]
    tags: list[str]
    data: list[str]
    keys: list[str] | None = None
    document: bool = False

    @classmethod
    def read(cls, row: neo4j.Record) -> _Claims:
        return cls(row["eid"], list(row["docs"] or []), list(row["tags"] or []),
                   list(row["data"] or []), row["keys"],
                   bool(row["document"]) if "document" in row.keys() else False)

    def replaced_by(self, docs: set[str]) -> list[int]:
        """Positions of the claims the batch keeps: those of documents not in ``docs``."""
        return [i for i, d in enumerate(self.docs) if d not in docs]


PART = 1000
"""Rows per write statement: the server writes one part while Python builds the next."""


def _start(tx: neo4j.ManagedTransaction, query: str, rows: list[Any],
           chunk: int) -> list[neo4j.Result]:
    """Send ``query`` over ``rows`` in parts of at most ``chunk`` rows, without waiting: the
    server runs them while the caller goes on (the driver reads their answers in order)."""
    return [tx.run(query, rows=rows[start:start + chunk]) for start in range(0, len(rows), chunk)]


def _records(results: list[neo4j.Result]) -> list[neo4j.Record]:
    return [record for result in results for record in result]


class _Writer:
    """Rows for the write statements, each sent as soon as it has a part's worth."""

    def __init__(self, tx: neo4j.ManagedTransaction, chunk: int) -> None:
        self.tx = tx
        self.part = max(1, min(chunk, PART))
        self.rows: dict[str, list[dict[str, Any]]] = {}

    def add(self, query: str, row: dict[str, Any]) -> None:
        rows = self.rows.setdefault(query, [])
        rows.append(row)
        if len(rows) >= self.part:
            self.send(query)

    def send(self, query: str) -> None:
        rows = self.rows.pop(query, [])
        if rows:
            self.tx.run(query, rows=rows)

    def flush(self, *queries: str) -> None:
        for query in queries:
            self.send(query)


def _info(doc: DocumentRecord) -> DocInfo:
    return {"agency": doc.agency, "releasability": doc.releasability,
            "cases": list(doc.cases), "date": doc.props.get("date")}


def write_batch(tx: neo4j.ManagedTransaction, batch: Batch, *, uri: str, new_tags: list[str],
                chunk: int) -> set[str]:
    """Write a prepared batch (:func:`graph_etl.store.base.prepare_batch`) in ``tx``.

    ``new_tags`` go into the tag registry first (so every writer takes the registry's lock
    before any other). Returns the ids of the batch's documents whose marking changed.
    """
    if new_tags:
        tx.run(Q.REGISTER_TAGS, tags=new_tags).consume()
    documents = {d.id: d for d in batch.documents}
    claims: dict[str, list[NodeClaim]] = {}
    for claim in [document_node(d) for d in batch.documents] + batch.nodes:
        claims.setdefault(claim.id, []).append(claim)
    locking = _start(tx, LOCK_NODES, sorted(claims), chunk)
    rels: dict[str, list[RelClaim]] = {}
    for rel in batch.rels:
        rels.setdefault(rel.id, []).append(rel)
    cited = ({c.document_id for cs in claims.values() for c in cs}
             | {c.document_id for c in batch.rels}) - set(documents)
    fresh_data = {node_id: [_Fresh.of(c) for c in cs] for node_id, cs in claims.items()}
    locked = {r["id"]: r for r in _records(locking)}
    nodes = {i: _Claims.read(r) for i, r in locked.items()}
    pairs = [{"id": i, "a": nodes[cs[0].source].eid, "b": nodes[cs[0].target].eid}
             for i, cs in sorted(rels.items())
             if locked[cs[0].source]["docs"] is not None
             and locked[cs[0].target]["docs"] is not None]
    old_rels = {r["id"]: _Claims.read(r) for r in _records(_start(tx, OLD_RELS, pairs, chunk))}
    behind = {d for c in list(nodes.values()) + list(old_rels.values()) for d in c.docs}
    found = {r["id"]: r for r in _records(
        _start(tx, DOC_INFO, sorted(cited | behind | set(documents)), chunk))}
    if cited - set(found):
        raise InputError(
            f"The batch for {uri} cites documents it does not include and the store does not "
            f"hold: {', '.join(sorted(cited - set(found))[:5])}.")
    infos = doc_infos([dict(r.items()) for i, r in found.items() if i not in documents])
    infos.update({i: _info(d) for i, d in documents.items()})
    tags = {i: r["tag"] for i, r in found.items()} | {i: d.tag for i, d in documents.items()}
    retagged = {i for i, d in documents.items()
                if i in found and found[i]["tag"] not in (None, d.tag)}
    doc_eid = {i: r["eid"] for i, r in found.items()} | {i: nodes[i].eid for i in documents}
    grown: dict[str, dict[str, list[str]]] = {}

    def grow(doc_id: str) -> dict[str, list[str]]:
        return grown.setdefault(doc_id, {"nodes": [], "sources": [], "rels": []})

    for doc_id in documents:
        grow(doc_id)
    out = _Writer(tx, chunk)
    for node_id, batch_claims in claims.items():
        row, fresh = _node_row(node_id, nodes[node_id], batch_claims, fresh_data[node_id],
                               infos, tags, documents)
        out.add(WRITE_NODES, row)
        for claim in batch_claims:
            if claim.document_id in fresh:
                grow(claim.document_id)["nodes"].append(node_id)
            if claim.document_id == node_id:
                continue
            mark = asserts_row(claim.document_id, node_id, claim.name,
                               [(m.start, m.end, m.text) for m in claim.mentions])
            del mark["doc"], mark["id"]
            mark.update(d=doc_eid[claim.document_id], n=nodes[node_id].eid)
            out.add(CREATE_ASSERTS if claim.document_id in fresh else MERGE_ASSERTS, mark)
    out.flush(WRITE_NODES)
    for rel_id, rel_claims in rels.items():
        old = old_rels.get(rel_id)
        first = rel_claims[0]
        props, fresh = _rel_props(rel_id, old, rel_claims, infos, tags)
        for rel in rel_claims:
            if rel.document_id in fresh:
                grow(rel.document_id)["sources"].append(first.source)
                grow(rel.document_id)["rels"].append(rel_id)
        if old is None:
            out.add(CREATE_RELS, {"a": nodes[first.source].eid, "b": nodes[first.target].eid,
                                  "type": checked_type(first.type), "props": props})
        else:
            out.add(UPDATE_RELS, {"eid": old.eid, "props": props})
    for doc_id, lists in sorted(grown.items()):
        out.add(GROW_DOCUMENTS, {"eid": doc_eid[doc_id], **lists})
    out.flush(CREATE_RELS, UPDATE_RELS, GROW_DOCUMENTS, MERGE_ASSERTS, CREATE_ASSERTS)
    for doc_id in sorted(retagged):
        _retag(tx, doc_id, documents[doc_id].tag)
    return retagged


@dataclass(frozen=True)
class _Fresh:
    """A claim of the batch in its stored forms: data (and its JSON), labels, search words."""

    data: dict[str, Any]
    json: str
    labels: str
    search: str

    @classmethod
    def of(cls, claim: NodeClaim) -> _Fresh:
        data = node_claim_data(claim)
        return cls(data, dumps(data), ",".join(claim.labels),
                   search_text(claim.name, claim.aliases))


def _node_row(node_id: str, old: _Claims, batch_claims: list[NodeClaim], new: list[_Fresh],
              infos: dict[str, DocInfo], tags: dict[str, str],
              documents: dict[str, DocumentRecord]) -> tuple[dict[str, Any], set[str]]:
    """The row of :data:`WRITE_NODES` for one node, and the batch's documents new to it."""
    batch_docs = {c.document_id for c in batch_claims}
    keep = old.replaced_by(batch_docs)
    kept = [orjson.loads(old.data[i]) for i in keep]
    merged = [(old.docs[i], d, infos[old.docs[i]]) for i, d in zip(keep, kept)
              if old.docs[i] in infos]
    merged += [(c.document_id, f.data, infos[c.document_id]) for c, f in zip(batch_claims, new)]
    labels = [",".join(d["labels"]) for d in kept] + [f.labels for f in new]
    search = [search_text(d["name"], d["aliases"]) for d in kept] + [f.search for f in new]
    document = old.document or node_id in documents
    props = with_stale(node_properties(merge_node(node_id, merged), document=document),
                       old.keys)
    props.update(
        claim_docs=[old.docs[i] for i in keep] + [c.document_id for c in batch_claims],
        claim_tags=[old.tags[i] for i in keep] + [tags[c.document_id] for c in batch_claims],
        claim_data=[old.data[i] for i in keep] + [f.json for f in new],
        claim_labels=labels, claim_search=search, search="".join(" " + s for s in search))
    doc = documents.get(node_id)
    if doc is not None:
        props.update(name=doc.name, agency=doc.agency, releasability=doc.releasability,
                     tag=doc.tag, cases=sorted(doc.cases), props=dumps(doc.props))
    return {"eid": old.eid, "labels": sorted({label for c in batch_claims for label in c.labels}),
            "props": props}, batch_docs - set(old.docs)


def _rel_props(rel_id: str, old: _Claims | None, batch_claims: list[RelClaim],
               infos: dict[str, DocInfo], tags: dict[str, str]) -> tuple[dict[str, Any], set[str]]:
    """The properties of one relationship, and the batch's documents new to it."""
    old = old or _Claims(None, [], [], [])
    batch_docs = {c.document_id for c in batch_claims}
    keep = old.replaced_by(batch_docs)
    merged = [(old.docs[i], orjson.loads(old.data[i]), infos[old.docs[i]])
              for i in keep if old.docs[i] in infos]
    data = [rel_claim_data(c) for c in batch_claims]
    merged += [(c.document_id, d, infos[c.document_id]) for c, d in zip(batch_claims, data)]
    first = batch_claims[0]
    view = merge_rel((rel_id, first.source, first.target, first.type), merged)
    props = with_stale(rel_properties(view), old.keys)
    props.update(
        id=rel_id,
        claim_docs=[old.docs[i] for i in keep] + [c.document_id for c in batch_claims],
        claim_tags=[old.tags[i] for i in keep] + [tags[c.document_id] for c in batch_claims],
        claim_data=[old.data[i] for i in keep] + [dumps(d) for d in data])
    return props, batch_docs - set(old.docs)


def checked_type(rel_type: str) -> str:
    """A relationship type safe to write into Cypher: in the schema, word characters only."""
    schema().check_type(rel_type, "A relationship")
    if not _TYPE_NAME.fullmatch(rel_type):
        raise InputError(f"Relationship type {rel_type!r} cannot be used as a Neo4j type name.")
    return rel_type


def _retag(tx: neo4j.ManagedTransaction, doc_id: str, tag: str) -> None:
    """Give every claim of ``doc_id`` its new marking and recompute what they merge into."""
    log.info("document %s changed marking; re-tagging its claims", doc_id)
    tx.run(Q.RETAG_NODES, doc=doc_id, tag=tag).consume()
    tx.run(Q.RETAG_RELS, doc=doc_id, tag=tag).consume()
    node_ids: set[str] = set()
    rel_keys: set[tuple[str, str]] = set()
    for row in tx.run(Q.DOCUMENT_CLAIMS, doc=doc_id).data():
        node_ids.update(row["node_ids"] or [])
        rel_keys.update(zip(row["rel_sources"] or [], row["rel_ids"] or []))
    refresh(tx, node_ids, rel_keys)
