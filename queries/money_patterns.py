"""Laundering patterns in transfers: structuring, layering, cycles and round trips, and
trade-based laundering (invoiced value far from declared customs value).

>>> from queries.transfers import Transfer
>>> t = [Transfer(str(i), "PAID", "a", "b", "a", "b", 9600 + i, "USD", 9600 + i, f"2024-01-0{i+1}")
...      for i in range(3)]
>>> [(s.party, s.count) for s in find_structuring(t)]
[('a', 3), ('b', 3)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from queries.fx import FxTable, fx_table
from queries.graph import declared_value, has_label, prop
from queries.result import Result
from queries.traces import MoneyTrace, value
from queries.transfers import Transfer
from queries.values import parse_amount

__all__ = [
    "REPORTING_THRESHOLDS", "StructuringAlert", "LayeringAlert", "CycleAlert", "TradeAlert",
    "find_structuring", "find_layering", "find_cycles", "find_trade_mismatches",
]

# Cash / wire reporting thresholds by currency (FINTRAC, FinCEN, EU AMLD).
REPORTING_THRESHOLDS: dict[str, float] = {"USD": 10000, "CAD": 10000, "EUR": 10000,
                                          "MXN": 200000, "GBP": 10000}


@dataclass
class StructuringAlert(Result):
    """Many transfers just under a reporting threshold, sent (``out``) or received (``in``)."""

    party: str
    direction: str
    currency: str
    threshold: float
    count: int
    total: float
    first: str | None
    last: str | None
    transfers: list[str] = field(default_factory=list)


@dataclass
class LayeringAlert(Result):
    """A fast multi-hop chain that keeps most of the money moving."""

    parties: list[str]
    transfers: list[str]
    hops: int
    days: int | None
    retained: float


@dataclass
class CycleAlert(Result):
    """Money that comes back to where it started; ``time_respecting`` if dates allow it."""

    parties: list[str]
    transfers: list[str]
    total_base: float
    time_respecting: bool
    round_trip: bool


@dataclass
class TradeAlert(Result):
    """Payments between an importer and an exporter far from the customs value declared."""

    importer: str
    exporter: str
    shipments: list[str]
    declared_base: float
    paid_base: float
    ratio: float
    transfers: list[str] = field(default_factory=list)


def find_structuring(items: Iterable[Transfer], *,
                     thresholds: dict[str, float] | None = None, margin: float = 0.1,
                     min_count: int = 3, window_days: int = 30) -> list[StructuringAlert]:
    """Parties sending or receiving ``min_count`` or more transfers in ``[T(1-margin), T)`` within
    ``window_days`` of each other, for each threshold ``T`` by currency.

    Complexity: O(T log T) for T transfers.
    """
    limits = REPORTING_THRESHOLDS if thresholds is None else thresholds
    groups: dict[tuple[str, str, str], list[Transfer]] = defaultdict(list)
    for t in items:
        limit = limits.get(t.currency or "")
        if limit and limit * (1 - margin) <= t.amount < limit:
            groups[(t.payer, "out", t.currency)].append(t)
            groups[(t.payee, "in", t.currency)].append(t)
    alerts = []
    for (party, direction, currency), group in sorted(groups.items()):
        group.sort(key=lambda t: (t.date or "", t.id))
        best = _densest_window(group, window_days)
        if len(best) >= min_count:
            alerts.append(StructuringAlert(
                party=party, direction=direction, currency=currency, threshold=limits[currency],
                count=len(best), total=round(sum(t.amount for t in best), 2), first=best[0].date,
                last=best[-1].date, transfers=[t.id for t in best]))
    alerts.sort(key=lambda a: (-a.count, a.party, a.direction))
    return alerts


def _densest_window(group: list[Transfer], days: int) -> list[Transfer]:
    dated = [t for t in group if t.day]
    if len(dated) < len(group):
        return group  # undated transfers: count them all
    best: list[Transfer] = []
    start = 0
    for end in range(len(dated)):
        while (dated[end].day - dated[start].day).days > days:
            start += 1
        if end - start + 1 > len(best):
            best = dated[start:end + 1]
    return best


def find_layering(traces: Iterable[MoneyTrace], *, min_hops: int = 3, max_days: int = 14,
                  min_retained: float = 0.8) -> list[LayeringAlert]:
    """Traces of at least ``min_hops`` transfers done within ``max_days`` that keep at least
    ``min_retained`` of the first amount. Sub-chains of a reported chain are not repeated, nor
    the same parties by other transfers.

    Complexity: O(L * h) for L traces of at most h hops.
    """
    alerts: list[LayeringAlert] = []
    seen: set[tuple[str, ...]] = set()
    told: set[tuple[str, ...]] = set()  # parties already reported, by other transfers
    for trace in traces:
        for start in range(len(trace.hops)):
            hops = trace.hops[start:]
            if len(hops) < min_hops:
                break
            ids = tuple(h.id for h in hops)
            if any(ids == s[len(s) - len(ids):] for s in seen):
                break
            first, last = hops[0], hops[-1]
            days = (last.day - first.day).days if first.day and last.day else None
            value0 = trace.amount_in if start == 0 else value(first)
            retained = value(last) / value0 if value0 else 0.0
            parties = [first.payer] + [h.payee for h in hops]
            if tuple(parties) in told:
                break
            if days is not None and days <= max_days and retained >= min_retained:
                seen.add(ids)
                told.add(tuple(parties))
                alerts.append(LayeringAlert(parties=parties,
                                            transfers=list(ids), hops=len(hops), days=days,
                                            retained=round(retained, 3)))
                break
    alerts.sort(key=lambda a: (-a.hops, a.days if a.days is not None else 99, a.transfers))
    return alerts


def find_cycles(items: Iterable[Transfer], *, max_length: int = 6,
                limit: int = 100) -> list[CycleAlert]:
    """Cycles of the party-level transfer graph (``networkx.simple_cycles`` with a length bound).

    A cycle is ``time_respecting`` when, starting from one of its transfers, each next hop can be
    paid after the previous one; a ``round_trip`` is a time-respecting cycle.

    Complexity: O((V + E)(C + 1)) for C cycles of length at most ``max_length``.
    """
    by_pair: dict[tuple[str, str], list[Transfer]] = defaultdict(list)
    for t in items:
        if t.payer != t.payee:
            by_pair[(t.payer, t.payee)].append(t)
    D = nx.DiGraph(list(by_pair))
    alerts = []
    for cycle in nx.simple_cycles(D, length_bound=max_length):
        if len(alerts) >= limit:
            break
        if len(cycle) < 2:
            continue
        start = cycle.index(min(cycle))
        cycle = cycle[start:] + cycle[:start]
        pairs = list(zip(cycle, cycle[1:] + cycle[:1]))
        chosen = _dated_walk([by_pair[p] for p in pairs])
        hops = chosen or [sorted(by_pair[p], key=lambda t: t.date or "")[0] for p in pairs]
        alerts.append(CycleAlert(parties=[t.payer for t in hops], transfers=[t.id for t in hops],
                                 total_base=round(sum(t.amount_base or 0 for t in hops), 2),
                                 time_respecting=chosen is not None,
                                 round_trip=chosen is not None))
    alerts.sort(key=lambda a: (not a.time_respecting, len(a.parties), a.parties))
    return alerts


def _dated_walk(options: list[list[Transfer]]) -> list[Transfer] | None:
    """One transfer per hop, in non-decreasing date order, trying every rotation."""
    n = len(options)
    for rotation in range(n):
        order = options[rotation:] + options[:rotation]
        chain: list[Transfer] = []
        for choices in order:
            after = [t for t in sorted(choices, key=lambda t: t.date or "")
                     if not chain or not (t.day and chain[-1].day) or t.day >= chain[-1].day]
            if not after:
                break
            chain.append(after[0])
        else:
            return chain
    return None


def find_trade_mismatches(G: nx.MultiDiGraph, items: Iterable[Transfer], *, factor: float = 2.0,
                          fx: FxTable | None = None) -> list[TradeAlert]:
    """Importer/exporter pairs whose payments differ from the declared value of their shipments
    by more than ``factor`` (either way); a shipment's own ``invoice_value`` counts too.

    Complexity: O(V + E + T).
    """
    table = fx or fx_table()
    declared: dict[tuple[str, str], float] = defaultdict(float)
    invoiced: dict[tuple[str, str], float] = defaultdict(float)
    shipments: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node in G:
        if not has_label(G, node, "Shipment"):
            continue
        value, currency = declared_value(G, node)
        if value is None:
            continue
        currency = currency or table.base
        base = table.convert(value, currency) if table.known(currency) else value
        importers = {u for u, _, t in G.in_edges(node, data="type") if t == "IMPORTED"}
        importers |= {v for _, v, t in G.out_edges(node, data="type") if t == "CONSIGNED_TO"}
        exporters = {u for u, _, t in G.in_edges(node, data="type") if t == "EXPORTED"}
        invoice = parse_amount(prop(G, node, "invoice_value"))
        for pair in ((i, e) for i in importers for e in exporters):
            declared[pair] += base
            shipments[pair].append(node)
            if invoice is not None:
                invoiced[pair] += table.convert(invoice, currency) if table.known(currency) \
                    else invoice
    paid: dict[tuple[str, str], list[Transfer]] = defaultdict(list)
    for t in items:
        if (t.payer, t.payee) in declared:
            paid[(t.payer, t.payee)].append(t)
    alerts = []
    for pair, value in sorted(declared.items()):
        amount = sum(t.amount_base or t.amount for t in paid.get(pair, [])) + invoiced.get(pair, 0)
        if not amount or not value:
            continue
        ratio = amount / value
        if ratio >= factor or ratio <= 1 / factor:
            alerts.append(TradeAlert(importer=pair[0], exporter=pair[1],
                                     shipments=sorted(shipments[pair]),
                                     declared_base=round(value, 2), paid_base=round(amount, 2),
                                     ratio=round(ratio, 2),
                                     transfers=[t.id for t in paid.get(pair, [])]))
    alerts.sort(key=lambda a: -max(a.ratio, 1 / a.ratio))
    return alerts
