"""The ``fakefree`` Typer app, its command groups and what every command shares.

Command modules in :mod:`cli.commands` decorate functions onto these apps; :mod:`cli.main`
imports them and runs the app. Groups with no command are not shown.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import typer

from fakefree.errors import FakefreeError
from graph_etl.store import GraphStore, Viewer, open_store

__all__ = ["app", "groups", "emit", "fail", "store_option", "json_option", "viewer_option",
           "open_store_for", "viewer_from", "register_groups"]

app = typer.Typer(
    name="fakefree",
    help="fakefree: a knowledge graph for transnational counterfeiting investigations.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

groups: dict[str, typer.Typer] = {
    name: typer.Typer(name=name, help=help_text, no_args_is_help=True)
    for name, help_text in {
        "analyze": "Link analysis over the graph.",
        "audit": "Verify and read the tamper-evident audit log.",
        "bench": "Benchmarks that print our figures next to a reference measured in the same run.",
        "eval": "Evaluate extraction or entity resolution against ground truth.",
        "mappings": "Record mappings for tables: draft one for a file, with the evidence.",
        "neo4j": "Run a local Neo4j 5.26 Community server for development and CI.",
        "seed": "Generate the synthetic demo corpus and its ground truth.",
        "user": "Manage local dashboard accounts.",
    }.items()
}

store_option = typer.Option(None, "--store", envvar="FAKEFREE_STORE",
                            help="Store: a file path (embedded) or a neo4j:// / bolt:// URI.")
json_option = typer.Option(False, "--json", help="Print JSON for machines.")
viewer_option = typer.Option(
    None, "--as-viewer",
    help="Read as a viewer of these agencies (comma-separated), e.g. CBSA or RCMP,CBSA.")


def open_store_for(uri: str | None) -> GraphStore:
    return open_store(uri)


def viewer_from(agencies: str | None) -> Viewer:
    """The system viewer, or a viewer of the given comma-separated agencies."""
    if not agencies:
        return Viewer.system()
    return Viewer.of(*[a.strip() for a in agencies.split(",") if a.strip()])


def emit(data: Any, as_json: bool, text: str | None = None) -> None:
    """Print ``data`` as JSON, or ``text`` for people."""
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    elif text is not None:
        typer.echo(text)


def fail(message: str, code: int = 1) -> None:
    """Stop with one plain sentence on stderr."""
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def register_groups() -> None:
    """Add every group that has commands to ``app`` (once); tests call it before invoking."""
    present = {info.name for info in app.registered_groups}
    for name, group in groups.items():
        if name not in present and (group.registered_commands or group.registered_groups):
            app.add_typer(group, name=name)


def run(debug: bool) -> int:
    """Run the app; a :class:`FakefreeError` becomes one sentence on stderr and exit code 1."""
    register_groups()
    try:
        # without standalone mode click returns, not raises, the code of a typer.Exit
        code = app(standalone_mode=False)
    except FakefreeError as exc:
        if debug:
            raise
        typer.echo(f"Error: {exc}", err=True)
        return int(getattr(exc, "exit_code", 1))
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        return 1
    except Exception as exc:  # click usage errors and the like
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            return exc.exit_code
        if debug:
            raise
        typer.echo(f"Error: unexpected {type(exc).__name__}: {exc} (run with --debug for the "
                   "traceback).", err=True)
        return 1
    return code if isinstance(code, int) else 0


def main_argv() -> tuple[bool, list[str]]:
    """Take ``--debug`` out of the arguments (it may stand anywhere)."""
    argv = sys.argv[1:]
    debug = "--debug" in argv
    return debug, [a for a in argv if a != "--debug"]
