"""Open the local accounts and the audit log, and log a user in with an audit trail.

Both live in one SQLite file, ``FAKEFREE_SECURITY_DB`` (default ``<FAKEFREE_HOME>/security.db``),
created 0600 in a 0700 folder.

>>> from security.signin import security_db_path
>>> str(security_db_path({"FAKEFREE_SECURITY_DB": "<FAKEFREE_HOME>/s.db",
...                       "FAKEFREE_HOME": "/srv/ff"}))
'/srv/ff/s.db'
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import ModuleType
from collections.abc import Mapping
from typing import Any, Protocol

from argon2 import PasswordHasher

from fakefree import settings as default_settings
from security.accounts import Account, AccountStore, failure_key, normalise_username
from security.audit import AuditLog
from fakefree.errors import AccessDenied, InputError
from security.sessions import SessionStore, idle_timeout

__all__ = ["SettingsSource", "security_db_path", "password_hasher", "open_security",
           "open_sessions", "login",
           "oidc_login", "OIDC_SOURCE"]

log = logging.getLogger(__name__)

HOME_PLACEHOLDER = "<FAKEFREE_HOME>"
OWASP_MEMORY_KIB = 19456
UNKNOWN_USER = "unknown-user"
OIDC_SOURCE = "oidc"


class SettingsSource(Protocol):
    """Anything with ``get(name)``: the :mod:`fakefree.settings` module, a dict in tests."""

    def get(self, name: str) -> Any: ...


def security_db_path(settings: SettingsSource | ModuleType = default_settings) -> Path:
    """The security database path, with ``<FAKEFREE_HOME>`` expanded."""
    raw = _setting(settings, "FAKEFREE_SECURITY_DB")
    if HOME_PLACEHOLDER in raw:
        raw = raw.replace(HOME_PLACEHOLDER, _setting(settings, "FAKEFREE_HOME"))
    return Path(raw).expanduser()


def _setting(settings: SettingsSource | ModuleType, name: str) -> str:
    value = settings.get(name)
    return str(value) if value not in (None, "") else default_settings.get(name)


def password_hasher(settings: SettingsSource | ModuleType = default_settings) -> PasswordHasher:
    """The argon2id hasher of the ``FAKEFREE_ARGON2_*`` settings."""
    try:
        time_cost, memory_kib, lanes = (int(_setting(settings, f"FAKEFREE_ARGON2_{name}"))
                                        for name in ("TIME_COST", "MEMORY_KIB", "PARALLELISM"))
    except ValueError as exc:
        raise InputError(f"The FAKEFREE_ARGON2_* settings must be whole numbers: {exc}.") from exc
    if time_cost < 1 or lanes < 1 or memory_kib < 8 * lanes:
        raise InputError("The FAKEFREE_ARGON2_* settings need a time cost and a parallelism of "
                         "at least 1 and at least 8 KiB of memory per lane.")
    if memory_kib < OWASP_MEMORY_KIB or time_cost < 2:
        log.warning("argon2id parameters (t=%d, m=%d KiB) are below the OWASP minimum "
                    "(t=2, m=%d KiB); use them for tests only", time_cost, memory_kib,
                    OWASP_MEMORY_KIB)
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=lanes)


def open_security(settings: SettingsSource | ModuleType = default_settings, *,
                  path: str | Path | None = None) -> tuple[AccountStore, AuditLog]:
    """The account store and the audit log of ``FAKEFREE_SECURITY_DB`` (created if missing).

    ``path`` overrides the setting (the CLI's ``--security-db``).
    """
    path = Path(path) if path else security_db_path(settings)
    return AccountStore(path, hasher=password_hasher(settings)), AuditLog(path)


def open_sessions(settings: SettingsSource | ModuleType = default_settings, *,
                  path: str | Path | None = None) -> SessionStore:
    """The dashboard sessions of ``FAKEFREE_SECURITY_DB``, with the setting's idle timeout."""
    path = Path(path) if path else security_db_path(settings)
    return SessionStore(path, idle=idle_timeout(_setting(settings, "FAKEFREE_SESSION_IDLE_MINUTES")))


def login(accounts: AccountStore, audit: AuditLog, username: str, password: str,
          *, source: str = "") -> Account:
    """Authenticate and write ``login`` or ``login_failed`` to the audit log.

    ``source`` says where the attempt came from (e.g. ``dashboard``). The password is never
    recorded, nor a typed user name that is not an account (only its SHA-256).
    """
    try:
        account = accounts.authenticate(username, password)
    except AccessDenied as exc:
        # an unknown "user name" may be a password typed in the wrong field: keep only a digest
        try:
            actor = normalise_username(username) if accounts.exists(username) else UNKNOWN_USER
        except InputError:
            actor = UNKNOWN_USER
        audit.append(actor, "login_failed", "", reason=str(exc), source=source,
                     typed_name_sha256=failure_key(username))
        raise
    audit.append(account.username, "login", "", source=source, role=account.role)
    return account


def oidc_login(accounts: AccountStore, audit: AuditLog, claims: Mapping[str, Any]) -> Account:
    """The local account linked to the e-mail an OIDC provider vouched for, audited as ``oidc``.

    The provider only proves who signs in; the linked account gives the role and agencies. An
    identity without an e-mail (or with ``email_verified`` false), linked to no account or to a
    disabled one is refused with :class:`AccessDenied` and written as ``login_failed``.
    """
    email = str(claims.get("email") or "")
    identity = {"oidc_email": email, "oidc_iss": str(claims.get("iss") or ""),
                "oidc_sub": str(claims.get("sub") or "")}
    account = accounts.by_oidc_email(email) if email else None
    if not email or claims.get("email_verified") is False:
        reason = "The identity provider did not give a verified e-mail address."
    elif account is None:
        reason = (f"No fakefree account is linked to {email}; ask an administrator to link one "
                  f"('fakefree user oidc NAME {email}').")
    elif account.disabled:
        reason = f"Account {account.username} is disabled; ask an administrator."
    else:
        accounts.record_login(account.username)
        audit.append(account.username, "login", "", source=OIDC_SOURCE, role=account.role,
                     **identity)
        return account
    actor = account.username if account is not None else UNKNOWN_USER
    audit.append(actor, "login_failed", "", reason=reason, source=OIDC_SOURCE, **identity)
    raise AccessDenied(reason)
