"""Shipment risk: score every Shipment from what the graph knows around it, and explain it.

Indicators (each a probability-like weight, combined as a noisy-or):

- ``bad_actor``: a party of the shipment (exporter, manufacturer, importer, consignee) is a party
  of *another* seized shipment or in ``known_bad`` (``linked_bad_actor`` if it is one ownership,
  directorship, shared-identifier or payment step away from one);
- ``transshipment``: loaded or discharged at a transshipment hub;
- ``new_consignee``: the importer or consignee was incorporated shortly before the shipment;
- ``brand``: the goods carry a recorded brand (``brand_hs`` when the HS code is one the brand's
  trademark covers), else ``hs_risk`` for a chapter counterfeiters favour;
- ``low_value``: declared unit value far below the median of shipments with the same HS heading.

The shipment's own seizure is never used: the score is what a targeter knew beforehand.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("s", labels=["Shipment"], name="S1")
>>> G.add_node("p", labels=["Port"], name="Singapore")
>>> _ = G.add_edge("s", "p", type="DISCHARGED_AT")
>>> score_shipments(G).shipments[0].reasons[0].indicator
'transshipment'
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from graph_etl.store.base import fold as fold_name
from queries.graph import declared_value, entity_ref, has_label, is_party, name_of, prop, roles
from queries.result import EntityRef, Result
from queries.transfers import parse_amount, parse_date

__all__ = ["INDICATOR_WEIGHTS", "TRANSSHIPMENT_HUBS", "HIGH_RISK_HS_CHAPTERS", "RiskReason",
           "ShipmentRisk", "RiskResult", "score_shipments"]

INDICATOR_WEIGHTS: dict[str, float] = {
    "bad_actor": 0.6, "linked_bad_actor": 0.4, "transshipment": 0.15, "new_consignee": 0.2,
    "brand_hs": 0.3, "brand": 0.2, "hs_risk": 0.05, "low_value": 0.25,
}
TRANSSHIPMENT_HUBS = frozenset({
    "singapore", "dubai", "jebel ali", "hong kong", "port klang", "tanjung pelepas", "colon",
    "manzanillo (panama)", "balboa", "algeciras", "piraeus", "tanger med", "salalah", "freeport",
    "kaohsiung", "busan", "cartagena", "khor fakkan", "port said", "gioia tauro"})
# HS chapters most seized as counterfeit (WCO / CBP IPR seizure statistics).
HIGH_RISK_HS_CHAPTERS = frozenset({"30", "33", "42", "61", "62", "64", "71", "85", "91", "95"})
PARTY_TYPES = {"IMPORTED", "EXPORTED", "MANUFACTURED", "CONSIGNED_TO", "SUPPLIED"}
LINK_TYPES = {"OWNS", "DIRECTS", "HAS_ADDRESS", "HAS_PHONE", "HAS_EMAIL", "HOLDS", "PAID",
              "TRANSFERRED", "FINANCED", "EMPLOYED_BY", "ASSOCIATED_WITH"}
_SERVICE_ROLES = {"Shipper", "Broker"}


@dataclass
class RiskReason(Result):
    indicator: str
    weight: float
    detail: str


@dataclass
class ShipmentRisk(Result):
    shipment: EntityRef
    score: float
    seized: bool
    reasons: list[RiskReason] = field(default_factory=list)


@dataclass
class RiskResult(Result):
    shipments: list[ShipmentRisk]


def _parties(G: nx.MultiDiGraph, shipment: str) -> set[str]:
    out = set()
    edges = list(G.in_edges(shipment, data="type")) + list(G.out_edges(shipment, data="type"))
    for u, v, t in edges:
        other = u if v == shipment else v
        if t in PARTY_TYPES and is_party(G, other) and not set(roles(G, other)) & _SERVICE_ROLES:
            out.add(other)
    return out


def _seized(G: nx.MultiDiGraph, shipment: str) -> bool:
    return prop(G, shipment, "seized") in (True, "true", "yes", 1) or any(
        t == "SEIZED" for _, _, t in G.in_edges(shipment, data="type"))


def _linked(G: nx.MultiDiGraph, node: str) -> set[str]:
    """Parties one control, identifier or money step away (through an identifier or account)."""
    out = set()
    for u, v, t in list(G.out_edges(node, data="type")) + list(G.in_edges(node, data="type")):
        if t not in LINK_TYPES:
            continue
        other = v if u == node else u
        if is_party(G, other):
            out.add(other)
        else:
            out |= {m for m in nx.all_neighbors(G, other) if is_party(G, m)}
    return out - {node}


def _heading(G: nx.MultiDiGraph, node: str) -> str | None:
    code = prop(G, node, "hs_code", "hs")
    digits = "".join(c for c in str(code or "") if c.isdigit())
    return digits[:4] if len(digits) >= 4 else None


def score_shipments(G: nx.MultiDiGraph, *, known_bad: set[str] | None = None,
                    case: str | None = None, recent_days: int = 365,
                    low_value_factor: float = 3.0,
                    weights: dict[str, float] | None = None) -> RiskResult:
    """Score and explain every Shipment of ``G`` (of ``case`` if given), riskiest first.

    Complexity: O(V + E) plus O(S * d^2) for S shipments of party degree d.
    """
    w = INDICATOR_WEIGHTS if weights is None else weights
    shipments = [n for n in G if has_label(G, n, "Shipment")]
    parties = {s: _parties(G, s) for s in shipments}
    seized = {s: _seized(G, s) for s in shipments}
    seized_by_party: dict[str, set[str]] = defaultdict(set)
    for s in shipments:
        if seized[s]:
            for p in parties[s]:
                seized_by_party[p].add(s)
    unit_values: dict[str, list[float]] = defaultdict(list)
    unit = {}
    for s in shipments:
        value, _ = declared_value(G, s)
        quantity = parse_amount(prop(G, s, "quantity", "units")) or 1.0
        heading = _heading(G, s)
        if value and heading:
            unit[s] = value / quantity
            unit_values[heading].append(unit[s])
    out = []
    for s in shipments:
        if case is not None and case not in (getattr(G.nodes[s].get("view"), "cases", None) or []):
            continue
        reasons: list[RiskReason] = []
        bad = {p: seized_by_party[p] - {s} for p in parties[s]}
        bad |= {p: {"known"} for p in parties[s] if known_bad and p in known_bad}
        direct = sorted(p for p, hits in bad.items() if hits)
        if direct:
            reasons.append(RiskReason("bad_actor", w["bad_actor"], "party of other seizures: " +
                                      ", ".join(name_of(G, p) for p in direct)))
        else:
            linked = sorted({q for p in parties[s] for q in _linked(G, p)
                             if seized_by_party[q] - {s} or (known_bad and q in known_bad)})
            if linked:
                reasons.append(RiskReason("linked_bad_actor", w["linked_bad_actor"],
                                          "linked to parties of other seizures: " +
                                          ", ".join(name_of(G, q) for q in linked[:5])))
        reasons += _route(G, s, w) + _consignee(G, s, w, recent_days) + _brand(G, s, w)
        heading = _heading(G, s)
        peers = unit_values.get(heading or "", [])
        if s in unit and len(peers) >= 3:
            median = statistics.median(peers)
            if median and unit[s] * low_value_factor <= median:
                reasons.append(RiskReason("low_value", w["low_value"],
                                          f"declared unit value {unit[s]:.2f} vs median "
                                          f"{median:.2f} for HS {heading}"))
        score = 1 - math.prod(1 - r.weight for r in reasons)
        out.append(ShipmentRisk(shipment=entity_ref(G, s), score=round(score, 4),
                                seized=seized[s], reasons=reasons))
    out.sort(key=lambda r: (-r.score, r.shipment.id))
    return RiskResult(shipments=out)


def _route(G: nx.MultiDiGraph, s: str, w: dict[str, float]) -> list[RiskReason]:
    hubs = []
    for _, port, t in G.out_edges(s, data="type"):
        if t in {"LOADED_AT", "DISCHARGED_AT"} and (
                prop(G, port, "transshipment") in (True, "true", "yes", 1)
                or any(hub in fold_name(name_of(G, port)) for hub in TRANSSHIPMENT_HUBS)):
            hubs.append(name_of(G, port))
    via = prop(G, s, "via", "transshipment_port", "route")
    if isinstance(via, str) and any(h in fold_name(via) for h in TRANSSHIPMENT_HUBS):
        hubs.append(via)
    if not hubs:
        return []
    return [RiskReason("transshipment", w["transshipment"], "via " + ", ".join(sorted(set(hubs))))]


def _consignee(G: nx.MultiDiGraph, s: str, w: dict[str, float], days: int) -> list[RiskReason]:
    when = parse_date(prop(G, s, "date", "arrival_date", "departure_date"))
    if when is None:
        return []
    receivers = {u for u, _, t in G.in_edges(s, data="type") if t == "IMPORTED"}
    receivers |= {v for _, v, t in G.out_edges(s, data="type") if t == "CONSIGNED_TO"}
    for party in sorted(receivers):
        born = parse_date(prop(G, party, "incorporated", "incorporation_date", "registered",
                               "founded", "created"))
        if born and 0 <= (when - born).days <= days:
            return [RiskReason("new_consignee", w["new_consignee"],
                               f"{name_of(G, party)} incorporated {born}, "
                               f"{(when - born).days} days before")]
    return []


def _brand(G: nx.MultiDiGraph, s: str, w: dict[str, float]) -> list[RiskReason]:
    heading = _heading(G, s)
    brands = [v for _, v, t in G.out_edges(s, data="type") if t == "CONTAINS_BRAND"]
    for brand in sorted(brands):
        codes = prop(G, brand, "hs_codes", "hs_code", default=[])
        codes = [codes] if isinstance(codes, str) else list(codes or [])
        if heading and any(str(c).startswith(heading) or heading.startswith(str(c)) for c in codes):
            return [RiskReason("brand_hs", w["brand_hs"],
                               f"HS {heading} is covered by the {name_of(G, brand)} trademark")]
    if brands:
        return [RiskReason("brand", w["brand"], "goods bear " + ", ".join(
            name_of(G, b) for b in sorted(brands)))]
    if heading and heading[:2] in HIGH_RISK_HS_CHAPTERS:
        return [RiskReason("hs_risk", w["hs_risk"],
                           f"HS chapter {heading[:2]} is often counterfeited")]
    return []
