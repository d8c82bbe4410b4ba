"""Reading the graph a store returns (:func:`graph_etl.store.base.to_graph`) robustly.

Extracted graphs are partial: a node may lack a view, a property or a label. These helpers never
fail on a missing attribute, so analyses also run on small hand-built graphs.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", labels=["Company", "Importer"], name="Acme")
>>> is_party(G, "a"), roles(G, "a"), entity_ref(G, "a").name
(True, ['Importer'], 'Acme')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from fakefree.schema import ROLE_LABELS, primary_label, schema
from queries.result import EntityRef, Hop
from queries.values import parse_amount

__all__ = [
    "PARTY_LABELS", "IDENTIFIER_LABELS", "MONEY_TYPES", "labels_of", "has_label", "is_party",
    "is_company", "roles", "cases_of", "agencies_of", "documents_of", "entity_ref", "name_of",
    "edge_hop", "edges_between", "typed_edges", "prop", "country_of", "undirected",
    "party_projection", "CONTEXT_LABELS", "HUB_LABELS", "declared_value", "is_hub",
]

# The label sets the analyses use, as the schema (fakefree/schema.yaml, ``kind:``) defines them.
PARTY_LABELS = schema().labels_of_kind("party")
IDENTIFIER_LABELS = schema().labels_of_kind("identifier")
MONEY_TYPES = schema().money_types()
CONTEXT_LABELS = schema().labels_of_kind("context")
# Nodes that tie unrelated parties together (every importer uses a port, many goods bear a brand).
HUB_LABELS = schema().hub_labels()


def labels_of(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The labels of ``node`` (from ``labels``, else its single ``label``)."""
    data = G.nodes[node]
    labels = data.get("labels")
    if labels:
        return list(labels)
    return [data["label"]] if data.get("label") else []


def has_label(G: nx.MultiDiGraph, node: str, *labels: str) -> bool:
    return bool(set(labels_of(G, node)) & set(labels))


def is_hub(G: nx.MultiDiGraph, node: str) -> bool:
    """A node that ties unrelated parties together by its nature (:meth:`fakefree.schema.Schema.is_hub`):
    a port, brand, vessel, agency, place, document, or an HS code or SWIFT identifier.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", labels=["Port"]); G.add_node("hs", labels=["Identifier"], hs_code="6403")
    >>> G.add_node("c", labels=["Identifier"], container="MSCU1234566")
    >>> [is_hub(G, n) for n in G]
    [True, True, False]
    """
    return schema().is_hub(labels_of(G, node), G.nodes[node])


def is_party(G: nx.MultiDiGraph, node: str) -> bool:
    """A person or a company (any role)."""
    return bool(set(labels_of(G, node)) & PARTY_LABELS)


def is_company(G: nx.MultiDiGraph, node: str) -> bool:
    return bool(set(labels_of(G, node)) & (PARTY_LABELS - {"Person"}))


def roles(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The company role labels of ``node`` in :data:`fakefree.schema.ROLE_LABELS` order."""
    labels = set(labels_of(G, node))
    return [r for r in ROLE_LABELS if r in labels]


def _view_list(G: nx.MultiDiGraph, node: str, attr: str) -> list[str]:
    view = G.nodes[node].get("view")
    if view is not None:
        return list(getattr(view, attr, []) or [])
    value = G.nodes[node].get(attr) or []
    return [value] if isinstance(value, str) else list(value)


def cases_of(G: nx.MultiDiGraph, node: str) -> list[str]:
    return _view_list(G, node, "cases")


def agencies_of(G: nx.MultiDiGraph, node: str) -> list[str]:
    return _view_list(G, node, "agencies")


def documents_of(G: nx.MultiDiGraph, node: str) -> list[str]:
    return _view_list(G, node, "documents")


def name_of(G: nx.MultiDiGraph, node: str) -> str:
    return str(G.nodes[node].get("name") or node)


def prop(G: nx.MultiDiGraph, node: str, *keys: str, default: Any = None) -> Any:
    """The first present property among ``keys`` of ``node``."""
    data = G.nodes[node]
    for key in keys:
        value = data.get(key)
        if value not in (None, ""):
            return value
    return default


def declared_value(G: nx.MultiDiGraph, node: str) -> tuple[float | None, str | None]:
    """A shipment's declared customs value and its currency (``declared_value`` + ``currency``,
    or ``declared_value_usd``).

    >>> G = nx.MultiDiGraph(); G.add_node("s", declared_value_usd="7,593.41")
    >>> declared_value(G, "s")
    (7593.41, 'USD')
    """
    usd = parse_amount(prop(G, node, "declared_value_usd"))
    if usd is not None:
        return usd, "USD"
    value = parse_amount(prop(G, node, "declared_value", "customs_value", "value"))
    currency = prop(G, node, "currency", "declared_currency")
    return value, str(currency).upper() if currency else None


def entity_ref(G: nx.MultiDiGraph, node: str) -> EntityRef:
    labels = labels_of(G, node)
    return EntityRef(id=node, name=name_of(G, node),
                     label=G.nodes[node].get("label") or primary_label(labels),
                     cases=cases_of(G, node), agencies=agencies_of(G, node))


def edge_hop(G: nx.MultiDiGraph, u: str, v: str, key: str) -> Hop:
    """The relationship ``(u, v, key)`` as a :class:`Hop` with its evidence."""
    data = G.edges[u, v, key]
    view = data.get("view")
    evidence = [e.to_dict() for e in getattr(view, "evidence", [])] if view is not None else []
    props = dict(getattr(view, "props", {}) or {}) if view is not None else {
        k: val for k, val in data.items() if k not in {"view", "type"}}
    return Hop(source=u, target=v, type=str(data.get("type", "")), rel_id=str(key), props=props,
               evidence=evidence)


def edges_between(G: nx.MultiDiGraph, a: str, b: str) -> list[Hop]:
    """Every relationship between ``a`` and ``b`` in either direction."""
    out = []
    for u, v in ((a, b), (b, a)):
        if G.has_edge(u, v):
            out += [edge_hop(G, u, v, k) for k in sorted(G[u][v])]
    return out


def typed_edges(G: nx.MultiDiGraph, types: Iterable[str]) -> Iterator[tuple[str, str, str, dict]]:
    """Edges ``(u, v, key, data)`` whose ``type`` is in ``types``."""
    wanted = set(types)
    for u, v, k, data in G.edges(keys=True, data=True):
        if data.get("type") in wanted:
            yield u, v, k, data


def country_of(G: nx.MultiDiGraph, node: str) -> str | None:
    """A party's country: its ``country`` property, else the Country it is REGISTERED_IN,
    else the country of its address; for an account, the country code of its IBAN."""
    value = prop(G, node, "country", "jurisdiction")
    if value:
        return str(value)
    for _, target, data in G.out_edges(node, data=True):
        if data.get("type") == "REGISTERED_IN" and has_label(G, target, "Country"):
            return name_of(G, target)
    for _, target, data in G.out_edges(node, data=True):
        if data.get("type") in {"REGISTERED_IN", "HAS_ADDRESS"}:
            value = prop(G, target, "country")
            if value:
                return str(value)
    if has_label(G, node, "BankAccount"):
        iban = str(prop(G, node, "iban", "number", default=name_of(G, node))).replace(" ", "")
        if len(iban) > 4 and iban[:2].isalpha() and iban[2:4].isdigit():
            return iban[:2].upper()
    return None


def undirected(G: nx.MultiDiGraph, *, skip_labels: Iterable[str] = CONTEXT_LABELS) -> nx.Graph:
    """A simple undirected graph of ``G`` without context nodes; ``weight`` counts parallel edges.

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "a")])
    >>> undirected(G)["a"]["b"]["weight"]
    2
    """
    skip = set(skip_labels)
    H = nx.Graph()
    H.add_nodes_from(n for n in G if not set(labels_of(G, n)) & skip)
    for u, v in G.edges():
        if u in H and v in H and u != v:
            weight = H[u][v]["weight"] + 1 if H.has_edge(u, v) else 1
            H.add_edge(u, v, weight=weight)
    return H


def party_projection(G: nx.MultiDiGraph, *, skip_roles: Iterable[str] = ("Shipper",)) -> nx.Graph:
    """Parties linked directly or through one shared non-party node (shipment, address, phone,
    account, seizure...); ``weight`` counts the links. Hubs (:data:`HUB_LABELS`) and parties whose
    only roles are ``skip_roles`` (a carrier ships for everyone) do not link anyone.

    >>> G = nx.MultiDiGraph()
    >>> for n in "ab":
    ...     G.add_node(n, labels=["Company"])
    >>> G.add_node("s", labels=["Shipment"])
    >>> G.add_edges_from([("a", "s"), ("b", "s")])
    [0, 0]
    >>> list(party_projection(G).edges(data="weight"))
    [('a', 'b', 1)]

    Complexity: O(E + sum of d^2) over non-party nodes of degree d.
    """
    skip = set(skip_roles)

    def linkable(n: str) -> bool:
        if not is_party(G, n):
            return False
        node_roles = set(roles(G, n))
        return not (node_roles and node_roles <= skip)

    H = nx.Graph()
    H.add_nodes_from(n for n in G if linkable(n))

    def link(a: str, b: str) -> None:
        if a != b:
            H.add_edge(a, b, weight=H[a][b]["weight"] + 1 if H.has_edge(a, b) else 1)

    for u, v in G.edges():
        if u in H and v in H:
            link(u, v)
    for node in G:
        if node in H or is_party(G, node) or set(labels_of(G, node)) & HUB_LABELS:
            continue
        around = sorted({m for m in nx.all_neighbors(G, node) if m in H})
        for i, a in enumerate(around):
            for b in around[i + 1:]:
                link(a, b)
    return H
