"""The embedded graph store: one SQLite file (WAL mode, FTS5 name index, versioned schema)."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path as FilePath
from typing import Any

import networkx as nx

from fakefree.errors import InputError, NotFound, StoreUnavailable, StoreVersionError
from graph_etl.store.base import (
    ClosingStore,
    DocInfo,
    Traversals,
    bulk_work,
    document_node,
    dumps,
    stats_summary,
    merge_node,
    merge_rel,
    node_claim_data,
    prepare_batch,
    rel_claim_data,
    to_graph,
)
from fakefree.localdb import commit_or_rollback, write_failure
from fakefree.model import Batch, DocumentRecord, NodeView, RelView, Viewer
from graph_etl.store.search_terms import (
    fts_query,
    name_words,
    search_rank,
    search_text,
    words,
)

__all__ = ["SQLiteStore", "SCHEMA_VERSION"]

log = logging.getLogger(__name__)

PREFIX_INDEX = (1, 2, 3)
"""Prefix lengths the name index keeps its own lists for: a query word this short is one lookup."""
EXPANSIONS = 32
"""A longer query word is searched as the whole name words it starts, when there are this few."""
_NAMES_INDEX = ("CREATE VIRTUAL TABLE names USING fts5(search_text, content='node_claims', "
                "content_rowid='rowid', tokenize=\"unicode61 remove_diacritics 2\", prefix='{}')")


def _index_name_words(tx: sqlite3.Connection) -> None:
    """Fill the vocabulary of name words from the node claims already stored."""
    vocabulary: set[str] = set()
    for name, aliases in tx.execute("SELECT json_extract(data, '$.name'), "
                                    "json_extract(data, '$.aliases') FROM node_claims"):
        vocabulary |= name_words(name, json.loads(aliases))
    tx.executemany("INSERT OR IGNORE INTO name_words (word) VALUES (?)",
                   ((w,) for w in sorted(vocabulary)))


Migration = tuple[str | Callable[[sqlite3.Connection], None], ...]
# Each migration is a list of statements (or functions of the transaction); a store at version N
# has run the first N.
MIGRATIONS: tuple[Migration, ...] = (
    (
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, agency TEXT NOT NULL,
            releasability TEXT NOT NULL, tag TEXT NOT NULL, cases TEXT NOT NULL, props TEXT NOT NULL
        )
        """,
        """
        CREATE INDEX documents_tag ON documents(tag)
        """,
        """
        CREATE TABLE node_claims (
            rowid INTEGER PRIMARY KEY,
            node_id TEXT NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents(id),
            labels TEXT NOT NULL,
            search_text TEXT NOT NULL,
            data TEXT NOT NULL,
            UNIQUE (node_id, document_id)
        )
        """,
        """
        CREATE INDEX node_claims_document ON node_claims(document_id)
        """,
        """
        CREATE VIRTUAL TABLE names USING fts5(
            search_text, content='node_claims', content_rowid='rowid',
            tokenize="unicode61 remove_diacritics 2"
        )
        """,
        """
        CREATE TRIGGER node_claims_ai AFTER INSERT ON node_claims BEGIN
            INSERT INTO names(rowid, search_text) VALUES (new.rowid, new.search_text);
        END
        """,
        """
        CREATE TRIGGER node_claims_ad AFTER DELETE ON node_claims BEGIN
            INSERT INTO names(names, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
        END
        """,
        """
        CREATE TRIGGER node_claims_au AFTER UPDATE ON node_claims BEGIN
            INSERT INTO names(names, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
            INSERT INTO names(rowid, search_text) VALUES (new.rowid, new.search_text);
        END
        """,
        """
        CREATE TABLE rels (
            id TEXT PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL
        ) WITHOUT ROWID
        """,
        """
        CREATE INDEX rels_source ON rels(source, type)
        """,
        """
        CREATE INDEX rels_target ON rels(target, type)
        """,
        """
        CREATE TABLE rel_claims (
            rel_id TEXT NOT NULL REFERENCES rels(id),
            document_id TEXT NOT NULL REFERENCES documents(id),
            data TEXT NOT NULL,
            PRIMARY KEY (rel_id, document_id)
        ) WITHOUT ROWID
        """,
        """
        CREATE INDEX rel_claims_document ON rel_claims(document_id)
        """,
    ),
    (  # 2: the name index is maintained in bulk by upsert and retract (5x faster than triggers)
        "DROP TRIGGER node_claims_ai",
        "DROP TRIGGER node_claims_ad",
        "DROP TRIGGER node_claims_au",
    ),
    (  # 3: searching at 100k documents: prefix lists for short words, a vocabulary for long ones
        "DROP TABLE names",
        _NAMES_INDEX.format(" ".join(map(str, PREFIX_INDEX))),
        "INSERT INTO names (names) VALUES ('rebuild')",
        "CREATE TABLE name_words (word TEXT PRIMARY KEY) WITHOUT ROWID",
        _index_name_words,
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

# The distinct tags by skipping along the tag index: O(tags log documents), not O(documents).
_DISTINCT_TAGS = ("WITH RECURSIVE t(tag) AS (SELECT MIN(tag) FROM documents UNION ALL "
                  "SELECT (SELECT MIN(tag) FROM documents WHERE tag > t.tag) FROM t "
                  "WHERE t.tag IS NOT NULL) SELECT tag FROM t WHERE tag IS NOT NULL")
_TAG_OK = "tag IN (SELECT value FROM json_each(:tags))"
# A claim is visible when its document's tag is: one primary-key lookup per claim, never a
# list of every visible document (which costs O(documents) per query).
_CLAIM_VISIBLE = ("EXISTS (SELECT 1 FROM documents v WHERE v.id = c.document_id "
                  "AND v.tag IN (SELECT value FROM json_each(:tags)))")
# Nodes with a claim from a document of one of :cases (visible or not: callers merge views).
_CASE_NODES = ("SELECT DISTINCT c.node_id FROM documents d JOIN node_claims c "
               "ON c.document_id = d.id WHERE d.tag IN (SELECT value FROM json_each(:tags)) "
               "AND EXISTS (SELECT 1 FROM json_each(d.cases) k WHERE k.value IN "
               "(SELECT value FROM json_each(:cases)))")


class SQLiteStore(Traversals, ClosingStore):
    """A :class:`graph_etl.store.base.GraphStore` in one SQLite file.

    Safe for several threads (one connection per thread) and several processes (WAL, immediate
    write transactions with a busy timeout).
    """

    def __init__(self, path: str | FilePath, *, busy_timeout_s: float = 60.0) -> None:
        self.path = FilePath(path)
        self.uri = str(self.path)
        self._busy_timeout_s = busy_timeout_s
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._migrate()

    # -- connections and transactions -------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if not self.path.parent.exists():
                raise StoreUnavailable(
                    f"Cannot open the embedded store {self.path}: folder {self.path.parent} "
                    "does not exist.")
            try:
                conn = sqlite3.connect(self.path, timeout=self._busy_timeout_s,
                                       isolation_level=None, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("PRAGMA cache_size=-65536")
                conn.execute("PRAGMA temp_store=MEMORY")
                conn.execute("PRAGMA foreign_keys=ON")
            except sqlite3.DatabaseError as exc:
                raise StoreUnavailable(f"Cannot open the embedded store {self.path}: {exc}.") from exc
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        try:
            with commit_or_rollback(conn):
                yield conn
        except sqlite3.IntegrityError as exc:
            raise InputError(f"The batch for {self.path} breaks a store rule: {exc}.") from exc
        except sqlite3.OperationalError as exc:
            raise write_failure(self.path, "the embedded store", exc) from exc

    def _migrate(self) -> None:
        try:
            version = self._conn().execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreUnavailable(f"Cannot open the embedded store {self.path}: {exc}.") from exc
        if version > SCHEMA_VERSION:
            raise StoreVersionError(
                f"The embedded store {self.path} has schema version {version}, newer than the "
                f"{SCHEMA_VERSION} this fakefree supports; upgrade fakefree to open it.")
        if version == SCHEMA_VERSION:
            return
        with self._write() as tx:
            version = tx.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number]:
                    if callable(statement):
                        statement(tx)
                    else:
                        tx.execute(statement)
                tx.execute(f"PRAGMA user_version = {number + 1:d}")
                log.info("migrated %s to schema version %d", self.path, number + 1)

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    # -- writing ----------------------------------------------------------------------------

    def upsert(self, batch: Batch) -> dict[str, int]:
        """Write a batch; the same batch again changes nothing."""
        with bulk_work():
            return self._upsert(prepare_batch(batch))

    def _upsert(self, batch: Batch) -> dict[str, int]:
        docs = [(d.id, d.name, d.agency, d.releasability, d.tag, dumps(sorted(d.cases)),
                 dumps(d.props)) for d in batch.documents]
        nodes = [document_node(d) for d in batch.documents] + batch.nodes
        node_rows = [(c.id, c.document_id, dumps(c.labels), search_text(c.name, c.aliases),
                      dumps(node_claim_data(c))) for c in nodes]
        vocabulary = sorted(set().union(*(name_words(c.name, c.aliases) for c in nodes)))
        rel_ids = [c.id for c in batch.rels]
        rel_rows = [(i, c.source, c.target, c.type) for i, c in zip(rel_ids, batch.rels)]
        rel_claim_rows = [(i, c.document_id, dumps(rel_claim_data(c)))
                          for i, c in zip(rel_ids, batch.rels)]
        with self._write() as tx:
            tx.executemany(
                "INSERT INTO documents (id, name, agency, releasability, tag, cases, props) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                "agency = excluded.agency, releasability = excluded.releasability, "
                "tag = excluded.tag, cases = excluded.cases, props = excluded.props", docs)
            _upsert_node_claims(tx, node_rows)
            tx.executemany("INSERT OR IGNORE INTO name_words (word) VALUES (?)",
                           [(w,) for w in vocabulary])
            tx.executemany("INSERT OR IGNORE INTO rels (id, source, target, type) "
                           "VALUES (?, ?, ?, ?)", rel_rows)
            tx.executemany(
                "INSERT INTO rel_claims (rel_id, document_id, data) VALUES (?, ?, ?) "
                "ON CONFLICT (rel_id, document_id) DO UPDATE SET data = excluded.data "
                "WHERE data != excluded.data", rel_claim_rows)
        return {"documents": len(docs), "nodes": len(node_rows), "rels": len(rel_rows)}

    def retract(self, document_id: str) -> dict[str, int]:
        """Remove everything only ``document_id`` asserted, and the document itself."""
        with self._write() as tx:
            if tx.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is None:
                raise NotFound(f"No document {document_id} in the embedded store {self.path}.")
            node_ids = [r[0] for r in tx.execute(
                "SELECT node_id FROM node_claims WHERE document_id = ?", (document_id,))]
            rel_ids = [r[0] for r in tx.execute(
                "SELECT rel_id FROM rel_claims WHERE document_id = ?", (document_id,))]
            tx.execute("DELETE FROM rel_claims WHERE document_id = ?", (document_id,))
            tx.execute("INSERT INTO names (names, rowid, search_text) SELECT 'delete', rowid, "
                       "search_text FROM node_claims WHERE document_id = ?", (document_id,))
            tx.execute("DELETE FROM node_claims WHERE document_id = ?", (document_id,))
            removed_rels = tx.execute(
                "DELETE FROM rels WHERE id IN (SELECT value FROM json_each(?)) AND NOT EXISTS "
                "(SELECT 1 FROM rel_claims c WHERE c.rel_id = rels.id)", (dumps(rel_ids),)).rowcount
            remaining = {r[0] for r in tx.execute(
                "SELECT DISTINCT node_id FROM node_claims WHERE node_id IN "
                "(SELECT value FROM json_each(?))", (dumps(node_ids),))}
            tx.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        return {"node_claims": len(node_ids), "rel_claims": len(rel_ids),
                "nodes_removed": len(set(node_ids) - remaining), "rels_removed": removed_rels}

    # -- reading ----------------------------------------------------------------------------

    def _tags(self, viewer: Viewer) -> str:
        tags = [r[0] for r in self._conn().execute(_DISTINCT_TAGS)]
        return dumps(viewer.allowed_tags(tags))

    def _node_views(self, ids: Iterable[str], tags: str) -> dict[str, NodeView]:
        rows = self._conn().execute(
            "SELECT c.node_id, c.document_id, c.data, d.agency, d.releasability, d.cases, d.props "
            f"FROM node_claims c JOIN documents d ON d.id = c.document_id "
            f"WHERE c.node_id IN (SELECT value FROM json_each(:ids)) AND d.{_TAG_OK}",
            {"ids": dumps(sorted(set(ids))), "tags": tags})
        return _merge_nodes(rows)

    def _rel_views(self, ids: Iterable[str], tags: str) -> dict[str, RelView]:
        rows = self._conn().execute(
            "SELECT r.id, r.source, r.target, r.type, c.document_id, c.data, d.agency, "
            "d.releasability, d.cases, d.props FROM rels r "
            "JOIN rel_claims c ON c.rel_id = r.id JOIN documents d ON d.id = c.document_id "
            f"WHERE r.id IN (SELECT value FROM json_each(:ids)) AND d.{_TAG_OK}",
            {"ids": dumps(sorted(set(ids))), "tags": tags})
        return _merge_rels(rows)

    def get(self, node_id: str, viewer: Viewer) -> NodeView | None:
        return self._node_views([node_id], self._tags(viewer)).get(node_id)

    def get_document(self, document_id: str, viewer: Viewer) -> DocumentRecord | None:
        row = self._conn().execute(
            f"SELECT id, name, agency, releasability, cases, props FROM documents "
            f"WHERE id = :id AND {_TAG_OK}",
            {"id": document_id, "tags": self._tags(viewer)}).fetchone()
        return _document(row) if row else None

    def documents(self, viewer: Viewer) -> list[DocumentRecord]:
        rows = self._conn().execute(
            f"SELECT id, name, agency, releasability, cases, props FROM documents "
            f"WHERE {_TAG_OK} ORDER BY name, id", {"tags": self._tags(viewer)})
        return [_document(row) for row in rows]

    def search(self, text: str, viewer: Viewer, *, label: str | None = None,
               limit: int = 20) -> list[NodeView]:
        """Nodes whose visible names or aliases match ``text``, best first."""
        query = fts_query(text, self._expansions(text))
        if not query:
            return []
        tags = self._tags(viewer)
        rows = self._conn().execute(
            "SELECT c.node_id, MIN(m.score) AS best FROM "
            "(SELECT rowid, rank AS score FROM names WHERE names MATCH :query) AS m "
            "JOIN node_claims c ON c.rowid = m.rowid "
            f"WHERE {_CLAIM_VISIBLE} AND (:label IS NULL OR EXISTS "
            "(SELECT 1 FROM json_each(c.labels) WHERE value = :label)) "
            "GROUP BY c.node_id ORDER BY best LIMIT :limit",
            {"query": query, "tags": tags, "label": label, "limit": max(limit * 5, 50)}).fetchall()
        views = self._node_views([r[0] for r in rows], tags)
        order = {node_id: i for i, (node_id, _) in enumerate(rows)}
        hits = [v for v in views.values() if search_rank(text, v.name, v.aliases) is not None]
        hits.sort(key=lambda v: (search_rank(text, v.name, v.aliases), order[v.id]))
        return hits[:limit]

    def _expansions(self, text: str) -> dict[str, list[str]]:
        """The name words that each query word longer than the prefix index starts, when few.

        Words stay in the vocabulary after a retraction: a word no claim has any more matches
        nothing, so it only costs a term in the query.
        """
        query_words = words(text)
        if len(query_words) < 2:  # one word is also the whole compact form: a prefix either way
            return {}
        found = {}
        for word in set(query_words):
            if len(word) > max(PREFIX_INDEX):
                rows = [r[0] for r in self._conn().execute(
                    "SELECT word FROM name_words WHERE word >= ? AND word < ? ORDER BY word "
                    "LIMIT ?", (word, word + "\U0010ffff", EXPANSIONS + 1))]
                if len(rows) <= EXPANSIONS:
                    found[word] = rows
        return found

    def _visible_nodes(self, ids: Iterable[str], tags: str) -> set[str]:
        rows = self._conn().execute(
            "SELECT DISTINCT node_id FROM node_claims c WHERE node_id IN "
            f"(SELECT value FROM json_each(:ids)) AND {_CLAIM_VISIBLE}",
            {"ids": dumps(sorted(set(ids))), "tags": tags})
        return {r[0] for r in rows}

    def _expand(self, frontier: Iterable[str], tags: str,
                rel_types: list[str] | None) -> list[tuple[str, str, str, str]]:
        """Visible relationships touching ``frontier`` (either direction)."""
        params = {"ids": dumps(sorted(set(frontier))), "tags": tags,
                  "types": dumps(rel_types) if rel_types else None}
        out = []
        for end in ("source", "target"):
            out += self._conn().execute(
                "SELECT DISTINCT r.id, r.source, r.target, r.type FROM rels r "
                f"JOIN rel_claims c ON c.rel_id = r.id WHERE r.{end} IN "
                "(SELECT value FROM json_each(:ids)) AND (:types IS NULL OR r.type IN "
                f"(SELECT value FROM json_each(:types))) AND {_CLAIM_VISIBLE}",
                params).fetchall()
        return sorted(set(out))

    def subgraph(self, viewer: Viewer, *, ids: Iterable[str] | None = None,
                 labels: Iterable[str] | None = None, cases: Iterable[str] | None = None,
                 rel_types: Iterable[str] | None = None) -> nx.MultiDiGraph:
        """The visible graph induced on ``ids``, or on every node matching the filters."""
        tags = self._tags(viewer)
        if ids is None and cases is not None:  # only the nodes of those cases, not the whole graph
            ids = [r[0] for r in self._conn().execute(
                _CASE_NODES, {"tags": tags, "cases": dumps(sorted(cases))})]
        params = {"tags": tags, "labels": dumps(sorted(labels)) if labels else None,
                  "cases": dumps(sorted(cases)) if cases else None,
                  "ids": dumps(sorted(set(ids))) if ids is not None else None,
                  "types": dumps(sorted(rel_types)) if rel_types else None}
        # Two forms rather than ":ids IS NULL OR ...", which would stop SQLite using the indexes.
        only_ids = "" if ids is None else "AND c.node_id IN (SELECT value FROM json_each(:ids))"
        rows = self._conn().execute(
            "SELECT c.node_id, c.document_id, c.data, d.agency, d.releasability, d.cases, d.props "
            "FROM node_claims c JOIN documents d ON d.id = c.document_id "
            f"WHERE d.{_TAG_OK} {only_ids}", params)
        views = _merge_nodes(rows)
        keep = {
            node_id for node_id, view in views.items()
            if (labels is None or set(view.labels) & set(labels))
            and (cases is None or set(view.cases) & set(cases))
        }
        rel_rows = self._conn().execute(
            "SELECT r.id, r.source, r.target, r.type, c.document_id, c.data, d.agency, "
            "d.releasability, d.cases, d.props FROM rels r "
            "JOIN rel_claims c ON c.rel_id = r.id JOIN documents d ON d.id = c.document_id "
            f"WHERE d.{_TAG_OK} AND (:types IS NULL OR r.type IN "
            "(SELECT value FROM json_each(:types))) "
            + ("" if ids is None else "AND r.source IN (SELECT value FROM json_each(:ids)) "
               "AND r.target IN (SELECT value FROM json_each(:ids))"), params)
        rels = _merge_rels(rel_rows)
        return to_graph([views[i] for i in sorted(keep)], rels.values())

    def stats(self, viewer: Viewer) -> dict[str, Any]:
        """Counts of visible documents, nodes by label and relationships by type."""
        tags = self._tags(viewer)
        conn = self._conn()
        labels = dict(conn.execute(
            "SELECT j.value, COUNT(DISTINCT c.node_id) FROM node_claims c, json_each(c.labels) j "
            f"WHERE {_CLAIM_VISIBLE} GROUP BY j.value ORDER BY j.value",
            {"tags": tags}).fetchall())
        types = dict(conn.execute(
            "SELECT r.type, COUNT(DISTINCT r.id) FROM rels r JOIN rel_claims c ON c.rel_id = r.id "
            f"WHERE {_CLAIM_VISIBLE} GROUP BY r.type ORDER BY r.type",
            {"tags": tags}).fetchall())
        nodes = conn.execute(
            "SELECT COUNT(DISTINCT node_id) FROM node_claims c "
            f"WHERE {_CLAIM_VISIBLE}", {"tags": tags}).fetchone()[0]
        return stats_summary(self.documents(viewer), nodes, labels, types)


# -- helpers ---------------------------------------------------------------------------------

def _upsert_node_claims(tx: sqlite3.Connection, rows: list[tuple]) -> None:
    """Upsert node claims through a staging table and keep the name index in step, in bulk."""
    tx.execute("CREATE TEMP TABLE IF NOT EXISTS stage (node_id TEXT, document_id TEXT, "
               "labels TEXT, search_text TEXT, data TEXT, old_text TEXT, "
               "PRIMARY KEY (node_id, document_id))")
    tx.execute("DELETE FROM temp.stage")
    tx.executemany("INSERT OR REPLACE INTO temp.stage (node_id, document_id, labels, search_text, "
                   "data) VALUES (?, ?, ?, ?, ?)", rows)
    tx.execute("UPDATE temp.stage SET old_text = (SELECT c.search_text FROM node_claims c "
               "WHERE c.node_id = stage.node_id AND c.document_id = stage.document_id)")
    tx.execute("INSERT INTO names (names, rowid, search_text) SELECT 'delete', c.rowid, "
               "c.search_text FROM node_claims c JOIN temp.stage s ON s.node_id = c.node_id "
               "AND s.document_id = c.document_id WHERE s.old_text != s.search_text")
    tx.execute("INSERT INTO node_claims (node_id, document_id, labels, search_text, data) "
               "SELECT node_id, document_id, labels, search_text, data FROM temp.stage WHERE true "
               "ON CONFLICT (node_id, document_id) DO UPDATE SET labels = excluded.labels, "
               "search_text = excluded.search_text, data = excluded.data "
               "WHERE data != excluded.data OR search_text != excluded.search_text")
    tx.execute("INSERT INTO names (rowid, search_text) SELECT c.rowid, c.search_text "
               "FROM node_claims c JOIN temp.stage s ON s.node_id = c.node_id "
               "AND s.document_id = c.document_id "
               "WHERE s.old_text IS NULL OR s.old_text != s.search_text")


def _doc_info(agency: str, releasability: str, cases: str, props: str) -> DocInfo:
    extra = json.loads(props)
    return {"agency": agency, "releasability": releasability, "cases": json.loads(cases),
            "date": extra.get("date")}


def _merge_nodes(rows: Iterable[tuple]) -> dict[str, NodeView]:
    claims: dict[str, list] = defaultdict(list)
    for node_id, doc_id, data, agency, releasability, cases, props in rows:
        claims[node_id].append((doc_id, json.loads(data),
                                _doc_info(agency, releasability, cases, props)))
    return {node_id: merge_node(node_id, c) for node_id, c in claims.items()}


def _merge_rels(rows: Iterable[tuple]) -> dict[str, RelView]:
    claims: dict[tuple, list] = defaultdict(list)
    for rid, source, target, rtype, doc_id, data, agency, releasability, cases, props in rows:
        claims[(rid, source, target, rtype)].append(
            (doc_id, json.loads(data), _doc_info(agency, releasability, cases, props)))
    return {key[0]: merge_rel(key, c) for key, c in claims.items()}


def _document(row: tuple) -> DocumentRecord:
    doc_id, name, agency, releasability, cases, props = row
    return DocumentRecord(id=doc_id, name=name, agency=agency, releasability=releasability,
                          cases=json.loads(cases), props=json.loads(props))


