"""Key players: centrality of parties (betweenness, PageRank, degree), brokers between
communities and bridges whose removal splits the network.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n in "abcde":
...     G.add_node(n, labels=["Person"], name=n.upper())
>>> G.add_edges_from([("a", "c"), ("b", "c"), ("c", "d"), ("d", "e")])
[0, 0, 0, 0]
>>> find_key_players(G).players[0].entity.name
'C'
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from queries.communities import partition
from queries.graph import entity_ref, is_party, party_projection, roles
from queries.result import EntityRef, Result

__all__ = ["KeyPlayer", "Bridge", "KeyPlayerResult", "find_key_players"]


@dataclass
class KeyPlayer(Result):
    rank: int
    entity: EntityRef
    roles: list[str]
    score: float
    betweenness: float
    pagerank: float
    degree: int
    communities_bridged: int
    broker: bool


@dataclass
class Bridge(Result):
    """A link whose removal disconnects its two sides, or joins two communities."""

    source: EntityRef
    target: EntityRef
    between_communities: bool
    cut: bool


@dataclass
class KeyPlayerResult(Result):
    players: list[KeyPlayer]
    bridges: list[Bridge] = field(default_factory=list)


def find_key_players(G: nx.MultiDiGraph, *, top: int = 20, sample: int | None = 500,
                     seed: int = 42, skip_roles: tuple[str, ...] = ("Shipper",)
                     ) -> KeyPlayerResult:
    """Rank parties by a blend of normalised betweenness (0.5), PageRank (0.3) and degree (0.2)
    on the party projection (:func:`queries.graph.party_projection`: parties linked directly or
    through a shared shipment, address, phone, account...; carriers in ``skip_roles`` link no one).

    Betweenness is estimated from ``sample`` pivots (seeded) when the graph is larger, exact
    otherwise. A broker is a party with neighbours in two or more communities other than its own;
    bridges are links between communities (``cut`` when removing them disconnects the graph).

    Complexity: O(k E) for betweenness with k = min(V, sample) pivots, O(E) per PageRank
    iteration, O(E log V) for Louvain, O(V + E) for bridges.
    """
    H = party_projection(G, skip_roles=skip_roles)
    if H.number_of_nodes() == 0:
        return KeyPlayerResult(players=[])
    k = None if sample is None or sample >= H.number_of_nodes() else sample
    between = nx.betweenness_centrality(H, k=k, seed=seed)
    rank = nx.pagerank(H, weight="weight") if H.number_of_edges() else {n: 0.0 for n in H}
    degree = dict(H.degree())
    parts = partition(H, seed=seed) if H.number_of_edges() else [set(H)]
    community = {n: i for i, part in enumerate(parts) for n in part}
    parties = [n for n in H if is_party(G, n)]

    def norm(values: dict[str, float]) -> dict[str, float]:
        top_value = max((values[n] for n in parties), default=0) or 1
        return {n: values[n] / top_value for n in parties}

    nb, nr, nd = norm(between), norm(rank), norm({n: float(d) for n, d in degree.items()})
    bridged = {n: len({community[m] for m in H[n]} - {community[n]}) for n in parties}
    cut_edges = set(nx.bridges(H)) if H.number_of_edges() else set()
    scores = {n: 0.5 * nb[n] + 0.3 * nr[n] + 0.2 * nd[n] for n in parties}
    players = []
    for i, n in enumerate(sorted(parties, key=lambda n: (-scores[n], n))[:top], 1):
        players.append(KeyPlayer(rank=i, entity=entity_ref(G, n), roles=roles(G, n),
                                 score=round(scores[n], 4), betweenness=round(between[n], 4),
                                 pagerank=round(rank[n], 4), degree=degree[n],
                                 communities_bridged=bridged[n], broker=bridged[n] >= 2))
    bridges = []
    for u, v in H.edges():
        between_parts = community[u] != community[v]
        cut = (u, v) in cut_edges or (v, u) in cut_edges
        if between_parts and min(H.degree(u), H.degree(v)) > 1:
            bridges.append(Bridge(source=entity_ref(G, u), target=entity_ref(G, v),
                                  between_communities=True, cut=cut))
    bridges.sort(key=lambda b: (not b.cut, b.source.id, b.target.id))
    return KeyPlayerResult(players=players, bridges=bridges)
