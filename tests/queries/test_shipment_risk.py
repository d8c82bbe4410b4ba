import networkx as nx

from queries.metrics import roc_auc
from queries.shipment_risk import score_shipments


def test_shipment_risk_separates_counterfeit_from_legit(network):
    result = score_shipments(network)
    truth = {r.shipment.id: r.shipment.id[:2] not in {"sc", "sd"} for r in result.shipments}
    auc = roc_auc([r.score for r in result.shipments],
                  [truth[r.shipment.id] for r in result.shipments])
    assert auc >= 0.9


def test_shipment_risk_unseized_counterfeit_flagged_by_bad_actor(network):
    s5 = next(r for r in score_shipments(network).shipments if r.shipment.id == "s5")
    assert not s5.seized
    indicators = {r.indicator for r in s5.reasons}
    assert {"bad_actor", "transshipment", "brand_hs"} <= indicators
    bad = next(r for r in s5.reasons if r.indicator == "bad_actor")
    assert "Pacific Star Trading Co" in bad.detail


def test_shipment_risk_ignores_own_seizure():
    G = nx.MultiDiGraph()
    G.add_node("s", labels=["Shipment"], name="S")
    G.add_node("z", labels=["Seizure"], name="Z")
    G.add_node("x", labels=["Company", "Exporter"], name="X")
    G.add_edge("z", "s", type="SEIZED")
    G.add_edge("x", "s", type="EXPORTED")
    only = score_shipments(G).shipments[0]
    assert only.seized and only.score == 0 and only.reasons == []


def test_shipment_risk_new_consignee_and_low_value(network):
    s1 = next(r for r in score_shipments(network).shipments if r.shipment.id == "s1")
    new = next(r for r in s1.reasons if r.indicator == "new_consignee")
    assert "Maple Imports Inc" in new.detail
    low = next(r for r in s1.reasons if r.indicator == "low_value")
    assert "HS 6403" in low.detail
    legit = [r for r in score_shipments(network).shipments if r.shipment.id.startswith("s") and
             r.shipment.id[:2] in {"sc", "sd"}]
    assert all(r.score < 0.2 for r in legit)


def test_shipment_risk_prior_only_ignores_later_seizures(network):
    # s5 left on 14 Feb 2024; its exporter's shipments were seized from 1 March on.
    s5 = next(r for r in score_shipments(network, prior_only=True).shipments
              if r.shipment.id == "s5")
    assert not {"bad_actor", "linked_bad_actor"} & {r.indicator for r in s5.reasons}
