"""Source organizations: who stands behind many seizures, through shipments, fronts and money.

From every seizure, responsibility flows upstream (:mod:`queries.upstream`): to the seized
shipment, its exporter and manufacturer, their owners, directors and financiers, the payees of
their payments, the parties sharing their addresses, phones and accounts. An organization's score
sums, over the seizures, the credit of its best path from that seizure (``credit ** softness``, so
a source hidden behind several fronts is not drowned by the fronts themselves), scaled by how
telling its roles are; an organization then inherits a share of the score of the organizations it
owns, directs or finances, so the controller outranks what it controls. Each rank is explained by
its seizures, cases, agencies and best paths.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, labels in {"z": ["Seizure"], "s": ["Shipment"], "x": ["Company", "Exporter"],
...                   "h": ["Company"]}.items():
...     G.add_node(n, labels=labels, name=n.upper())
>>> G.add_edge("z", "s", key="1", type="SEIZED"); G.add_edge("x", "s", key="2", type="EXPORTED")
'1'
'2'
>>> G.add_edge("h", "x", key="3", type="OWNS")
'3'
>>> top = rank_source_orgs(G).ranks[0]  # the owner stands behind the exporter it owns
>>> top.entity.name, [s.name for s in top.subsidiaries]
('H', ['X'])
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from queries.graph import (
    agencies_of,
    cases_of,
    edge_hop,
    entity_ref,
    has_label,
    is_company,
    is_party,
    prop,
    roles,
)
from queries.result import EntityRef, Hop, Result
from queries.upstream import responsibility_graph

__all__ = ["ROLE_FACTORS", "SourceOrgRank", "SourceOrgResult", "seizure_seeds", "rank_source_orgs"]

log = logging.getLogger(__name__)

# Downstream or service roles are less likely sources; the first matching role counts.
CONTROL_TYPES = frozenset({"OWNS", "DIRECTS", "FINANCED"})
ROLE_FACTORS: dict[str, float] = {
    "Manufacturer": 1.0, "Financier": 1.0, "Exporter": 0.9, "FrontCompany": 0.6,
    "Distributor": 0.5, "Importer": 0.5, "Broker": 0.3, "Shipper": 0.3,
}


@dataclass
class SourceOrgRank(Result):
    """One ranked organization and why: the seizures it stands behind (``credit`` is the best
    path's credit per seizure, 0-1), their cases and agencies, importers, the strongest paths."""

    rank: int
    entity: EntityRef
    score: float
    roles: list[str]
    seizures: list[str]
    cases: list[str]
    agencies: list[str]
    importers: list[str]
    credit: dict[str, float] = field(default_factory=dict)
    subsidiaries: list[EntityRef] = field(default_factory=list)
    paths: list[list[Hop]] = field(default_factory=list)


@dataclass
class SourceOrgResult(Result):
    """Ranked source organizations for the seizures of ``case`` (all cases when ``None``)."""

    case: str | None
    seizures: int
    ranks: list[SourceOrgRank]


def seizure_seeds(G: nx.MultiDiGraph, case: str | None = None) -> list[str]:
    """Seizure nodes, plus seized shipments (a SEIZED edge or ``seized: true``) that no Seizure
    node stands for, of ``case``.

    Complexity: O(V + E).
    """
    seeds = []
    for node in G:
        if has_label(G, node, "Seizure"):
            seeds.append(node)
        elif has_label(G, node, "Shipment"):
            seized_by = [u for u, _, t in G.in_edges(node, data="type") if t == "SEIZED"]
            flagged = prop(G, node, "seized") in (True, "true", "yes", 1)
            if (seized_by or flagged) and not any(has_label(G, u, "Seizure") for u in seized_by):
                seeds.append(node)
    if case is not None:
        seeds = [s for s in seeds if case in cases_of(G, s)]
    return sorted(seeds)


def _seizure_importers(G: nx.MultiDiGraph, seed: str) -> set[str]:
    shipments = {seed} | {v for _, v, t in G.out_edges(seed, data="type") if t == "SEIZED"}
    out = set()
    for shipment in shipments:
        out |= {u for u, _, t in G.in_edges(shipment, data="type") if t == "IMPORTED"}
        out |= {v for _, v, t in G.out_edges(shipment, data="type") if t == "CONSIGNED_TO"}
    return out


def rank_source_orgs(G: nx.MultiDiGraph, *, case: str | None = None, top: int = 10,
                     min_credit: float = 0.02, softness: float = 0.5, hop_decay: float = 0.8,
                     role_factors: dict[str, float] | None = None,
                     inherit: float = 0.25, group_subsidiaries: bool = True, group_hops: int = 3,
                     paths_per_rank: int = 3) -> SourceOrgResult:
    """Rank the organizations upstream of the seizures of ``case`` (or of all cases).

    Parameters
    ----------
    G : the store graph (``store.subgraph(viewer)``).
    case : only seizures of this case count; the whole graph is still walked.
    top : how many organizations to return.
    min_credit : paths whose credit falls below this are not followed.
    softness : exponent applied to each path credit (1 = strict decay, 0 = plain reach count).
    hop_decay : credit kept per hop on top of the relationship's weight, so long detours through
        shared phones and payments count less than a short chain of ownership.
    role_factors : multiplier per role label (default :data:`ROLE_FACTORS`).
    inherit : share of the score of each organization it owns, directs or finances that an
        organization adds to its own (one level), so a holding ranks above its own factory.
    group_subsidiaries : list an organization tied to a better-ranked one by ownership and
        directorship (at most ``group_hops`` OWNS / DIRECTS links, persons included: a company
        owned by it, or run by the nominee who runs one of its companies) under that one's
        ``subsidiaries`` rather than as a rank of its own, so the top ranks are distinct networks.
    paths_per_rank : how many explaining paths (the strongest) to keep per organization.

    Complexity: O(S * (E + V log V)) for S seizures (one bounded Dijkstra each).
    """
    factors = ROLE_FACTORS if role_factors is None else role_factors
    R = responsibility_graph(G, hop_decay=hop_decay)
    seeds = seizure_seeds(G, case)
    _link_seizures(G, R, seeds, 0.9 * hop_decay)
    score: dict[str, float] = defaultdict(float)
    reached: dict[str, list[tuple[float, str, list[str]]]] = defaultdict(list)
    importers: dict[str, set[str]] = defaultdict(set)
    cutoff = -math.log(min_credit)
    for seed in seeds:
        dist, paths = nx.single_source_dijkstra(R, seed, cutoff=cutoff, weight="cost")
        seed_importers = _seizure_importers(G, seed)
        for node, cost in dist.items():
            if node == seed or not is_company(G, node):
                continue
            credit = math.exp(-cost)
            score[node] += credit ** softness
            reached[node].append((credit, seed, paths[node]))
            importers[node] |= seed_importers - {node}
    for node in score:
        node_roles = roles(G, node)
        score[node] *= next((factors[r] for r in node_roles if r in factors), 1.0)
    raw = dict(score)
    for owner, owned, rel_type in G.edges(data="type"):
        if rel_type in CONTROL_TYPES and owner in raw and owned in raw and owner != owned:
            score[owner] += inherit * raw[owned]
    order = sorted(score, key=lambda n: (-score[n], n))
    groups: dict[str, list[str]] = {}
    control = _control_graph(G) if group_subsidiaries else nx.Graph()
    for node in order:
        near = nx.single_source_shortest_path_length(control, node, cutoff=group_hops) \
            if node in control else {}
        head = min((h for h in groups if h in near), key=lambda h: (near[h], -score[h]),
                   default=None)
        if head is not None:
            groups[head].append(node)
        elif len(groups) < top:
            groups[node] = []
    ranks = []
    for i, (node, members) in enumerate(groups.items(), 1):
        hits = sorted(reached[node], key=lambda h: (-h[0], h[1]))
        seizures = sorted({s for _, s, _ in hits})
        ranks.append(SourceOrgRank(
            rank=i, entity=entity_ref(G, node), score=round(score[node], 4),
            roles=roles(G, node), seizures=seizures,
            cases=sorted({c for s in seizures for c in cases_of(G, s)}),
            agencies=sorted({a for s in seizures for a in agencies_of(G, s)}),
            importers=sorted(importers[node]),
            credit={s: round(c, 4) for c, s, _ in hits},
            subsidiaries=[entity_ref(G, m) for m in members],
            paths=[_hops(G, R, p) for _, _, p in hits[:paths_per_rank]]))
    log.debug("ranked %d organizations from %d seizures", len(score), len(seeds))
    return SourceOrgResult(case=case, seizures=len(seeds), ranks=ranks)


def _control_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Companies and persons linked by ownership or directorship (undirected)."""
    H = nx.Graph()
    for u, v, rel_type in G.edges(data="type"):
        if rel_type in {"OWNS", "DIRECTS"} and u != v and is_party(G, u) and is_party(G, v):
            H.add_edge(u, v)
    return H


def _link_seizures(G: nx.MultiDiGraph, R: nx.DiGraph, seeds: list[str], weight: float) -> None:
    """A seizure reaches whatever it is linked to, whatever the relationship type (extracted
    graphs say "seized from", "linked to", ...), hubs (agencies, ports, documents, cases...)
    excepted: a seizure at a port does not make the port's other users responsible."""
    hubs = R.graph.get("hubs", set())
    for seed in seeds:
        for u, v, key, data in list(G.in_edges(seed, keys=True, data=True)) + list(
                G.out_edges(seed, keys=True, data=True)):
            other = u if v == seed else v
            if other == seed or R.has_edge(seed, other) or other in hubs:
                continue
            R.add_edge(seed, other, weight=weight, cost=-math.log(weight), via=(u, v, key))


def _hops(G: nx.MultiDiGraph, R: nx.DiGraph, path: list[str]) -> list[Hop]:
    return [edge_hop(G, *R[a][b]["via"]) for a, b in zip(path, path[1:])]
