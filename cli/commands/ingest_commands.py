"""``fakefree ingest``: load case files into the graph, with progress and quarantine."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from cli.app import app, emit, json_option, store_option
from cli.commands.recording import record
from fakefree.errors import InputError
from graph_etl.pipeline import FileOutcome, IngestOptions, discover, ingest
from graph_etl.workspace import open_workspace


@app.command("ingest")
def ingest_command(
    paths: list[Path] = typer.Argument(..., help="Files or folders of case files."),
    case: str = typer.Option(None, "--case", help="Case id for every file (else manifest.csv)."),
    agency: str = typer.Option(None, "--agency", help="Owning agency (else manifest.csv)."),
    releasability: str = typer.Option(
        None, "--releasability",
        help="UNCLASSIFIED, LAW-ENFORCEMENT-SENSITIVE (default), AGENCY-ONLY or REL-TO:A,B."),
    workers: int = typer.Option(1, "--workers", min=1, max=64,
                                help="Processes reading and extracting in parallel."),
    max_mb: int = typer.Option(None, "--max-mb", min=1,
                               help="Quarantine files larger than this (default FAKEFREE_MAX_FILE_MB)."),
    quarantine: Path = typer.Option(None, "--quarantine",
                                    help="Copy quarantined files here with a .reason.txt each."),
    model: str = typer.Option(None, "--model", help="An installed spaCy pipeline to use instead."),
    executor: str = typer.Option(
        "local", "--executor",
        help="Where reading and extraction run: local (a pool of --workers processes) or "
             "dask://HOST:PORT (a Dask cluster's workers; files on a path they share)."),
    store: str = store_option,
    as_json: bool = json_option,
) -> None:
    """Load case files (txt, pdf, docx, html, eml, csv, xlsx, json, zip) into the graph.

    Re-running is safe: files already loaded (same SHA-256) are skipped, a changed file
    replaces what its previous version asserted, unreadable files are quarantined with a reason.
    A partner's exchange package (fakefree export --package) is verified against its manifest
    and loaded with each document's own agency, releasability and cases.

    Example: fakefree ingest seed_data/demo/documents --workers 2
    (or --executor dask://scheduler:8786 to extract on a Dask cluster)
    """
    import nlp

    options = IngestOptions.from_settings(
        case=case, agency=agency, releasability=releasability, workers=workers,
        max_bytes=max_mb * 1024 * 1024 if max_mb else None, quarantine_dir=quarantine,
        model=model, executor=executor)
    if executor != "local" and not executor.startswith("dask://"):
        raise InputError(f"--executor {executor!r} is neither local nor dask://HOST:PORT.")
    total = len(discover(paths, options))
    console = Console(stderr=True)
    show_bar = not as_json and sys.stderr.isatty()
    started = time.perf_counter()
    with open_workspace(store) as (graph, ledger), Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
            console=console, disable=not show_bar) as bar:
        task = bar.add_task("ingest", total=total, rate="")

        def on_file(outcome: FileOutcome) -> None:
            done = bar.tasks[0].completed + 1
            rate = done / max(time.perf_counter() - started, 1e-9)
            bar.update(task, advance=1, rate=f"{rate:.1f} files/s")
            if outcome.outcome == "quarantined":
                console.print(f"quarantined {outcome.path}: {outcome.reason}", markup=False,
                              highlight=False)

        summary = ingest(paths, graph, ledger, options, nlp.EXTRACTOR_VERSION, on_file)
    data = summary.to_dict()
    record("ingest", ", ".join(str(p) for p in paths), loaded=data["loaded"],
           duplicates=data["duplicates"], quarantined=data["quarantined"],
           documents=[f.sha256 for f in summary.files if f.outcome == "loaded"])
    text = (f"{data['loaded']} loaded, {data['duplicates']} skipped as already loaded, "
            f"{data['quarantined']} quarantined in {data['seconds']:.1f} s "
            f"({total / max(data['seconds'], 1e-9):.1f} files/s; {data['nodes']} node and "
            f"{data['rels']} relationship claims).")
    emit(data, as_json, text)
    if data["quarantined"]:
        raise typer.Exit(2)
