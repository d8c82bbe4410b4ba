"""Money flows: who paid whom, by party and by corridor, traced back from importers to the
financiers and sources, with laundering patterns and Sankey-ready links.

Amounts are totalled per currency and converted with the fixed, dated table of :mod:`queries.fx`.
Corridors run between the parties' countries (:func:`queries.countries.party_country`: own
country, registration, address, account's IBAN or bank, phone's calling code).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("i", labels=["Company", "Importer"], name="Imp", country="Canada")
>>> G.add_node("x", labels=["Company", "Exporter"], name="Exp", country="China")
>>> _ = G.add_edge("i", "x", key="p", type="PAID", amount=1000, currency="CAD", date="2024-01-02")
>>> result = analyze_money(G)
>>> result.corridors[0].source_country, result.corridors[0].target_country, result.total_base
('Canada', 'China', 730.5)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from queries.fx import FxTable, fx_table
from queries.countries import party_country
from queries.graph import cases_of, entity_ref, roles
from queries.money_patterns import (
    CycleAlert,
    LayeringAlert,
    StructuringAlert,
    TradeAlert,
    find_cycles,
    find_layering,
    find_structuring,
    find_trade_mismatches,
)
from queries.result import EntityRef, Result
from queries.traces import MoneyTrace, time_respecting_traces
from queries.transfers import Transfer, transfers

__all__ = ["PartyFlow", "Corridor", "SankeyLink", "MoneyFlowResult", "analyze_money",
           "DEFAULT_ORIGIN_ROLES"]

DEFAULT_ORIGIN_ROLES = ("Importer", "Distributor")


@dataclass
class PartyFlow(Result):
    """What one party sent and received, per currency and converted."""

    entity: EntityRef
    roles: list[str]
    sent: dict[str, float]
    received: dict[str, float]
    sent_base: float
    received_base: float
    transfers: int


@dataclass
class Corridor(Result):
    """Money moving from one country to another."""

    source_country: str
    target_country: str
    totals: dict[str, float]
    total_base: float
    transfers: int


@dataclass
class SankeyLink(Result):
    """One party-to-party link for a Sankey diagram (value in the base currency)."""

    source: str
    target: str
    value: float
    totals: dict[str, float]
    transfers: int


@dataclass
class MoneyFlowResult(Result):
    base_currency: str
    fx_as_of: str
    totals: dict[str, float]
    total_base: float
    transfers: list[Transfer]
    parties: list[PartyFlow]
    corridors: list[Corridor]
    sankey_nodes: list[EntityRef]
    sankey_links: list[SankeyLink]
    traces: list[MoneyTrace]
    structuring: list[StructuringAlert]
    layering: list[LayeringAlert]
    cycles: list[CycleAlert]
    trade: list[TradeAlert]
    notes: list[str] = field(default_factory=list)


def _add(totals: dict[str, float], currency: str | None, amount: float) -> None:
    key = currency or "unknown"
    totals[key] = round(totals.get(key, 0.0) + amount, 2)


def analyze_money(G: nx.MultiDiGraph, *, case: str | None = None,
                  origins: Iterable[str] | None = None, max_hops: int = 6,
                  tolerance: float = 0.1, max_traces: int = 200, layering_days: int = 14,
                  fx: FxTable | None = None) -> MoneyFlowResult:
    """Follow payments from ``origins`` (default: importers and distributors) and aggregate them.

    Parameters
    ----------
    G : the store graph.
    case : only transfers asserted for this case.
    origins : party ids the traces start from.
    max_hops, tolerance : trace length and the share by which a hop may exceed what came in.
    max_traces : traces kept (longest first).
    layering_days : a chain of 3+ hops within this many days is layering.
    fx : the conversion table (default: the shipped one).

    Complexity: O(E + T log T + traces) where traces are bounded by ``max_traces`` per origin.
    """
    table = fx or fx_table()
    items = transfers(G, fx=table)
    if case is not None:
        items = [t for t in items if case in t.cases]
    notes = []
    unconverted = sorted({t.currency or "unknown" for t in items if t.amount_base is None})
    if unconverted:
        notes.append("Not converted (currency missing or not in the table): "
                     f"{', '.join(unconverted)}.")
    totals: dict[str, float] = {}
    sent: dict[str, dict[str, float]] = defaultdict(dict)
    received: dict[str, dict[str, float]] = defaultdict(dict)
    base_out: dict[str, float] = defaultdict(float)
    base_in: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    corridors: dict[tuple[str, str], list[Transfer]] = defaultdict(list)
    links: dict[tuple[str, str], list[Transfer]] = defaultdict(list)
    known: dict[str, str] = {}

    def country(node: str) -> str:
        if node not in known:
            known[node] = (party_country(G, node) if node in G else None) or "unknown"
        return known[node]

    for t in items:
        _add(totals, t.currency, t.amount)
        _add(sent[t.payer], t.currency, t.amount)
        _add(received[t.payee], t.currency, t.amount)
        base_out[t.payer] += t.amount_base or 0
        base_in[t.payee] += t.amount_base or 0
        counts[t.payer] += 1
        counts[t.payee] += 1
        countries = (country(t.payer), country(t.payee))
        corridors[countries].append(t)
        links[(t.payer, t.payee)].append(t)
    parties = [PartyFlow(entity=entity_ref(G, p), roles=roles(G, p), sent=sent.get(p, {}),
                         received=received.get(p, {}), sent_base=round(base_out[p], 2),
                         received_base=round(base_in[p], 2), transfers=counts[p])
               for p in counts]
    parties.sort(key=lambda f: (-(f.sent_base + f.received_base), f.entity.id))
    origin_ids = list(origins) if origins is not None else [
        n for n in G if set(roles(G, n)) & set(DEFAULT_ORIGIN_ROLES)
        and (case is None or case in cases_of(G, n))]
    traces = time_respecting_traces(items, origin_ids, max_hops=max_hops, tolerance=tolerance,
                                    limit=max_traces * 10)
    for trace in traces:
        trace.destination_roles = roles(G, trace.destination) if trace.destination in G else []
    return MoneyFlowResult(
        base_currency=table.base, fx_as_of=table.as_of, totals=totals,
        total_base=round(sum(t.amount_base or 0 for t in items), 2), transfers=items,
        parties=parties,
        corridors=sorted((_corridor(k, v) for k, v in corridors.items()),
                         key=lambda c: (-c.total_base, c.source_country, c.target_country)),
        sankey_nodes=[entity_ref(G, p) for p in sorted({p for pair in links for p in pair})],
        sankey_links=sorted((_link(k, v) for k, v in links.items()),
                            key=lambda link: (-link.value, link.source, link.target)),
        traces=traces[:max_traces],
        structuring=find_structuring(items),
        layering=find_layering(traces, max_days=layering_days, min_retained=1 - 2 * tolerance),
        cycles=find_cycles(items),
        trade=find_trade_mismatches(G, items, fx=table),
        notes=notes)


def _corridor(key: tuple[str, str], items: list[Transfer]) -> Corridor:
    totals: dict[str, float] = {}
    for t in items:
        _add(totals, t.currency, t.amount)
    return Corridor(source_country=key[0], target_country=key[1], totals=totals,
                    total_base=round(sum(t.amount_base or 0 for t in items), 2),
                    transfers=len(items))


def _link(key: tuple[str, str], items: list[Transfer]) -> SankeyLink:
    totals: dict[str, float] = {}
    for t in items:
        _add(totals, t.currency, t.amount)
    return SankeyLink(source=key[0], target=key[1],
                      value=round(sum(t.amount_base or 0 for t in items), 2), totals=totals,
                      transfers=len(items))
