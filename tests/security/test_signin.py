"""open_security and the audited login."""

from __future__ import annotations

import pytest

from fakefree import settings
from security.accounts import failure_key
from fakefree.errors import AccessDenied, InputError
from security.signin import login, open_security, password_hasher, security_db_path

from .helpers import ADMIN_PASSWORD, FAST_ENV


def test_security_open_creates_private_folder_and_file(tmp_path):
    source = {"FAKEFREE_HOME": str(tmp_path / "home" / "state"), **FAST_ENV}
    accounts, audit = open_security(source)
    path = tmp_path / "home" / "state" / "security.db"
    assert accounts.path == audit.path == path
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "home").stat().st_mode & 0o777 == 0o700


def test_security_open_tightens_an_existing_file(tmp_path):
    path = tmp_path / "sec.db"
    path.touch(mode=0o644)
    path.chmod(0o644)
    open_security({"FAKEFREE_SECURITY_DB": str(path), **FAST_ENV})
    assert path.stat().st_mode & 0o777 == 0o600


def test_security_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("FAKEFREE_HOME", str(tmp_path / "h"))
    monkeypatch.delenv("FAKEFREE_SECURITY_DB", raising=False)
    assert security_db_path(settings) == tmp_path / "h" / "security.db"
    monkeypatch.setenv("FAKEFREE_SECURITY_DB", str(tmp_path / "elsewhere.db"))
    assert security_db_path(settings) == tmp_path / "elsewhere.db"


def test_security_default_hasher_is_strong_argon2id():
    hasher = password_hasher({})
    assert (hasher.time_cost, hasher.memory_cost, hasher.parallelism) == (3, 65536, 4)
    assert hasher.type.name == "ID"


def test_security_bad_argon2_settings_refused():
    with pytest.raises(InputError, match="whole numbers"):
        password_hasher({"FAKEFREE_ARGON2_TIME_COST": "three"})
    with pytest.raises(InputError, match="at least 8 KiB"):
        password_hasher({"FAKEFREE_ARGON2_MEMORY_KIB": "4"})


def test_security_login_is_audited_without_the_password(tmp_path):
    accounts, audit = open_security({"FAKEFREE_SECURITY_DB": str(tmp_path / "s.db"), **FAST_ENV})
    accounts.add("root", ADMIN_PASSWORD, role="admin", agencies=[])
    assert login(accounts, audit, "Root", ADMIN_PASSWORD, source="dashboard").username == "root"
    with pytest.raises(AccessDenied):
        login(accounts, audit, "root", "guessed password 1", source="dashboard")
    with pytest.raises(AccessDenied):  # the password typed in the user name field
        login(accounts, audit, ADMIN_PASSWORD, ADMIN_PASSWORD, source="dashboard")
    entries = audit.entries()
    assert [(e.actor, e.action) for e in entries] == [
        ("root", "login"), ("root", "login_failed"), ("unknown-user", "login_failed")]
    assert entries[0].details == {"role": "admin", "source": "dashboard"}
    assert entries[1].details["reason"] == "Unknown user or wrong password."
    assert entries[2].details["typed_name_sha256"] == failure_key(ADMIN_PASSWORD)
    accounts.close()
    audit.close()
    raw = (tmp_path / "s.db").read_bytes()
    assert b"guessed password 1" not in raw and ADMIN_PASSWORD.encode() not in raw
    assert ADMIN_PASSWORD.lower().encode() not in raw
    assert audit.verify().ok
