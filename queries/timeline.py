"""The timeline of a case: shipments, seizures, payments and court events in date order.

Every event names the entities it involves and the documents and sentences it comes from, so an
analyst can go from a point on the timeline back to the evidence.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("s", labels=["Seizure"], name="Seizure 1", cases=["C1"], date="2024-03-26")
>>> G.add_node("a", labels=["Company"], name="Maple Imports", cases=["C1"])
>>> G.add_node("b", labels=["Company"], name="Pacific Star", cases=["C1"])
>>> _ = G.add_edge("a", "b", key="p1", type="PAID", amount=5000, currency="USD",
...                date="2024-01-05")
>>> [(e.date, e.kind) for e in case_timeline(G, case="C1").events]
[('2024-01-05', 'payment'), ('2024-03-26', 'seizure')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from queries.graph import (
    cases_of,
    documents_of,
    entity_ref,
    has_label,
    is_party,
    labels_of,
    name_of,
    prop,
)
from queries.result import EntityRef, Result
from queries.transfers import Transfer, parse_date, transfers
from queries.values import parse_amount

__all__ = ["TimelineEvent", "TimelineResult", "KINDS", "case_timeline"]

#: Event kinds in the order a legend lists them.
KINDS = ("shipment", "seizure", "payment", "transfer", "court", "event")
DATE_KEYS = ("date", "departure_date", "shipped_on", "arrival_date", "seized_on", "seizure_date")
MONEY_KINDS = {"PAID": "payment", "TRANSFERRED": "transfer"}  # relationship type -> kind
COURT_DOCUMENTS = frozenset({"indictment", "complaint", "arrest", "arrest_report", "warrant",
                             "judgment", "sentence", "court"})


@dataclass
class TimelineEvent(Result):
    """One dated event; ``documents`` are document ids, ``evidence`` quoted sentences."""

    date: str
    kind: str
    title: str
    detail: str = ""
    amount: float | None = None
    currency: str | None = None
    entities: list[EntityRef] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class TimelineResult(Result):
    case: str | None
    events: list[TimelineEvent]
    undated: int = 0


def _when(G: nx.MultiDiGraph, node: str) -> str | None:
    day = next((d for k in DATE_KEYS if (d := parse_date(prop(G, node, k)))), None)
    return day.isoformat() if day else None


def _node_event(G: nx.MultiDiGraph, node: str) -> TimelineEvent | None:
    """The event a shipment, seizure, ``Event`` or court document stands for, if dated."""
    labels = set(labels_of(G, node))
    if "Shipment" in labels:
        kind = "shipment"
        goods = prop(G, node, "goods", "declared_goods", default="")
        route = [name_of(G, v) for _, v, t in sorted(G.out_edges(node, data="type"),
                                                      key=lambda e: e[2] != "LOADED_AT")
                 if t in ("LOADED_AT", "DISCHARGED_AT")]
        detail = " → ".join([str(goods)] * bool(goods) + route)
    elif "Seizure" in labels:
        kind = "seizure"
        quantity, msrp = prop(G, node, "quantity", "items"), parse_amount(prop(G, node, "msrp_usd"))
        detail = ", ".join(p for p in (f"{quantity} items" if quantity else "",
                                       f"MSRP {msrp:,.0f} USD" if msrp else "") if p)
    elif "Event" in labels:
        kind = "event"
        detail = str(prop(G, node, "type", "event_type", default=""))
    elif "Document" in labels and str(prop(G, node, "doc_type", default="")) in COURT_DOCUMENTS:
        kind = "court"
        detail = str(prop(G, node, "doc_type"))
    else:
        return None
    when = _when(G, node)
    if when is None:
        return None
    view = G.nodes[node].get("view")
    evidence = [m.to_dict() for m in getattr(view, "mentions", [])]
    documents = [node] if kind == "court" else documents_of(G, node)
    parties = sorted({m for m in nx.all_neighbors(G, node) if is_party(G, m)},
                     key=lambda m: name_of(G, m))
    return TimelineEvent(date=when, kind=kind, title=name_of(G, node), detail=detail,
                         entities=[entity_ref(G, node)] + [entity_ref(G, m) for m in parties],
                         documents=documents, evidence=evidence)


def _money_event(G: nx.MultiDiGraph, transfer: Transfer) -> TimelineEvent:
    documents = list(dict.fromkeys(e["document_id"] for e in transfer.evidence))
    view = G.edges[transfer.source, transfer.target, transfer.id].get("view")
    documents += [d for d in getattr(view, "documents", []) if d not in documents]
    return TimelineEvent(date=str(transfer.date), kind=MONEY_KINDS[transfer.type],
                         title=f"{name_of(G, transfer.payer)} → {name_of(G, transfer.payee)}",
                         detail=f"{transfer.amount:,.2f} {transfer.currency or ''}".strip(),
                         amount=transfer.amount, currency=transfer.currency,
                         entities=[entity_ref(G, transfer.payer), entity_ref(G, transfer.payee)],
                         documents=documents, evidence=transfer.evidence)


def case_timeline(G: nx.MultiDiGraph, *, case: str | None = None) -> TimelineResult:
    """The dated events of ``case`` (all cases when ``None``), oldest first.

    Events are shipments, seizures and ``Event`` nodes with a date, court documents (indictments,
    complaints, judgments) by their date, and ``PAID``/``TRANSFERRED`` relationships with a date
    and their amount. Items of the case without a parseable date are counted in ``undated``.

    Complexity: O(V + E) to collect, O(n log n) to sort the n events.
    """
    events: list[TimelineEvent] = []
    undated = 0
    for node in G:
        if case is not None and case not in cases_of(G, node):
            continue
        event = _node_event(G, node)
        if event is not None:
            events.append(event)
        elif has_label(G, node, "Shipment", "Seizure", "Event"):
            undated += 1
    for transfer in transfers(G):
        if case is not None and case not in transfer.cases:
            continue
        if transfer.date is None:
            undated += 1
        else:
            events.append(_money_event(G, transfer))
    events.sort(key=lambda e: (e.date, KINDS.index(e.kind), e.title))
    return TimelineResult(case=case, events=events, undated=undated)
