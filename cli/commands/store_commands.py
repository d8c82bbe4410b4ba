"""Commands that read or correct the graph store: search, show, stats, retract."""

from __future__ import annotations

import typer

from cli.app import (
    app,
    emit,
    json_option,
    open_store_for,
    store_option,
    viewer_from,
    viewer_option,
)
from cli.commands.recording import record
from graph_etl.store.base import find_entity as resolve_entity


@app.command()
def search(
    text: str = typer.Argument(..., help="A name, alias or identifier (container, IBAN, phone)."),
    label: str = typer.Option(None, "--label", help="Only nodes with this label, e.g. Person."),
    limit: int = typer.Option(20, "--limit", min=1, max=1000),
    store: str = store_option,
    as_viewer: str = viewer_option,
    as_json: bool = json_option,
) -> None:
    """Search names, aliases and identifiers, case- and accent-insensitively.

    Example: fakefree search "zhang wei" --label Person
    """
    graph = open_store_for(store)
    hits = graph.search(text, viewer_from(as_viewer), label=label, limit=limit)
    record("search", text, hits=len(hits), viewer=as_viewer or "system")
    lines = [f"{h.id}  {h.name}  [{', '.join(h.labels)}]  cases: {', '.join(h.cases) or '-'}"
             for h in hits]
    emit([h.to_dict() for h in hits], as_json, "\n".join(lines) or f"No match for {text!r}.")


@app.command()
def show(
    entity: str = typer.Argument(..., help="An entity id, name or identifier."),
    store: str = store_option,
    as_viewer: str = viewer_option,
    as_json: bool = json_option,
) -> None:
    """Show one entity: labels, aliases, properties, cases, agencies and evidence.

    Example: fakefree show "Han Tong Technology"
    """
    graph = open_store_for(store)
    view = resolve_entity(graph, entity, viewer_from(as_viewer))
    record("view", view.id, viewer=as_viewer or "system")
    lines = [f"{view.name}  ({view.id})", f"labels: {', '.join(view.labels)}"]
    if view.aliases:
        lines.append(f"aliases: {'; '.join(view.aliases)}")
    for key, value in sorted(view.props.items()):
        lines.append(f"{key}: {value}")
    lines.append(f"cases: {', '.join(view.cases) or '-'}   agencies: {', '.join(view.agencies)}")
    for mention in view.mentions[:10]:
        lines.append(f"  \u201c{mention.text}\u201d  ({mention.document_id[:12]} "
                     f"@{mention.start}-{mention.end})")
    emit(view.to_dict(), as_json, "\n".join(lines))


@app.command()
def stats(store: str = store_option, as_viewer: str = viewer_option,
          as_json: bool = json_option) -> None:
    """Count documents, nodes by label and relationships by type.

    Example: fakefree stats --as-viewer CBSA
    """
    data = open_store_for(store).stats(viewer_from(as_viewer))
    lines = [f"documents: {data['documents']}  nodes: {data['nodes']}  "
             f"relationships: {data['relationships']}"]
    lines += [f"  {label}: {count}" for label, count in data["labels"].items()]
    lines += [f"  {rtype}: {count}" for rtype, count in data["types"].items()]
    emit(data, as_json, "\n".join(lines))


@app.command()
def retract(
    document: str = typer.Argument(..., help="The document id (its SHA-256)."),
    store: str = store_option,
    as_json: bool = json_option,
) -> None:
    """Remove everything that only this document asserted.

    Example: fakefree retract 3f5a...e9
    """
    counts = open_store_for(store).retract(document)
    record("retract", document, **counts)
    emit(counts, as_json, f"Retracted {document}: removed {counts['nodes_removed']} nodes and "
                          f"{counts['rels_removed']} relationships that only it asserted.")
