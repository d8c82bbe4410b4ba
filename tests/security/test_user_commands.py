"""``fakefree user ...`` and ``fakefree audit ...`` through the real Typer app."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from cli import app as cli_app
from cli.commands import audit_commands, user_commands  # noqa: F401  (registers commands)
from fakefree.errors import AccessDenied, InputError
from security.signin import open_security

from .helpers import ADMIN_PASSWORD, ANALYST_PASSWORD, FAST_ENV

cli_app.register_groups()


@pytest.fixture
def cli(db_path):
    """Run ``fakefree`` with the security database in tmp_path."""
    runner = CliRunner()
    env = {"FAKEFREE_SECURITY_DB": str(db_path), **FAST_ENV}

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli_app.app, list(args), input=input, env=env)

    return invoke


def add_admin(cli) -> None:
    result = cli("user", "add", "root", "--role", "admin", "--agency", "RCMP",
                 input=f"{ADMIN_PASSWORD}\n{ADMIN_PASSWORD}\n")
    assert result.exit_code == 0, result.output


def test_user_commands_first_user_must_be_admin(cli, db_path):
    result = cli("user", "add", "ana", "--role", "analyst", "--agency", "CBSA",
                 input=f"{ANALYST_PASSWORD}\n{ANALYST_PASSWORD}\n")
    assert result.exit_code == 1
    assert "No admin account exists yet; create one first" in result.stderr
    assert "Password" not in result.output  # refused before asking for a password
    add_admin(cli)
    result = cli("user", "add", "ana", "--role", "analyst", "--agency", "CBSA,RCMP",
                 input=f"{ANALYST_PASSWORD}\n{ANALYST_PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "Added analyst ana." in result.stdout
    accounts, _ = open_security(FAST_ENV, path=db_path)
    assert accounts.authenticate("ana", ANALYST_PASSWORD).agencies == ("CBSA", "RCMP")


def test_user_commands_add_asks_twice_and_hides_password(cli):
    result = cli("user", "add", "root", "--role", "admin",
                 input=f"{ADMIN_PASSWORD}\nsomething else entirely\n"
                       f"{ADMIN_PASSWORD}\n{ADMIN_PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    assert ADMIN_PASSWORD not in result.output


def test_user_commands_add_password_stdin_and_json(cli):
    result = cli("user", "add", "root", "--role", "admin", "--password-stdin", "--json",
                 input=f"{ADMIN_PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["role"] == "admin"


def test_user_commands_add_refuses_short_password_and_duplicates(cli):
    result = cli("user", "add", "root", "--role", "admin", "--password-stdin",
                 input="short\n")
    assert isinstance(result.exception, InputError)
    assert "at least 12 characters" in str(result.exception)
    add_admin(cli)
    result = cli("user", "add", "ROOT", "--role", "admin", "--password-stdin",
                 input=f"{ADMIN_PASSWORD}\n")
    assert result.exit_code == 1 and "Account root already exists" in result.stderr


def test_user_commands_passwd_disable_enable_list(cli, db_path):
    add_admin(cli)
    cli("user", "add", "ana", "--role", "analyst", "--agency", "CBSA", "--clearance",
        "UNCLASSIFIED", "--password-stdin", input=f"{ANALYST_PASSWORD}\n")
    accounts, audit = open_security(FAST_ENV, path=db_path)

    result = cli("user", "passwd", "ana", input="new analyst phrase\nnew analyst phrase\n")
    assert result.exit_code == 0 and "Changed the password of ana." in result.stdout
    assert accounts.authenticate("ana", "new analyst phrase")
    with pytest.raises(AccessDenied):
        accounts.authenticate("ana", ANALYST_PASSWORD)

    assert cli("user", "disable", "ana").stdout == "Disabled ana.\n"
    with pytest.raises(AccessDenied, match="disabled"):
        accounts.authenticate("ana", "new analyst phrase")
    listed = json.loads(cli("user", "list", "--json").stdout)
    assert [(a["username"], a["role"], a["agencies"], a["clearance"], a["disabled"])
            for a in listed] == [("ana", "analyst", ["CBSA"], "UNCLASSIFIED", True),
                                 ("root", "admin", ["RCMP"], "LAW-ENFORCEMENT-SENSITIVE", False)]
    assert all("password_hash" not in a for a in listed)
    text = cli("user", "list").stdout
    assert "ana" in text and "disabled" in text and "$argon2" not in text

    assert cli("user", "enable", "ana").exit_code == 0
    assert accounts.authenticate("ana", "new analyst phrase").username == "ana"

    result = cli("user", "disable", "root")
    assert result.exit_code == 1 and "last enabled admin" in str(result.exception)

    actions = [(e.action, e.target) for e in audit.entries()]
    assert actions == [("user_add", "root"), ("user_add", "ana"), ("user_passwd", "ana"),
                       ("user_disable", "ana"), ("user_enable", "ana")]
    assert all(e.actor.startswith("cli:") for e in audit.entries())


def test_user_commands_list_empty_says_what_to_do(cli):
    result = cli("user", "list")
    assert result.exit_code == 0 and "create an admin" in result.stdout


def test_audit_commands_verify_and_show(cli, db_path):
    add_admin(cli)
    cli("user", "add", "ana", "--role", "analyst", "--agency", "CBSA", "--password-stdin",
        input=f"{ANALYST_PASSWORD}\n")
    result = cli("audit", "verify")
    assert result.exit_code == 0 and "is intact: 2 entries" in result.stdout
    head = json.loads(cli("audit", "verify", "--json").stdout)["head"]
    assert cli("audit", "verify", "--expect-head", head).exit_code == 0

    shown = json.loads(cli("audit", "show", "--json").stdout)
    assert [e["target"] for e in shown] == ["root", "ana"]
    assert cli("audit", "show", "--action", "user_disable").stdout == "No audit entry matches.\n"
    assert "user_add" in cli("audit", "show", "--actor", shown[0]["actor"]).stdout

    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET target = 'mallory' WHERE seq = 2")
    result = cli("audit", "verify")
    assert result.exit_code == 1
    assert "is not intact at entry 2: its content does not match its hash" in result.stderr
    result = cli("audit", "verify", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["first_bad_seq"] == 2


def test_user_commands_help_has_examples(cli):
    for command in ("add", "passwd", "disable", "enable", "list"):
        assert "Example: fakefree user" in cli("user", command, "--help").stdout
    for command in ("verify", "show"):
        assert "Example: fakefree audit" in cli("audit", command, "--help").stdout


def test_user_commands_real_cli_error_is_one_sentence_and_exit_1(db_path):
    """Through ``python -m cli``: the exit code of ``fail()`` reaches the shell."""
    env = {**os.environ, "FAKEFREE_SECURITY_DB": str(db_path), **FAST_ENV}
    result = subprocess.run(
        [sys.executable, "-m", "cli", "user", "add", "ana", "--role", "analyst",
         "--agency", "CBSA", "--password-stdin"],
        input="analyst password 2026\n", capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if not line.startswith("WARNING")]
    assert errors == [
        "Error: No admin account exists yet; create one first with "
        "'fakefree user add NAME --role admin --agency AGENCY'."]


def test_user_init_creates_the_first_admin_once(tmp_path):
    import subprocess
    import sys

    env = {"FAKEFREE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
           "FAKEFREE_ARGON2_TIME_COST": "1", "FAKEFREE_ARGON2_MEMORY_KIB": "1024",
           "FAKEFREE_ARGON2_PARALLELISM": "1"}
    cmd = [sys.executable, "-m", "cli", "user", "init", "--password-stdin"]
    first = subprocess.run(cmd, input="correct horse battery\n", text=True, capture_output=True,
                           env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "Added admin admin" in first.stdout
    again = subprocess.run(cmd, input="", text=True, capture_output=True, env=env, timeout=120)
    assert again.returncode == 0 and "exists already" in again.stdout
