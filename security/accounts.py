"""Local accounts of the dashboard and the CLI: argon2-hashed passwords, roles, lockout.

No account and no password ships with fakefree: the first account created must be an admin.
Passwords are hashed with argon2id (:class:`argon2.PasswordHasher`) and are never stored,
returned or logged in clear.

>>> from security.accounts import PERMISSIONS
>>> sorted(PERMISSIONS["ingest"])
['admin', 'etl-operator']
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from fakefree import localdb
from fakefree.errors import AccessDenied, InputError, NotFound
from fakefree.model import LES, UNCLASSIFIED, Viewer

__all__ = ["ROLES", "CLEARANCES", "PERMISSIONS", "MIN_PASSWORD_LENGTH", "MAX_FAILURES",
           "FAILURE_WINDOW", "WRONG_CREDENTIALS", "Account", "AccountStore", "check_new_account",
           "check_password", "failure_key", "normalise_email", "normalise_username"]

log = logging.getLogger(__name__)

ROLES = ("analyst", "prosecutor", "etl-operator", "admin")
CLEARANCES = (UNCLASSIFIED, LES)

#: Which roles may do what. Every role may search and view what its viewer is allowed to see.
PERMISSIONS: dict[str, frozenset[str]] = {
    "search": frozenset(ROLES),
    "view": frozenset(ROLES),
    "ingest": frozenset({"etl-operator", "admin"}),
    "retract": frozenset({"etl-operator", "admin"}),
    "export": frozenset({"prosecutor", "analyst", "admin"}),
    "merge": frozenset({"analyst", "admin"}),
    "split": frozenset({"analyst", "admin"}),
    "manage_users": frozenset({"admin"}),
    "read_audit": frozenset({"admin"}),
}

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024
MAX_FAILURES = 10
FAILURE_WINDOW = timedelta(minutes=15)
WRONG_CREDENTIALS = "Unknown user or wrong password."

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,63}$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,255}$")

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """
        CREATE TABLE accounts (
            username TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL,
            agencies TEXT NOT NULL,
            clearance TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            password_changed_at TEXT NOT NULL,
            last_login_at TEXT
        )
        """,
        """
        CREATE TABLE login_failures (
            username TEXT NOT NULL, -- failure_key(): SHA-256 of the typed user name
            ts TEXT NOT NULL
        )
        """,
        "CREATE INDEX login_failures_user ON login_failures(username, ts)",
    ),
    (
        # the e-mail an OpenID Connect provider vouches for, linked to this account (lower case)
        "ALTER TABLE accounts ADD COLUMN oidc_email TEXT",
        "CREATE UNIQUE INDEX accounts_oidc_email ON accounts(oidc_email)",
    ),
)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Account:
    """A local account as the rest of fakefree sees it (never with its password hash)."""

    username: str
    role: str
    agencies: tuple[str, ...]
    clearance: str = LES
    disabled: bool = False
    created_at: str = ""
    last_login_at: str | None = None
    oidc_email: str | None = None

    def viewer(self) -> Viewer:
        """The :class:`Viewer` the store filters this account's reads with."""
        if self.role == "admin":
            return Viewer(name=self.username, agencies=frozenset(self.agencies),
                          clearance=self.clearance, all_access=True)
        return Viewer(name=self.username, agencies=frozenset(self.agencies),
                      clearance=self.clearance)

    def can(self, action: str) -> bool:
        """Whether this account's role allows ``action`` (a key of :data:`PERMISSIONS`).

        >>> Account("ana", "analyst", ("CBSA",)).can("merge")
        True
        >>> Account("pat", "prosecutor", ("RCMP",)).can("ingest")
        False
        """
        if action not in PERMISSIONS:
            raise InputError(f"Unknown action {action!r}; use one of {', '.join(PERMISSIONS)}.")
        return not self.disabled and self.role in PERMISSIONS[action]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["agencies"] = list(self.agencies)
        return data


def normalise_username(username: str) -> str:
    """The stored form of a user name (lower case), or :class:`InputError`."""
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise InputError(
            f"User name {username!r} is not allowed; use 1 to 64 letters, digits, '.', '_', '@' "
            "or '-', starting with a letter or digit.")
    return name


def normalise_email(email: str) -> str:
    """The stored form of an OIDC e-mail claim (lower case), or :class:`InputError`.

    >>> normalise_email(" Ana@CBSA.example ")
    'ana@cbsa.example'
    """
    address = email.strip().lower()
    if not _EMAIL.match(address):
        raise InputError(f"{email!r} is not an e-mail address (e.g. ana@cbsa.example).")
    return address


def failure_key(typed_username: str) -> str:
    """How failed logins are counted: a digest of the typed name, which may be a password."""
    return hashlib.sha256(typed_username.strip().lower().encode("utf-8")).hexdigest()


def check_password(password: str, username: str = "") -> None:
    """Refuse a password that is too short, too long or the user name itself."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InputError(f"The password must have at most {MAX_PASSWORD_LENGTH} characters.")
    if username and password.strip().lower() == username.lower():
        raise InputError("The password must not be the user name.")


def check_new_account(username: str, role: str, agencies: list[str] | tuple[str, ...],
                      clearance: str) -> tuple[str, list[str]]:
    """Validate what a new account is made of; return its user name and sorted agencies."""
    name = normalise_username(username)
    if role not in ROLES:
        raise InputError(f"Unknown role {role!r}; use one of {', '.join(ROLES)}.")
    if clearance not in CLEARANCES:
        raise InputError(f"Unknown clearance {clearance!r}; use one of {', '.join(CLEARANCES)}.")
    agency_list = sorted({a.strip() for a in agencies if a.strip()})
    if not agency_list and role != "admin":
        raise InputError(f"Account {name} needs at least one agency (e.g. --agency CBSA).")
    return name, agency_list


class AccountStore:
    """Local accounts in a SQLite file (which may also hold other security tables).

    ``hasher`` defaults to argon2-cffi's recommended argon2id parameters; ``clock`` returns the
    current UTC time (tests pass their own to step through the lockout window).
    """

    def __init__(self, path: str | Path, *, hasher: PasswordHasher | None = None,
                 clock: Callable[[], datetime] = _now) -> None:
        self._db = localdb.LocalDB(path)
        self.path = self._db.path
        self.hasher = hasher or PasswordHasher()
        self.clock = clock
        localdb.migrate(self._db, "accounts", MIGRATIONS)
        self._dummy: str | None = None

    def _dummy_hash(self) -> str:
        """A hash to verify against when the user name is unknown: both cases cost the same."""
        if self._dummy is None:
            self._dummy = self.hasher.hash("fakefree: no such account")
        return self._dummy

    def __repr__(self) -> str:
        return f"AccountStore({str(self.path)!r})"

    def close(self) -> None:
        """Close this object's database connections."""
        self._db.close()

    # -- management -------------------------------------------------------------------------

    def add(self, username: str, password: str, *, role: str, agencies: list[str] | tuple[str, ...],
            clearance: str = LES) -> Account:
        """Create an account; the first account must be an admin."""
        name, agency_list = check_new_account(username, role, agencies, clearance)
        check_password(password, name)
        password_hash = self.hasher.hash(password)
        now = _iso(self.clock())
        with self._db.transaction(write=True) as tx:
            if role != "admin" and not self._has_admin(tx):
                raise InputError(
                    f"No admin account exists in {self.path} yet; create one first with "
                    "'fakefree user add NAME --role admin'.")
            if tx.execute("SELECT 1 FROM accounts WHERE username = ?", (name,)).fetchone():
                raise InputError(f"Account {name} already exists in {self.path}.")
            tx.execute(
                "INSERT INTO accounts (username, password_hash, role, agencies, clearance, "
                "disabled, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
                (name, password_hash, role, json.dumps(agency_list), clearance, now, now))
        log.info("added account %s (%s)", name, role)
        return self.get(name)

    def set_password(self, username: str, password: str) -> None:
        """Replace the password of an account and clear its failed logins."""
        name = normalise_username(username)
        check_password(password, name)
        password_hash = self.hasher.hash(password)
        with self._db.transaction(write=True) as tx:
            self._require(tx, name)
            tx.execute("UPDATE accounts SET password_hash = ?, password_changed_at = ? "
                       "WHERE username = ?", (password_hash, _iso(self.clock()), name))
            tx.execute("DELETE FROM login_failures WHERE username = ?", (failure_key(name),))
        log.info("changed the password of %s", name)

    def disable(self, username: str) -> Account:
        """Refuse every login of an account; the last enabled admin cannot be disabled."""
        name = normalise_username(username)
        with self._db.transaction(write=True) as tx:
            row = self._require(tx, name)
            if row["role"] == "admin" and not row["disabled"]:
                admins = tx.execute("SELECT count(*) FROM accounts WHERE role = 'admin' "
                                    "AND disabled = 0").fetchone()[0]
                if admins <= 1:
                    raise InputError(f"Account {name} is the last enabled admin; add another "
                                     "admin before disabling it.")
            tx.execute("UPDATE accounts SET disabled = 1 WHERE username = ?", (name,))
        log.info("disabled account %s", name)
        return self.get(name)

    def enable(self, username: str) -> Account:
        """Allow a disabled account to log in again and clear its failed logins."""
        name = normalise_username(username)
        with self._db.transaction(write=True) as tx:
            self._require(tx, name)
            tx.execute("UPDATE accounts SET disabled = 0 WHERE username = ?", (name,))
            tx.execute("DELETE FROM login_failures WHERE username = ?", (failure_key(name),))
        log.info("enabled account %s", name)
        return self.get(name)

    def link_oidc(self, username: str, email: str | None) -> Account:
        """Link an account to the e-mail its OIDC provider vouches for (``None`` unlinks it)."""
        name = normalise_username(username)
        address = normalise_email(email) if email is not None else None
        with self._db.transaction(write=True) as tx:
            self._require(tx, name)
            other = tx.execute("SELECT username FROM accounts WHERE oidc_email = ? "
                               "AND username != ?", (address, name)).fetchone()
            if address is not None and other is not None:
                raise InputError(f"{address} is already linked to account {other[0]}.")
            tx.execute("UPDATE accounts SET oidc_email = ? WHERE username = ?", (address, name))
        log.info("%s the OIDC e-mail of %s", "set" if address else "removed", name)
        return self.get(name)

    def by_oidc_email(self, email: str) -> Account | None:
        """The account linked to an OIDC e-mail claim (enabled or not), or ``None``."""
        try:
            address = normalise_email(email)
        except InputError:
            return None
        with self._db.transaction() as tx:
            row = tx.execute("SELECT * FROM accounts WHERE oidc_email = ?", (address,)).fetchone()
        return _account(row) if row is not None else None

    def record_login(self, username: str) -> None:
        """Note the time of a login that did not go through :meth:`authenticate` (OIDC)."""
        with self._db.transaction(write=True) as tx:
            tx.execute("UPDATE accounts SET last_login_at = ? WHERE username = ?",
                       (_iso(self.clock()), normalise_username(username)))

    # -- reading ----------------------------------------------------------------------------

    def get(self, username: str) -> Account:
        """One account, or :class:`NotFound`."""
        name = normalise_username(username)
        with self._db.transaction() as tx:
            return _account(self._require(tx, name))

    def list(self) -> list[Account]:
        """Every account, by user name."""
        with self._db.transaction() as tx:
            rows = tx.execute("SELECT * FROM accounts ORDER BY username").fetchall()
        return [_account(row) for row in rows]

    def exists(self, username: str) -> bool:
        """Whether an account of that user name exists (enabled or not)."""
        name = normalise_username(username)
        with self._db.transaction() as tx:
            return self._row(tx, name) is not None

    def has_admin(self) -> bool:
        """Whether an enabled admin account exists."""
        with self._db.transaction() as tx:
            return self._has_admin(tx)

    # -- logging in -------------------------------------------------------------------------

    def authenticate(self, username: str, password: str) -> Account:
        """The account if the password is right, else :class:`AccessDenied`.

        An unknown user and a wrong password get the same message and cost the same argon2
        work. After :data:`MAX_FAILURES` failures within :data:`FAILURE_WINDOW` a user name is
        locked (known or not) until the oldest failure leaves the window.
        """
        dummy_hash = self._dummy_hash()  # first call pays for it whether the user exists or not
        now = self.clock()
        try:
            name = normalise_username(username)
        except InputError:
            name = ""
        key = failure_key(username)
        with self._db.transaction() as tx:
            row = self._row(tx, name) if name else None
            failures = [r[0] for r in tx.execute(
                "SELECT ts FROM login_failures WHERE username = ? AND ts > ? ORDER BY ts",
                (key, _iso(now - FAILURE_WINDOW)))]
        if len(failures) >= MAX_FAILURES:
            oldest = datetime.fromisoformat(failures[-MAX_FAILURES])
            minutes = max(1, int((oldest + FAILURE_WINDOW - now).total_seconds() // 60) + 1)
            raise AccessDenied(f"Too many failed logins for this user name; try again in "
                               f"{minutes} minute{'s' if minutes > 1 else ''}.")
        stored_hash = row["password_hash"] if row is not None else dummy_hash
        try:
            self.hasher.verify(stored_hash, password)
            verified = row is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            verified = False
        if not verified:
            self._record_failure(key, now)
            # a user name that is not an account may be a password typed in the wrong field
            log.warning("failed login for %s", f"account {name}" if row is not None
                        else "an unknown user name")
            raise AccessDenied(WRONG_CREDENTIALS)
        if row["disabled"]:
            raise AccessDenied(f"Account {name} is disabled; ask an administrator.")
        new_hash = (self.hasher.hash(password) if self.hasher.check_needs_rehash(stored_hash)
                    else None)
        with self._db.transaction(write=True) as tx:
            tx.execute("DELETE FROM login_failures WHERE username = ?", (key,))
            tx.execute("UPDATE accounts SET last_login_at = ? WHERE username = ?",
                       (_iso(now), name))
            if new_hash:
                tx.execute("UPDATE accounts SET password_hash = ? WHERE username = ? "
                           "AND password_hash = ?", (new_hash, name, stored_hash))
                log.info("rehashed the password of %s with the current argon2 parameters", name)
        return self.get(name)

    # -- helpers ----------------------------------------------------------------------------

    def _record_failure(self, key: str, now: datetime) -> None:
        with self._db.transaction(write=True) as tx:
            tx.execute("INSERT INTO login_failures (username, ts) VALUES (?, ?)",
                       (key, _iso(now)))
            tx.execute("DELETE FROM login_failures WHERE ts < ?", (_iso(now - timedelta(days=1)),))

    @staticmethod
    def _row(tx: sqlite3.Connection, name: str) -> sqlite3.Row | None:
        return tx.execute("SELECT * FROM accounts WHERE username = ?", (name,)).fetchone()

    def _require(self, tx: sqlite3.Connection, name: str) -> sqlite3.Row:
        row = self._row(tx, name)
        if row is None:
            raise NotFound(f"No account {name} in {self.path}.")
        return row

    @staticmethod
    def _has_admin(tx: sqlite3.Connection) -> bool:
        return tx.execute("SELECT 1 FROM accounts WHERE role = 'admin' AND disabled = 0 "
                          "LIMIT 1").fetchone() is not None


def _account(row: sqlite3.Row) -> Account:
    return Account(username=row["username"], role=row["role"],
                   agencies=tuple(json.loads(row["agencies"])), clearance=row["clearance"],
                   disabled=bool(row["disabled"]), created_at=row["created_at"],
                   last_login_at=row["last_login_at"], oidc_email=row["oidc_email"])
