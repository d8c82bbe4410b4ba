"""``fakefree alerts``: list and triage the watchlist alerts that ``fakefree screen --alerts``
queued."""

from __future__ import annotations

import typer

from fakefree import settings
from security.alerts import STATUSES, AlertStore, alerts_path_for
from cli.app import app, emit, json_option, store_option
from cli.commands.recording import record
from cli.commands.user_commands import cli_actor
from fakefree.errors import InputError
from queries.screening import ScreeningResult

__all__ = ["open_alerts", "queue_alerts"]

alerts_app = typer.Typer(name="alerts", invoke_without_command=True)
app.add_typer(alerts_app, name="alerts")
status_help = f"One of {', '.join(STATUSES)}."


def open_alerts(store: str | None) -> AlertStore:
    return AlertStore(alerts_path_for(store or settings.get("FAKEFREE_STORE"), settings.home()))


def queue_alerts(result: ScreeningResult, watchlist: str, store: str | None) -> tuple[int, int]:
    """Queue the candidates of ``result`` as alerts; audited as a screen by the CLI user."""
    queue = open_alerts(store)
    try:
        new, known = queue.add(result, watchlist=watchlist, who=cli_actor())
    finally:
        queue.close()
    record("screen", watchlist, entries=len(result.entries), new_alerts=new)
    return new, known


@alerts_app.callback()
def list_alerts(ctx: typer.Context,
                status: str = typer.Option(None, "--status", help=status_help),
                store: str = store_option, as_json: bool = json_option) -> None:
    """List and triage watchlist alerts; without a command, list them highest score first
    (all, or those of one status).

    Example: fakefree alerts --status open --json
    """
    if ctx.invoked_subcommand is not None:
        return
    queue = open_alerts(store)
    try:
        alerts = queue.list(status)
    finally:
        queue.close()
    lines = [f"{a.id}  {a.status:<9}  {a.score:>5}  {a.watch_name} ~ {a.entity_name}"
             + (f"  [{a.triaged_by}: {a.note}]" if a.triaged_by else "") for a in alerts]
    emit([a.to_dict() for a in alerts], as_json, "\n".join(lines) or "No alert.")


@alerts_app.command("triage")
def triage(alert: str = typer.Argument(..., help="The alert id, e.g. alert-3f2a9c01d4e5b6a7."),
           status: str = typer.Option(..., "--status", help=status_help),
           note: str = typer.Option("", "--note", help="Why (kept with the alert)."),
           store: str = store_option, as_json: bool = json_option) -> None:
    """Dismiss or escalate an alert (or reopen it), with a note; recorded in the audit log.

    Example: fakefree alerts triage alert-3f2a9c01d4e5b6a7 --status dismissed --note "other firm"
    """
    if status not in STATUSES:
        raise InputError(f"Unknown alert status {status!r}; use one of {', '.join(STATUSES)}.")
    queue = open_alerts(store)
    try:
        done = queue.triage(alert, status, who=cli_actor(), note=note)
    finally:
        queue.close()
    record("alert_triage", alert, status=status, note=note)
    emit(done.to_dict(), as_json, f"{done.id} is now {done.status}.")
