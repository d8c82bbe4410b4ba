"""Commands that run the local Neo4j 5.26 Community server: start, stop, status, import."""

from __future__ import annotations

from pathlib import Path

import typer

from cli.app import emit, groups, json_option
from cli.commands.recording import record
from graph_etl.store.neo4j import bulk_import as neo4j_import
from graph_etl.store.neo4j import server as neo4j_server

neo4j_app = groups["neo4j"]


@neo4j_app.command("start")
def start(
    timeout: float = typer.Option(600.0, "--timeout", min=1.0,
                                  help="Seconds to wait for the server to accept logins."),
    as_json: bool = json_option,
) -> None:
    """Start the local Neo4j server on 127.0.0.1:7687 (built with Maven on first use).

    Example: fakefree neo4j start && export FAKEFREE_STORE=bolt://127.0.0.1:7687
    """
    info = neo4j_server.start(timeout_s=timeout)
    took = f" (started in {info['startup_s']} s)" if "startup_s" in info else " (already running)"
    emit(info, as_json, f"Neo4j {info['version']} is running at {info['uri']}{took}; "
                        f"pid {info['pid']}, data and logs in {info['home']}.")


@neo4j_app.command("stop")
def stop(
    timeout: float = typer.Option(120.0, "--timeout", min=1.0,
                                  help="Seconds to wait for a clean shutdown before killing it."),
    as_json: bool = json_option,
) -> None:
    """Stop the local Neo4j server cleanly (SIGTERM, then SIGKILL after the timeout).

    Example: fakefree neo4j stop
    """
    info = neo4j_server.stop(timeout_s=timeout)
    if not info["stopped"]:
        text = f"No local Neo4j server is running for {info['uri']}."
    else:
        how = " by killing it" if info["killed"] else ""
        text = f"Stopped the Neo4j server (pid {info['pid']}){how}."
    emit(info, as_json, text)


@neo4j_app.command("status")
def status(as_json: bool = json_option) -> None:
    """Say whether the local Neo4j server runs, with its URI, pid and folders.

    Example: fakefree neo4j status --json
    """
    info = neo4j_server.status()
    if info["running"]:
        text = (f"Neo4j {info['version']} is running at {info['uri']} (pid {info['pid']}, "
                f"Bolt {'answers' if info['bolt_answers'] else 'not answering yet'}).")
    else:
        text = (f"No local Neo4j server is running for {info['uri']} "
                f"({'built' if info['built'] else 'not built yet'}; home {info['home']}).")
    emit(info, as_json, text)


@neo4j_app.command("import")
def bulk_import(
    source: Path = typer.Option(..., "--from", help="The embedded store (.db) to load."),
    overwrite: bool = typer.Option(False, "--overwrite",
                                   help="Replace whatever the Neo4j database holds."),
    as_json: bool = json_option,
) -> None:
    """Load an embedded store into the local Neo4j server's empty database with neo4j-admin import.

    The fast initial load (the server is stopped for the import and started again); later
    documents go in with `fakefree ingest --store bolt://...` as usual.

    Example: fakefree neo4j import --from fakefree.db
    """
    info = neo4j_import.bulk_import(source, overwrite=overwrite)
    record("ingest", info["uri"], how="neo4j-admin import", source=info["source"],
           documents=info["documents"], nodes=info["nodes"], relationships=info["relationships"],
           overwrite=overwrite)
    emit(info, as_json,
         f"Imported {info['documents']} documents, {info['nodes']} nodes and "
         f"{info['relationships']} relationships ({info['node_claims']} node and "
         f"{info['relationship_claims']} relationship claims) from {info['source']} into "
         f"{info['uri']} in {info['seconds']} s ({info['claims_per_second']} claims/s: CSV "
         f"{info['write_csv_s']} s, stop {info['stop_s']} s, import {info['import_s']} s, "
         f"start and indexes {info['start_and_index_s']} s, check {info['check_s']} s).")
