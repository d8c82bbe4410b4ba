"""Cross-case and cross-agency links: entities seen in several cases, and the networks whose
pieces several agencies hold, with what each agency could give the others and whom to call.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", labels=["Company"], name="A", cases=["C1", "C2"], agencies=["CBSA", "HSI"])
>>> G.add_node("b", labels=["Person"], name="B", cases=["C2"], agencies=["HSI"])
>>> _ = G.add_edge("b", "a", type="DIRECTS")
>>> result = find_cross_case(G, min_size=2)
>>> [e.entity.name for e in result.entities], result.networks[0].agencies
(['A'], ['CBSA', 'HSI'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from fakefree.schema import schema
from queries.graph import (
    agencies_of,
    cases_of,
    documents_of,
    entity_ref,
    is_party,
    labels_of,
    name_of,
    prop,
    undirected,
)
from queries.result import EntityRef, Result

__all__ = ["CrossCaseEntity", "AgencyPiece", "Exchange", "SharedNetwork", "CrossCaseResult",
           "find_cross_case"]

# Hubs that tie unrelated networks together (the schema's hubs and context, plus carriers and
# every other identifier, containers included): not followed when finding shared networks, and
# (carriers aside) not listed as shared entities.
HUB_LABELS = schema().hub_labels() | {"Shipper", "Identifier"}
LISTED_LABELS = schema().labels_of_kind("party", "identifier")


@dataclass
class CrossCaseEntity(Result):
    entity: EntityRef
    cases: list[str]
    agencies: list[str]


@dataclass
class AgencyPiece(Result):
    """What one agency holds of a shared network, and whom to contact there."""

    agency: str
    cases: list[str]
    entities: int
    contacts: list[str]


@dataclass
class Exchange(Result):
    """Entities of the network that ``holder`` knows and ``recipient`` does not."""

    holder: str
    recipient: str
    entities: list[EntityRef]


@dataclass
class SharedNetwork(Result):
    size: int
    cases: list[str]
    agencies: list[str]
    linking_entities: list[EntityRef]
    pieces: list[AgencyPiece]
    exchanges: list[Exchange] = field(default_factory=list)


@dataclass
class CrossCaseResult(Result):
    entities: list[CrossCaseEntity]
    networks: list[SharedNetwork]


def find_cross_case(G: nx.MultiDiGraph, *, min_cases: int = 2, max_listed: int = 20,
                    max_hub_degree: int = 25, min_size: int = 3) -> CrossCaseResult:
    """Parties and identifiers in ``min_cases`` or more cases (or parties held by several
    agencies), and the connected networks (through parties and identifiers, not through ports,
    brands, carriers, HS or SWIFT codes, nor through any non-party node linked to more than
    ``max_hub_degree`` others) of at least ``min_size`` nodes that span several agencies or cases.

    Complexity: O(V + E) plus O(A^2 V) for A agencies per network.
    """
    entities = []
    for node in G:
        labels = set(labels_of(G, node))
        if not labels & LISTED_LABELS or labels & (HUB_LABELS - {"Shipper"}):
            continue
        cases, agencies = cases_of(G, node), agencies_of(G, node)
        if len(cases) >= min_cases or (len(agencies) >= 2 and is_party(G, node)):
            entities.append(CrossCaseEntity(entity=entity_ref(G, node), cases=cases,
                                            agencies=agencies))
    entities.sort(key=lambda e: (-len(e.cases), -len(e.agencies), e.entity.name))
    H = undirected(G, skip_labels=set())
    H.remove_nodes_from([n for n in list(H) if set(labels_of(G, n)) & HUB_LABELS or (
        not is_party(G, n) and H.degree(n) > max_hub_degree)])
    networks = []
    for component in nx.connected_components(H):
        agencies = sorted({a for n in component for a in agencies_of(G, n)})
        cases = sorted({c for n in component for c in cases_of(G, n)})
        if (len(agencies) < 2 and len(cases) < 2) or len(component) < min_size:
            continue
        networks.append(_network(G, component, agencies, cases, max_listed))
    networks.sort(key=lambda n: (-len(n.agencies), -len(n.cases), -n.size))
    return CrossCaseResult(entities=entities, networks=networks)


def _network(G: nx.MultiDiGraph, component: set[str], agencies: list[str], cases: list[str],
             max_listed: int) -> SharedNetwork:
    held = {a: sorted(n for n in component if a in agencies_of(G, n)) for a in agencies}
    linking = sorted((n for n in component if len(cases_of(G, n)) > 1 or
                      len(agencies_of(G, n)) > 1), key=lambda n: (-len(agencies_of(G, n)), n))
    pieces = []
    for agency in agencies:
        docs = {d for n in held[agency] for d in documents_of(G, n)
                if d in G and prop(G, d, "agency") == agency}
        contacts = sorted({str(c) for d in docs
                           if (c := prop(G, d, "contact", "officer", "point_of_contact"))})
        agency_cases = sorted({c for n in held[agency] for c in cases_of(G, n)
                               if any(prop(G, d, "agency") == agency for d in docs)})
        pieces.append(AgencyPiece(agency=agency, cases=agency_cases or sorted(
            {c for n in held[agency] for c in cases_of(G, n)}), entities=len(held[agency]),
            contacts=contacts or [f"{agency} case officer for {', '.join(agency_cases or cases)}"]))
    exchanges = []
    for holder in agencies:
        for recipient in agencies:
            if holder == recipient:
                continue
            extra = [n for n in held[holder] if n not in set(held[recipient]) and is_party(G, n)]
            if extra:
                exchanges.append(Exchange(holder=holder, recipient=recipient,
                                          entities=[entity_ref(G, n) for n in sorted(
                                              extra, key=lambda n: name_of(G, n))[:max_listed]]))
    return SharedNetwork(size=len(component), cases=cases, agencies=agencies,
                         linking_entities=[entity_ref(G, n) for n in linking[:max_listed]],
                         pieces=pieces, exchanges=exchanges)
