"""Dashboard sessions kept on the server: a random token per signed-in browser, checked on every
page run, ended by signing out, by ``FAKEFREE_SESSION_IDLE_MINUTES`` without use, or after
:data:`MAX_AGE` at most.

Only the SHA-256 of a token is stored, in the security database beside the accounts, so a copy of
the file does not sign anyone in. Sign-in hands the browser a one-time *code* (valid
:data:`HANDOFF_TTL`); the dashboard's ``/_fakefree/session`` route swaps it for the token, which
it sets as an HttpOnly, SameSite=Strict cookie (see :mod:`dashboard.server`).

>>> import tempfile, pathlib
>>> from datetime import timedelta
>>> store = SessionStore(pathlib.Path(tempfile.mkdtemp()) / "s.db", idle=timedelta(minutes=30))
>>> token = store.start(store.handoff("ana", "dashboard"))
>>> store.check(token).username
'ana'
>>> store.revoke(token)
>>> store.check(token)
Traceback (most recent call last):
...
security.sessions.SessionEnded: The session was signed out.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fakefree.errors import AccessDenied, InputError
from fakefree import localdb

__all__ = ["COOKIE", "HANDOFF_TTL", "MAX_AGE", "Session", "SessionEnded", "SessionStore",
           "idle_timeout"]

log = logging.getLogger(__name__)

COOKIE = "fakefree_session"
HANDOFF_TTL = timedelta(seconds=60)
MAX_AGE = timedelta(hours=12)

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """
        CREATE TABLE dashboard_sessions (
            token_sha256 TEXT PRIMARY KEY,
            username TEXT NOT NULL,
            source TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            ended_at TEXT,
            end_reason TEXT
        )
        """,
        """
        CREATE TABLE session_handoffs (
            code_sha256 TEXT PRIMARY KEY,
            username TEXT NOT NULL,
            source TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """,
    ),
)


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def idle_timeout(minutes: str) -> timedelta:
    """The idle timeout of the ``FAKEFREE_SESSION_IDLE_MINUTES`` setting.

    >>> idle_timeout("45")
    datetime.timedelta(seconds=2700)
    """
    try:
        value = float(minutes)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise InputError(f"FAKEFREE_SESSION_IDLE_MINUTES must be a positive number of minutes, "
                         f"not {minutes!r}.")
    return timedelta(minutes=value)


class SessionEnded(AccessDenied):
    """A session token the server does not accept; ``username`` is its owner when known."""

    def __init__(self, message: str, username: str = "") -> None:
        super().__init__(message)
        self.username = username


@dataclass(frozen=True)
class Session:
    """A live session: who, signed in how, and since when."""

    username: str
    source: str
    created_at: str


class SessionStore:
    """Sessions and one-time sign-in codes in the security SQLite file.

    ``clock`` returns the current UTC time (tests pass their own to step past the timeouts).
    """

    def __init__(self, path: str | Path, *, idle: timedelta,
                 clock: Callable[[], datetime] = _now) -> None:
        self._db = localdb.LocalDB(path)
        self.path = self._db.path
        self.idle = idle
        self.clock = clock
        localdb.migrate(self._db, "sessions", MIGRATIONS)

    def __repr__(self) -> str:
        return f"SessionStore({str(self.path)!r})"

    def close(self) -> None:
        self._db.close()

    def handoff(self, username: str, source: str) -> str:
        """A one-time code for ``username``, swapped for a session by :meth:`start`."""
        code = secrets.token_urlsafe(32)
        now = self.clock()
        with self._db.transaction(write=True) as tx:
            tx.execute("DELETE FROM session_handoffs WHERE created_at < ?",
                       (_iso(now - HANDOFF_TTL),))
            tx.execute("INSERT INTO session_handoffs (code_sha256, username, source, created_at) "
                       "VALUES (?, ?, ?, ?)", (_digest(code), username, source, _iso(now)))
        return code

    def start(self, code: str) -> str:
        """Swap a fresh, unused ``code`` for a new session token (the code is then spent)."""
        now = self.clock()
        with self._db.transaction(write=True) as tx:
            row = tx.execute("SELECT username, source, created_at FROM session_handoffs "
                             "WHERE code_sha256 = ?", (_digest(code),)).fetchone()
            tx.execute("DELETE FROM session_handoffs WHERE code_sha256 = ?", (_digest(code),))
            if row is None or datetime.fromisoformat(row["created_at"]) < now - HANDOFF_TTL:
                raise AccessDenied("The sign-in code is unknown, spent or expired; sign in again.")
            token = secrets.token_urlsafe(32)
            tx.execute("INSERT INTO dashboard_sessions (token_sha256, username, source, "
                       "created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                       (_digest(token), row["username"], row["source"], _iso(now), _iso(now)))
        log.info("started a dashboard session of %s", row["username"])
        return token

    def check(self, token: str) -> Session:
        """The live session of ``token``, its idle clock restarted; else :class:`AccessDenied`
        saying why (unknown, signed out, idle too long, too old)."""
        now = self.clock()
        key = _digest(token)
        with self._db.transaction(write=True) as tx:
            row = tx.execute("SELECT * FROM dashboard_sessions WHERE token_sha256 = ?",
                             (key,)).fetchone()
            if row is None:
                raise SessionEnded("The session is unknown to this server.")
            if row["ended_at"]:
                raise SessionEnded({"signed_out": "The session was signed out."}.get(
                    row["end_reason"], f"The session ended ({row['end_reason']})."),
                    row["username"])
            reason = None
            if datetime.fromisoformat(row["last_seen_at"]) < now - self.idle:
                reason = "idle"
            elif datetime.fromisoformat(row["created_at"]) < now - MAX_AGE:
                reason = "too old"
            if reason:
                tx.execute("UPDATE dashboard_sessions SET ended_at = ?, end_reason = ? "
                           "WHERE token_sha256 = ?", (_iso(now), reason, key))
            else:
                tx.execute("UPDATE dashboard_sessions SET last_seen_at = ? WHERE token_sha256 = ?",
                           (_iso(now), key))
        if reason:
            raise SessionEnded(f"The session expired ({reason}); sign in again.", row["username"])
        return Session(row["username"], row["source"], row["created_at"])

    def revoke(self, token: str, reason: str = "signed_out") -> None:
        """End the session of ``token`` (nothing happens for an unknown or ended one)."""
        with self._db.transaction(write=True) as tx:
            tx.execute("UPDATE dashboard_sessions SET ended_at = ?, end_reason = ? "
                       "WHERE token_sha256 = ? AND ended_at IS NULL",
                       (_iso(self.clock()), reason, _digest(token)))

    def revoke_user(self, username: str, reason: str) -> int:
        """End every live session of ``username`` (e.g. when the account is disabled)."""
        with self._db.transaction(write=True) as tx:
            cursor = tx.execute("UPDATE dashboard_sessions SET ended_at = ?, end_reason = ? "
                                "WHERE username = ? AND ended_at IS NULL",
                                (_iso(self.clock()), reason, username))
        return cursor.rowcount
