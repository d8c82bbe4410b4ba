"""The GraphStore contract: every test runs against the embedded store and against Neo4j."""

from __future__ import annotations

import threading

import networkx as nx
import pytest

from fakefree.errors import InputError, NotFound, SchemaError
from graph_etl.store import Batch, DocumentRecord, NodeClaim, RelClaim, Viewer

from .network import (
    CBSA_SEIZURE,
    HOSTILE,
    RCMP_NOTES,
    all_batches,
    node,
    rcmp_batch,
)

SYSTEM = Viewer.system()
CBSA = Viewer.of("CBSA")
RCMP = Viewer.of("RCMP")
FBI = Viewer.of("FBI")
PUBLIC = Viewer.of("PRESS", clearance="UNCLASSIFIED")


def load(store, batches=None):
    for batch in batches or all_batches():
        store.upsert(batch)


def test_contract_upsert_twice_gives_the_same_graph(store):
    load(store)
    first = store.stats(SYSTEM)
    load(store)
    assert store.stats(SYSTEM) == first
    assert first["documents"] == 3
    assert first["nodes"] == 7 + 3  # entities plus one node per document
    assert first["types"] == {"CONSIGNED_TO": 1, "DIRECTS": 1, "EMPLOYED_BY": 2, "EXPORTED": 1,
                              "PAID": 1, "SEIZED": 1}


def test_contract_get_merges_claims_of_all_documents(store):
    load(store)
    maple = store.get("co-maple", SYSTEM)
    assert maple.name == "Maple Leaf Trading Inc."
    assert "Maple Leaf Trading" in maple.aliases
    assert maple.cases == ["CA-2024-0001", "US-2024-0042"]
    assert maple.agencies == ["CBSA", "ICE/HSI", "RCMP"]
    assert set(maple.labels) == {"Company", "Importer"}
    assert store.get("no-such-id", SYSTEM) is None


def test_contract_get_returns_only_what_the_viewer_may_see(store):
    load(store)
    hantong = store.get("co-hantong", CBSA)
    assert hantong.name == "Han Tong Technology Co., Ltd."
    assert "secret_note" not in hantong.props
    assert "HT Tech secret alias" not in hantong.aliases
    assert "Manufacturer" not in hantong.labels
    assert {m.document_id for m in hantong.mentions} == {CBSA_SEIZURE.id}
    assert store.get("p-zhang", CBSA) is None
    assert store.get("p-zhang", RCMP).props["dob"] == "1971-02-03"
    assert store.get("co-hantong", SYSTEM).props["secret_note"].startswith("informant")


def test_contract_rel_to_and_clearance(store):
    load(store)
    assert store.get("p-garcia", CBSA) is not None  # REL-TO:CBSA,RCMP
    assert store.get("p-garcia", FBI) is None
    assert store.get("co-maple", PUBLIC).agencies == ["CBSA"]  # only the UNCLASSIFIED claim


def test_contract_search_ignores_case_and_accents_and_finds_aliases(store):
    load(store)
    assert [v.id for v in store.search("jose angel garcia", SYSTEM)] == ["p-garcia"]
    assert [v.id for v in store.search("GARCÍA", SYSTEM)] == ["p-garcia"]
    assert [v.id for v in store.search("zhang wei", RCMP)] == ["p-zhang"]
    assert [v.id for v in store.search("张伟", RCMP)] == ["p-zhang"]
    assert [v.id for v in store.search("CBSA", SYSTEM, label="Agency")] == ["ag-cbsa"]
    assert store.search("CBSA", SYSTEM, label="Person") == []


def test_contract_search_ranks_exact_names_first(store):
    load(store)
    hits = [v.id for v in store.search("Maple Leaf Trading", SYSTEM)]
    assert hits[0] == "co-maple"
    hits = [v.id for v in store.search("han tong", SYSTEM)]
    assert hits == ["co-hantong"]


def test_contract_search_finds_identifiers_in_any_spacing(store):
    load(store)
    assert [v.id for v in store.search("MSCU 123456-6", SYSTEM)] == ["sh-1"]
    assert [v.id for v in store.search("mscu1234566", SYSTEM)] == ["sh-1"]


def test_contract_search_matches_the_start_of_every_word_in_any_order(store):
    load(store)

    def ids(text):
        return [v.id for v in store.search(text, SYSTEM)]

    assert ids("Mapl Lea Trad") == ["co-maple"]
    assert ids("technolog han") == ["co-hantong"]
    assert ids("hantong tech") == ["co-hantong"]  # the letters alone start the name's
    assert ids("hant technology") == []  # "hant" starts no word, and "hanttechnology" no name
    assert ids("maple leaf trading incorporated") == []
    store.retract(RCMP_NOTES.id)
    assert ids("technolog han") == ["co-hantong"]  # still asserted by the CBSA seizure
    assert ids("zhang wei") == []  # only RCMP's notes named him


def test_contract_search_never_leaks_hidden_names(store):
    load(store)
    assert store.search("HT Tech secret alias", CBSA) == []
    assert store.search("Wei Zhang", CBSA) == []
    assert [v.id for v in store.search("HT Tech secret alias", RCMP)] == ["co-hantong"]


def test_contract_hostile_names_are_stored_and_found_verbatim(store):
    load(store)
    person = store.get("p-hostile", SYSTEM)
    assert person.name == HOSTILE
    assert [v.id for v in store.search("Robert MATCH DETACH", SYSTEM)] == ["p-hostile"]
    assert [v.id for v in store.search("'); DROP TABLE rels;--", SYSTEM)] == []
    assert store.stats(SYSTEM)["nodes"] == 10


def test_contract_neighbors_by_hops_and_types(store):
    load(store)
    one = store.neighbors("sh-1", SYSTEM, hops=1)
    assert isinstance(one, nx.MultiDiGraph)
    assert set(one) == {"sh-1", "co-hantong", "co-maple", "ag-cbsa"}
    two = store.neighbors("sh-1", SYSTEM, hops=2)
    assert set(two) == {"sh-1", "co-hantong", "co-maple", "ag-cbsa", "p-zhang", "p-hostile",
                        "p-garcia"}
    only_seized = store.neighbors("sh-1", SYSTEM, hops=2, rel_types=["SEIZED"])
    assert set(only_seized) == {"sh-1", "ag-cbsa"}
    edge = next(iter(one.edges(data=True, keys=True)))
    assert edge[3]["view"].evidence


def test_contract_neighbors_respects_the_viewer(store):
    load(store)
    seen = store.neighbors("co-maple", CBSA, hops=2)
    assert "p-zhang" not in seen
    assert all(data["type"] != "PAID" for _, _, data in seen.edges(data=True))
    with pytest.raises(NotFound):
        store.neighbors("p-zhang", CBSA, hops=1)


def test_contract_neighbors_caps_the_number_of_nodes(store):
    load(store)
    capped = store.neighbors("co-maple", SYSTEM, hops=2, limit=3)
    assert capped.number_of_nodes() == 3
    assert capped.graph["truncated"] is True


def test_contract_subgraph_filters(store):
    load(store)
    whole = store.subgraph(SYSTEM)
    assert whole.number_of_nodes() == 10
    assert whole.number_of_edges() == 7
    people = store.subgraph(SYSTEM, labels=["Person"])
    assert set(people) == {"p-zhang", "p-hostile", "p-garcia"}
    us_case = store.subgraph(SYSTEM, cases=["US-2024-0042"])
    assert {"p-garcia", "co-maple"} <= set(us_case)
    assert "sh-1" not in us_case
    picked = store.subgraph(SYSTEM, ids=["p-zhang", "co-maple"])
    assert [d["type"] for _, _, d in picked.edges(data=True)] == ["PAID"]
    paid = next(iter(picked.edges(data=True)))[2]
    assert paid["amount"] == 9900.0 and paid["currency"] == "CAD"
    assert store.subgraph(CBSA, ids=["p-zhang", "co-maple"]).number_of_edges() == 0


def test_contract_paths_are_shortest_with_evidence_on_every_hop(store):
    load(store)
    paths = store.paths("ag-cbsa", "p-zhang", SYSTEM, max_hops=4)
    assert paths
    assert {len(p) for p in paths} == {3}
    for path in paths:
        assert path.nodes[0].id == "ag-cbsa" and path.nodes[-1].id == "p-zhang"
        assert all(r.evidence for r in path.rels)
    assert store.paths("ag-cbsa", "p-zhang", SYSTEM, max_hops=2) == []


def test_contract_paths_never_cross_hidden_nodes(store):
    load(store)
    assert store.paths("ag-cbsa", "p-zhang", CBSA) == []
    via_rcmp = store.paths("co-hantong", "co-maple", RCMP, max_hops=2)
    # RCMP sees the path through its own notes (Zhang directs Han Tong and paid Maple Leaf)
    assert any(r.type == "PAID" and any(n.id == "p-zhang" for n in p.nodes)
               for p in via_rcmp for r in p.rels)
    cbsa_paths = store.paths("co-hantong", "co-maple", CBSA, max_hops=3)
    assert cbsa_paths
    assert all(n.id != "p-zhang" for p in cbsa_paths for n in p.nodes)


def test_contract_retract_removes_only_what_the_document_alone_asserted(store):
    load(store)
    before = store.stats(SYSTEM)
    counts = store.retract(RCMP_NOTES.id)
    assert counts["nodes_removed"] == 2  # Wei Zhang and the document node
    assert store.get("p-zhang", SYSTEM) is None
    hantong = store.get("co-hantong", SYSTEM)
    assert "secret_note" not in hantong.props
    assert store.get("co-maple", SYSTEM) is not None
    assert store.stats(SYSTEM)["types"].get("PAID") is None
    store.upsert(rcmp_batch())
    assert store.stats(SYSTEM) == before
    with pytest.raises(NotFound):
        store.retract("no-such-document")


def test_contract_documents_are_listed_per_viewer(store):
    load(store)
    assert {d.id for d in store.documents(SYSTEM)} == {"doc-cbsa", "doc-rcmp", "doc-hsi"}
    assert {d.id for d in store.documents(CBSA)} == {"doc-cbsa", "doc-hsi"}
    assert store.get_document("doc-rcmp", CBSA) is None
    doc = store.get_document("doc-rcmp", RCMP)
    assert doc.releasability == "AGENCY-ONLY" and doc.cases == ["CA-2024-0001"]
    assert store.stats(CBSA)["documents"] == 2


def test_contract_unknown_labels_and_dangling_relationships_are_refused(store):
    doc = DocumentRecord("d", "x.txt", "CBSA", "UNCLASSIFIED")
    with pytest.raises(SchemaError):
        store.upsert(Batch([doc], [NodeClaim("a", "d", ["Wizard"], "Merlin")]))
    with pytest.raises(InputError):
        store.upsert(Batch([doc], [node(doc, "a", ["Person"], "A")],
                           [RelClaim("a", "b", "PAID", "d")]))
    assert store.stats(SYSTEM)["nodes"] == 0


def test_contract_a_changed_document_replaces_its_claims(store):
    load(store)
    changed = rcmp_batch()
    changed.nodes[0].props["dob"] = "1972-01-01"
    store.upsert(changed)
    assert store.get("p-zhang", SYSTEM).props["dob"] == "1972-01-01"
    assert store.stats(SYSTEM)["nodes"] == 10


@pytest.mark.slow
def test_contract_ten_thousand_nodes_in_one_batch(store):
    doc = DocumentRecord("bulk", "bulk.csv", "CBP", "UNCLASSIFIED", ["US-2024-0001"])
    nodes = [NodeClaim(f"n{i}", "bulk", ["Company"], f"Company {i} Ltd") for i in range(10_000)]
    rels = [RelClaim(f"n{i}", f"n{i + 1}", "PAID", "bulk", key=str(i), props={"amount": i})
            for i in range(9_999)]
    store.upsert(Batch([doc], nodes, rels))
    store.upsert(Batch([doc], nodes, rels))
    stats = store.stats(SYSTEM)
    assert stats["nodes"] == 10_001
    assert stats["types"] == {"PAID": 9_999}
    assert [v.id for v in store.search("Company 4242 Ltd", SYSTEM)][0] == "n4242"


def test_contract_concurrent_writers_on_one_entity_make_one_node(store):
    docs = [DocumentRecord(f"d{i}", f"{i}.txt", "CBSA", "UNCLASSIFIED") for i in range(8)]
    errors: list[Exception] = []

    def write(doc: DocumentRecord) -> None:
        try:
            for _ in range(3):
                store.upsert(Batch([doc], [node(doc, "shared", ["Company"], "Shared Co"),
                                           node(doc, f"own-{doc.id}", ["Person"], doc.name)],
                                   [RelClaim(f"own-{doc.id}", "shared", "DIRECTS", doc.id)]))
        except Exception as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(doc,)) for doc in docs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.stats(SYSTEM)["labels"]["Company"] == 1
    assert len(store.get("shared", SYSTEM).documents) == 8
    assert store.stats(SYSTEM)["types"] == {"DIRECTS": 8}
