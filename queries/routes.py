"""Shipment routes: the ports each shipment was loaded at, passed through and discharged at,
placed on the map from the gazetteer's port coordinates.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("s", labels=["Shipment"], name="MSKU1234560", cases=["C1"])
>>> G.add_node("a", labels=["Port"], name="Yantian")
>>> G.add_node("b", labels=["Port"], name="Port of Vancouver")
>>> _ = G.add_edge("s", "a", type="LOADED_AT"); _ = G.add_edge("s", "b", type="DISCHARGED_AT")
>>> [(p.name, p.role, p.lat) for p in shipment_routes(G).routes[0].ports]
[('Yantian', 'origin', 22.57), ('Port of Vancouver', 'destination', 49.29)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import networkx as nx
import yaml

from graph_etl.resolve import canonical_name
from graph_etl.store.base import fold
from queries.graph import cases_of, entity_ref, has_label, name_of, prop
from queries.result import EntityRef, Result
from queries.shipment_risk import TRANSSHIPMENT_HUBS

__all__ = ["RoutePort", "ShipmentRoute", "RouteResult", "locate_port", "shipment_routes"]


@dataclass
class RoutePort(Result):
    id: str
    name: str
    role: str  # origin | transshipment | destination
    hub: bool = False  # a known transshipment hub, whatever its role on this route
    lat: float | None = None
    lon: float | None = None


@dataclass
class ShipmentRoute(Result):
    shipment: EntityRef
    ports: list[RoutePort]


@dataclass
class RouteResult(Result):
    routes: list[ShipmentRoute]
    unplaced: list[str] = field(default_factory=list)  # ports without known coordinates


@cache
def _coordinates() -> dict[str, tuple[float, float]]:
    """The gazetteer's canonical port name -> (latitude, longitude)."""
    data = resources.files("graph_etl").joinpath("data")
    ports = yaml.safe_load(data.joinpath("gazetteer.yaml").read_text("utf-8"))["Port"]
    where = yaml.safe_load(data.joinpath("port_coordinates.yaml").read_text("utf-8"))
    return {str(names[0]): (float(where[names[1]][0]), float(where[names[1]][1]))
            for names in ports if names[1] in where}


def locate_port(name: str, city: str | None = None) -> tuple[float, float] | None:
    """Latitude and longitude of a port known to the gazetteer by its name, alias, UN/LOCODE or
    city, else ``None``.

    >>> locate_port("Puerto de Lázaro Cárdenas"), locate_port("Atlantis")
    ((17.94, -102.18), None)
    """
    table = _coordinates()
    for text in (name, city):
        if text and (hit := table.get(canonical_name(str(text), "Port"))):
            return hit
    return None


def _is_hub(G: nx.MultiDiGraph, port: str) -> bool:
    return prop(G, port, "transshipment") in (True, "true", "yes", 1) or any(
        hub in fold(name_of(G, port)) for hub in TRANSSHIPMENT_HUBS)


def _port(G: nx.MultiDiGraph, node: str, role: str) -> RoutePort:
    where = locate_port(name_of(G, node), prop(G, node, "city"))
    return RoutePort(id=node, name=name_of(G, node), role=role, hub=_is_hub(G, node),
                     lat=where[0] if where else None, lon=where[1] if where else None)


def shipment_routes(G: nx.MultiDiGraph, *, case: str | None = None) -> RouteResult:
    """Each shipment's ports in order: loaded at (origin), transshipment hubs, discharged at
    (destination). A port is a transshipment hub when it says so (``transshipment`` property)
    or is one of :data:`queries.shipment_risk.TRANSSHIPMENT_HUBS` and is neither the only
    origin nor the only destination; a shipment's ``via`` property naming a port adds it.

    Complexity: O(S * d) for S shipments of degree d.
    """
    routes: list[ShipmentRoute] = []
    unplaced: set[str] = set()
    ports_by_name = {fold(name_of(G, n)): n for n in G if has_label(G, n, "Port")}
    for node in sorted(G, key=lambda n: name_of(G, n)):
        if not has_label(G, node, "Shipment") or (case and case not in cases_of(G, node)):
            continue
        edges = list(G.out_edges(node, data="type"))
        loaded = [v for _, v, t in edges if t == "LOADED_AT"]
        discharged = [v for _, v, t in edges if t == "DISCHARGED_AT"]
        via = prop(G, node, "via", "transshipment_port")
        hubs = [v for v in loaded[1:] + discharged[:-1] if _is_hub(G, v)]
        if isinstance(via, str) and (hub := ports_by_name.get(fold(via))):
            hubs.append(hub)
        ports = ([_port(G, v, "origin") for v in loaded[:1]]
                 + [_port(G, v, "transshipment") for v in dict.fromkeys(hubs)]
                 + [_port(G, v, "destination") for v in discharged[-1:]])
        if not ports:
            continue
        unplaced |= {p.name for p in ports if p.lat is None}
        routes.append(ShipmentRoute(shipment=entity_ref(G, node), ports=ports))
    return RouteResult(routes=routes, unplaced=sorted(unplaced))
