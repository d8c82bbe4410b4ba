"""The alerts queue: watchlist hits an analyst triages (open, dismissed or escalated).

Alerts live in the ledger file of the store they were screened against (``alerts`` tables of a
:class:`fakefree.localdb.LocalDB`), since they name that store's entity ids. An alert's id
is stable (the watchlist entry and the entity it matched), so screening the same list again adds
no duplicate and keeps the triage already done.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fakefree.errors import InputError, NotFound
from graph_etl.ledger import ledger_path_for
from fakefree.localdb import LocalDB, migrate
from fakefree.model import stable_id
from queries.screening import ScreeningResult, WatchEntry, normalise_name

__all__ = ["STATUSES", "Alert", "AlertStore", "alert_id", "alerts_path_for"]

STATUSES = ("open", "dismissed", "escalated")

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """
        CREATE TABLE alerts (
            id TEXT PRIMARY KEY,
            watch_name TEXT NOT NULL,
            watchlist TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            entity_name TEXT NOT NULL,
            score REAL NOT NULL,
            reasons TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open',
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            triaged_by TEXT,
            triaged_at TEXT,
            note TEXT NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX alerts_status ON alerts(status, created_at)",
    ),
)


def alerts_path_for(store_uri: str, home: Path) -> Path:
    """The alerts of a store live in its ledger file (each in its own tables)."""
    return ledger_path_for(store_uri, home)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def alert_id(entry: WatchEntry, entity_id: str) -> str:
    """The same watchlist entry (name and identifiers, normalised) and entity give the same id.

    >>> a = alert_id(WatchEntry(row=2, name="Pacific Star Ltd"), "e1")
    >>> a == alert_id(WatchEntry(row=9, name="PACIFIC STAR LIMITED"), "e1")
    True
    """
    identifiers = json.dumps(sorted((k, v.casefold()) for k, v in entry.identifiers.items()))
    return "alert-" + stable_id("alert", normalise_name(entry.name), identifiers, entity_id)[:16]


@dataclass
class Alert:
    id: str
    watch_name: str
    watchlist: str
    entity_id: str
    entity_name: str
    score: float
    reasons: list[str] = field(default_factory=list)
    status: str = "open"
    created_by: str = ""
    created_at: str = ""
    triaged_by: str | None = None
    triaged_at: str | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _alert(row: sqlite3.Row) -> Alert:
    data = dict(row)
    data["reasons"] = json.loads(data["reasons"])
    return Alert(**data)


class AlertStore:
    """The alerts queue in one private SQLite file (shared with the store's ledger)."""

    def __init__(self, path: str | Path) -> None:
        self._db = LocalDB(path)
        self.path = self._db.path
        migrate(self._db, "alerts", MIGRATIONS)

    def close(self) -> None:
        self._db.close()

    def add(self, result: ScreeningResult, *, watchlist: str, who: str) -> tuple[int, int]:
        """Queue every candidate of ``result`` (they are all at or above its threshold) as an
        open alert; return how many were new and how many were already queued."""
        new = known = 0
        with self._db.transaction(write=True) as tx:
            for screened in result.entries:
                label = screened.entry.name or ", ".join(screened.entry.identifiers.values())
                for candidate in screened.candidates:
                    cursor = tx.execute(
                        "INSERT OR IGNORE INTO alerts (id, watch_name, watchlist, entity_id, "
                        "entity_name, score, reasons, created_by, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (alert_id(screened.entry, candidate.entity.id), label, watchlist,
                         candidate.entity.id, candidate.entity.name, candidate.score,
                         json.dumps(candidate.reasons, ensure_ascii=False), who, _now()))
                    new += cursor.rowcount
                    known += 1 - cursor.rowcount
        return new, known

    def list(self, status: str | None = None) -> list[Alert]:
        """Alerts (of one status), highest score first, then oldest first."""
        if status is not None:
            _check_status(status)
        with self._db.transaction() as tx:
            rows = tx.execute(
                "SELECT * FROM alerts WHERE ? IS NULL OR status = ? "
                "ORDER BY score DESC, created_at, id", (status, status)).fetchall()
        return [_alert(r) for r in rows]

    def get(self, alert: str) -> Alert:
        with self._db.transaction() as tx:
            row = tx.execute("SELECT * FROM alerts WHERE id = ?", (alert,)).fetchone()
        if row is None:
            raise NotFound(f"No alert {alert} in {self.path}.")
        return _alert(row)

    def triage(self, alert: str, status: str, *, who: str, note: str = "") -> Alert:
        """Set the status of ``alert``, recording who did it, when, and their note."""
        _check_status(status)
        with self._db.transaction(write=True) as tx:
            cursor = tx.execute(
                "UPDATE alerts SET status = ?, triaged_by = ?, triaged_at = ?, note = ? "
                "WHERE id = ?", (status, who, _now(), note.strip(), alert))
        if cursor.rowcount == 0:
            raise NotFound(f"No alert {alert} in {self.path}.")
        return self.get(alert)


def _check_status(status: str) -> None:
    if status not in STATUSES:
        raise InputError(f"Unknown alert status {status!r}; use one of {', '.join(STATUSES)}.")
