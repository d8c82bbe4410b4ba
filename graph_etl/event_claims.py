"""Event frames of an extraction (``events`` in the extraction JSON) as graph claims.

A SEIZURE becomes a ``Seizure`` node per seized shipment and the trade relationships around
that shipment; a SHIPMENT the same relationships without the seizure; a PAYMENT a ``PAID``
relationship (party or account to party or account) with amount, currency and date, plus
``HOLDS`` for the accounts named. Every relationship keeps the sentence its argument came from.

The shipment is the bill of lading's node when the text gives one (the node a manifest or a
seizure log row makes too), else a ``Shipment`` keyed by its container; the seizure's name is
derived from that container or bill of lading (or, without either, from the document and the
date), so re-loading a document, or a second report on the same container, yields the same
node.
"""

from __future__ import annotations

import re

from typing import Any

from graph_etl.resolve import Candidate, Resolver
from fakefree.model import DocumentRecord, Evidence, NodeClaim, RelClaim

__all__ = ["EVENT_ROLES", "PARTY_ARGS", "event_roles", "event_claims"]

EVENT_ROLES = {"shipper": "exporter", "consignee": "importer", "forwarder": "shipper",
               "broker": "broker", "manufacturer": "manufacturer"}
"""Extraction roles implied by a party's place in a trade frame."""
PARTY_ARGS = ("shipper", "consignee", "forwarder", "broker", "manufacturer", "payer", "payee")
_CONFIDENCE = 0.8


def event_roles(extraction: dict[str, Any]) -> dict[str, set[str]]:
    """The roles each entity plays in the trade frames, by local entity id."""
    out: dict[str, set[str]] = {}
    for event in extraction.get("events", []):
        for arg, role in EVENT_ROLES.items():
            eid = (event.get("args") or {}).get(arg)
            if isinstance(eid, str):
                out.setdefault(eid, set()).add(role)
    return out


def party_entities(extraction: dict[str, Any]) -> set[str]:
    """Entities that fill a party argument of some event (a payer, a consignee...)."""
    return {eid for event in extraction.get("events", [])
            for arg in PARTY_ARGS if isinstance(eid := (event.get("args") or {}).get(arg), str)}


class _Builder:
    def __init__(self, doc: DocumentRecord, ids: dict[str, str], names: dict[str, str],
                 resolver: Resolver) -> None:
        self.doc, self.ids, self.names, self.resolver = doc, ids, names, resolver
        self.nodes: list[NodeClaim] = []
        self.seen: set[str] = set()
        self.rels: list[RelClaim] = []

    def evidence(self, event: dict[str, Any], arg: str | None = None) -> list[Evidence]:
        ev = (event.get("arg_evidence") or {}).get(arg or "") or event.get("evidence") or {}
        if not ev:
            return []
        return [Evidence(self.doc.id, int(ev["start"]), int(ev["end"]), ev.get("text", ""))]

    def rel(self, source: str | None, target: str | None, type_: str, event: dict[str, Any],
            arg: str | None = None, key: str = "", **props: Any) -> None:
        if source and target and source != target:
            clean = {k: v for k, v in props.items() if isinstance(v, (str, int, float, bool))}
            self.rels.append(RelClaim(source, target, type_, self.doc.id, key, clean,
                                      self.evidence(event, arg), _CONFIDENCE))

    def node(self, label: str, name: str, kind: str, props: dict[str, Any],
             event: dict[str, Any]) -> str:
        cand = Candidate(label, name, (), {"kind": kind, "case": (self.doc.cases or [""])[0]})
        resolution = self.resolver.resolve(cand)
        self.resolver.remember(resolution, cand)
        clean = {k: v for k, v in props.items() if isinstance(v, (str, int, float, bool))}
        if resolution.id not in self.seen:
            self.seen.add(resolution.id)
            self.nodes.append(NodeClaim(resolution.id, self.doc.id, [label], name, [], clean,
                                        self.evidence(event)))
        return resolution.id

    def one(self, args: dict[str, Any], name: str) -> str | None:
        value = args.get(name)
        return self.ids.get(value) if isinstance(value, str) else None


def _code(identifier: str) -> str:
    """An identifier as one code, however it was spaced: "TOFU 316481 1" -> "TOFU3164811"."""
    return re.sub(r"[^0-9A-Za-z]", "", identifier).upper() or identifier


def _shipments(b: _Builder, event: dict[str, Any], index: int) -> list[tuple[str, str]]:
    """(graph id, identifying text) of each shipment the frame is about: its bills of lading,
    else one shipment per container, else one shipment of this document."""
    args = event["args"]
    bills = [e for e in args.get("bills_of_lading", []) if e in b.ids]
    containers = [e for e in args.get("containers", []) if e in b.ids]
    if bills:
        single = b.names[containers[0]] if len(containers) == 1 else ""
        for e in bills:
            if single:
                b.rel(b.ids[e], b.ids[containers[0]], "ASSOCIATED_WITH", event, "containers")
        return [(b.ids[e], single or b.names[e]) for e in bills]
    out = []
    for e in containers:
        sid = b.node("Shipment", b.names[e], "CONTAINER",
                     {"container": b.names[e], "source": "text"}, event)
        b.rel(sid, b.ids[e], "ASSOCIATED_WITH", event, "containers")
        out.append((sid, b.names[e]))
    if not out:
        name = f"{b.doc.name} {args.get('date', '')} #{index}".replace("  ", " ")
        out.append((b.node("Shipment", f"Shipment in {name}", "EVENT",
                           {"source": "text"}, event), ""))
    return out


def _trade(b: _Builder, event: dict[str, Any], index: int) -> None:
    args = event["args"]
    date = args.get("date")
    for sid, ident in _shipments(b, event, index):
        if event["type"] == "SEIZURE":
            name = f"Seizure {_code(ident)}" if ident else \
                f"Seizure in {b.doc.name} {date or ''} #{index}".replace("  ", " ")
            value = args.get("value")
            money = b.names.get(value, "") if isinstance(value, str) else ""
            props = {"date": date, "quantity": args.get("quantity"),
                     "goods": "; ".join(args.get("goods", [])) or None,
                     "value": money or None, "container": ident or None,
                     "agency": b.names.get(args.get("agency", ""), None),
                     "place": b.names.get(args.get("place", ""), None),
                     "trigger": event.get("trigger"), "source": "text"}
            seizure = b.node("Seizure", name, "SEIZURE", props, event)
            b.rel(seizure, sid, "SEIZED", event, None, date=date)
            b.rel(b.one(args, "agency"), sid, "SEIZED", event, "agency", date=date)
        b.rel(b.one(args, "shipper"), sid, "EXPORTED", event, "shipper", date=date)
        b.rel(b.one(args, "forwarder"), sid, "SHIPPED", event, "forwarder")
        b.rel(b.one(args, "manufacturer"), sid, "MANUFACTURED", event, "manufacturer")
        consignee = b.one(args, "consignee")
        b.rel(sid, consignee, "CONSIGNED_TO", event, "consignee")
        b.rel(consignee, sid, "IMPORTED", event, "consignee", date=date)
        b.rel(b.one(args, "broker"), sid, "ASSOCIATED_WITH", event, "broker")
        for brand in args.get("brands", []):
            b.rel(sid, b.ids.get(brand), "CONTAINS_BRAND", event, "brands")
        b.rel(sid, b.one(args, "vessel"), "CARRIED_BY", event, "vessel")
        b.rel(b.one(args, "vessel"), b.one(args, "imo"), "ASSOCIATED_WITH", event, "imo")
        b.rel(sid, b.one(args, "port_of_loading"), "LOADED_AT", event, "port_of_loading")
        b.rel(sid, b.one(args, "port_of_discharge") or b.one(args, "place"), "DISCHARGED_AT",
              event, "port_of_discharge" if args.get("port_of_discharge") else "place")


def _payment(b: _Builder, event: dict[str, Any]) -> None:
    args = event["args"]
    payer, payee = b.one(args, "payer"), b.one(args, "payee")
    payer_account, payee_account = b.one(args, "payer_account"), b.one(args, "payee_account")
    amount = args.get("amount")
    if amount is None:
        return
    key = "|".join(str(args.get(k) or "") for k in ("amount", "currency", "date"))
    b.rel(payer or payer_account, payee or payee_account, "PAID", event, "money", key,
          amount=float(amount), currency=args.get("currency"), date=args.get("date"),
          payer_bank=b.names.get(args.get("payer_bank", ""), None),
          payee_bank=b.names.get(args.get("payee_bank", ""), None))
    b.rel(payer, payer_account, "HOLDS", event, "payer_account")
    b.rel(payee, payee_account, "HOLDS", event, "payee_account")


def event_claims(extraction: dict[str, Any], doc: DocumentRecord, ids: dict[str, str],
                 resolver: Resolver) -> tuple[list[NodeClaim], list[RelClaim]]:
    """The nodes (seizures, container shipments) and relationships of the events of one
    document's extraction; ``ids`` maps its entity ids to graph ids."""
    names = {e["id"]: e["name"] for e in extraction.get("entities", [])}
    b = _Builder(doc, ids, names, resolver)
    for index, event in enumerate(extraction.get("events", []), 1):
        if event.get("type") in ("SEIZURE", "SHIPMENT"):
            _trade(b, event, index)
        elif event.get("type") == "PAYMENT":
            _payment(b, event)
    return b.nodes, b.rels
