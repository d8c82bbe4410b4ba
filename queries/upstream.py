"""The responsibility graph: who stands upstream of whom, from a seizure to its source.

Each relationship of the store graph becomes one or two weighted arcs pointing *upstream*: from a
seized shipment to its exporter and manufacturer, from a company to its owner, director and
financier, from a payer to the payee, from a party to the parties it shares an address, phone or
account with. An arc's weight (0-1) is how strongly responsibility passes along it; the credit
of a path is the product of its weights.

No arc leaves a hub (:func:`hub_nodes`): a port, agency, city, country, brand, vessel, HS code or
bank SWIFT code, or an identifier shared by too many parties. A hub may end a path (a vessel one
hop from its shipment) but never carries responsibility on, so two exporters that used the same
port, the same bank or the same tariff heading are not upstream of each other's seizures. The
same holds for intermediaries (a party whose only roles serve others: customs broker,
forwarder, or a money mover seen in several cases) and the accounts only they hold, and no arc
enters a shipment or seizure but from a seizure: responsibility flows up
from the goods to the parties, never sideways from a party to its other shipments.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("s", labels=["Shipment"]); G.add_node("x", labels=["Company", "Exporter"])
>>> _ = G.add_edge("x", "s", key="r1", type="EXPORTED")
>>> R = responsibility_graph(G)
>>> R["s"]["x"]["weight"], R["s"]["x"]["via"]
(1.0, ('x', 's', 'r1'))
"""

from __future__ import annotations

import math

import networkx as nx

from fakefree.schema import schema
from queries.graph import (IDENTIFIER_LABELS, MONEY_TYPES, cases_of, has_label, is_hub, is_party,
                           labels_of)

__all__ = ["UPSTREAM_WEIGHTS", "responsibility_graph", "hub_nodes", "sharing", "money_movers"]

# (type, direction) -> weight. "back" means target -> source is upstream; "fwd" source -> target.
UPSTREAM_WEIGHTS: dict[str, dict[str, float]] = {
    "SEIZED": {"fwd": 1.0},
    "EXPORTED": {"back": 1.0},
    "MANUFACTURED": {"back": 1.0},
    "SHIPPED": {"back": 0.5},
    "IMPORTED": {"back": 0.8},
    "CONSIGNED_TO": {"fwd": 0.7},
    "SUPPLIED": {"back": 0.9},
    "OWNS": {"back": 1.0, "fwd": 0.6},
    "DIRECTS": {"back": 0.9, "fwd": 0.5},
    "EMPLOYED_BY": {"fwd": 0.8},
    "FINANCED": {"back": 0.9},
    "PAID": {"fwd": 0.9},
    "TRANSFERRED": {"fwd": 0.9},
    "HOLDS": {"fwd": 1.0, "back": 1.0},
    "HAS_ADDRESS": {"fwd": 0.7, "back": 0.7},
    "HAS_PHONE": {"fwd": 0.7, "back": 0.7},
    "HAS_EMAIL": {"fwd": 0.7, "back": 0.7},
    "ASSOCIATED_WITH": {"fwd": 0.5, "back": 0.5},
}


def sharing(G: nx.MultiDiGraph) -> dict[str, int]:
    """For every identifier (address, phone, e-mail, account, container...), how many distinct
    nodes hold or share it: its neighbours through relationships that do not move money, hubs
    left out (a transfer to an account does not share it; nor does the bank's SWIFT code).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("ph", labels=["Phone"])
    >>> for n in "abc":
    ...     G.add_node(n, labels=["Company"]); _ = G.add_edge(n, "ph", type="HAS_PHONE")
    >>> sharing(G)
    {'ph': 3}

    Complexity: O(V + E).
    """
    out = {}
    for node in G:
        if not set(labels_of(G, node)) & IDENTIFIER_LABELS or is_hub(G, node):
            continue
        holders = {u for u, _, t in G.in_edges(node, data="type") if t not in MONEY_TYPES}
        holders |= {v for _, v, t in G.out_edges(node, data="type") if t not in MONEY_TYPES}
        out[node] = sum(1 for m in holders - {node} if not is_hub(G, m))
    return out


def hub_nodes(G: nx.MultiDiGraph, *, max_shared: int = 10,
              shared: dict[str, int] | None = None) -> set[str]:
    """The nodes no responsibility passes through: hubs by nature (:func:`queries.graph.is_hub`,
    from the schema's label kinds and hub properties), and identifiers shared by more than
    ``max_shared`` nodes (:func:`sharing`), such as a registered agent's address.

    Complexity: O(V + E).
    """
    shared = sharing(G) if shared is None else shared
    return {n for n in G if is_hub(G, n) or shared.get(n, 0) > max_shared}


def responsibility_graph(G: nx.MultiDiGraph, *,
                         weights: dict[str, dict[str, float]] | None = None,
                         hub_size: int = 3, max_shared: int = 10,
                         hop_decay: float = 1.0) -> nx.DiGraph:
    """The weighted upstream arcs of ``G``.

    No arc leaves a hub (:func:`hub_nodes`, with ``max_shared``). Arcs leaving an identifier
    shared by more than ``hub_size`` nodes are damped by ``hub_size / shared``, so an address
    five companies use ties them less than a phone two of them share; ``hop_decay`` multiplies
    every arc's weight. Each arc keeps ``weight``, ``cost`` (``-log weight``, for Dijkstra) and
    ``via``, the ``(u, v, key)`` relationship it comes from.

    Complexity: O(V + E).
    """
    table = weights or UPSTREAM_WEIGHTS
    R = nx.DiGraph()
    R.add_nodes_from(G.nodes)
    shared = sharing(G)
    hubs = hub_nodes(G, max_shared=max_shared, shared=shared)
    R.graph["hubs"] = hubs
    model = schema()
    ends = hubs | {n for n in G if model.is_intermediary(labels_of(G, n), len(cases_of(G, n)))}
    ends |= money_movers(G)
    ends |= _accounts_of(G, ends)
    trade = model.labels_of_kind("trade")
    goods = {n for n in G if not trade.isdisjoint(labels_of(G, n))}
    seizures = {n for n in goods if "Seizure" in labels_of(G, n)}
    for u, v, key, data in G.edges(keys=True, data=True):
        spec = table.get(str(data.get("type")))
        if not spec or u == v:
            continue
        for direction, weight in spec.items():
            a, b = (u, v) if direction == "fwd" else (v, u)
            if a in ends or (b in goods and a not in seizures):
                continue
            if a in shared:
                weight *= min(1.0, hub_size / max(shared[a], 1))
            weight *= hop_decay
            if weight <= 0:
                continue
            if R.has_edge(a, b) and R[a][b]["weight"] >= weight:
                continue
            R.add_edge(a, b, weight=weight, cost=-math.log(weight), via=(u, v, key))
    return R


_CONTROL_OUT = frozenset({"OWNS", "DIRECTS", "FINANCED"})


def money_movers(G: nx.MultiDiGraph) -> set[str]:
    """Parties of several cases that only move money: a payment in or out (theirs or their
    accounts'), no goods (no trade relationship) and no company they own, direct or finance.
    Whatever their role labels say, such a party serves the schemes it pays for, like a
    launderer: responsibility does not pass through it from one case to another.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("m", labels=["Company"], cases=["A", "B"]); G.add_node("x", labels=["Company"])
    >>> _ = G.add_edge("m", "x", type="PAID")
    >>> sorted(money_movers(G))
    ['m']
    """
    trade = schema().trade_types()
    out = set()
    for node in G:
        if not is_party(G, node) or len(cases_of(G, node)) < 2:
            continue
        own = {t for _, _, t in G.out_edges(node, data="type")}
        links = own | {t for _, _, t in G.in_edges(node, data="type")}
        if not own.isdisjoint(_CONTROL_OUT) or not links.isdisjoint(trade):
            continue
        for account in (v for _, v, t in G.out_edges(node, data="type") if t == "HOLDS"):
            links |= {t for _, _, t in G.in_edges(account, data="type")}
            links |= {t for _, _, t in G.out_edges(account, data="type")}
        if not links.isdisjoint(MONEY_TYPES):
            out.add(node)
    return out


def _accounts_of(G: nx.MultiDiGraph, parties: set[str]) -> set[str]:
    """The bank accounts only ``parties`` hold: money through them passes through their holder."""
    out = set()
    for node in G:
        if has_label(G, node, "BankAccount"):
            held = {u for u, _, t in G.in_edges(node, data="type") if t == "HOLDS"}
            held |= {v for _, v, t in G.out_edges(node, data="type") if t == "HOLDS"}
            if held and held <= parties:
                out.add(node)
    return out
