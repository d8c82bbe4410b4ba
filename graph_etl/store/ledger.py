"""The ETL ledger: which file was loaded when, with which hash, reader and extractor, and how.

It lives in its own SQLite file beside the graph (``<store>.ledger`` for an embedded store,
``FAKEFREE_HOME/ledger-<host>.db`` for Neo4j), so re-runs know what is already done whatever
the backend. It also keeps the entity-resolution index and the analysts' same / not-same
judgements, which later ingests respect.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson

from graph_etl.store.localdb import LocalDB, migrate

__all__ = ["Ledger", "LedgerEntry", "IndexedEntity", "ledger_path_for"]

_SCHEMA = (
    """CREATE TABLE files (
        sha256 TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL, reader TEXT,
        extractor_version TEXT, case_id TEXT, agency TEXT, releasability TEXT,
        outcome TEXT NOT NULL, reason TEXT, documents TEXT NOT NULL, at TEXT NOT NULL,
        PRIMARY KEY (sha256, path))""",
    "CREATE INDEX files_path ON files(path, at)",
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL,
        attrs TEXT NOT NULL)""",
    "CREATE TABLE blocks (block TEXT NOT NULL, id TEXT NOT NULL, "
    "PRIMARY KEY (block, id)) WITHOUT ROWID",
    """CREATE TABLE judgements (
        a TEXT NOT NULL, b TEXT NOT NULL, same INTEGER NOT NULL, who TEXT NOT NULL,
        reason TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (a, b))""",
    "CREATE TABLE redirects (absorbed TEXT PRIMARY KEY, survivor TEXT NOT NULL)",
    """CREATE TABLE extractions (
        document_id TEXT PRIMARY KEY, document TEXT NOT NULL, extraction TEXT NOT NULL)""",
)
_JUDGEMENTS_BY_B = ("CREATE INDEX judgements_b ON judgements(b)",)


def ledger_path_for(store_uri: str, home: Path) -> Path:
    """Where the ledger of a store lives."""
    if "://" not in store_uri:
        return Path(store_uri).with_name(Path(store_uri).name + ".ledger")
    safe = re.sub(r"[^A-Za-z0-9]+", "_", store_uri.split("://", 1)[1]).strip("_")
    return home / f"ledger-{safe}.db"


@dataclass(frozen=True)
class LedgerEntry:
    sha256: str
    path: str
    size: int
    reader: str
    extractor_version: str
    case_id: str
    agency: str
    releasability: str
    outcome: str  # loaded | duplicate | quarantined
    reason: str
    documents: list[str]
    at: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class IndexedEntity:
    """An entity as the resolver knows it: its type, key and attributes for scoring."""

    id: str
    type: str
    name: str
    key: str
    attrs: dict[str, Any]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Ledger:
    """The ledger, resolution index and judgements in one private SQLite file."""

    def __init__(self, path: Path) -> None:
        self._db = LocalDB(path)
        self.path = self._db.path
        self._batching = threading.local()
        migrate(self._db, "ledger", (_SCHEMA, _JUDGEMENTS_BY_B))

    def _conn(self) -> sqlite3.Connection:
        return self._db._conn()

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        if getattr(self._batching, "on", False):
            return nullcontext(self._conn())
        return self._db.transaction(write=True)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """This thread's ledger writes inside one transaction, committed when the block ends
        (rolled back if it ends with an error); reads inside the block see them."""
        if getattr(self._batching, "on", False):
            yield
            return
        with self._db.transaction(write=True):
            self._batching.on = True
            try:
                yield
            finally:
                self._batching.on = False

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- files --------------------------------------------------------------------------------

    def record(self, entry: LedgerEntry) -> None:
        with self._tx() as tx:
            tx.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (entry.sha256, entry.path, entry.size, entry.reader, entry.extractor_version,
                 entry.case_id, entry.agency, entry.releasability, entry.outcome, entry.reason,
                 json.dumps(entry.documents), entry.at or _now()))

    def loaded(self, sha256: str) -> LedgerEntry | None:
        """The entry of a file with this content that was loaded, if any."""
        row = self._conn().execute(
            "SELECT * FROM files WHERE sha256 = ? AND outcome = 'loaded' ORDER BY at DESC LIMIT 1",
            (sha256,)).fetchone()
        return _entry(row) if row else None

    def latest_for_path(self, path: str) -> LedgerEntry | None:
        """The last loaded version of the file at ``path``."""
        row = self._conn().execute(
            "SELECT * FROM files WHERE path = ? AND outcome = 'loaded' ORDER BY at DESC, rowid DESC "
            "LIMIT 1", (path,)).fetchone()
        return _entry(row) if row else None

    def forget(self, sha256: str, path: str) -> None:
        with self._tx() as tx:
            tx.execute("DELETE FROM files WHERE sha256 = ? AND path = ?", (sha256, path))

    def entries(self, outcome: str | None = None) -> list[LedgerEntry]:
        rows = self._conn().execute(
            "SELECT * FROM files WHERE (? IS NULL OR outcome = ?) ORDER BY at, path",
            (outcome, outcome))
        return [_entry(r) for r in rows]

    # -- resolution index ---------------------------------------------------------------------

    def index(self, entities: Iterable[IndexedEntity], blocks: Iterable[tuple[str, str]]) -> None:
        with self._tx() as tx:
            tx.executemany(
                "INSERT INTO entities VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "attrs = excluded.attrs",
                [(e.id, e.type, e.name, e.key, json.dumps(e.attrs, sort_keys=True))
                 for e in entities])
            tx.executemany("INSERT OR IGNORE INTO blocks VALUES (?, ?)", list(blocks))

    def by_blocks(self, entity_type: str, blocks: list[str], limit: int = 200) -> list[IndexedEntity]:
        """The first ``limit`` entities of ``entity_type`` (by id) in any of ``blocks``.

        Each block gives only its own first ``limit`` (walking its index in id order and
        stopping there): an id among the first ``limit`` of the union is among the first
        ``limit`` of its block, so the answer is the same, and the work no longer grows with
        the size of the blocks.
        """
        if not blocks:
            return []
        first = ("SELECT * FROM (SELECT b.id FROM blocks b JOIN entities e ON e.id = b.id "
                 "WHERE b.block = ? AND e.type = ? ORDER BY b.id LIMIT ?)")
        rows = self._conn().execute(
            "SELECT id, type, name, key, attrs FROM entities WHERE id IN ("
            + " UNION ALL ".join([first] * len(blocks)) + ") ORDER BY id LIMIT ?",
            [*(value for block in blocks for value in (block, entity_type, limit)), limit])
        return [_indexed(r) for r in rows]

    def entity(self, entity_id: str) -> IndexedEntity | None:
        row = self._conn().execute("SELECT id, type, name, key, attrs FROM entities WHERE id = ?",
                                   (entity_id,)).fetchone()
        return _indexed(row) if row else None

    # -- judgements ---------------------------------------------------------------------------

    def judge(self, a: str, b: str, *, same: bool, who: str, reason: str) -> None:
        first, second = sorted((a, b))
        with self._tx() as tx:
            tx.execute("INSERT OR REPLACE INTO judgements VALUES (?, ?, ?, ?, ?, ?)",
                       (first, second, int(same), who, reason, _now()))

    def judgements_of(self, entity_id: str) -> dict[str, bool]:
        """Every entity judged the same as (True) or not the same as (False) ``entity_id``."""
        rows = self._conn().execute(
            "SELECT b, same FROM judgements WHERE a = :id UNION ALL "
            "SELECT a, same FROM judgements WHERE b = :id", {"id": entity_id})
        return {other: bool(same) for other, same in rows}

    def judgement(self, a: str, b: str) -> bool | None:
        first, second = sorted((a, b))
        row = self._conn().execute("SELECT same FROM judgements WHERE a = ? AND b = ?",
                                   (first, second)).fetchone()
        return None if row is None else bool(row[0])


    # -- analyst merges (redirects) and the extractions they are replayed from --------------

    def redirect(self, absorbed: str, survivor: str) -> None:
        with self._tx() as tx:
            tx.execute("INSERT OR REPLACE INTO redirects VALUES (?, ?)", (absorbed, survivor))

    def unredirect(self, survivor: str) -> list[str]:
        """Remove every redirect into ``survivor``; return the ids it had absorbed."""
        with self._tx() as tx:
            absorbed = [r[0] for r in tx.execute(
                "SELECT absorbed FROM redirects WHERE survivor = ? ORDER BY absorbed", (survivor,))]
            tx.execute("DELETE FROM redirects WHERE survivor = ?", (survivor,))
        return absorbed

    def survivor(self, node_id: str) -> str:
        """Where an analyst merged ``node_id`` (following chains), or ``node_id`` itself."""
        seen = {node_id}
        while True:
            row = self._conn().execute("SELECT survivor FROM redirects WHERE absorbed = ?",
                                       (node_id,)).fetchone()
            if row is None or row[0] in seen:
                return node_id
            node_id = row[0]
            seen.add(node_id)

    def save_extraction(self, document: dict[str, Any], extraction: dict[str, Any]) -> None:
        with self._tx() as tx:
            tx.execute("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?)",
                       (document["id"], json.dumps(document, sort_keys=True),
                        json.dumps(extraction, sort_keys=True)))

    def extraction(self, document_id: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        row = self._conn().execute(
            "SELECT document, extraction FROM extractions WHERE document_id = ?",
            (document_id,)).fetchone()
        return (json.loads(row[0]), json.loads(row[1])) if row else None


def _entry(row: tuple) -> LedgerEntry:
    values = list(row)
    values[10] = json.loads(values[10])
    values[3:10] = [v or "" for v in values[3:10]]
    return LedgerEntry(*values)


def _indexed(row: tuple) -> IndexedEntity:
    return IndexedEntity(row[0], row[1], row[2], row[3], orjson.loads(row[4]))
