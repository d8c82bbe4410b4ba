"""Turn store records into rows for tables and charts (presentation only, no analytics)."""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph_etl.store import DocumentRecord, NodeView, RelView

__all__ = ["CHART_FIELDS", "document_rows", "node_rows", "hit_rows", "trade_rows",
           "neighbour_rows", "evidence_rows"]

# For seizure and shipment charts: the first property present gives each dimension.
CHART_FIELDS: dict[str, tuple[str, ...]] = {
    "month": ("date", "seized_on", "seizure_date", "arrival_date", "departure_date", "shipped_on"),
    "port": ("port", "port_of_entry", "discharge_port", "place", "destination"),
    "sector": ("sector", "category", "goods", "declared_goods", "items"),
}


def _first(props: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = props.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def document_rows(docs: list[DocumentRecord]) -> list[dict[str, Any]]:
    return [{"name": d.name, "agency": d.agency, "releasability": d.releasability,
             "cases": ", ".join(d.cases), "date": d.props.get("date", ""),
             "sha256": d.id} for d in docs]


def hit_rows(hits: list[NodeView]) -> list[dict[str, Any]]:
    return [{"name": h.name, "labels": ", ".join(h.labels), "aliases": "; ".join(h.aliases),
             "cases": ", ".join(h.cases), "agencies": ", ".join(h.agencies)} for h in hits]


def node_rows(graph: nx.MultiDiGraph, label: str) -> list[dict[str, Any]]:
    """One row per node of ``label``: its name and properties."""
    rows = []
    for _, data in graph.nodes(data=True):
        view: NodeView = data["view"]
        if label in view.labels:
            rows.append({"name": view.name, **view.props})
    return rows


def trade_rows(graph: nx.MultiDiGraph, label: str) -> list[dict[str, Any]]:
    """Seizures or shipments with their month, port and sector where the data names them.

    A property holding a node id (a seizure's ``place``) shows that node's name; a port named by a
    ``DISCHARGED_AT``/``LOADED_AT`` relationship is used when no property names one; a seizure
    without a sector takes the goods of the shipment it names.
    """
    rows = []
    for node_id, data in graph.nodes(data=True):
        view: NodeView = data["view"]
        if label not in view.labels:
            continue
        row = {"name": view.name, **_chart_fields(graph, view.props)}
        if not row["port"]:
            ports = [graph.nodes[v]["name"] for _, v, d in graph.out_edges(node_id, data=True)
                     if d["type"] in ("DISCHARGED_AT", "LOADED_AT")]
            row["port"] = ports[0] if ports else None
        shipment = view.props.get("shipment")
        if not row["sector"] and isinstance(shipment, str) and shipment in graph:
            row["sector"] = _chart_fields(graph, graph.nodes[shipment]["view"].props)["sector"]
        rows.append(row)
    return rows


def _chart_fields(graph: nx.MultiDiGraph, props: dict[str, Any]) -> dict[str, Any]:
    row = {}
    for field, keys in CHART_FIELDS.items():
        value = _first(props, keys)
        if isinstance(value, list):
            value = ", ".join(map(str, value))
        if isinstance(value, str) and value in graph:
            value = graph.nodes[value]["name"]
        row[field] = value
    if row["month"]:
        row["month"] = str(row["month"])[:7]
    return row


def neighbour_rows(graph: nx.MultiDiGraph, node_id: str) -> list[dict[str, Any]]:
    """The relationships of one node: direction, type, the other end and its labels."""
    rows = []
    for source, target, data in sorted(graph.edges(data=True), key=lambda e: e[2]["type"]):
        if node_id not in (source, target) or source == target:
            continue
        other = target if source == node_id else source
        rel: RelView = data["view"]
        rows.append({"direction": "→" if source == node_id else "←", "type": rel.type,
                     "name": graph.nodes[other]["name"], "label": graph.nodes[other]["label"],
                     "cases": ", ".join(rel.cases), "id": other})
    return rows


def evidence_rows(view: NodeView, graph: nx.MultiDiGraph,
                  doc_names: dict[str, str]) -> list[dict[str, Any]]:
    """Every sentence that backs the entity: its mentions, then its relationships' evidence."""
    rows = [{"kind": "MENTION", "text": m.text,
             "document": doc_names.get(m.document_id, m.document_id[:12]),
             "span": f"{m.start}-{m.end}"} for m in view.mentions]
    for source, target, data in graph.edges(data=True):
        if view.id not in (source, target):
            continue
        rel: RelView = data["view"]
        label = f"{graph.nodes[source]['name']} —{rel.type}→ {graph.nodes[target]['name']}"
        rows += [{"kind": label, "text": e.text,
                  "document": doc_names.get(e.document_id, e.document_id[:12]),
                  "span": f"{e.start}-{e.end}"} for e in rel.evidence]
    return rows
