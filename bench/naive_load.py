"""The reference the load benchmark is measured against: a naive loader, one statement per row.

This is how a first loader is usually written: for every node claim one ``MERGE`` (Neo4j) or one
``INSERT ... ON CONFLICT DO UPDATE`` (SQLite), for every relationship one more, each sent on its
own, one transaction per document, no batching. It writes a plain property graph (no claim
lists, no viewer filtering), so it does less than our stores; it exists only to be timed.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graph_etl.store.base import dumps, node_claim_data, rel_claim_data
from fakefree.model import Batch, NodeClaim, RelClaim

__all__ = ["naive_sqlite_rate", "naive_neo4j_rate", "NAIVE_LABEL"]

NAIVE_LABEL = "NaiveBench"
"""The only label the Neo4j naive loader writes; its nodes are deleted when it is done."""


def _rate(nodes: int, rels: int, seconds: float) -> dict[str, Any]:
    return {"nodes": nodes, "rels": rels, "seconds": round(seconds, 2),
            "per_second": round((nodes + rels) / seconds) if seconds else 0}


def _by_document(batch: Batch) -> list[tuple[list[NodeClaim], list[RelClaim]]]:
    """Each document's node and relationship claims (grouped before the clock starts)."""
    groups: dict[str, tuple[list[NodeClaim], list[RelClaim]]] = {
        d.id: ([], []) for d in batch.documents}
    for claim in batch.nodes:
        groups[claim.document_id][0].append(claim)
    for rel in batch.rels:
        groups[rel.document_id][1].append(rel)
    return list(groups.values())


def naive_sqlite_rate(path: Path, batches: Iterable[Batch]) -> dict[str, Any]:
    """Load ``batches`` row by row into a new SQLite file at ``path``; the rate."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE nodes (id TEXT PRIMARY KEY, labels TEXT, name TEXT, data TEXT)")
    conn.execute("CREATE TABLE rels (id TEXT PRIMARY KEY, source TEXT, target TEXT, type TEXT, "
                 "data TEXT)")
    nodes = rels = 0
    elapsed = 0.0
    for batch in batches:
        by_doc = _by_document(batch)
        started = time.perf_counter()
        for node_claims, rel_claims in by_doc:
            conn.execute("BEGIN")
            for c in node_claims:
                conn.execute("INSERT INTO nodes VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
                             "SET labels = excluded.labels, name = excluded.name, "
                             "data = excluded.data",
                             (c.id, dumps(c.labels), c.name, dumps(node_claim_data(c))))
            for r in rel_claims:
                conn.execute("INSERT INTO rels VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
                             "SET data = excluded.data",
                             (r.id, r.source, r.target, r.type, dumps(rel_claim_data(r))))
            conn.execute("COMMIT")
        elapsed += time.perf_counter() - started
        nodes += len(batch.nodes)
        rels += len(batch.rels)
    conn.close()
    return _rate(nodes, rels, elapsed)


def naive_neo4j_rate(uri: str, batches: Iterable[Batch], *,
                     database: str = "neo4j") -> dict[str, Any]:
    """Load ``batches`` row by row into Neo4j under :data:`NAIVE_LABEL`; the rate.

    Its nodes are deleted afterwards; nothing else in the database is touched.
    """
    from graph_etl.store.neo4j.connect import connect, credentials

    driver = connect(uri, *credentials())
    nodes = rels = 0
    elapsed = 0.0
    try:
        driver.execute_query(f"CREATE INDEX naive_bench_id IF NOT EXISTS FOR (n:{NAIVE_LABEL}) "
                             "ON (n.id)", database_=database)
        driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
        with driver.session(database=database) as session:
            for batch in batches:
                by_doc = _by_document(batch)
                started = time.perf_counter()
                for node_claims, rel_claims in by_doc:
                    with session.begin_transaction() as tx:
                        for c in node_claims:
                            tx.run(f"MERGE (n:{NAIVE_LABEL} {{id: $id}}) SET n.name = $name, "
                                   "n.labels = $labels, n.data = $data",
                                   id=c.id, name=c.name, labels=c.labels,
                                   data=dumps(node_claim_data(c))).consume()
                        for r in rel_claims:
                            tx.run(f"MATCH (a:{NAIVE_LABEL} {{id: $source}}) "
                                   f"MATCH (b:{NAIVE_LABEL} {{id: $target}}) "
                                   "MERGE (a)-[r:REL {id: $id}]->(b) SET r.type = $type, "
                                   "r.data = $data", source=r.source, target=r.target, id=r.id,
                                   type=r.type, data=dumps(rel_claim_data(r))).consume()
                        tx.commit()
                elapsed += time.perf_counter() - started
                nodes += len(batch.nodes)
                rels += len(batch.rels)
            session.run(f"MATCH (n:{NAIVE_LABEL}) CALL (n) {{ DETACH DELETE n }} "
                        "IN TRANSACTIONS OF 5000 ROWS").consume()
        driver.execute_query("DROP INDEX naive_bench_id IF EXISTS", database_=database)
    finally:
        driver.close()
    return _rate(nodes, rels, elapsed)
