"""The private SQLite file the accounts and the audit log share."""

from __future__ import annotations

import sqlite3
import pytest

from security.accounts import AccountStore
from security.audit import AuditLog
from fakefree.errors import StoreVersionError

from .helpers import fast_hasher


def test_localdb_components_share_one_versioned_wal_file(db_path):
    AccountStore(db_path, hasher=fast_hasher()).close()
    AuditLog(db_path).close()
    with sqlite3.connect(db_path) as conn:
        versions = dict(conn.execute("SELECT component, version FROM schema_versions"))
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert versions == {"accounts": 2, "audit": 1}  # accounts v2: the OIDC e-mail link
    assert mode == "wal"


def test_localdb_newer_schema_refused(db_path):
    AuditLog(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE schema_versions SET version = 99 WHERE component = 'audit'")
    with pytest.raises(StoreVersionError, match="schema version 99, newer than the 1"):
        AuditLog(db_path)

