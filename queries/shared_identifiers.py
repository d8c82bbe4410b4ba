"""Shared identifiers: parties that share an address, phone, e-mail, bank account, container or
director, and whether the sharing crosses cases or agencies.

Identifier nodes are already keyed by their normalised value (E.164 phones, compact accounts,
addresses by building and unit: :mod:`graph_etl.identifier_keys`). Addresses are also matched
across nodes at building level: ``Grand Harbour Centre, 8 Hok Yuen Street`` and the same
building written with its district and another unit. ``level`` says whether the parties share
the unit (``unit``) or only the building (``building``). An identifier met in two or more cases
is reported even when one party holds it (the same account in two agencies' files).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("p", labels=["Phone"], name="+1 555 0100")
>>> for n, case in (("a", "C1"), ("b", "C2")):
...     G.add_node(n, labels=["Company"], name=n.upper(), cases=[case])
...     _ = G.add_edge(n, "p", type="HAS_PHONE")
>>> hit = find_shared_identifiers(G).shared[0]
>>> hit.kind, [e.name for e in hit.parties], hit.cross_case
('Phone', ['A', 'B'], True)
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from queries.graph import (
    IDENTIFIER_LABELS,
    entity_ref,
    cases_of,
    has_label,
    is_company,
    name_of,
    is_party,
    labels_of,
    prop,
)
from graph_etl.identifier_keys import address_keys, same_building
from queries.result import EntityRef, Result

__all__ = ["SharedIdentifier", "SharedIdentifierResult", "find_shared_identifiers", "is_sharer"]

_SHIPMENT_PARTY = {"IMPORTED", "EXPORTED", "CONSIGNED_TO", "SHIPPED", "MANUFACTURED"}


@dataclass
class SharedIdentifier(Result):
    kind: str
    identifier: EntityRef
    parties: list[EntityRef]
    cases: list[str]
    agencies: list[str]
    cross_case: bool
    cross_agency: bool
    level: str | None = None
    """For addresses: ``unit`` (same floor and unit) or ``building`` (same building only)."""
    identifiers: list[EntityRef] | None = None
    """For a building-level match: every address node of the building."""


@dataclass
class SharedIdentifierResult(Result):
    shared: list[SharedIdentifier]


def find_shared_identifiers(G: nx.MultiDiGraph, *, max_parties: int = 50,
                            only_cross: bool = False) -> SharedIdentifierResult:
    """Identifiers (and directors) linked to two or more parties, cross-case/agency ones first.

    Containers are compared by the ``container`` property of shipments. Identifiers shared by more
    than ``max_parties`` (a registered-agent address, a carrier's phone) are left out.

    Complexity: O(V + E).
    """
    groups: dict[str, tuple[str, str, set[str]]] = {}
    for node in G:
        labels = set(labels_of(G, node))
        if labels & IDENTIFIER_LABELS:
            kind = sorted(labels & IDENTIFIER_LABELS)[0]
            parties = {m for m in nx.all_neighbors(G, node) if is_sharer(G, m)}
        elif "Person" in labels:
            kind = "Director"
            parties = {v for _, v, t in G.out_edges(node, data="type")
                       if t == "DIRECTS" and is_company(G, v) and is_sharer(G, v)}
        else:
            continue
        groups[node] = (kind, node, parties)
    by_container: dict[str, set[str]] = defaultdict(set)
    shipment_of: dict[str, str] = {}
    for node in G:
        if has_label(G, node, "Shipment") and (container := prop(G, node, "container")):
            key = str(container).replace(" ", "").upper()
            shipment_of.setdefault(key, node)
            for m in nx.all_neighbors(G, node):
                if is_sharer(G, m) and any(d.get("type") in _SHIPMENT_PARTY
                                          for d in _edge_data(G, node, m)):
                    by_container[key].add(m)
    out = []
    for node, (kind, ident, parties) in sorted(groups.items()):
        own_cases = set(cases_of(G, node))
        if 2 <= len(parties) <= max_parties or (
                kind != "Director" and len(parties) == 1 and len(own_cases) >= 2):
            found = _shared(G, kind, entity_ref(G, ident), parties)
            if len(parties) == 1:
                found.cross_case = True
                found.cases = sorted(own_cases)
            if kind == "Address":
                found.level = "unit" if address_keys(_address_text(G, node))[1] else "building"
            out.append(found)
    out += _building_matches(G, groups, max_parties)
    for key, parties in sorted(by_container.items()):
        shipments = [n for n in G if has_label(G, n, "Shipment")
                     and str(prop(G, n, "container", default="")).replace(" ", "").upper() == key]
        if len(shipments) >= 2 and 2 <= len(parties) <= max_parties:
            ref = entity_ref(G, shipment_of[key])
            ref.name = key
            out.append(_shared(G, "Container", ref, parties))
    if only_cross:
        out = [s for s in out if s.cross_case or s.cross_agency]
    out.sort(key=lambda s: (not s.cross_case, not s.cross_agency, -len(s.parties), s.identifier.id))
    return SharedIdentifierResult(shared=out)


def _edge_data(G: nx.MultiDiGraph, a: str, b: str) -> list[dict]:
    out = []
    for u, v in ((a, b), (b, a)):
        if G.has_edge(u, v):
            out += list(G[u][v].values())
    return out


def _shared(G: nx.MultiDiGraph, kind: str, ident: EntityRef, parties: set[str]) -> SharedIdentifier:
    refs = [entity_ref(G, p) for p in sorted(parties)]
    cases = sorted({c for r in refs for c in r.cases})
    agencies = sorted({a for r in refs for a in r.agencies})
    # Cross-case (agency) when no single case (agency) knows every party sharing the identifier.
    common_cases = set.intersection(*(set(r.cases) for r in refs)) if refs else set()
    common_agencies = set.intersection(*(set(r.agencies) for r in refs)) if refs else set()
    return SharedIdentifier(kind=kind, identifier=ident, parties=refs, cases=cases,
                            agencies=agencies, cross_case=len(cases) > 1 and not common_cases,
                            cross_agency=len(agencies) > 1 and not common_agencies)


_NAME_START = re.compile(r"^[^\W_]")


def is_sharer(G: nx.MultiDiGraph, node: str) -> bool:
    """A person or company whose name reads as a name (not ``> For`` from a quoted e-mail).

    >>> G = nx.MultiDiGraph(); G.add_node("a", labels=["Person"], name="> For")
    >>> is_sharer(G, "a")
    False
    """
    if not is_party(G, node):
        return False
    name = name_of(G, node).strip()
    return bool(_NAME_START.match(name)) and any(ch.isalpha() for ch in name)


def _address_text(G: nx.MultiDiGraph, node: str) -> str:
    return str(G.nodes[node].get("name") or "")


def _building_matches(G: nx.MultiDiGraph, groups: dict[str, tuple[str, str, set[str]]],
                      max_parties: int) -> list[SharedIdentifier]:
    """Parties at different address nodes of one building (another unit, the address written
    with or without its district or city)."""
    keys = {node: address_keys(_address_text(G, node))[0]
            for node, (kind, _, parties) in groups.items() if kind == "Address" and parties}
    by_number: dict[str, set[str]] = defaultdict(set)
    for node, key in keys.items():
        for token in key.split():
            if token.isdigit():
                by_number[token].add(node)
    parent = {node: node for node in keys}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for block in by_number.values():
        nodes = sorted(block)
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                if same_building(keys[a], keys[b]):
                    parent[root(b)] = root(a)
    clusters: dict[str, list[str]] = defaultdict(list)
    for node in keys:
        clusters[root(node)].append(node)
    out = []
    for members in clusters.values():
        if len(members) < 2:
            continue
        parties = set().union(*(groups[m][2] for m in members))
        if not 2 <= len(parties) <= max_parties or any(groups[m][2] == parties for m in members):
            continue
        members.sort(key=lambda m: (-len(keys[m]), m))
        found = _shared(G, "Address", entity_ref(G, members[0]), parties)
        found.level = "building"
        found.identifiers = [entity_ref(G, m) for m in members]
        out.append(found)
    return out
