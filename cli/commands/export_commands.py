"""``fakefree export``: the network around entities, in a format for a court, an analyst's tool or
a partner agency, with what it cites written to the audit log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from exports.formats import FORMATS, get_format, renderer
from exports.selection import select
from cli.app import (app, emit, json_option, open_store_for, store_option, viewer_from,
                              viewer_option)
from cli.commands.recording import record
from fakefree.errors import InputError


def _check_date(value: str) -> str:
    if not value:
        return ""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"Export date {value!r} is not a date; write it as YYYY-MM-DD.") from None


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise InputError(f"Cannot write the export to {path}: {exc.strerror or exc}.") from None


@app.command("export")
def export_command(
    output: Path = typer.Option(..., "-o", "--output", help="The file to write."),
    fmt: str = typer.Option(None, "--format",
                            help=f"One of {', '.join(FORMATS)}."),
    around: list[str] = typer.Option(None, "--around",
                                     help="An entity (id, name or identifier); repeatable."),
    hops: int = typer.Option(1, "--hops", min=0, max=5, help="How far from the entities."),
    case: str = typer.Option("", "--case", help="Keep only the nodes of this case."),
    as_viewer: str = viewer_option,
    title: str = typer.Option("", "--title", help="Title (default: Network around ...)."),
    date: str = typer.Option("", "--date", help="The date the export states (YYYY-MM-DD, "
                                                "default today): the same date gives the "
                                                "same bytes."),
    keep_context: bool = typer.Option(False, "--keep-context",
                                      help="Keep documents, cases, countries and cities."),
    package: bool = typer.Option(False, "--package",
                                 help="Write an exchange package for a partner agency."),
    partner: str = typer.Option("", "--for", help="The partner agency of --package."),
    store: str = store_option,
    as_json: bool = json_option,
) -> None:
    """Export the network around entities as a diagram, a graph file or an analyst's import.

    Formats: html, svg, png, pdf (court diagrams); graphml, gexf (Gephi, yEd); anb-csv (i2
    Analyst's Notebook); ftm (FollowTheMoney for Aleph); csv (node and edge lists). Only what
    the viewer may see is exported; every export is written to the audit log.

    Example: fakefree export --format graphml --around "Maple Leaf" --hops 2 -o maple.graphml
    """
    date = _check_date(date)
    if package:
        _export_package(store, partner, output, case, date)
        return
    if not fmt:
        raise InputError("Name a format with --format "
                         f"({', '.join(FORMATS)}), or use --package --for AGENCY.")
    if not around:
        raise InputError("Name at least one entity to export around with --around.")
    render = renderer(get_format(fmt).name)
    viewer = viewer_from(as_viewer)
    export = select(open_store_for(store), viewer, around, hops=hops, case=case,
                    keep_context=keep_context, title=title, date=date)
    data = render(export)
    _write(output, data)
    entities = sorted(export.graph.nodes)
    documents = sorted(export.documents)
    record("export", str(output), format=fmt, around=list(around), hops=hops, case=case,
           entities=entities, documents=documents, viewer=export.meta.viewer,
           agencies=list(export.meta.agencies), marking=export.meta.marking,
           date=export.meta.date, bytes=len(data))
    summary = {"output": str(output), "format": fmt, "bytes": len(data),
               "nodes": len(entities), "relationships": export.graph.number_of_edges(),
               "documents": documents, "marking": export.meta.marking,
               "viewer": export.meta.viewer, "date": export.meta.date}
    emit(summary, as_json, f"Wrote {output} ({fmt}, {len(entities)} entities, "
                           f"{summary['relationships']} relationships, {len(documents)} "
                           f"documents cited), marked {export.meta.marking}.")


def _export_package(store: str | None, partner: str, output: Path, case: str, date: str) -> None:
    if not partner:
        raise InputError("Name the partner agency of the package with --for AGENCY.")
    from exports.package import export_package
    from cli.commands.user_commands import cli_actor
    from graph_etl.workspace import open_workspace

    with open_workspace(store) as (graph, ledger):
        summary = export_package(graph, ledger, partner, output, case=case, date=date,
                                 exporter=cli_actor())
    record("export", str(output), format="package", partner=partner, case=case,
           date=summary.date, documents=list(summary.document_ids))
    typer.echo(str(summary))
