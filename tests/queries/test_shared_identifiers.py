import pytest

from queries.shared_identifiers import find_shared_identifiers


def test_shared_identifiers_phone_across_cases_and_agencies(network):
    result = find_shared_identifiers(network)
    phone = next(s for s in result.shared if s.identifier.id == "phone1")
    assert phone.kind == "Phone" and [p.id for p in phone.parties] == ["delta", "pacific"]
    assert phone.cross_case and phone.cross_agency
    assert result.shared[0].cross_case  # cross-case findings come first


def test_shared_identifiers_address_of_front_and_source(network):
    result = find_shared_identifiers(network)
    address = next(s for s in result.shared if s.kind == "Address")
    assert {p.id for p in address.parties} == {"golden", "pacific"}
    assert not address.cross_case


def test_shared_identifiers_only_cross_filters(network):
    result = find_shared_identifiers(network, only_cross=True)
    assert result.shared and all(s.cross_case or s.cross_agency for s in result.shared)
    assert "Address" not in {s.kind for s in result.shared}


def _graph(*edges, nodes=()):
    import networkx as nx

    G = nx.MultiDiGraph()
    for node, labels, name, cases in nodes:
        G.add_node(node, labels=labels, name=name, cases=cases, agencies=[])
    for u, v, t in edges:
        G.add_edge(u, v, type=t)
    return G


def test_shared_identifiers_building_level_match_across_address_spellings():
    G = _graph(("a", "x1", "HAS_ADDRESS"), ("b", "x2", "HAS_ADDRESS"), nodes=[
        ("a", ["Company"], "Alpha Trading Ltd", ["C1"]),
        ("b", ["Company"], "Beta Logistics Ltd", ["C2"]),
        ("x1", ["Address"], "12/F, Grand Harbour Centre, 8 Hok Yuen Street", ["C1"]),
        ("x2", ["Address"], "GRAND HARBOUR CTR, 8 HOK YUEN ST, HUNG HOM, KOWLOON", ["C2"])])
    hit = next(s for s in find_shared_identifiers(G).shared if s.kind == "Address")
    assert hit.level == "building" and {p.name for p in hit.parties} == {
        "Alpha Trading Ltd", "Beta Logistics Ltd"}
    assert {r.id for r in hit.identifiers} == {"x1", "x2"} and hit.cross_case


def test_shared_identifiers_unit_level_match_on_one_address_node():
    G = _graph(("a", "x", "HAS_ADDRESS"), ("b", "x", "HAS_ADDRESS"), nodes=[
        ("a", ["Company"], "Alpha Trading Ltd", ["C1"]),
        ("b", ["Person"], "Wei Zhang", ["C1"]),
        ("x", ["Address"], "12/F, Flat B, 18 Nathan Road", ["C1"])])
    hit = next(s for s in find_shared_identifiers(G).shared if s.kind == "Address")
    assert hit.level == "unit"


def test_shared_identifiers_street_alone_does_not_join_a_building():
    G = _graph(("a", "x1", "HAS_ADDRESS"), ("b", "x2", "HAS_ADDRESS"), nodes=[
        ("a", ["Company"], "Alpha Trading Ltd", ["C1"]),
        ("b", ["Company"], "Beta Logistics Ltd", ["C2"]),
        ("x1", ["Address"], "8 Hok Yuen Street", ["C1"]),
        ("x2", ["Address"], "Hok Yuen Street", ["C2"])])
    assert not [s for s in find_shared_identifiers(G).shared if s.kind == "Address"]


def test_shared_identifiers_quoted_reply_marker_and_non_parties_do_not_share():
    G = _graph(("a", "p", "HAS_PHONE"), ("q", "p", "HAS_PHONE"), ("d", "p", "MENTIONED_IN"),
               nodes=[("a", ["Person"], "Harry Singh", ["C1"]),
                      ("q", ["Person"], "> For", ["C1"]),
                      ("d", ["Document"], "report.txt", ["C2"]),
                      ("p", ["Phone"], "+91 98140 22731", ["C1"])])
    assert not [s for s in find_shared_identifiers(G).shared if len(s.parties) > 1]


def test_shared_identifiers_one_party_holding_an_identifier_in_two_cases():
    G = _graph(("k", "acct", "HOLDS"), nodes=[
        ("k", ["Company"], "Kappa Trading Pte Ltd", ["C1", "C2"]),
        ("acct", ["BankAccount"], "072-904518-3", ["C1", "C2"])])
    hit = find_shared_identifiers(G).shared[0]
    assert hit.kind == "BankAccount" and hit.cross_case and hit.cases == ["C1", "C2"]


@pytest.mark.slow
def test_shared_identifiers_dev_case_files_phone_and_building_written_differently(tmp_path):
    """Registry extract (B6) and bill of lading (A5) of two agencies: the national and the
    international forms of one phone, and one plot written three ways, are shared."""
    from pathlib import Path

    from graph_etl.pipeline import IngestOptions, ingest
    from graph_etl.store import Viewer
    from graph_etl.ledger import Ledger
    from graph_etl.store.sqlite.store import SQLiteStore

    docs = Path(__file__).resolve().parents[1] / "data" / "case_files_dev" / "docs"
    store, ledger = SQLiteStore(tmp_path / "g.db"), Ledger(tmp_path / "g.ledger")
    for pattern, case, agency in (("A5_*", "DEV-A", "HSI"), ("B6_*", "DEV-B", "RCMP")):
        ingest(sorted(docs.glob(pattern)), store, ledger,
               IngestOptions(case=case, agency=agency), "test")
    shared = find_shared_identifiers(store.subgraph(Viewer.system())).shared

    def parties(kind, digits=""):
        return [{p.name.casefold() for p in s.parties} for s in shared
                if s.kind == kind and digits in "".join(filter(str.isdigit, s.identifier.name))]

    assert any({"panchnad", "doaba"} <= {n.split()[0] for n in names}
               for names in parties("Phone", "2504417"))
    assert any({"panchnad", "doaba"} <= {n.split()[0] for n in names}
               for names in parties("Address", "118"))
