"""The responsibility graph: who stands upstream of whom, from a seizure to its source.

Each relationship of the store graph becomes one or two weighted arcs pointing *upstream*: from a
seized shipment to its exporter and manufacturer, from a company to its owner, director and
financier, from a payer to the payee, from a party to the parties it shares an address, phone or
account with. An arc's weight (0-1) is how strongly responsibility passes along it; the credit
of a path is the product of its weights.

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

from queries.graph import IDENTIFIER_LABELS, is_party, labels_of

__all__ = ["UPSTREAM_WEIGHTS", "responsibility_graph"]

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
_SHARED = {"HAS_ADDRESS", "HAS_PHONE", "HAS_EMAIL", "HOLDS"}


def responsibility_graph(G: nx.MultiDiGraph, *,
                         weights: dict[str, dict[str, float]] | None = None,
                         hub_size: int = 3, hop_decay: float = 1.0) -> nx.DiGraph:
    """The weighted upstream arcs of ``G``.

    Arcs leaving an identifier (address, phone, e-mail, account) shared by more than ``hub_size``
    parties are damped by ``hub_size / parties``, so a registered-agent address does not tie
    hundreds of companies together; ``hop_decay`` multiplies every arc's weight. Each arc keeps
    ``weight``, ``cost`` (``-log weight``, for
    Dijkstra) and ``via``, the ``(u, v, key)`` relationship it comes from.

    Complexity: O(V + E).
    """
    table = weights or UPSTREAM_WEIGHTS
    R = nx.DiGraph()
    R.add_nodes_from(G.nodes)
    shared_degree = {
        n: sum(1 for m in nx.all_neighbors(G, n) if is_party(G, m))
        for n in G if set(labels_of(G, n)) & IDENTIFIER_LABELS
    }
    for u, v, key, data in G.edges(keys=True, data=True):
        spec = table.get(str(data.get("type")))
        if not spec or u == v:
            continue
        for direction, weight in spec.items():
            a, b = (u, v) if direction == "fwd" else (v, u)
            if data.get("type") in _SHARED and a in shared_degree:
                weight *= min(1.0, hub_size / max(shared_degree[a], 1))
            weight *= hop_decay
            if weight <= 0:
                continue
            if R.has_edge(a, b) and R[a][b]["weight"] >= weight:
                continue
            R.add_edge(a, b, weight=weight, cost=-math.log(weight), via=(u, v, key))
    return R
