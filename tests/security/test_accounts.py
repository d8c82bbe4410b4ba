"""Local accounts: hashing, authentication, lockout, roles, viewers."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from security.accounts import (
    MAX_FAILURES,
    PERMISSIONS,
    WRONG_CREDENTIALS,
    Account,
    AccountStore,
)
from fakefree.errors import AccessDenied, InputError, NotFound

from .helpers import ADMIN_PASSWORD, ANALYST_PASSWORD, fast_hasher


def stored_hash(path, username: str) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT password_hash FROM accounts WHERE username = ?",
                            (username,)).fetchone()[0]


def test_accounts_stores_argon2id_hash_not_password(accounts, db_path):
    password_hash = stored_hash(db_path, "ana")
    assert password_hash.startswith("$argon2id$")
    assert ANALYST_PASSWORD not in password_hash
    with pytest.raises(AccessDenied):  # the password typed in the user name field
        accounts.authenticate("analyst.password.2026", "ana")
    accounts.close()
    raw = b"".join(p.read_bytes() for p in db_path.parent.iterdir() if p.is_file())
    assert b"analyst.password.2026" not in raw
    assert ANALYST_PASSWORD.encode() not in raw
    assert ADMIN_PASSWORD.encode() not in raw


def test_accounts_authenticate_returns_account_and_last_login(accounts, clock):
    account = accounts.authenticate("ANA", ANALYST_PASSWORD)
    last_login = clock.now.isoformat(timespec="microseconds")
    assert account == Account("ana", "analyst", ("CBSA", "RCMP"), "LAW-ENFORCEMENT-SENSITIVE",
                              False, account.created_at, last_login)


def test_accounts_wrong_password_and_unknown_user_same_message(accounts):
    with pytest.raises(AccessDenied) as wrong:
        accounts.authenticate("ana", "not the password at all")
    with pytest.raises(AccessDenied) as unknown:
        accounts.authenticate("nobody", ANALYST_PASSWORD)
    with pytest.raises(AccessDenied) as invalid_name:
        accounts.authenticate("no such user; DROP TABLE accounts", ANALYST_PASSWORD)
    assert str(wrong.value) == str(unknown.value) == str(invalid_name.value) == WRONG_CREDENTIALS


def test_accounts_disabled_user_refused_until_enabled(accounts):
    accounts.disable("ana")
    assert accounts.get("ana").disabled
    with pytest.raises(AccessDenied, match="disabled"):
        accounts.authenticate("ana", ANALYST_PASSWORD)
    with pytest.raises(AccessDenied, match=WRONG_CREDENTIALS):  # no hint without the password
        accounts.authenticate("ana", "not the password at all")
    accounts.enable("ana")
    assert accounts.authenticate("ana", ANALYST_PASSWORD).username == "ana"


def test_accounts_lockout_after_ten_failures_in_fifteen_minutes(accounts, clock):
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(AccessDenied, match=WRONG_CREDENTIALS):
            accounts.authenticate("ana", "wrong password guess")
        clock.advance(seconds=30)
    assert accounts.authenticate("ana", ANALYST_PASSWORD)  # success clears the failures
    for _ in range(MAX_FAILURES):
        with pytest.raises(AccessDenied, match=WRONG_CREDENTIALS):
            accounts.authenticate("ana", "wrong password guess")
        clock.advance(seconds=30)
    with pytest.raises(AccessDenied, match="Too many failed logins"):
        accounts.authenticate("ana", ANALYST_PASSWORD)
    clock.advance(minutes=11)  # the first failure leaves the 15-minute window
    assert accounts.authenticate("ana", ANALYST_PASSWORD).username == "ana"


def test_accounts_failures_spread_over_time_do_not_lock(accounts, clock):
    for _ in range(3 * MAX_FAILURES):
        with pytest.raises(AccessDenied, match=WRONG_CREDENTIALS):
            accounts.authenticate("ana", "wrong password guess")
        clock.advance(minutes=2)
    assert accounts.authenticate("ana", ANALYST_PASSWORD).username == "ana"


def test_accounts_unknown_user_locks_like_a_known_one(accounts):
    for _ in range(MAX_FAILURES):
        with pytest.raises(AccessDenied, match=WRONG_CREDENTIALS):
            accounts.authenticate("ghost", "wrong password guess")
    with pytest.raises(AccessDenied, match="Too many failed logins for this user name"):
        accounts.authenticate("ghost", "wrong password guess")
    assert accounts.authenticate("ana", ANALYST_PASSWORD)  # other users are not affected


def test_accounts_enable_and_passwd_clear_lockout(accounts):
    for _ in range(MAX_FAILURES):
        with pytest.raises(AccessDenied):
            accounts.authenticate("ana", "wrong password guess")
    accounts.set_password("ana", "a brand new passphrase")
    assert accounts.authenticate("ana", "a brand new passphrase")
    with pytest.raises(AccessDenied):
        accounts.authenticate("ana", ANALYST_PASSWORD)


def test_accounts_rehash_when_parameters_change(accounts, db_path, clock):
    assert "t=1" in stored_hash(db_path, "ana")
    stronger = AccountStore(db_path, hasher=fast_hasher(time_cost=2), clock=clock)
    stronger.authenticate("ana", ANALYST_PASSWORD)
    assert "t=2" in stored_hash(db_path, "ana")
    assert stronger.authenticate("ana", ANALYST_PASSWORD).username == "ana"


def test_accounts_first_account_must_be_admin(db_path):
    store = AccountStore(db_path, hasher=fast_hasher())
    assert not store.has_admin()
    with pytest.raises(InputError, match="No admin account exists"):
        store.add("ana", ANALYST_PASSWORD, role="analyst", agencies=["CBSA"])
    store.add("root", ADMIN_PASSWORD, role="admin", agencies=[])
    assert store.has_admin()
    store.add("ana", ANALYST_PASSWORD, role="analyst", agencies=["CBSA"])
    assert [a.username for a in store.list()] == ["ana", "root"]


@pytest.mark.parametrize("username,password,role,agencies,clearance,message", [
    ("pat", "too short", "prosecutor", ["RCMP"], "LAW-ENFORCEMENT-SENSITIVE", "at least 12"),
    ("pat.prosecutor", "PAT.PROSECUTOR", "prosecutor", ["RCMP"], "LAW-ENFORCEMENT-SENSITIVE",
     "not be the user name"),
    ("pat", "long enough password", "judge", ["RCMP"], "LAW-ENFORCEMENT-SENSITIVE", "Unknown role"),
    ("pat", "long enough password", "prosecutor", [], "LAW-ENFORCEMENT-SENSITIVE",
     "at least one agency"),
    ("pat", "long enough password", "prosecutor", ["RCMP"], "TOP-SECRET", "Unknown clearance"),
    ("pat o'brien", "long enough password", "prosecutor", ["RCMP"], "UNCLASSIFIED",
     "is not allowed"),
    ("ANA", "long enough password", "analyst", ["CBSA"], "UNCLASSIFIED", "already exists"),
])
def test_accounts_add_refuses_bad_input(accounts, username, password, role, agencies, clearance,
                                        message):
    with pytest.raises(InputError, match=message):
        accounts.add(username, password, role=role, agencies=agencies, clearance=clearance)


def test_accounts_last_enabled_admin_cannot_be_disabled(accounts):
    with pytest.raises(InputError, match="last enabled admin"):
        accounts.disable("root")
    accounts.add("root2", ADMIN_PASSWORD, role="admin", agencies=["RCMP"])
    accounts.disable("root")
    assert accounts.has_admin()


def test_accounts_unknown_account_is_not_found(accounts):
    for action in (accounts.disable, accounts.enable, accounts.get):
        with pytest.raises(NotFound, match="No account zed"):
            action("zed")
    with pytest.raises(NotFound):
        accounts.set_password("zed", "long enough password")


def test_accounts_viewer_mapping(accounts):
    admin_viewer = accounts.get("root").viewer()
    assert admin_viewer.all_access and admin_viewer.name == "root"
    assert admin_viewer.may_see("ICE", "AGENCY-ONLY")
    accounts.add("uma", "unclassified reader", role="analyst", agencies=["CBP"],
                 clearance="UNCLASSIFIED")
    viewer = accounts.get("uma").viewer()
    assert (viewer.name, viewer.agencies, viewer.clearance, viewer.all_access) == (
        "uma", frozenset({"CBP"}), "UNCLASSIFIED", False)
    assert viewer.may_see("CBP", "AGENCY-ONLY")
    assert not viewer.may_see("RCMP", "LAW-ENFORCEMENT-SENSITIVE")
    assert accounts.get("ana").viewer().may_see("ICE", "LAW-ENFORCEMENT-SENSITIVE")
    assert not accounts.get("ana").viewer().may_see("ICE", "AGENCY-ONLY")


@pytest.mark.parametrize("role,allowed", [
    ("analyst", {"search", "view", "export", "merge", "split"}),
    ("prosecutor", {"search", "view", "export"}),
    ("etl-operator", {"search", "view", "ingest", "retract"}),
    ("admin", set(PERMISSIONS)),
])
def test_accounts_permission_table(role, allowed):
    account = Account("someone", role, ("CBSA",))
    assert {action for action in PERMISSIONS if account.can(action)} == allowed
    disabled = Account("someone", role, ("CBSA",), disabled=True)
    assert not any(disabled.can(action) for action in PERMISSIONS)


def test_accounts_unknown_action_is_an_error():
    with pytest.raises(InputError, match="Unknown action 'delete_everything'"):
        Account("ana", "admin", ()).can("delete_everything")


def test_accounts_never_log_a_password(accounts, caplog):
    caplog.set_level(logging.DEBUG)
    accounts.add("pat", "prosecutor passphrase", role="prosecutor", agencies=["RCMP"])
    accounts.set_password("pat", "second prosecutor passphrase")
    accounts.authenticate("pat", "second prosecutor passphrase")
    with pytest.raises(AccessDenied):
        accounts.authenticate("pat", "a wrong passphrase typed")
    with pytest.raises(AccessDenied):  # the password typed in the user name field
        accounts.authenticate("second.prosecutor.passphrase", "pat")
    text = caplog.text
    assert "pat" in text and "unknown user name" in text
    for secret in ("prosecutor passphrase", "a wrong passphrase typed", "prosecutor.passphrase"):
        assert secret not in text


def test_accounts_database_is_private(accounts, db_path):
    assert db_path.stat().st_mode & 0o777 == 0o600
    assert db_path.parent.stat().st_mode & 0o777 == 0o700
