"""``fakefree user add|passwd|disable|enable|list``: local accounts, written to the audit log.

Whoever runs these commands can write the security database, so the CLI does not ask for an
admin login; it records the operating-system user as the actor of each change.
"""

from __future__ import annotations

import getpass
import logging
import sys

import typer

from fakefree import settings
from security.accounts import (
    CLEARANCES,
    MIN_PASSWORD_LENGTH,
    ROLES,
    Account,
    AccountStore,
    check_new_account,
    normalise_email,
)
from security.audit import AuditLog
from cli.app import emit, fail, groups, json_option
from security.signin import open_security

__all__ = ["security_db_option", "security_for", "cli_actor"]

log = logging.getLogger(__name__)

user = groups["user"]

security_db_option = typer.Option(
    None, "--security-db", envvar="FAKEFREE_SECURITY_DB", show_envvar=False,
    help="Security database (accounts and audit log); default <FAKEFREE_HOME>/security.db.")
password_stdin_option = typer.Option(
    False, "--password-stdin", help="Read the password from the first line of standard input.")


def security_for(path: str | None) -> tuple[AccountStore, AuditLog]:
    """The account store and audit log of ``path``, or of the settings when it is empty."""
    return open_security(settings, path=path)


def cli_actor() -> str:
    """Who runs the CLI, as the audit log names them."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


def read_password(from_stdin: bool, username: str) -> str:
    """The new password: typed twice at a hidden prompt, or the first line of stdin."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            fail("No password on standard input.")
        return password
    return typer.prompt(f"Password for {username} (at least {MIN_PASSWORD_LENGTH} characters)",
                        hide_input=True, confirmation_prompt=True)


def _describe(account: Account) -> str:
    state = "disabled" if account.disabled else "enabled"
    agencies = ",".join(account.agencies) or "-"
    return (f"{account.username:<20} {account.role:<13} {agencies:<20} {account.clearance:<26} "
            f"{state:<9} last login: {account.last_login_at or 'never'}")


@user.command("add")
def add(
    username: str = typer.Argument(..., help="The new user name, e.g. ana.lopez."),
    role: str = typer.Option(..., "--role", help=f"One of: {', '.join(ROLES)}."),
    agency: str = typer.Option("", "--agency",
                               help="Agencies, comma-separated, e.g. CBSA or RCMP,CBSA."),
    clearance: str = typer.Option(CLEARANCES[-1], "--clearance",
                                  help=f"One of: {', '.join(CLEARANCES)}."),
    oidc: str = typer.Option("", "--oidc", help="E-mail the dashboard's OIDC provider "
                             "vouches for, e.g. ana@cbsa.example (see 'fakefree user oidc')."),
    password_stdin: bool = password_stdin_option,
    security_db: str = security_db_option,
    as_json: bool = json_option,
) -> None:
    """Create a local account; the password is asked twice. The first account must be an admin.

    Example: fakefree user add ana.lopez --role analyst --agency CBSA --oidc ana@cbsa.example
    """
    accounts, audit = security_for(security_db)
    if role != "admin" and not accounts.has_admin():
        fail("No admin account exists yet; create one first with "
             "'fakefree user add NAME --role admin --agency AGENCY'.")
    name, agencies = check_new_account(username, role, agency.split(","), clearance)
    if accounts.exists(name):
        fail(f"Account {name} already exists in {accounts.path}.")
    if oidc:
        normalise_email(oidc)  # refuse a bad address before asking for the password
    account = _create(accounts, audit, name, role, agencies, clearance, password_stdin)
    if oidc:
        account = _link(accounts, audit, account.username, oidc)
    emit(account.to_dict(), as_json, f"Added {account.role} {account.username}.")


def _create(accounts: AccountStore, audit: AuditLog, name: str, role: str, agencies: list[str],
            clearance: str, password_stdin: bool) -> Account:
    """Ask for the password, create the account and audit it."""
    password = read_password(password_stdin, name)
    account = accounts.add(name, password, role=role, agencies=agencies, clearance=clearance)
    audit.append(cli_actor(), "user_add", account.username, role=account.role,
                 agencies=list(account.agencies), clearance=account.clearance)
    return account


@user.command("passwd")
def passwd(
    username: str = typer.Argument(..., help="The user name."),
    password_stdin: bool = password_stdin_option,
    security_db: str = security_db_option,
) -> None:
    """Set a new password for an account (asked twice) and clear its failed logins.

    Example: fakefree user passwd ana.lopez
    """
    accounts, audit = security_for(security_db)
    account = accounts.get(username)
    accounts.set_password(account.username, read_password(password_stdin, account.username))
    audit.append(cli_actor(), "user_passwd", account.username)
    typer.echo(f"Changed the password of {account.username}.")


def _link(accounts: AccountStore, audit: AuditLog, username: str, email: str | None) -> Account:
    account = accounts.link_oidc(username, email)
    audit.append(cli_actor(), "user_oidc", account.username, oidc_email=account.oidc_email)
    return account


@user.command("oidc")
def oidc_link(
    username: str = typer.Argument(..., help="The user name."),
    email: str = typer.Argument("", help="The e-mail claim of the OIDC identity; empty unlinks."),
    security_db: str = security_db_option,
) -> None:
    """Link an account to the e-mail the dashboard's OIDC provider vouches for (or unlink it).

    Signing in with that identity then gives this account's role and agencies.

    Example: fakefree user oidc ana.lopez ana@cbsa.example
    """
    accounts, audit = security_for(security_db)
    account = _link(accounts, audit, username, email or None)
    typer.echo(f"Linked {account.username} to {account.oidc_email}." if account.oidc_email
               else f"Unlinked {account.username} from OIDC.")


@user.command("disable")
def disable(
    username: str = typer.Argument(..., help="The user name."),
    security_db: str = security_db_option,
) -> None:
    """Refuse every login of an account (the last enabled admin cannot be disabled).

    Example: fakefree user disable ana.lopez
    """
    accounts, audit = security_for(security_db)
    account = accounts.disable(username)
    audit.append(cli_actor(), "user_disable", account.username)
    typer.echo(f"Disabled {account.username}.")


@user.command("enable")
def enable(
    username: str = typer.Argument(..., help="The user name."),
    security_db: str = security_db_option,
) -> None:
    """Let a disabled or locked-out account log in again.

    Example: fakefree user enable ana.lopez
    """
    accounts, audit = security_for(security_db)
    account = accounts.enable(username)
    audit.append(cli_actor(), "user_enable", account.username)
    typer.echo(f"Enabled {account.username}.")


@user.command("list")
def list_accounts(security_db: str = security_db_option, as_json: bool = json_option) -> None:
    """List the local accounts: role, agencies, clearance, state and last login.

    Example: fakefree user list --json
    """
    accounts, _ = security_for(security_db)
    rows = accounts.list()
    emit([a.to_dict() for a in rows], as_json,
         "\n".join(_describe(a) for a in rows) or
         "No account yet; create an admin with 'fakefree user add NAME --role admin'.")


@user.command("init")
def init(
    username: str = typer.Option("admin", "--username", help="Name of the first administrator."),
    agency: str = typer.Option("CBSA", "--agency", help="The administrator's own agency."),
    password_stdin: bool = password_stdin_option,
    security_db: str = security_db_option,
) -> None:
    """On first run, create the administrator (asks for a password); then do nothing.

    No account or password ships with fakefree: `make demo` runs this before the dashboard.

    Example: fakefree user init --username admin --agency RCMP
    """
    accounts, audit = security_for(security_db)
    if accounts.has_admin():
        typer.echo("An administrator account exists already; sign in with it.")
        return
    typer.echo(f"First run: create the administrator account {username!r} of {agency}.")
    name, agencies = check_new_account(username, "admin", agency.split(","), CLEARANCES[-1])
    account = _create(accounts, audit, name, "admin", agencies, CLEARANCES[-1], password_stdin)
    typer.echo(f"Added admin {account.username}; sign in to the dashboard with it.")
