"""Fixtures of the security tests: a security database in tmp_path with two accounts."""

from __future__ import annotations

import pytest

from security.accounts import AccountStore

from .helpers import ADMIN_PASSWORD, ANALYST_PASSWORD, Clock, fast_hasher


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "security" / "security.db"


@pytest.fixture
def accounts(db_path, clock) -> AccountStore:
    """A store holding one admin (``root``) and one CBSA/RCMP analyst (``ana``)."""
    store = AccountStore(db_path, hasher=fast_hasher(), clock=clock)
    store.add("root", ADMIN_PASSWORD, role="admin", agencies=[])
    store.add("ana", ANALYST_PASSWORD, role="analyst", agencies=["CBSA", "RCMP"])
    return store
