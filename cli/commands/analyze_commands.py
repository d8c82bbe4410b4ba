"""Link-analysis commands: ``fakefree analyze ...`` and ``fakefree screen LIST.csv``.

Each command reads the graph the viewer may see (``store.subgraph``) and prints a
:mod:`queries` result, as text or with ``--json``.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import typer

from cli.app import (
    app,
    emit,
    groups,
    json_option,
    open_store_for,
    store_option,
    viewer_from,
    viewer_option,
)
from cli.commands.alert_commands import queue_alerts
from cli.commands.store_commands import resolve_entity
from fakefree.errors import InputError
from queries.communities import find_communities
from queries.cross_case import find_cross_case
from queries.key_players import find_key_players
from queries.money_flows import analyze_money
from queries.paths import find_paths
from queries.screening import parse_watchlist, screen
from queries.shared_identifiers import find_shared_identifiers
from queries.shipment_risk import score_shipments
from queries.source_orgs import rank_source_orgs

analyze = groups["analyze"]
case_option = typer.Option(None, "--case", help="Only this case, e.g. CASE-2024-001.")
top_option = typer.Option(10, "--top", min=1, max=1000, help="How many to list.")


def _graph(store: str | None, as_viewer: str | None, case: str | None = None) -> nx.MultiDiGraph:
    graph = open_store_for(store)
    try:
        return graph.subgraph(viewer_from(as_viewer), cases=[case] if case else None)
    finally:
        graph.close()


@analyze.command("source-orgs")
def source_orgs(case: str = case_option, top: int = top_option, store: str = store_option,
                as_viewer: str = viewer_option, as_json: bool = json_option) -> None:
    """Rank the organizations most likely behind many seizures, with the paths that say why.

    Example: fakefree analyze source-orgs --case CASE-A --top 5
    """
    result = rank_source_orgs(_graph(store, as_viewer), case=case, top=top)
    lines = [f"{result.seizures} seizures{f' of {case}' if case else ''}"]
    for r in result.ranks:
        lines.append(f"{r.rank:>3}. {r.entity.name}  [{', '.join(r.roles) or 'Company'}]  "
                     f"score {r.score}  seizures {len(r.seizures)}  cases {', '.join(r.cases)}  "
                     f"agencies {', '.join(r.agencies)}")
        if r.subsidiaries:
            lines.append("       with " + ", ".join(s.name for s in r.subsidiaries))
        if r.paths:
            lines.append("       via " + " -> ".join(f"{h.type}" for h in r.paths[0]))
    emit(result.to_dict(), as_json, "\n".join(lines))


@analyze.command("money-flows")
def money_flows(case: str = case_option, top: int = top_option, store: str = store_option,
                as_viewer: str = viewer_option, as_json: bool = json_option) -> None:
    """Follow payments from importers back to sources: totals, corridors, traces and patterns.

    Example: fakefree analyze money-flows --json > flows.json
    """
    G = _graph(store, as_viewer)
    result = analyze_money(G, case=case)
    name = lambda n: G.nodes[n].get("name", n) if n in G else n  # noqa: E731
    lines = [f"{len(result.transfers)} transfers, {result.total_base:,.2f} "
             f"{result.base_currency} (rates of {result.fx_as_of}); by currency: "
             + ", ".join(f"{v:,.2f} {k}" for k, v in result.totals.items())]
    lines += ["Corridors:"] + [f"  {c.source_country} -> {c.target_country}: "
                               f"{c.total_base:,.2f} {result.base_currency} ({c.transfers})"
                               for c in result.corridors[:top]]
    lines += ["Longest traces:"] + [
        f"  {' -> '.join(name(p) for p in t.parties)}  {t.amount_in:,.0f} -> {t.amount_out:,.0f}"
        f"  {t.start} .. {t.end}" for t in result.traces[:top]]
    lines += [f"Structuring: {name(a.party)} {a.direction} {a.count} x < {a.threshold:,.0f} "
              f"{a.currency}" for a in result.structuring[:top]]
    lines += [f"Layering: {' -> '.join(name(p) for p in a.parties)} in {a.days} days"
              for a in result.layering[:top]]
    lines += [f"Cycle{' (round trip)' if c.round_trip else ''}: "
              f"{' -> '.join(name(p) for p in c.parties)}" for c in result.cycles[:top]]
    lines += [f"Trade mismatch: {name(a.importer)} paid {name(a.exporter)} {a.paid_base:,.0f} for "
              f"goods declared at {a.declared_base:,.0f} (x{a.ratio})" for a in result.trade[:top]]
    emit(result.to_dict(), as_json, "\n".join(lines + result.notes))


@analyze.command("key-players")
def key_players(case: str = case_option, top: int = top_option, store: str = store_option,
                as_viewer: str = viewer_option, as_json: bool = json_option) -> None:
    """Rank parties by betweenness, PageRank and degree; flag brokers between communities.

    Example: fakefree analyze key-players --top 20
    """
    result = find_key_players(_graph(store, as_viewer, case), top=top)
    lines = [f"{p.rank:>3}. {p.entity.name}  score {p.score}  betweenness {p.betweenness}  "
             f"pagerank {p.pagerank}  degree {p.degree}{'  BROKER' if p.broker else ''}"
             for p in result.players]
    emit(result.to_dict(), as_json, "\n".join(lines) or "No parties.")


@analyze.command("communities")
def communities(case: str = case_option, top: int = top_option, store: str = store_option,
                as_viewer: str = viewer_option, as_json: bool = json_option) -> None:
    """Partition the network into communities (Louvain, fixed seed) labelled by roles and countries.

    Example: fakefree analyze communities --case CASE-A
    """
    result = find_communities(_graph(store, as_viewer, case))
    lines = [f"modularity {result.modularity}"]
    for c in result.communities[:top]:
        lines.append(f"#{c.id} ({c.size}) {c.label}: "
                     + ", ".join(m.name for m in c.members[:6]))
    emit(result.to_dict(), as_json, "\n".join(lines))


@analyze.command("path")
def path(a: str = typer.Argument(..., help="First entity: id, name or identifier."),
         b: str = typer.Argument(..., help="Second entity: id, name or identifier."),
         max_hops: int = typer.Option(4, "--max-hops", min=1, max=8),
         limit: int = typer.Option(10, "--limit", min=1, max=100),
         store: str = store_option, as_viewer: str = viewer_option,
         as_json: bool = json_option) -> None:
    """Shortest and other short paths between two entities, with evidence on every hop.

    Example: fakefree analyze path "Maple Imports" "Golden Dragon Holdings"
    """
    graph = open_store_for(store)
    viewer = viewer_from(as_viewer)
    source, target = resolve_entity(graph, a, viewer), resolve_entity(graph, b, viewer)
    G = graph.subgraph(viewer)
    result = find_paths(G, source.id, target.id, max_hops=max_hops, limit=limit)
    if result.shortest is None:
        text = f"No path of at most {max_hops} hops between {source.name} and {target.name}."
    else:
        lines = []
        for i, p in enumerate(result.paths, 1):
            hops = [f"{s.source.name} -[{'/'.join(r.type for r in s.relationships)}]-"
                    for s in p.steps]
            lines.append(f"{i}. {''.join(hops)} {p.steps[-1].target.name}")
            for s in p.steps:
                for r in s.relationships:
                    quote = r.evidence[0]["text"] if r.evidence else "(no evidence)"
                    lines.append(f"     {r.type}: \u201c{quote}\u201d")
        text = "\n".join(lines)
    emit(result.to_dict(), as_json, text)


@analyze.command("shared-identifiers")
def shared_identifiers(cross_only: bool = typer.Option(False, "--cross-only",
                                                       help="Only across cases or agencies."),
                       case: str = case_option, top: int = top_option, store: str = store_option,
                       as_viewer: str = viewer_option, as_json: bool = json_option) -> None:
    """Addresses, phones, e-mails, accounts, containers and directors shared by several parties.

    Example: fakefree analyze shared-identifiers --cross-only
    """
    result = find_shared_identifiers(_graph(store, as_viewer, case), only_cross=cross_only)
    lines = [f"{s.kind} {s.identifier.name}: {', '.join(p.name for p in s.parties)}  "
             f"cases {', '.join(s.cases) or '-'}  agencies {', '.join(s.agencies) or '-'}"
             + ("  CROSS-CASE" if s.cross_case else "")
             + ("  CROSS-AGENCY" if s.cross_agency else "")
             for s in result.shared[:top]]
    emit(result.to_dict(), as_json, "\n".join(lines) or "No shared identifiers.")


@analyze.command("cross-case")
def cross_case(top: int = top_option, store: str = store_option, as_viewer: str = viewer_option,
               as_json: bool = json_option) -> None:
    """Entities in several cases and networks several agencies hold pieces of: who should talk.

    Example: fakefree analyze cross-case --as-viewer CBSA
    """
    result = find_cross_case(_graph(store, as_viewer))
    lines = [f"{e.entity.name}: cases {', '.join(e.cases)}; agencies {', '.join(e.agencies)}"
             for e in result.entities[:top]]
    for n in result.networks[:top]:
        lines.append(f"Network of {n.size} ({', '.join(n.cases)}) held by {', '.join(n.agencies)}")
        lines += [f"  {x.holder} could share with {x.recipient}: "
                  + ", ".join(e.name for e in x.entities[:5]) for x in n.exchanges]
        lines += [f"  contact {p.agency}: {'; '.join(p.contacts)}" for p in n.pieces]
    emit(result.to_dict(), as_json, "\n".join(lines) or "Nothing crosses cases or agencies.")


@analyze.command("risk")
def risk(case: str = case_option, top: int = top_option,
         prior_only: bool = typer.Option(False, "--prior-only",
                                         help="Count only seizures made before each shipment."),
         store: str = store_option, as_viewer: str = viewer_option,
         as_json: bool = json_option) -> None:
    """Score shipments from the graph (bad actors, route, new consignee, brand, value), explained.

    Example: fakefree analyze risk --top 20
    """
    result = score_shipments(_graph(store, as_viewer), case=case, prior_only=prior_only)
    lines = [f"{r.score:.2f}  {r.shipment.name}{'  (seized)' if r.seized else ''}  "
             + "; ".join(f"{x.indicator}: {x.detail}" for x in r.reasons)
             for r in result.shipments[:top]]
    emit(result.to_dict(), as_json, "\n".join(lines) or "No shipments.")


@app.command("screen")
def screen_command(
    watchlist: Path = typer.Argument(..., help="CSV with a name column and/or phone, email, "
                                     "iban, account, container, address columns."),
    threshold: float = typer.Option(85.0, "--threshold", min=0, max=100),
    limit: int = typer.Option(5, "--limit", min=1, max=100, help="Candidates per entry."),
    alerts: bool = typer.Option(False, "--alerts",
                                help="Queue every candidate as an alert (see fakefree alerts)."),
    store: str = store_option, as_viewer: str = viewer_option, as_json: bool = json_option,
) -> None:
    """Screen a watchlist against the graph: ranked candidates with scores and reasons.

    With --alerts, each candidate at or above the threshold joins the alerts queue once
    (screening the same list again adds no duplicate).

    Example: fakefree screen watchlist.csv --threshold 90 --alerts
    """
    try:
        text = watchlist.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Cannot read the watchlist {watchlist}: {exc}.") from exc
    entries = parse_watchlist(text, source=str(watchlist))
    result = screen(_graph(store, as_viewer), entries, threshold=threshold, limit=limit)
    lines = []
    for e in result.entries:
        label = e.entry.name or ", ".join(e.entry.identifiers.values())
        if not e.candidates:
            lines.append(f"row {e.entry.row} {label}: no match")
        for c in e.candidates:
            lines.append(f"row {e.entry.row} {label}: {c.entity.name} ({c.entity.id}) "
                         f"{c.score}  {'; '.join(c.reasons)}")
    data = result.to_dict()
    if alerts:
        new, known = queue_alerts(result, watchlist.name, store)
        data["alerts"] = {"new": new, "already_queued": known}
        lines.append(f"{new} new alerts, {known} already in the queue.")
    emit(data, as_json, "\n".join(lines))
