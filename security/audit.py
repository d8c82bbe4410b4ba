"""The append-only, hash-chained audit log of who did what.

Each entry's ``hash`` is the SHA-256 of its canonical JSON form (seq, ts, actor, action, target,
details) followed by the previous entry's hash, so editing, deleting or reordering an entry breaks
the chain from that entry on; :meth:`AuditLog.verify` finds the first broken entry. Triggers make
SQLite refuse ``UPDATE`` and ``DELETE`` on the table. Whoever can write the file can still drop
the triggers and rewrite the whole chain: compare the head hash with a copy kept elsewhere
(``fakefree audit verify`` prints it) to catch that.

>>> canonical(1, "2026-01-01T00:00:00.000000+00:00", "ana", "login", "", {})
'{"action":"login","actor":"ana","details":{},"seq":1,"target":"","ts":"2026-01-01T00:00:00.000000+00:00"}'
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fakefree import localdb
from fakefree.errors import InputError

__all__ = ["ACTIONS", "GENESIS", "AuditEntry", "VerifyResult", "AuditLog", "canonical",
           "entry_hash"]

log = logging.getLogger(__name__)

#: What an entry may record. Add an action here before a component appends it.
ACTIONS = (
    "login", "login_failed", "logout", "session_rejected",
    "search", "view", "ingest", "merge", "split", "retract", "export", "screen",
    "alert_triage",
    "user_add", "user_passwd", "user_disable", "user_enable", "user_oidc",
)
GENESIS = "0" * 64
_SECRET_WORDS = ("password", "secret", "token")

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            ts TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            details TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
        """,
        "CREATE INDEX audit_log_actor ON audit_log(actor, seq)",
        "CREATE INDEX audit_log_action ON audit_log(action, seq)",
        """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE refused'); END
        """,
        """
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE refused'); END
        """,
    ),
)
TRIGGERS = ("audit_log_no_update", "audit_log_no_delete")


def canonical(seq: int, ts: str, actor: str, action: str, target: str,
              details: dict[str, Any]) -> str:
    """The exact text an entry's hash covers (sorted keys, no spaces, UTF-8 kept)."""
    return json.dumps({"seq": seq, "ts": ts, "actor": actor, "action": action, "target": target,
                       "details": details}, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False)


def entry_hash(canonical_text: str, prev_hash: str) -> str:
    """SHA-256 (hex) of the canonical entry followed by the previous entry's hash."""
    return hashlib.sha256((canonical_text + prev_hash).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log."""

    seq: int
    ts: str
    actor: str
    action: str
    target: str
    details: dict[str, Any]
    prev_hash: str
    hash: str

    def expected_hash(self) -> str:
        """The hash this entry should carry given its content and ``prev_hash``."""
        return entry_hash(canonical(self.seq, self.ts, self.actor, self.action, self.target,
                                    self.details), self.prev_hash)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of :meth:`AuditLog.verify`; ``head`` is the last good hash."""

    ok: bool
    count: int
    first_bad_seq: int | None = None
    reason: str = ""
    head: str = GENESIS

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _now() -> datetime:
    return datetime.now(UTC)


class AuditLog:
    """The audit log table in a SQLite file (which may also hold the accounts)."""

    def __init__(self, path: str | Path, *, clock: Callable[[], datetime] = _now) -> None:
        self._db = localdb.LocalDB(path)
        self.path = self._db.path
        self.clock = clock
        localdb.migrate(self._db, "audit", MIGRATIONS)

    def __repr__(self) -> str:
        return f"AuditLog({str(self.path)!r})"

    def close(self) -> None:
        """Close this object's database connections."""
        self._db.close()

    def append(self, actor: str, action: str, target: str = "", **details: Any) -> AuditEntry:
        """Record that ``actor`` did ``action`` to ``target``; ``details`` must be JSON-able.

        Refuses unknown actions and detail keys that look like secrets (password, token).
        """
        if action not in ACTIONS:
            raise InputError(f"Unknown audit action {action!r}; use one of {', '.join(ACTIONS)}.")
        if not actor:
            raise InputError(f"An audit entry for {action} needs an actor.")
        secret = [k for k in details if any(word in k.lower() for word in _SECRET_WORDS)]
        if secret:
            raise InputError(f"Audit details must not carry secrets; drop {', '.join(secret)}.")
        # one round trip through JSON so what is hashed now is what verify() will read back
        clean = json.loads(json.dumps(details, default=str, ensure_ascii=False))
        ts = self.clock().astimezone(UTC).isoformat(timespec="microseconds")
        with self._db.transaction(write=True) as tx:
            last = tx.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
                              ).fetchone()
            seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
            text = canonical(seq, ts, actor, action, target, clean)
            digest = entry_hash(text, prev_hash)
            tx.execute(
                "INSERT INTO audit_log (seq, ts, actor, action, target, details, prev_hash, hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, ts, actor, action, target,
                 json.dumps(clean, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
                 prev_hash, digest))
        log.debug("audit %d: %s %s %s", seq, actor, action, target)
        return AuditEntry(seq, ts, actor, action, target, clean, prev_hash, digest)

    def entries(self, since: datetime | str | None = None, actor: str | None = None,
                action: str | None = None, limit: int | None = None) -> list[AuditEntry]:
        """Entries in order, optionally from a time on, of one actor or one action.

        With ``limit``, the last ``limit`` matching entries (still oldest first).
        """
        clauses, params = [], []
        if since is not None:
            if isinstance(since, str):
                try:
                    since = datetime.fromisoformat(since)
                except ValueError as exc:
                    raise InputError(f"Cannot read {since!r} as an ISO date or time.") from exc
            if since.tzinfo is None:
                since = since.replace(tzinfo=UTC)
            clauses.append("ts >= ?")
            params.append(since.astimezone(UTC).isoformat(timespec="microseconds"))
        if actor is not None:
            clauses.append("actor = ?")
            params.append(actor)
        if action is not None:
            clauses.append("action = ?")
            params.append(action)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"SELECT * FROM audit_log {where} ORDER BY seq DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._db.transaction() as tx:
            rows = tx.execute(sql, params).fetchall()
        return [_entry(row) for row in reversed(rows)]

    def verify(self, expected_head: str | None = None) -> VerifyResult:
        """Walk the chain and report the first entry that was edited, deleted or moved.

        ``expected_head``, a head hash noted earlier, must still appear in the chain: this
        catches a chain truncated or rewritten from an earlier point.
        """
        with self._db.transaction() as tx:
            rows = tx.execute("SELECT * FROM audit_log ORDER BY seq").fetchall()
            triggers = {r[0] for r in tx.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")}
            high = tx.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
        prev_hash, count, seen_expected = GENESIS, 0, expected_head is None
        for row in rows:
            try:
                entry = _entry(row)
            except ValueError:
                return VerifyResult(False, count, row["seq"], "its details are not valid JSON",
                                    prev_hash)
            bad = None
            if entry.seq != count + 1:
                bad = (f"expected entry {count + 1} here: entries were deleted or renumbered")
            elif entry.prev_hash != prev_hash:
                bad = "it does not link to the entry before it (deleted or reordered entries)"
            elif entry.expected_hash() != entry.hash:
                bad = "its content does not match its hash (edited entry)"
            if bad:
                return VerifyResult(False, count, entry.seq, bad, prev_hash)
            prev_hash, count = entry.hash, count + 1
            seen_expected = seen_expected or entry.hash == expected_head
        if high is not None and high[0] > count:
            return VerifyResult(False, count, count + 1,
                                f"entries {count + 1} to {high[0]} were removed from the end",
                                prev_hash)
        if not seen_expected:
            return VerifyResult(False, count, None,
                                f"the expected head {expected_head} is not in the chain", prev_hash)
        missing = [t for t in TRIGGERS if t not in triggers]
        if missing:
            return VerifyResult(False, count, None,
                                f"the append-only triggers were removed: {', '.join(missing)}",
                                prev_hash)
        return VerifyResult(True, count, None, "", prev_hash)


def _entry(row: sqlite3.Row) -> AuditEntry:
    return AuditEntry(seq=row["seq"], ts=row["ts"], actor=row["actor"], action=row["action"],
                      target=row["target"], details=json.loads(row["details"]),
                      prev_hash=row["prev_hash"], hash=row["hash"])
