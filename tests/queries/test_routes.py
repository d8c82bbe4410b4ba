"""Shipment routes: ports in order with their role, placed from the gazetteer's coordinates."""

from __future__ import annotations

import pytest

from queries.routes import locate_port, shipment_routes


def test_routes_origin_then_destination_with_coordinates(network):
    result = shipment_routes(network, case="CASE-A")
    assert result.routes and not result.unplaced
    route = next(r for r in result.routes if r.shipment.name.startswith("MSKU1234560"))
    assert [(p.name, p.role) for p in route.ports] == [("Yantian", "origin"),
                                                        ("Singapore", "destination")]
    assert route.ports[1].hub and not route.ports[0].hub
    assert route.ports[0].lat == pytest.approx(22.57) and route.ports[1].lon == pytest.approx(103.82)


def test_routes_case_filter(network):
    names = {r.shipment.name for r in shipment_routes(network, case="CASE-C").routes}
    assert names and all(n.startswith("CSQU") for n in names)


@pytest.mark.parametrize("name, city, expected", [
    ("Port of Los Angeles/Long Beach", "Los Angeles", (33.74, -118.26)),
    ("Port Newark-Elizabeth", None, (40.68, -74.15)),
    ("Port of Cat Lai", "Ho Chi Minh City", (10.76, 106.79)),
    ("CAMTR", None, (45.52, -73.54)),
    ("Port of Nowhere", "Atlantis", None)])
def test_routes_locate_port_by_name_alias_locode_or_city(name, city, expected):
    assert locate_port(name, city) == expected


def test_routes_every_gazetteer_port_has_coordinates():
    from queries.routes import _coordinates
    import yaml
    from importlib import resources

    ports = yaml.safe_load(resources.files("graph_etl").joinpath("data/gazetteer.yaml")
                           .read_text("utf-8"))["Port"]
    assert set(_coordinates()) == {str(names[0]) for names in ports}
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in _coordinates().values())
