"""Communities: Louvain partition (fixed seed) of the entity graph, labelled by dominant roles and
countries.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n in "abcdef":
...     G.add_node(n, labels=["Company", "Importer" if n < "d" else "Exporter"], name=n)
>>> G.add_edges_from([("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"), ("f", "d"),
...                   ("c", "d")])
[0, 0, 0, 0, 0, 0, 0]
>>> [(c.size, c.roles) for c in find_communities(G).communities]
[(3, {'Importer': 3}), (3, {'Exporter': 3})]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from queries.graph import cases_of, country_of, entity_ref, is_party, roles, undirected
from queries.result import EntityRef, Result

__all__ = ["Community", "CommunityResult", "find_communities", "partition"]


@dataclass
class Community(Result):
    id: int
    size: int
    label: str
    roles: dict[str, int]
    countries: dict[str, int]
    cases: dict[str, int]
    members: list[EntityRef] = field(default_factory=list)


@dataclass
class CommunityResult(Result):
    modularity: float
    communities: list[Community]


def partition(H: nx.Graph, *, seed: int = 42, resolution: float = 1.0) -> list[set[str]]:
    """Louvain communities of ``H``, largest first (ties by smallest member), reproducible."""
    parts = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed)
    return sorted((set(p) for p in parts), key=lambda p: (-len(p), min(p)))


def find_communities(G: nx.MultiDiGraph, *, seed: int = 42, resolution: float = 1.0,
                     min_size: int = 2, members: int = 25) -> CommunityResult:
    """Partition the entity graph (context nodes such as documents and agencies left out) and
    describe each community by its parties' roles, countries and cases.

    Complexity: O(E log V) for Louvain (typical), O(V + E) to describe.
    """
    H = undirected(G)
    if H.number_of_edges() == 0:
        return CommunityResult(modularity=0.0, communities=[])
    parts = partition(H, seed=seed, resolution=resolution)
    modularity = nx.community.modularity(H, parts, weight="weight")
    out = []
    for part in parts:
        if len(part) < min_size:
            continue
        parties = sorted(n for n in part if is_party(G, n))
        role_count = Counter(r for n in parties for r in roles(G, n))
        countries = Counter(c for n in parties if (c := country_of(G, n)))
        cases = Counter(c for n in part for c in cases_of(G, n))
        kinds = Counter(G.nodes[n].get("label") or "Entity" for n in part)
        label = ", ".join([r for r, _ in role_count.most_common(2)]
                          + [c for c, _ in countries.most_common(2)]) or kinds.most_common(1)[0][0]
        degree = H.degree(weight="weight")
        ranked = sorted(parties or sorted(part), key=lambda n: (-degree[n], n))
        out.append(Community(id=len(out), size=len(part), label=label,
                             roles=dict(sorted(role_count.items())),
                             countries=dict(sorted(countries.items())),
                             cases=dict(sorted(cases.items())),
                             members=[entity_ref(G, n) for n in ranked[:members]]))
    return CommunityResult(modularity=round(modularity, 4), communities=out)
