"""Small private SQLite files for local state (accounts, audit log, ETL ledger): 0600 files in
0700 folders.

Several components may share one file: each keeps its own schema version in ``schema_versions``
and migrates only its own tables. One connection per thread and immediate write transactions make
a component safe to use from several threads and processes.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from fakefree.errors import StoreUnavailable, StoreVersionError

__all__ = ["prepare", "LocalDB", "migrate", "commit_or_rollback", "write_failure"]

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 30.0


def prepare(path: str | Path) -> Path:
    """Create the folders (0700) and the file (0600) of a private database; return its path.

    An existing folder keeps its mode, with a warning when others may write to it; an existing
    file is tightened to 0600.
    """
    path = Path(path).expanduser().resolve()
    folder = path.parent
    missing = [f for f in (folder, *folder.parents) if not f.exists()]
    for created in reversed(missing):
        created.mkdir(mode=0o700, exist_ok=True)
        os.chmod(created, 0o700)  # mkdir's mode is reduced by the umask
    if not missing and folder.stat().st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        log.warning("folder %s of %s is writable by other users", folder, path.name)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    if stat.S_IMODE(path.stat().st_mode) != 0o600:
        log.warning("tightening the mode of %s to 0600", path)
        os.chmod(path, 0o600)
    return path


@contextmanager
def commit_or_rollback(conn: sqlite3.Connection, begin: str = "BEGIN IMMEDIATE",
                       ) -> Iterator[sqlite3.Connection]:
    """``conn`` inside one transaction: committed at the end, rolled back on any error, including
    a ``COMMIT`` that fails (a full disk), so the connection is never left half-way."""
    conn.execute(begin)
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def write_failure(path: Path, what: str, exc: sqlite3.Error) -> StoreUnavailable:
    """One sentence for a failed write to the SQLite file ``path`` (``what`` names its role)."""
    if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return StoreUnavailable(
            f"The disk holding {what} {path} is full, so the last change was rolled back and "
            "everything saved before is kept; free some space and run the command again.")
    return StoreUnavailable(f"Cannot use {what} {path}: {exc}.")


class LocalDB:
    """One private SQLite file, one connection per thread, explicit transactions.

    Connections stay open: closing the last one checkpoints the WAL, which costs a sync.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = prepare(path)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                       check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
            except sqlite3.DatabaseError as exc:
                raise StoreUnavailable(f"Cannot open {self.path}: {exc}.") from exc
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[sqlite3.Connection]:
        """This thread's connection inside one transaction (``BEGIN IMMEDIATE`` to write)."""
        conn = self._conn()
        try:
            with commit_or_rollback(conn, "BEGIN IMMEDIATE" if write else "BEGIN"):
                yield conn
        except sqlite3.OperationalError as exc:
            raise write_failure(self.path, "the database", exc) from exc

    def close(self) -> None:
        """Close every connection; the next use opens new ones."""
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()


def migrate(db: LocalDB, component: str, migrations: Sequence[Sequence[str]]) -> None:
    """Bring ``component``'s tables in ``db`` to the latest of ``migrations``."""
    path = db.path
    latest = len(migrations)
    with db.transaction(write=True) as tx:
        tx.execute("CREATE TABLE IF NOT EXISTS schema_versions "
                   "(component TEXT PRIMARY KEY, version INTEGER NOT NULL)")
        row = tx.execute("SELECT version FROM schema_versions WHERE component = ?",
                         (component,)).fetchone()
        version = row[0] if row else 0
        if version > latest:
            raise StoreVersionError(
                f"The {component} tables in {path} have schema version {version}, newer than the "
                f"{latest} this fakefree supports; upgrade fakefree to open them.")
        for number in range(version, latest):
            for statement in migrations[number]:
                tx.execute(statement)
            log.info("migrated %s in %s to schema version %d", component, path, number + 1)
        if version != latest:
            tx.execute("INSERT INTO schema_versions (component, version) VALUES (?, ?) "
                       "ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                       (component, latest))
