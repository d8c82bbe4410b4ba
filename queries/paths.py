"""Paths between two entities: the shortest, and all short ones, with every hop's relationship
types and evidence.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n in "abc":
...     G.add_node(n, labels=["Person"], name=n.upper())
>>> _ = G.add_edge("a", "b", key="r1", type="OWNS")
>>> _ = G.add_edge("c", "b", key="r2", type="DIRECTS")
>>> result = find_paths(G, "a", "c")
>>> [[h.type for h in step.relationships] for step in result.paths[0].steps]
[['OWNS'], ['DIRECTS']]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

import networkx as nx

from fakefree.errors import NotFound
from queries.graph import CONTEXT_LABELS, edges_between, entity_ref, undirected
from queries.result import EntityRef, Hop, Result

__all__ = ["PathStep", "GraphPath", "PathResult", "find_paths"]


@dataclass
class PathStep(Result):
    """One hop: from one entity to the next, by every relationship linking them."""

    source: EntityRef
    target: EntityRef
    relationships: list[Hop]


@dataclass
class GraphPath(Result):
    length: int
    steps: list[PathStep]


@dataclass
class PathResult(Result):
    source: EntityRef
    target: EntityRef
    shortest: int | None
    paths: list[GraphPath] = field(default_factory=list)


def find_paths(G: nx.MultiDiGraph, source: str, target: str, *, max_hops: int = 4,
               slack: int = 1, limit: int = 10,
               skip_labels: Iterable[str] = CONTEXT_LABELS) -> PathResult:
    """Simple paths from ``source`` to ``target`` (direction ignored) of at most
    ``shortest + slack`` and ``max_hops`` hops, shortest first, at most ``limit`` of them.

    Context nodes (the schema's ``kind: context``: documents, cases, agencies, countries,
    cities) are not traversed: a path through
    "both are mentioned in the same document" says nothing. Raises
    :class:`fakefree.errors.NotFound` if an endpoint is not in the graph.

    Complexity: O(V + E) for two breadth-first searches bounded by the hop limit, then Yen's
    algorithm (``shortest_simple_paths``), O(limit * v * (v + e)), only on the v nodes and e
    edges that lie on some path short enough (``d(source, n) + d(n, target) <= bound``).
    """
    for node in (source, target):
        if node not in G:
            raise NotFound(f"No entity {node} in the graph.")
    H = undirected(G, skip_labels=set(skip_labels) - set(_labels(G, source, target)))
    H.add_nodes_from([source, target])
    result = PathResult(source=entity_ref(G, source), target=entity_ref(G, target), shortest=None)
    if source == target:
        return result
    from_source = nx.single_source_shortest_path_length(H, source, cutoff=max_hops)
    if target not in from_source:
        return result
    result.shortest = shortest = from_source[target]
    bound = min(max_hops, shortest + slack)
    from_target = nx.single_source_shortest_path_length(H, target, cutoff=bound)
    H = H.subgraph(n for n, d in from_source.items()
                   if d + from_target.get(n, bound + 1) <= bound)
    for nodes in islice(nx.shortest_simple_paths(H, source, target), limit * 4):
        if len(nodes) - 1 > bound or len(result.paths) >= limit:
            break
        steps = [PathStep(source=entity_ref(G, a), target=entity_ref(G, b),
                          relationships=edges_between(G, a, b)) for a, b in zip(nodes, nodes[1:])]
        result.paths.append(GraphPath(length=len(steps), steps=steps))
    return result


def _labels(G: nx.MultiDiGraph, *nodes: str) -> list[str]:
    return [label for n in nodes for label in (G.nodes[n].get("labels") or [])]
