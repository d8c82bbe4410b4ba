"""The ledger's one private SQLite file: its tables, and the transactions its parts share."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import datetime, timezone
from pathlib import Path
from typing import Self

from fakefree.localdb import LocalDB, migrate

__all__ = ["LedgerDB"]

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


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class LedgerDB:
    """The SQLite file every part of the ledger reads and writes (one file per store)."""

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

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
