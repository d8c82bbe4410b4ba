from fakefree.model import Viewer
from graph_etl.store.sqlite.store import SQLiteStore
from queries.source_orgs import rank_source_orgs, seizure_seeds

from .network import Net


def ids(result):
    return [r.entity.id for r in result.ranks]


def test_source_orgs_planted_source_first_per_case(network):
    assert ids(rank_source_orgs(network, case="CASE-A"))[0] == "golden"
    assert ids(rank_source_orgs(network, case="CASE-B"))[0] == "sunrise"


def test_source_orgs_overall_top_holds_both_sources_not_carrier(network):
    ranked = ids(rank_source_orgs(network, top=10))
    assert {"golden", "sunrise"} <= set(ranked[:3])
    assert "blue" not in ranked[:5]
    assert "honest" not in ranked  # legitimate trade: no seizure reaches it


def test_source_orgs_explains_rank_with_seizures_agencies_and_paths(network):
    golden = rank_source_orgs(network, case="CASE-A").ranks[0]
    assert golden.seizures == ["z1", "z2", "z3", "z4"]
    assert golden.cases == ["CASE-A"] and golden.agencies == ["CBP", "CBSA"]
    assert {"maple", "northern", "gulf"} <= set(golden.importers)
    path = golden.paths[0]
    assert path[0].type == "SEIZED" and "golden" in {path[-1].source, path[-1].target}
    assert all(hop.evidence for hop in path)


def test_source_orgs_seeds_are_seizures_of_the_case(network):
    assert seizure_seeds(network, "CASE-B") == ["zb0", "zb1", "zb2"]


def hidden_source_network():
    """Three fronts, each with its own nominee director; the source owns none of them on paper.

    The only traces of Apex Holdings: the fronts' shared office address, the nominees' employer,
    and the fronts' accounts paying Apex's account. A busy legitimate exporter ships more.
    """
    n = Net()
    doc = n.doc("d1", "CBSA", "CASE-H")
    company = ["Company"]
    n.node(doc, "apex", company, "Apex Holdings Ltd")
    n.node(doc, "office", ["Address"], "Unit 9, 1 Shek Road, Kowloon")
    n.node(doc, "apex_acct", ["BankAccount"], "HK00APEX")
    n.node(doc, "busy", company + ["Exporter"], "Busy Legit Exporter")
    n.rel(doc, "apex", "HAS_ADDRESS", "office")
    n.rel(doc, "apex", "HOLDS", "apex_acct")
    for i in range(3):
        front, nominee, acct = f"front{i}", f"nominee{i}", f"acct{i}"
        n.node(doc, front, company + ["FrontCompany", "Exporter"], f"Front Trading {i}")
        n.node(doc, nominee, ["Person"], f"Nominee {i}")
        n.node(doc, acct, ["BankAccount"], f"HK00FRONT{i}")
        n.rel(doc, nominee, "DIRECTS", front)
        n.rel(doc, nominee, "EMPLOYED_BY", "apex")
        n.rel(doc, front, "HAS_ADDRESS", "office")
        n.rel(doc, front, "HOLDS", acct)
        n.rel(doc, acct, "TRANSFERRED", "apex_acct", amount=50000, currency="USD")
        for j in range(2):
            shipment, seizure = f"s{i}{j}", f"z{i}{j}"
            n.node(doc, shipment, ["Shipment"], f"Shipment {i}{j}")
            n.node(doc, seizure, ["Seizure"], f"Seizure {i}{j}")
            n.rel(doc, front, "EXPORTED", shipment)
            n.rel(doc, seizure, "SEIZED", shipment)
    for j in range(4):  # the busy exporter's shipments: one seized, the rest clean
        n.node(doc, f"b{j}", ["Shipment"], f"Busy shipment {j}")
        n.rel(doc, "busy", "EXPORTED", f"b{j}")
    n.node(doc, "zb", ["Seizure"], "Seizure at Busy")
    n.rel(doc, "zb", "SEIZED", "b0")
    return n


def test_source_orgs_finds_source_hidden_behind_nominees_and_fronts(tmp_path):
    store = SQLiteStore(tmp_path / "hidden.db")
    store.upsert(hidden_source_network().batch)
    result = rank_source_orgs(store.subgraph(Viewer.system()), case="CASE-H")
    assert result.ranks[0].entity.id == "apex"
    assert len(result.ranks[0].seizures) == 6
    kinds = {hop.type for path in result.ranks[0].paths for hop in path}
    assert kinds & {"EMPLOYED_BY", "HAS_ADDRESS", "TRANSFERRED"}


def test_source_orgs_seizure_linked_by_other_relationship_still_counts(tmp_path):
    n = Net()
    doc = n.doc("d1", "CBP", "CASE-X")
    n.node(doc, "z", ["Seizure"], "Seizure at JFK")
    n.node(doc, "x", ["Company", "Exporter"], "Shadow Exports")
    n.node(doc, "h", ["Company"], "Shadow Holdings")
    n.rel(doc, "z", "ASSOCIATED_WITH", "x")  # "goods seized from Shadow Exports"
    n.rel(doc, "h", "OWNS", "x")
    store = SQLiteStore(tmp_path / "x.db")
    store.upsert(n.batch)
    ranked = [r.entity.id for r in rank_source_orgs(store.subgraph(Viewer.system())).ranks]
    result = rank_source_orgs(store.subgraph(Viewer.system()))
    assert ranked == ["h"] and [s.id for s in result.ranks[0].subsidiaries] == ["x"]
