"""The responsibility walk never passes through a hub."""

from __future__ import annotations

import networkx as nx
import pytest

from queries.source_orgs import rank_source_orgs
from queries.upstream import hub_nodes, money_movers, responsibility_graph, sharing


def two_networks(*hub_labels: str, **hub_props) -> nx.MultiDiGraph:
    """Two seizures, two exporters, tied only by one node of ``hub_labels``."""
    G = nx.MultiDiGraph()
    G.add_node("hub", labels=list(hub_labels), name="H", **hub_props)
    for i in "12":
        G.add_node(f"z{i}", labels=["Seizure"], name=f"Z{i}", cases=[f"C{i}"])
        G.add_node(f"s{i}", labels=["Shipment"], name=f"S{i}", cases=[f"C{i}"])
        G.add_node(f"x{i}", labels=["Company", "Exporter"], name=f"X{i}", cases=[f"C{i}"])
        G.add_edge(f"z{i}", f"s{i}", type="SEIZED")
        G.add_edge(f"x{i}", f"s{i}", type="EXPORTED")
        G.add_edge(f"s{i}", "hub", type="ASSOCIATED_WITH")
        G.add_edge(f"x{i}", "hub", type="ASSOCIATED_WITH")
    return G


@pytest.mark.parametrize("label,props", [
    ("Port", {}), ("Agency", {}), ("City", {}), ("Country", {}), ("Brand", {}), ("Vessel", {}),
    ("Identifier", {"hs_code": "6403.99"}), ("Identifier", {"swift": "BKCHCNBJ"}),
])
def test_upstream_seizure_not_credited_through_a_hub(label, props):
    ranks = {r.entity.name: r for r in rank_source_orgs(two_networks(label, **props)).ranks}
    assert ranks["X1"].seizures == ["z1"] and ranks["X1"].cases == ["C1"]
    assert ranks["X2"].seizures == ["z2"]


def test_upstream_shared_identifier_still_links_its_few_holders():
    ranks = {r.entity.name: r for r in rank_source_orgs(two_networks("Phone")).ranks}
    assert ranks["X1"].seizures == ["z1", "z2"]


def test_upstream_identifier_shared_by_many_becomes_a_hub():
    G = two_networks("Address")
    for i in range(12):
        G.add_node(f"c{i}", labels=["Company"], name=f"C{i}")
        G.add_edge(f"c{i}", "hub", type="HAS_ADDRESS")
    assert sharing(G)["hub"] == 16 and "hub" in hub_nodes(G)
    R = responsibility_graph(G)
    assert not list(R.successors("hub")) and R.has_edge("x1", "hub")
    ranks = {r.entity.name: r for r in rank_source_orgs(G).ranks}
    assert ranks["X1"].seizures == ["z1"]


def test_upstream_money_does_not_count_as_sharing_an_account():
    G = nx.MultiDiGraph()
    G.add_node("acct", labels=["BankAccount"])
    for i in range(15):
        G.add_node(f"a{i}", labels=["BankAccount"])
        G.add_edge(f"a{i}", "acct", type="TRANSFERRED")
    G.add_node("x", labels=["Company"])
    G.add_edge("x", "acct", type="HOLDS")
    assert sharing(G)["acct"] == 1 and "acct" not in hub_nodes(G)


@pytest.mark.parametrize("role", ["Broker", "Shipper"])
def test_upstream_intermediary_is_credited_but_passes_nothing_to_its_other_clients(role):
    ranks = {r.entity.name: r for r in rank_source_orgs(two_networks("Company", role)).ranks}
    assert ranks["H"].seizures == ["z1", "z2"]
    assert ranks["X1"].seizures == ["z1"] and ranks["X2"].seizures == ["z2"]


def test_upstream_no_step_goes_sideways_from_a_party_to_its_other_shipments():
    R = responsibility_graph(two_networks("Company"))
    assert not R.has_edge("hub", "s2") and not R.has_edge("x1", "s1")


@pytest.mark.parametrize("mover_cases, x2_seizures", [(["C1", "C2"], ["z2"]),
                                                      (["C1"], ["z1", "z2"])])
@pytest.mark.parametrize("mover_labels", [["Company", "Financier"], ["Company"]])
def test_upstream_money_mover_of_several_cases_passes_nothing_on(mover_cases, x2_seizures,
                                                                mover_labels):
    """Case 1's importer pays a money mover, which pays case 2's exporter: once the mover is
    seen in both cases it serves unrelated clients, and case 1's seizure is not credited to
    case 2's exporter through it (nor through the account it holds), whether or not the text
    gave it a money role: a party that only pays and is paid is a mover."""
    G = two_networks("Port")
    G.add_node("i1", labels=["Company", "Importer"], name="I1", cases=["C1"])
    G.add_edge("i1", "s1", type="IMPORTED")
    G.add_node("f", labels=mover_labels, name="F", cases=mover_cases)
    G.add_node("fa", labels=["BankAccount"], name="FA", cases=mover_cases)
    G.add_edge("f", "fa", type="HOLDS")
    G.add_edge("i1", "fa", type="PAID", amount=9000, currency="USD")
    G.add_edge("fa", "x2", type="TRANSFERRED", amount=8000, currency="USD")
    ranks = {r.entity.name: r for r in rank_source_orgs(G).ranks}
    assert ranks["X2"].seizures == x2_seizures


def test_upstream_a_party_of_several_cases_that_trades_or_controls_is_no_money_mover():
    G = nx.MultiDiGraph()
    for node, cases in (("payer", ["C1", "C2"]), ("owner", ["C1", "C2"]), ("x", ["C1"])):
        G.add_node(node, labels=["Company"], name=node, cases=cases)
    G.add_edge("payer", "x", type="PAID")
    G.add_edge("owner", "x", type="PAID")
    G.add_edge("owner", "x", type="OWNS")
    assert money_movers(G) == {"payer"}
    G.add_node("s", labels=["Shipment"])
    G.add_edge("payer", "s", type="EXPORTED")
    assert money_movers(G) == set()
