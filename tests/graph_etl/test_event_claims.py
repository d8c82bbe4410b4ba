"""Events of prose become Seizure nodes, trade relationships and payments in the graph, so
source-org and money analyses work from narratives alone."""

from __future__ import annotations

import pytest

from graph_etl.claims import extraction_batch
from graph_etl.pipeline import IngestOptions, ingest
from graph_etl.resolve import Resolver
from graph_etl.store import Viewer
from graph_etl.ledger import Ledger
from fakefree.model import DocumentRecord
from graph_etl.store.sqlite.store import SQLiteStore
from nlp import extract
from queries.money_flows import analyze_money
from queries.source_orgs import rank_source_orgs

SYSTEM = Viewer.system()

REPORT = (
    "On 3 May 2024, officers of the Canada Border Services Agency at the Port of Vancouver "
    "examined container TGHU8876548, which had arrived aboard the vessel MSC ADELINA. The "
    "shipper is listed as Hangzhou Feiyue Garments Co., Ltd. and the consignee as Maple Ridge "
    "Apparel Inc. of Surrey.\n\nInside, officers found 14,600 pairs of athletic shoes bearing "
    "counterfeit Nike and Adidas trademarks. The goods were detained on May 6, 2024. If genuine, "
    "the goods would have been worth $1,460,000.\n\nKeystone Imports LLC wired USD 48,500 to "
    "Ocean Pearl Trading Ltd on March 12, 2024, according to the bank records.\n")


@pytest.fixture
def graph(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, "utf-8")
    store = SQLiteStore(tmp_path / "g.db")
    ledger = Ledger(tmp_path / "g.db.ledger")
    options = IngestOptions(agency="CBSA", case="CA-1")
    ingest([folder], store, ledger, options, "test")
    yield store, ledger, folder, options
    store.close()


def _edges(G, type_):
    return {(G.nodes[u].get("name"), G.nodes[v].get("name")): d
            for u, v, d in G.edges(data=True) if d.get("type") == type_}


def test_event_claims_seizure_becomes_nodes_and_trade_relationships(graph):
    store, *_ = graph
    G = store.subgraph(SYSTEM)
    seizures = [n for n, d in G.nodes(data=True) if "Seizure" in (d.get("labels") or [])]
    assert len(seizures) == 1
    seizure = G.nodes[seizures[0]]
    assert seizure["name"] == "Seizure TGHU8876548"
    assert seizure["date"] == "2024-05-06" and seizure["quantity"] == 14600.0
    assert ("Seizure TGHU8876548", "TGHU8876548") in _edges(G, "SEIZED")
    assert ("Canada Border Services Agency", "TGHU8876548") in _edges(G, "SEIZED")
    assert ("Hangzhou Feiyue Garments Co., Ltd.", "TGHU8876548") in _edges(G, "EXPORTED")
    consigned = {b for a, b in _edges(G, "CONSIGNED_TO") if a == "TGHU8876548"}
    assert any(name.startswith("Maple Ridge Apparel") for name in consigned)
    assert {b for a, b in _edges(G, "CONTAINS_BRAND")} == {"Nike", "Adidas"}
    assert ("TGHU8876548", "MSC ADELINA") in _edges(G, "CARRIED_BY")
    assert ("TGHU8876548", "Port of Vancouver") in _edges(G, "DISCHARGED_AT")
    evidence = _edges(G, "CONTAINS_BRAND")[("TGHU8876548", "Nike")]["view"].evidence
    assert evidence and "Nike" in evidence[0].text


def test_event_claims_source_orgs_and_money_flows_from_prose_alone(graph):
    store, *_ = graph
    G = store.subgraph(SYSTEM)
    result = rank_source_orgs(G)
    assert result.seizures == 1
    assert result.ranks[0].entity.name == "Hangzhou Feiyue Garments Co., Ltd."
    money = analyze_money(G)
    assert [(t.amount, t.currency, t.date) for t in money.transfers] == \
        [(48500.0, "USD", "2024-03-12")]
    paid = _edges(G, "PAID")[("Keystone Imports LLC", "Ocean Pearl Trading Ltd")]
    assert paid["amount"] == 48500.0


def test_event_claims_reloading_is_idempotent_and_a_second_report_joins_the_seizure(graph):
    store, ledger, folder, options = graph
    extraction = extract(REPORT, language="en").to_dict()
    doc = DocumentRecord("doc-1", "report.txt", "CBSA", cases=["CA-1"])
    first, second = (extraction_batch(extraction, doc, Resolver(ledger)) for _ in range(2))
    assert sorted(n.id for n in first.nodes) == sorted(n.id for n in second.nodes)
    assert sorted(r.id for r in first.rels) == sorted(r.id for r in second.rels)
    before = store.stats(SYSTEM)
    store.upsert(first)
    store.upsert(second)
    after = store.stats(SYSTEM)
    store.upsert(first)
    assert store.stats(SYSTEM) == after and after["nodes"] >= before["nodes"]
    (folder / "follow_up.txt").write_text(REPORT + "\nThe case was referred for prosecution.\n",
                                          "utf-8")
    ingest([folder], store, ledger, options, "test")
    G = store.subgraph(SYSTEM)
    seizures = [n for n, d in G.nodes(data=True) if "Seizure" in (d.get("labels") or [])]
    assert len(seizures) == 1  # named from its container, whichever document reports it


def test_event_claims_manufacturer_of_a_seizure_ranks_as_source(tmp_path):
    text = ("On 2 June 2025 container TGHU8876548 was examined at the Port of Halifax. Shipper of "
            "record: Vltava Parfem Export s.r.o., Brno.\n\nThe cartons were found to contain "
            "4,800 units of perfume bearing counterfeit Chanel trademarks, which were seized.\n\n"
            "The labels identify the manufacturer as \"Velka Hora Kosmetika a.s.\".\n")
    (tmp_path / "r.txt").write_text(text, "utf-8")
    store = SQLiteStore(tmp_path / "g.db")
    ingest([tmp_path / "r.txt"], store, Ledger(tmp_path / "g.db.ledger"),
           IngestOptions(agency="CBSA", case="CA-1"), "test")
    G = store.subgraph(SYSTEM)
    makers = {a for (a, b) in _edges(G, "MANUFACTURED")}
    assert makers == {"Velka Hora Kosmetika a.s."}
    ranked = [r.entity.name for r in rank_source_orgs(G, top=3).ranks]
    assert "Velka Hora Kosmetika a.s." in ranked
    store.close()
