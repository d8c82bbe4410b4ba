"""OIDC identities map to existing local accounts by their e-mail claim; the rest is refused."""

from __future__ import annotations

import sqlite3

import pytest

from security.accounts import AccountStore
from security.audit import AuditLog
from fakefree.errors import AccessDenied, InputError
from security.signin import oidc_login

from .helpers import fast_hasher

ISS = "http://127.0.0.1:9/"


def _claims(email: str, **more: object) -> dict[str, object]:
    return {"email": email, "email_verified": True, "iss": ISS, "sub": email, **more}


def test_oidc_linked_email_gives_the_accounts_viewer(accounts, db_path):
    accounts.link_oidc("ana", " Ana@CBSA.example ")
    audit = AuditLog(db_path)
    account = oidc_login(accounts, audit, _claims("ana@cbsa.example"))
    assert account.username == "ana"
    assert account.viewer().agencies == frozenset({"CBSA", "RCMP"})
    assert not account.viewer().all_access
    assert accounts.get("ana").last_login_at is not None
    entry = audit.entries()[-1]
    assert (entry.actor, entry.action) == ("ana", "login")
    assert entry.details["source"] == "oidc"
    assert entry.details["oidc_iss"] == ISS


def test_oidc_unlinked_email_is_refused_and_audited(accounts, db_path):
    audit = AuditLog(db_path)
    with pytest.raises(AccessDenied, match="No fakefree account is linked to eve@evil.example"):
        oidc_login(accounts, audit, _claims("eve@evil.example"))
    entry = audit.entries()[-1]
    assert (entry.actor, entry.action) == ("unknown-user", "login_failed")
    assert entry.details["source"] == "oidc"
    assert entry.details["oidc_email"] == "eve@evil.example"


def test_oidc_disabled_account_is_refused_and_audited(accounts, db_path):
    accounts.link_oidc("ana", "ana@cbsa.example")
    accounts.disable("ana")
    audit = AuditLog(db_path)
    with pytest.raises(AccessDenied, match="Account ana is disabled"):
        oidc_login(accounts, audit, _claims("ana@cbsa.example"))
    assert [(e.actor, e.action) for e in audit.entries()] == [("ana", "login_failed")]


@pytest.mark.parametrize("claims", [{"sub": "x", "iss": ISS},
                                    _claims("ana@cbsa.example", email_verified=False)])
def test_oidc_missing_or_unverified_email_is_refused(accounts, db_path, claims):
    accounts.link_oidc("ana", "ana@cbsa.example")
    audit = AuditLog(db_path)
    with pytest.raises(AccessDenied, match="verified e-mail"):
        oidc_login(accounts, audit, claims)
    assert audit.entries()[-1].action == "login_failed"


def test_oidc_link_is_unique_checked_and_removable(accounts):
    accounts.link_oidc("ana", "ana@cbsa.example")
    with pytest.raises(InputError, match="already linked to account ana"):
        accounts.link_oidc("root", "ANA@cbsa.example")
    with pytest.raises(InputError, match="not an e-mail address"):
        accounts.link_oidc("root", "root")
    assert accounts.link_oidc("ana", None).oidc_email is None
    assert accounts.by_oidc_email("ana@cbsa.example") is None


def test_oidc_column_added_to_an_existing_database(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:  # an accounts table at schema version 1
        db.execute("CREATE TABLE schema_versions (component TEXT PRIMARY KEY, version INTEGER)")
        db.execute("INSERT INTO schema_versions VALUES ('accounts', 1)")
        db.execute("CREATE TABLE accounts (username TEXT PRIMARY KEY, password_hash TEXT NOT "
                   "NULL, role TEXT NOT NULL, agencies TEXT NOT NULL, clearance TEXT NOT NULL, "
                   "disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, "
                   "password_changed_at TEXT NOT NULL, last_login_at TEXT)")
        db.execute("CREATE TABLE login_failures (username TEXT NOT NULL, ts TEXT NOT NULL)")
        db.execute("INSERT INTO accounts VALUES ('root', 'x', 'admin', '[]', "
                   "'LAW-ENFORCEMENT-SENSITIVE', 0, '2026-01-01', '2026-01-01', NULL)")
    db.close()
    store = AccountStore(path, hasher=fast_hasher())
    assert store.get("root").oidc_email is None
    assert store.link_oidc("root", "root@cbsa.example").oidc_email == "root@cbsa.example"


def test_oidc_cli_links_at_creation_and_later(db_path):
    from typer.testing import CliRunner

    from cli import app as cli_app
    from cli.commands import user_commands  # noqa: F401  (registers commands)
    from security.signin import open_security

    from .helpers import ADMIN_PASSWORD, ANALYST_PASSWORD, FAST_ENV

    cli_app.register_groups()
    env = {"FAKEFREE_SECURITY_DB": str(db_path), **FAST_ENV}

    def cli(*args: str, input: str | None = None):
        return CliRunner().invoke(cli_app.app, list(args), input=input, env=env)

    assert cli("user", "add", "root", "--role", "admin", "--password-stdin",
               input=f"{ADMIN_PASSWORD}\n").exit_code == 0
    result = cli("user", "add", "ana", "--role", "analyst", "--agency", "CBSA", "--password-stdin",
                 "--oidc", "Ana@CBSA.example", "--json", input=f"{ANALYST_PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert '"oidc_email": "ana@cbsa.example"' in result.stdout
    result = cli("user", "add", "bob", "--role", "analyst", "--agency", "CBSA", "--password-stdin",
                 "--oidc", "not-an-address", input=f"{ANALYST_PASSWORD}\n")
    assert isinstance(result.exception, InputError)
    result = cli("user", "oidc", "root", "root@rcmp.example")
    assert result.exit_code == 0 and "Linked root to root@rcmp.example." in result.stdout
    assert cli("user", "oidc", "ana").stdout.strip() == "Unlinked ana from OIDC."
    accounts, audit = open_security(FAST_ENV, path=db_path)
    assert accounts.by_oidc_email("root@rcmp.example").username == "root"
    assert accounts.by_oidc_email("ana@cbsa.example") is None
    assert [e.target for e in audit.entries(action="user_oidc")] == ["ana", "root", "ana"]
