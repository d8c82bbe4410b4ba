"""The shipment route map, drawn offline: country outlines shipped with the dashboard (see
``static/README.md``) and routes on plain longitude/latitude axes, centred on the Pacific.

Plotly's geo maps would fetch their TopoJSON from a CDN; this figure needs no network at all.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import plotly.graph_objects as go

from dashboard.style import CSS_FAMILIES
from queries.routes import RoutePort, ShipmentRoute

__all__ = ["WORLD", "route_figure", "shift"]

WORLD = Path(__file__).with_name("static") / "countries-110m.geojson"
WEST = -25.0  # the map runs from this longitude eastwards around the globe
ROLE_COLOURS = {"origin": "#4e79a7", "transshipment": "#f28e2b", "destination": "#59a14f"}


def shift(lon: float) -> float:
    """A longitude on the Pacific-centred map: [WEST, WEST + 360).

    >>> shift(-123.1), shift(114.3)
    (236.9, 114.3)
    """
    return round(lon + 360, 4) if lon < WEST else lon


@cache
def _outlines() -> tuple[list[float | None], list[float | None]]:
    """Every ring of every country, each drawn twice (as is and 360 degrees east) so that the
    axis range cuts the world at WEST without breaking a polygon."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for feature in json.loads(WORLD.read_text("utf-8"))["features"]:
        geometry = feature["geometry"]
        polygons = (geometry["coordinates"] if geometry["type"] == "MultiPolygon"
                    else [geometry["coordinates"]])
        if feature["properties"].get("name") == "Antarctica":
            continue
        for polygon in polygons:
            for ring in polygon:
                lons = _unwrapped([lon for lon, _ in ring])
                for offset in (0, 360):
                    xs += [lon + offset for lon in lons] + [None]
                    ys += [lat for _, lat in ring] + [None]
    return xs, ys


def _unwrapped(lons: list[float]) -> list[float]:
    """Longitudes made continuous where a ring crosses the antimeridian (Russia, Fiji).

    >>> _unwrapped([179.0, -179.0, -178.0, 179.0])
    [179.0, 181.0, 182.0, 179.0]
    """
    out = lons[:1]
    for lon in lons[1:]:
        lon += 360 * round((out[-1] - lon) / 360)
        out.append(lon)
    return out


def _window(routes: list[ShipmentRoute]) -> tuple[list[float], list[float]]:
    """The longitude and latitude ranges around the placed ports (the world when none)."""
    lons = [shift(p.lon) for r in routes for p in r.ports if p.lon is not None]
    lats = [p.lat for r in routes for p in r.ports if p.lat is not None]
    if not lons:
        return [WEST, WEST + 360], [-58, 80]
    west, east = max(WEST, min(lons) - 25), min(WEST + 360, max(lons) + 25)
    south, north = max(-58, min(lats) - 15), min(80, max(lats) + 15)
    return [west, east], [south, north]


def route_figure(routes: list[ShipmentRoute], labels: dict[str, str],
                 risky: set[str] | None = None) -> go.Figure:
    """Routes as lines (red for shipments in ``risky``), ports as markers by role.

    ``labels`` names the traces: ``route``, ``risky_route`` and each port role.
    """
    risky = risky or set()
    xs, ys = _outlines()
    fig = go.Figure(go.Scatter(x=xs, y=ys, mode="lines", fill="toself", hoverinfo="skip",
                               line={"color": "#b8b8b8", "width": 0.5}, fillcolor="#ececec",
                               showlegend=False))
    for is_risky, colour, name in ((False, "#7f9fbf", labels["route"]),
                                   (True, "#c0392b", labels["risky_route"])):
        lx: list[float | None] = []
        ly: list[float | None] = []
        for route in routes:
            placed = [p for p in route.ports if p.lat is not None]
            if (route.shipment.id in risky) == is_risky and len(placed) > 1:
                lx += [shift(p.lon) for p in placed] + [None]
                ly += [p.lat for p in placed] + [None]
        if lx:
            fig.add_trace(go.Scatter(x=lx, y=ly, mode="lines", name=name, hoverinfo="skip",
                                     line={"color": colour, "width": 1.5}, opacity=0.7))
    ports: dict[tuple[str, str], RoutePort] = {}
    counts: Counter[tuple[str, str]] = Counter()
    for route in routes:
        for port in route.ports:
            if port.lat is not None:
                ports.setdefault((port.role, port.id), port)
                counts[(port.role, port.id)] += 1
    for role, colour in ROLE_COLOURS.items():
        here = [(p, counts[k]) for k, p in ports.items() if k[0] == role]
        if not here:
            continue
        fig.add_trace(go.Scatter(
            x=[shift(p.lon) for p, _ in here], y=[p.lat for p, _ in here], mode="markers+text",
            name=labels[role], text=[p.name for p, _ in here], textposition="top center",
            textfont={"size": 10}, customdata=[n for _, n in here],
            hovertemplate="%{text}: %{customdata}<extra></extra>",
            marker={"color": colour, "size": [8 + min(n, 12) for _, n in here],
                    "symbol": ["diamond" if p.hub else "circle" for p, _ in here],
                    "line": {"width": 1, "color": "#333333"}}))
    x_range, y_range = _window(routes)
    fig.update_layout(height=440, margin={"l": 0, "r": 0, "t": 0, "b": 0}, font_family=CSS_FAMILIES,
                      plot_bgcolor="#f7fbff", legend={"orientation": "h", "y": -0.02},
                      xaxis={"range": x_range, "visible": False},
                      yaxis={"range": y_range, "visible": False, "scaleanchor": "x"})
    return fig
