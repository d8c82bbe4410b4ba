"""``fakefree audit verify|show``: check the hash chain of the audit log and read it."""

from __future__ import annotations

import json

import typer

from cli.app import emit, fail, groups, json_option
from cli.commands.user_commands import security_db_option, security_for

__all__: list[str] = []

audit_group = groups["audit"]


@audit_group.command("verify")
def verify(
    expect_head: str = typer.Option(
        None, "--expect-head",
        help="A head hash noted earlier (kept off this machine) that must still be in the chain."),
    security_db: str = security_db_option,
    as_json: bool = json_option,
) -> None:
    """Check that no audit entry was edited, deleted or reordered; exit 1 if one was.

    Prints the head hash: keep a copy elsewhere and pass it back with --expect-head to detect a
    log rewritten or truncated by someone who can write the file.

    Example: fakefree audit verify --json
    """
    _, audit = security_for(security_db)
    result = audit.verify(expected_head=expect_head)
    if as_json:
        emit(result.to_dict(), True)
        if not result.ok:
            raise typer.Exit(1)
        return
    if not result.ok:
        where = f" at entry {result.first_bad_seq}" if result.first_bad_seq else ""
        fail(f"The audit log {audit.path} is not intact{where}: {result.reason} "
             f"({result.count} entries verified before it).")
    typer.echo(f"The audit log {audit.path} is intact: {result.count} entries, "
               f"head {result.head}.")


@audit_group.command("show")
def show(
    actor: str = typer.Option(None, "--actor", help="Only entries of this actor."),
    action: str = typer.Option(None, "--action", help="Only this action, e.g. export."),
    since: str = typer.Option(None, "--since", help="Only entries from this ISO date or time on."),
    limit: int = typer.Option(100, "--limit", min=1, help="At most this many (the latest)."),
    security_db: str = security_db_option,
    as_json: bool = json_option,
) -> None:
    """Show audit entries, oldest first: time, actor, action, target and details.

    Example: fakefree audit show --action export --since 2026-11-01
    """
    _, audit = security_for(security_db)
    entries = audit.entries(since=since, actor=actor, action=action, limit=limit)
    lines = [f"{e.seq:>6}  {e.ts}  {e.actor:<20} {e.action:<13} {e.target}  "
             f"{json.dumps(e.details, ensure_ascii=False, sort_keys=True) if e.details else ''}"
             .rstrip() for e in entries]
    emit([e.to_dict() for e in entries], as_json, "\n".join(lines) or "No audit entry matches.")
