"""The Neo4j graph store: the same contract and the same views as the embedded store.

Claims live on the nodes and relationships themselves (see :mod:`graph_etl.store.neo4j.cypher`);
every read filters them by the viewer's tags inside Cypher and merges what is left with the
functions of :mod:`graph_etl.store.base`, so both backends show a viewer exactly the same thing.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import networkx as nx
import neo4j
from neo4j.exceptions import (
    AuthError,
    ClientError,
    Neo4jError,
    ServiceUnavailable,
)

from fakefree.errors import InputError, NotFound, StoreUnavailable
from graph_etl.store.neo4j import cypher as Q
from graph_etl.store.base import (
    ClosingStore,
    Traversals,
    prepare_batch,
    shortest_chains,
    stats_summary,
    to_graph,
    walk_neighbors,
)
from graph_etl.store.neo4j.connect import (  # noqa: F401  (credentials is part of this API)
    connect,
    credentials,
    read_password_file,
    unavailable,
    verify,
)
from fakefree.model import Batch, DocumentRecord, NodeView, Path, RelView, Viewer
from graph_etl.store.neo4j import read as R
from graph_etl.store.neo4j.model import LAYOUT_VERSION, refresh
from graph_etl.store.neo4j.read import Prefetched, lucene_query, views, walk_query
from graph_etl.store.neo4j.retry import RetryPolicy, retrying
from graph_etl.store.neo4j.write import checked_type, write_batch
from graph_etl.store.search_terms import search_rank

__all__ = ["Neo4jStore", "credentials", "read_password_file", "verify", "CHUNK", "checked_type",
           "lucene_query"]

log = logging.getLogger(__name__)

T = TypeVar("T")

CHUNK = 20_000
"""Rows per statement of a write (a batch is still one transaction)."""
TAGS_TTL_S = 2.0
"""How long the store's list of visibility tags (the registry, see :data:`neo4j_cypher.TAGS`)
is reused between reads. This store's own writes refresh it at once; another process's new
marking is seen at most this late (until then its claims are hidden, never shown)."""


class Neo4jStore(Traversals, ClosingStore):
    """A :class:`graph_etl.store.base.GraphStore` on a Neo4j 5.26 server (or cluster, or Aura)."""

    def __init__(self, uri: str, *, user: str, password: str, database: str = "neo4j",
                 retry: RetryPolicy = RetryPolicy()) -> None:
        self.uri = uri
        self.database = database
        self.retry = retry
        self._user = user
        self._store_tags: tuple[float, list[str]] | None = None
        self._known_tags: set[str] = set()  # in the registry: a write need not register them
        self._driver = connect(uri, user, password)
        self._bookmarks = self._driver.execute_query_bookmark_manager
        try:
            for statement in Q.SCHEMA:
                self._run(statement)
            self._run("CALL db.awaitIndexes(300)")
            self._ensure_layout()
            found = self._query(Q.TAGS)
            if not found or found[0]["tags"] is None:  # written before the tag registry
                self._run(Q.REBUILD_TAGS)
        except Neo4jError as exc:
            self._driver.close()
            raise unavailable(uri, user, exc) from exc

    # -- plumbing ---------------------------------------------------------------------------

    def _retried(self, work: Callable[[], T]) -> T:
        """``work()`` retried through transient failures (:attr:`retry`), errors as sentences."""
        try:
            return retrying(work, self.retry, self.uri)
        except (ServiceUnavailable, AuthError) as exc:
            raise unavailable(self.uri, self._user, exc) from exc

    def _run(self, query: str, /, **params: Any) -> list[dict[str, Any]]:
        """Any statement (schema, bookkeeping) in an auto-commit transaction; records as dicts
        (nodes and relationships among the values as dicts of their properties)."""
        return [r.data() for r in self._auto(query, params, neo4j.WRITE_ACCESS)]

    def _query(self, query: str, /, **params: Any) -> list[dict[str, Any]]:
        """A read of plain values (strings, numbers, lists and maps: never a node) in an
        auto-commit transaction, a cluster may route it to a secondary; records as dicts of
        the values as the driver decoded them (``Record.data()`` walks every nested value
        again: 0.4 ms of the 2 ms of Python a search cost)."""
        return [dict(zip(r.keys(), r.values())) for r in self._auto(query, params,
                                                                     neo4j.READ_ACCESS)]

    def _auto(self, query: str, params: dict[str, Any], mode: str) -> list[neo4j.Record]:
        """``query`` as one auto-commit transaction: the driver pipelines RUN and PULL in one
        round trip (a managed transaction adds BEGIN and a COMMIT round trip). Every statement
        is safe to repeat, so :meth:`_retried` may send it again; the sessions share the
        driver's bookmarks, so a read sees this process's earlier writes on a cluster too."""
        def attempt() -> list[neo4j.Record]:
            with self._session(mode) as session:
                return list(session.run(query, params))

        return self._retried(attempt)

    def _session(self, mode: str = neo4j.WRITE_ACCESS) -> neo4j.Session:
        """A session on this store's database sharing the driver's bookmarks (a read sees this
        process's earlier writes on a cluster too)."""
        return self._driver.session(database=self.database, default_access_mode=mode,
                                    bookmark_manager=self._bookmarks)

    def _write_tx(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        """``work`` in one managed write transaction, on a fresh session for each try."""
        def attempt() -> T:
            with self._session() as session:
                return session.execute_write(work)

        self._store_tags = None
        try:
            return self._retried(attempt)
        finally:
            self._store_tags = None

    def close(self) -> None:
        self._driver.close()

    def run_batched(self, query: str, /, **params: Any) -> None:
        """Run a ``CALL { ... } IN TRANSACTIONS`` statement (it needs an auto-commit transaction),
        retried like every other statement (a deadlock with another writer is transient)."""
        def attempt() -> None:
            with self._session() as session:
                session.run(query, params).consume()

        self._store_tags = None
        try:
            self._retried(attempt)
        finally:
            self._store_tags = None

    def wipe(self) -> None:
        """Delete everything in the database (tests and benchmarks only)."""
        self.run_batched(Q.WIPE)
        self._known_tags = set()
        self._run(Q.SET_LAYOUT, version=LAYOUT_VERSION)
        self._run(Q.REBUILD_TAGS)

    def _ensure_layout(self) -> None:
        """Mark a new database with the current layout; upgrade one written in layout 1."""
        found = self._run(Q.LAYOUT)
        version = found[0]["version"] if found else (1 if self._run(Q.ANY_ENTITY) else None)
        if version is not None and version > LAYOUT_VERSION:
            raise StoreUnavailable(
                f"The Neo4j database at {self.uri} was written by a newer fakefree (layout "
                f"{version}); upgrade fakefree, or rebuild it with `fakefree neo4j import --from "
                "STORE.db --overwrite` or a re-ingest.")
        if version == 1:
            log.warning("upgrading the Neo4j database at %s to the readable layout %d",
                        self.uri, LAYOUT_VERSION)
            self.upgrade()
        if version != LAYOUT_VERSION:
            self._run(Q.SET_LAYOUT, version=LAYOUT_VERSION)

    def upgrade(self, page: int = 2000) -> int:
        """Write the merged properties and ``ASSERTS`` of every node and relationship from the
        claims (a layout 1 database, or one loaded by ``neo4j-admin import``); nodes done."""
        after, done = "", 0
        while True:
            ids = [r["id"] for r in self._run(Q.ENTITY_PAGE, after=after, size=page)]
            if not ids:
                return done

            def work(tx: neo4j.ManagedTransaction, ids: list[str] = ids) -> None:
                rels = {(r["source"], r["id"]) for r in tx.run(Q.OUTGOING_RELS, ids=ids).data()}
                refresh(tx, set(ids), rels, rebuild_asserts=True)

            self._write_tx(work)
            done += len(ids)
            after = ids[-1]
            log.info("upgraded %d nodes of %s", done, self.uri)

    def purge(self, prefix: str) -> None:
        """Delete every node whose id starts with ``prefix`` (benchmarks on a shared server)."""
        if not prefix:
            raise InputError("A purge needs a non-empty id prefix.")
        self.run_batched(Q.PURGE, prefix=prefix)

    # -- writing ----------------------------------------------------------------------------

    def upsert(self, batch: Batch) -> dict[str, int]:
        """Write a batch in one transaction (:mod:`graph_etl.store.neo4j.write`); the same batch
        again changes nothing a viewer can see."""
        batch = prepare_batch(batch)
        new_tags = sorted({d.tag for d in batch.documents} - self._known_tags)
        try:
            self._write_tx(lambda tx: write_batch(tx, batch, uri=self.uri, new_tags=new_tags,
                                                  chunk=CHUNK))
        except ClientError as exc:
            raise InputError(
                f"The batch for {self.uri} breaks a store rule: {exc.message}.") from exc
        self._known_tags.update(new_tags)
        return {"documents": len(batch.documents), "nodes": len(batch.documents) + len(batch.nodes),
                "rels": len(batch.rels)}

    def retract(self, document_id: str) -> dict[str, int]:
        """Remove everything only ``document_id`` asserted, and the document itself."""
        found = self._run(Q.DOCUMENT_CLAIMS, doc=document_id)
        if not found:
            raise NotFound(f"No document {document_id} in the Neo4j store {self.uri}.")
        node_ids = sorted(set(found[0]["node_ids"] or []))
        rels = sorted(set(zip(found[0]["rel_sources"] or [], found[0]["rel_ids"] or [])))
        removed_rels = emptied = 0
        def retract_rels(tx: neo4j.ManagedTransaction, rows: list[dict[str, str]]) -> int:
            removed = tx.run(Q.RETRACT_RELS, rows=rows, doc=document_id).single()["removed"]
            refresh(tx, set(), {(r["source"], r["id"]) for r in rows})
            return removed

        def retract_nodes(tx: neo4j.ManagedTransaction, ids: list[str]) -> int:
            tx.run(Q.RETRACT_ASSERTS, doc=document_id).consume()
            count = tx.run(Q.RETRACT_NODES, ids=ids, doc=document_id).single()["emptied"]
            refresh(tx, set(ids), set())
            return count

        for start in range(0, len(rels), CHUNK):
            rows = [{"source": s, "id": r} for s, r in rels[start:start + CHUNK]]
            removed_rels += self._write_tx(lambda tx, rows=rows: retract_rels(tx, rows))
        for start in range(0, len(node_ids), CHUNK):
            ids = node_ids[start:start + CHUNK]
            emptied += self._write_tx(lambda tx, ids=ids: retract_nodes(tx, ids))
        self._write_tx(lambda tx: tx.run(Q.RETRACT_DOCUMENT, doc=document_id).consume())
        return {"node_claims": len(node_ids), "rel_claims": len(rels),
                "nodes_removed": emptied, "rels_removed": removed_rels}

    # -- reading ----------------------------------------------------------------------------

    def _tags(self, viewer: Viewer) -> list[str]:
        """The visibility tags ``viewer`` may see, of those in the store's registry (cached
        for :data:`TAGS_TTL_S`)."""
        cached = self._store_tags
        if cached is None or time.monotonic() - cached[0] > TAGS_TTL_S:
            found = self._query(Q.TAGS)
            tags = list(found[0]["tags"] or []) if found else []
            cached = (time.monotonic(), tags)
            self._store_tags = cached
            self._known_tags = set(tags)
        return viewer.allowed_tags(cached[1])

    def _read(self, query: str, /, **params: Any) -> dict[str, Any]:
        """The one record of a read of :mod:`graph_etl.store.neo4j.read` (empty lists if none)."""
        found = self._query(query, **params)
        return found[0] if found else {"nodes": [], "rels": [], "docs": []}

    def _views(self, ids: Iterable[str], rels: Iterable[tuple[str, str]],
               tags: list[str]) -> tuple[dict[str, NodeView], dict[str, RelView]]:
        """Nodes by id and relationships by ``(id, source id)`` as ``viewer`` sees them."""
        rows = [{"id": rid, "source": source} for rid, source in sorted(set(rels))]
        return views(self._read(R.VIEWS, ids=sorted(set(ids)), rels=rows, tags=tags))

    def get(self, node_id: str, viewer: Viewer) -> NodeView | None:
        return self._views([node_id], [], self._tags(viewer))[0].get(node_id)

    def documents(self, viewer: Viewer) -> list[DocumentRecord]:
        rows = self._query(Q.DOCUMENTS, tags=self._tags(viewer), id=None)
        return sorted((_document(r) for r in rows), key=lambda d: (d.name, d.id))

    def get_document(self, document_id: str, viewer: Viewer) -> DocumentRecord | None:
        rows = self._query(Q.DOCUMENTS, tags=self._tags(viewer), id=document_id)
        return _document(rows[0]) if rows else None

    def search(self, text: str, viewer: Viewer, *, label: str | None = None,
               limit: int = 20) -> list[NodeView]:
        """Nodes whose visible names or aliases match ``text``, best first (one round trip)."""
        query = lucene_query(text)
        if not query:
            return []
        record = self._read(R.SEARCH, query=query, tags=self._tags(viewer), label=label,
                            limit=max(limit * 5, 50))
        found, _ = views(record)
        order = {row["id"]: i for i, row in enumerate(record["nodes"])}
        hits = [v for v in found.values() if search_rank(text, v.name, v.aliases) is not None
                and (label is None or label in v.labels)]
        hits.sort(key=lambda v: (search_rank(text, v.name, v.aliases), order[v.id]))
        return hits[:limit]

    def neighbors(self, node_id: str, viewer: Viewer, *, hops: int = 1,
                  rel_types: Iterable[str] | None = None, limit: int = 2000) -> nx.MultiDiGraph:
        """The network within ``hops`` of a node, ignoring direction, capped at ``limit`` nodes.

        One statement reads every visible relationship and node within ``hops``; the walk
        (and where ``limit`` cuts it) is then replayed on them as the embedded store walks.
        """
        tags = self._tags(viewer)
        if not 0 <= hops <= 8:
            raise InputError(f"A neighbourhood is 0 to 8 hops wide, not {hops}.")
        types = sorted(rel_types) if rel_types else None
        seen = Prefetched()
        seen.add(self._read(walk_query(hops), id=node_id, tags=tags, types=types))
        if node_id not in seen.nodes:
            raise NotFound(f"No entity {node_id} is visible in {self.uri}.")
        nodes, rels, truncated = walk_neighbors(seen.expand, seen.visible, node_id, hops=hops,
                                                limit=limit)
        graph = to_graph([seen.nodes[n] for n in nodes], [seen.rels[r[0]] for r in rels])
        graph.graph["truncated"] = truncated
        return graph

    def subgraph(self, viewer: Viewer, *, ids: Iterable[str] | None = None,
                 labels: Iterable[str] | None = None, cases: Iterable[str] | None = None,
                 rel_types: Iterable[str] | None = None) -> nx.MultiDiGraph:
        """The visible graph induced on ``ids``, or on every node matching the filters."""
        tags = self._tags(viewer)
        if ids is None and cases is not None:  # only the nodes of those cases, not the whole graph
            ids = [r["id"] for r in self._query(Q.CASE_NODES, tags=tags, cases=sorted(cases))]
        id_list = sorted(set(ids)) if ids is not None else None
        types = sorted(rel_types) if rel_types else None
        if id_list is None:
            node_views, rel_views = views(self._read(R.ALL, tags=tags, types=types))
        else:
            node_views, rel_views = views(self._read(R.AMONG, ids=id_list, tags=tags,
                                                     types=types))
        labels = set(labels) if labels is not None else None
        cases = set(cases) if cases is not None else None
        keep = [node_views[i] for i in sorted(node_views)
                if (labels is None or set(node_views[i].labels) & labels)
                and (cases is None or set(node_views[i].cases) & cases)]
        return to_graph(keep, rel_views.values())

    def paths(self, source: str, target: str, viewer: Viewer, *, max_hops: int = 4,
              limit: int = 10) -> list[Path]:
        """All shortest visible paths (ignoring direction) of at most ``max_hops`` hops: one
        round trip for the ends, then one per hop."""
        tags = self._tags(viewer)
        seen = Prefetched()
        seen.add(self._read(R.VIEWS, ids=sorted({source, target}), rels=[], tags=tags))
        if not {source, target} <= set(seen.nodes):
            return []
        if source == target:
            return [Path(nodes=[seen.nodes[source]], rels=[])]
        expanded: set[str] = set()

        def expand(frontier: set[str]) -> list[tuple[str, str, str, str]]:
            new = sorted(frontier - expanded)
            if new:
                seen.add(self._read(R.STEP, ids=new, tags=tags, types=None))
                expanded.update(new)
            return seen.expand(frontier)

        chains, _ = shortest_chains(expand, seen.visible, source, target, max_hops=max_hops,
                                    limit=limit)
        return [Path([seen.nodes[n] for n in nodes], [seen.rels[r] for r in rels])
                for nodes, rels in chains]

    def stats(self, viewer: Viewer) -> dict[str, Any]:
        """Counts of visible documents, nodes by label and relationships by type."""
        tags = self._tags(viewer)
        labels = {r["label"]: r["count"] for r in self._query(Q.STATS_LABELS, tags=tags)}
        types = {r["type"]: r["count"] for r in self._query(Q.STATS_TYPES, tags=tags)}
        nodes = self._query(Q.STATS_NODES, tags=tags)[0]["c"]
        return stats_summary(self.documents(viewer), nodes, labels, types)


def _document(row: dict[str, Any]) -> DocumentRecord:
    return DocumentRecord(id=row["id"], name=row["name"], agency=row["agency"],
                          releasability=row["releasability"], cases=list(row["cases"] or []),
                          props=json.loads(row["props"] or "{}"))

