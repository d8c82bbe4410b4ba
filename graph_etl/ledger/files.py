"""Which file was loaded when, with which hash, reader and extractor, and how (the pipeline's
memory: re-runs skip what is done, a changed file replaces its previous version)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from graph_etl.ledger.db import LedgerDB, _now

__all__ = ["FileRecords", "LedgerEntry"]


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


class FileRecords(LedgerDB):
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

    def loaded_count(self) -> int:
        """How many file versions are recorded as loaded."""
        return int(self._conn().execute(
            "SELECT count(*) FROM files WHERE outcome = 'loaded'").fetchone()[0])

    def last_loaded(self) -> LedgerEntry | None:
        """The file version loaded last, if any."""
        row = self._conn().execute(
            "SELECT * FROM files WHERE outcome = 'loaded' ORDER BY at DESC, rowid DESC LIMIT 1"
        ).fetchone()
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


def _entry(row: tuple) -> LedgerEntry:
    values = list(row)
    values[10] = json.loads(values[10])
    values[3:10] = [v or "" for v in values[3:10]]
    return LedgerEntry(*values)
