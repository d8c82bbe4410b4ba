"""The readable Neo4j model: merged, typed properties for Cypher, Browser and Bloom.

Beside the per-document claims the store filters for each viewer (see
:mod:`graph_etl.store.neo4j.cypher`), every entity node carries the *all-access* merge of its
claims as plain Neo4j values: ``name``, ``aliases``, ``cases``, ``agencies``, ``releasability``,
``first_seen``/``last_seen`` (dates), ``document_count`` and its schema properties (country,
identifiers, roles, dates...). Every relationship carries its properties (``amount`` a float,
``date`` a Neo4j date, ``currency``, ``quantity``, ``value``...), ``evidence_count``, ``evidence``
(the quoted sentences), ``confidence``, ``cases``, ``agencies`` and ``documents``. Documents point
at what they assert: ``(:Document)-[:ASSERTS {name, quotes, starts, ends, mentions}]->(entity)``.

How a property is typed comes from ``property_types`` in ``fakefree/schema.yaml``; other keys
keep their JSON type, and an ISO ``YYYY-MM-DD`` text becomes a date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import neo4j

from fakefree.schema import schema
from graph_etl.store.neo4j import cypher as Q
from graph_etl.store.base import DocInfo, dumps, merge_node, merge_rel
from fakefree.model import NodeView, RelView

__all__ = ["typed", "node_properties", "rel_properties", "with_stale", "asserts_row",
           "doc_infos", "refresh", "LAYOUT_VERSION"]

LAYOUT_VERSION = 2
"""1: claims only (JSON in parallel lists); 2: plus merged typed properties and ASSERTS."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?|[-+]?\.\d+")
_INT64 = 2 ** 63

# Keys the store itself keeps on nodes and relationships: a property of the same name is
# written as ``prop_<key>`` so the store's bookkeeping is never overwritten.
_STRUCTURAL = {"id", "search", "tag", "props", "node_ids", "rel_sources", "rel_ids",
               "merged_keys", "claim_docs", "claim_tags", "claim_data", "claim_labels",
               "claim_search"}
_NODE_META = {"name", "aliases", "cases", "agencies", "releasability", "first_seen", "last_seen",
              "document_count"}
_DOCUMENT_OWN = {"name", "agency", "releasability", "cases"}  # written by the document upsert
_REL_META = {"evidence_count", "evidence", "confidence", "cases", "agencies", "documents"}


def _date(text: str) -> dt.date | None:
    if not _ISO_DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _number(text: str) -> float | None:
    found = _NUMBER.search(text)
    if not found:
        return None
    try:
        return float(found.group().replace(",", ""))
    except ValueError:
        return None


def _scalar(kind: str | None, value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        if kind in ("float", "number"):
            return float(value)
        return value if -_INT64 <= value < _INT64 else str(value)
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        if kind in ("float", "number"):
            number = _number(value) if kind == "number" or _NUMBER.fullmatch(value.strip()) \
                else None
            return value if number is None else number
        if kind == "date" or _ISO_DATE.fullmatch(value):
            return _date(value) or value
        return value
    return dumps(value)


def typed(key: str, value: Any) -> Any:
    """``value`` as the Neo4j value of property ``key`` (``None`` leaves the property out).

    >>> typed("amount", "12,500.50"), typed("amount", 9000), typed("quantity", "9,860 pairs")
    (12500.5, 9000.0, 9860.0)
    >>> typed("date", "2025-03-06"), typed("filed", "2025-03-06")
    (datetime.date(2025, 3, 6), datetime.date(2025, 3, 6))
    >>> typed("roles", ["exporter", "shipper"]), typed("reasons", {"name": 0.9})
    (['exporter', 'shipper'], '{"name":0.9}')
    >>> typed("currency", "USD"), typed("amount", "unknown")
    ('USD', 'unknown')
    """
    if value is None:
        return None
    kind = schema().property_types.get(key)
    if isinstance(value, (list, tuple)):
        items = [_scalar(kind, v) for v in value if v is not None]
        if len({type(v) for v in items}) > 1:  # Neo4j lists hold one type
            items = [v if isinstance(v, str) else json.dumps(v, default=str) for v in items]
        return items
    return _scalar(kind, value)


def _put(out: dict[str, Any], reserved: set[str], key: str, value: Any) -> None:
    value = typed(key, value)
    if value is None:
        return
    out[f"prop_{key}" if key in reserved else key] = value


def node_properties(view: NodeView | None, *, document: bool = False) -> dict[str, Any]:
    """The merged properties of a node as Neo4j stores them (empty when no claim is left).

    A document's own ``name``, ``agency``, ``releasability`` and ``cases`` are written by the
    document upsert and left alone here.
    """
    if view is None:
        return {}
    out: dict[str, Any] = {}
    meta = {"name": view.name, "aliases": view.aliases, "cases": view.cases,
            "agencies": view.agencies, "releasability": view.releasability,
            "first_seen": view.first_seen, "last_seen": view.last_seen,
            "document_count": len(view.documents)}
    skip = _DOCUMENT_OWN if document else set()
    for key, value in meta.items():
        if key not in skip:
            _put(out, set(), key, value)
    reserved = _STRUCTURAL | _NODE_META | skip
    for key, value in sorted(view.props.items()):
        if not (document and key in _DOCUMENT_OWN):
            _put(out, reserved, key, value)
    return out


def rel_properties(view: RelView | None) -> dict[str, Any]:
    """The merged properties of a relationship as Neo4j stores them."""
    if view is None:
        return {}
    out: dict[str, Any] = {"evidence_count": len(view.evidence),
                           "evidence": [e.text for e in view.evidence],
                           "confidence": float(view.confidence), "cases": view.cases,
                           "agencies": view.agencies, "documents": view.documents}
    reserved = _STRUCTURAL | _REL_META
    for key, value in sorted(view.props.items()):
        _put(out, reserved, key, value)
    return out


def with_stale(props: dict[str, Any], old_keys: list[str] | None) -> dict[str, Any]:
    """``props`` plus ``None`` for every key written last time and gone now (``SET n += map``
    then removes it), and the new key list in ``merged_keys``.

    >>> with_stale({"name": "A"}, ["name", "country"])
    {'name': 'A', 'country': None, 'merged_keys': ['name']}
    """
    out = dict(props)
    for key in old_keys or []:
        out.setdefault(key, None)
    out["merged_keys"] = sorted(props)
    return out


def asserts_row(doc_id: str, node_id: str, name: str,
                mentions: list[tuple[int, int, str]] | list[list[Any]]) -> dict[str, Any]:
    """The properties of ``(:Document {id: doc_id})-[:ASSERTS]->(:Entity {id: node_id})``.

    >>> asserts_row("d1", "n1", "Acme", [[0, 4, "Acme"]])["quotes"]
    ['Acme']
    """
    return {"doc": doc_id, "id": node_id, "name": name,
            "starts": [int(m[0]) for m in mentions], "ends": [int(m[1]) for m in mentions],
            "quotes": [str(m[2]) for m in mentions], "mentions": len(mentions)}


def doc_infos(rows: list[dict[str, Any]]) -> dict[str, DocInfo]:
    """What the merge needs of each document, from :data:`neo4j_cypher.DOC_INFO` rows."""
    return {r["id"]: {"agency": r["agency"], "releasability": r["releasability"],
                      "cases": list(r["cases"] or []),
                      "date": json.loads(r["props"] or "{}").get("date")} for r in rows}


def refresh(tx: neo4j.ManagedTransaction, node_ids: set[str], rel_keys: set[tuple[str, str]],
            *, rebuild_asserts: bool = False) -> None:
    """Recompute, inside ``tx``, the merged all-access properties of some nodes and
    relationships ``(source id, relationship id)`` from all their claims, and write them.

    ``rebuild_asserts`` also writes the ``ASSERTS`` of every claim of the nodes (upgrades).
    """
    nodes = tx.run(Q.REFRESH_NODES, ids=sorted(node_ids)).data() if node_ids else []
    rels = tx.run(Q.REFRESH_RELS, rows=[{"source": s, "id": r} for s, r in sorted(rel_keys)]
                  ).data() if rel_keys else []
    wanted = sorted({d for row in nodes + rels for d in row["docs"] or []})
    docs = doc_infos(tx.run(Q.DOC_INFO, ids=wanted).data()) if wanted else {}

    def claims(row: dict[str, Any]) -> list[tuple[str, dict, DocInfo]]:
        return [(d, json.loads(data), docs[d]) for d, data in
                zip(row["docs"] or [], row["data"] or []) if d in docs]

    node_rows, asserts = [], []
    for row in nodes:
        found = claims(row)
        props = node_properties(merge_node(row["id"], found), document=row["document"])
        node_rows.append({"id": row["id"], "props": with_stale(props, row["keys"])})
        if rebuild_asserts:
            asserts += [asserts_row(d, row["id"], data["name"], data["mentions"])
                        for d, data, _ in found if d != row["id"]]
    rel_rows = [{"source": row["source"], "id": row["id"], "props": with_stale(rel_properties(
        merge_rel((row["id"], row["source"], row["target"], row["type"]), claims(row))),
        row["keys"])} for row in rels]
    if node_rows:
        tx.run(Q.SET_NODE_PROPS, rows=node_rows).consume()
    if rel_rows:
        tx.run(Q.SET_REL_PROPS, rows=rel_rows).consume()
    if asserts:
        tx.run(Q.UPSERT_ASSERTS, rows=asserts).consume()
