"""``fakefree merge`` and ``fakefree split``: an analyst's corrections to entity resolution."""

from __future__ import annotations

import typer

from cli.app import app, emit, json_option, store_option
from cli.commands.recording import record
from cli.commands.store_commands import resolve_entity
from graph_etl import corrections
from graph_etl.store import Viewer
from graph_etl.workspace import open_workspace

reason_option = typer.Option(..., "--reason", help="Why: kept with the judgement and audited.")


@app.command("merge")
def merge_command(
    survivor: str = typer.Argument(..., help="The entity that stays (id, name or identifier)."),
    others: list[str] = typer.Argument(..., help="Entities to merge into it."),
    reason: str = reason_option,
    store: str = store_option,
    as_json: bool = json_option,
) -> None:
    """Merge entities that are one real-world entity; later ingests respect it.

    Example: fakefree merge "Han Tong Technology" "HT Tech Ltd" --reason "same registry number"
    """
    with open_workspace(store) as (graph, ledger):
        keep = resolve_entity(graph, survivor, Viewer.system()).id
        absorbed = [resolve_entity(graph, other, Viewer.system()).id for other in others]
        result = corrections.merge(graph, ledger, keep, absorbed, who="cli", reason=reason)
    record("merge", keep, absorbed=absorbed, reason=reason, documents=len(result.documents))
    emit(result.to_dict(), as_json, f"Merged {', '.join(absorbed)} into {keep} "
                                    f"({len(result.documents)} documents replayed).")


@app.command("split")
def split_command(
    entity: str = typer.Argument(..., help="An entity that absorbed others by a merge."),
    reason: str = reason_option,
    store: str = store_option,
    as_json: bool = json_option,
) -> None:
    """Undo the merges into an entity; the pairs are never merged automatically again.

    Example: fakefree split "Han Tong Technology" --reason "two different firms"
    """
    with open_workspace(store) as (graph, ledger):
        node_id = resolve_entity(graph, entity, Viewer.system()).id
        result = corrections.split(graph, ledger, node_id, who="cli", reason=reason)
    record("split", node_id, restored=result.others, reason=reason)
    emit(result.to_dict(), as_json, f"Split {', '.join(result.others)} out of {node_id} "
                                    f"({len(result.documents)} documents replayed).")
