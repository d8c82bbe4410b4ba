"""Neo4j and the embedded store show every viewer the same thing for the same batches."""

from __future__ import annotations

from itertools import groupby

import pytest

from graph_etl.store import Batch, DocumentRecord, Evidence, NodeClaim, RelClaim, Viewer
from bench.load import generate_batches
from graph_etl.store.search_terms import search_rank
from graph_etl.store.sqlite.store import SQLiteStore
from tests.graph_etl.store import neo4j_fixture

pytestmark = pytest.mark.neo4j

HOSTILE = "Robert'); MATCH (n) DETACH DELETE n;--"
VIEWERS = [Viewer.system(), Viewer.of("CBSA"), Viewer.of("RCMP"), Viewer.of("HSI"),
           Viewer.of("PRESS", clearance="UNCLASSIFIED")]


def claim(doc, node_id, labels, name, aliases=(), **props):
    return NodeClaim(node_id, doc.id, list(labels), name, list(aliases), dict(props),
                     [Evidence(doc.id, 0, len(name), name)])


def link(doc, source, rtype, target, text, key="", **props):
    return RelClaim(source, target, rtype, doc.id, key, dict(props),
                    [Evidence(doc.id, 3, 3 + len(text), text)], confidence=0.8)


RCMP_SECRET = DocumentRecord("rcmp-1", "informant «Dragon».txt", "RCMP", "AGENCY-ONLY",
                             ["CA-2025-0007"], {"date": "2025-01-05"})
CBSA_OPEN = DocumentRecord("cbsa-1", "seizure \"Laredo\" O'Hare.txt", "CBSA", "UNCLASSIFIED",
                           ["CA-2025-0007", "US-2025-0100"], {"date": "2025-02-11"})
CBSA_LES = DocumentRecord("cbsa-2", "manifest-Ж.csv", "CBSA", "LAW-ENFORCEMENT-SENSITIVE",
                          ["US-2025-0100"], {"date": "2025-03-01"})


def realistic_batches() -> list[Batch]:
    r, c, m = RCMP_SECRET, CBSA_OPEN, CBSA_LES
    return [
        Batch([c], [
            claim(c, "co-dragon", ["Exporter"], "Dragon Star Trading (深圳) Co., Ltd.",
                  ["Dragon Star"], country="CN"),
            claim(c, "co-obrien", ["Importer"], "O'Brien & Sons, S.A. de C.V.", country="MX"),
            claim(c, "p-hostile", ["Person"], HOSTILE),
            claim(c, "sh-9", ["Shipment"], "MSCU 123456-7", container="MSCU1234567"),
            claim(c, "acct-1", ["BankAccount"], "DE89 3704 0044 0532 0130 00"),
        ], [
            link(c, "co-dragon", "EXPORTED", "sh-9", "Dragon Star shipped MSCU 123456-7"),
            link(c, "sh-9", "CONSIGNED_TO", "co-obrien", "consigned to O'Brien & Sons"),
            link(c, "p-hostile", "EMPLOYED_BY", "co-obrien", "Robert works at O'Brien"),
            link(c, "co-obrien", "HOLDS", "acct-1", "account DE89..."),
        ]),
        Batch([r], [
            claim(r, "p-li", ["Person"], "Li Wěi", ["李伟", "The Controller"], dob="1969-09-09"),
            claim(r, "co-dragon", ["Manufacturer"], "Dragon Star Trading", ["DST secret front"],
                  secret_note="factory in Dongguan"),
            claim(r, "p-hostile", ["Person"], HOSTILE, ["Bobby \"Tables\""]),
            claim(r, "acct-1", ["BankAccount"], "DE89370400440532013000"),
        ], [
            link(r, "p-li", "DIRECTS", "co-dragon", "Li runs Dragon Star"),
            link(r, "p-li", "PAID", "p-hostile", "Li paid Robert USD 40,000", key="w1",
                 amount=40000.0, currency="USD", date="2025-01-02"),
            link(r, "p-li", "PAID", "p-hostile", "and again USD 5,000", key="w2",
                 amount=5000.0, currency="USD"),
            link(r, "p-hostile", "HOLDS", "acct-1", "Robert holds the account"),
        ]),
        Batch([m], [
            claim(m, "co-obrien", ["Importer", "FrontCompany"], "O'Brien and Sons",
                  ["OBrien Sons"]),
            claim(m, "port-lrd", ["Port"], "Nuevo Laredo"),
            claim(m, "sh-9", ["Shipment"], "MSCU1234567", hs_code="6403.99"),
        ], [
            link(m, "sh-9", "DISCHARGED_AT", "port-lrd", "discharged at Nuevo Laredo"),
        ]),
    ]


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    neo = neo4j_fixture.neo4j_test_store()
    lite = SQLiteStore(tmp_path_factory.mktemp("parity") / "graph.db")
    for batch in realistic_batches() + list(generate_batches(300, 600, seed=11, chunk_nodes=100,
                                                             claims_per_document=40)):
        lite.upsert(batch)
        neo.upsert(batch)
    yield lite, neo
    lite.close()
    neo.close()


def graph_data(graph):
    return (sorted((n, repr(d["view"])) for n, d in graph.nodes(data=True)),
            sorted((u, v, k, repr(d["view"])) for u, v, k, d in graph.edges(keys=True, data=True)),
            graph.graph.get("truncated"))


def ranked(text, views):
    """Search hits grouped by rank: the order of ranks is fixed, ties may come in any order."""
    keyed = [(search_rank(text, v.name, v.aliases), v.id, repr(v)) for v in views]
    return [(rank, sorted(item[1:] for item in group))
            for rank, group in groupby(keyed, key=lambda item: item[0])]


@pytest.mark.parametrize("viewer", VIEWERS, ids=lambda v: v.name)
def test_neo4j_parity_get_documents_and_stats(stores, viewer):
    lite, neo = stores
    for node_id in ["co-dragon", "co-obrien", "p-hostile", "p-li", "acct-1", "sh-9", "cbsa-1",
                    "rcmp-1", "nope"]:
        assert neo.get(node_id, viewer) == lite.get(node_id, viewer), node_id
    assert neo.documents(viewer) == lite.documents(viewer)
    for doc_id in ["rcmp-1", "cbsa-2", "bench-doc-000003"]:
        assert neo.get_document(doc_id, viewer) == lite.get_document(doc_id, viewer)
    assert neo.stats(viewer) == lite.stats(viewer)


@pytest.mark.parametrize("viewer", VIEWERS, ids=lambda v: v.name)
@pytest.mark.parametrize("text", ["dragon star", "DST secret", "obrien", "O'Brien & Sons",
                                  "mscu1234567", "MSCU 123456", "li wei", "李伟", "controller",
                                  HOSTILE, "de89 3704", "société générale", "''", "han 4"])
def test_neo4j_parity_search(stores, viewer, text):
    lite, neo = stores
    assert ranked(text, neo.search(text, viewer)) == ranked(text, lite.search(text, viewer))
    assert (ranked(text, neo.search(text, viewer, label="Person"))
            == ranked(text, lite.search(text, viewer, label="Person")))


@pytest.mark.parametrize("viewer", VIEWERS, ids=lambda v: v.name)
def test_neo4j_parity_neighbors_paths_subgraph(stores, viewer):
    lite, neo = stores
    for node_id, hops, types, limit in [("co-obrien", 1, None, 2000), ("co-obrien", 3, None, 2000),
                                        ("p-hostile", 2, ["PAID", "HOLDS"], 2000),
                                        ("co-dragon", 4, None, 3)]:
        if lite.get(node_id, viewer) is None:
            continue
        assert graph_data(neo.neighbors(node_id, viewer, hops=hops, rel_types=types, limit=limit)) \
            == graph_data(lite.neighbors(node_id, viewer, hops=hops, rel_types=types, limit=limit))
    for a, b in [("p-li", "port-lrd"), ("co-dragon", "acct-1"), ("p-hostile", "p-hostile"),
                 ("cbsa-1", "nope")]:
        assert neo.paths(a, b, viewer, max_hops=5) == lite.paths(a, b, viewer, max_hops=5)
    assert graph_data(neo.subgraph(viewer)) == graph_data(lite.subgraph(viewer))
    assert graph_data(neo.subgraph(viewer, labels=["Company"], cases=["CA-2025-0007"])) \
        == graph_data(lite.subgraph(viewer, labels=["Company"], cases=["CA-2025-0007"]))
    for cases, types in [(["CA-2025-0007"], None), (["US-2025-0100"], None),
                         (["US-2025-0100", "CASE-007"], None), (["CASE-013"], ["PAID", "OWNS"]),
                         (["CA-2025-0007"], ["PAID", "HOLDS"]), (["NO-SUCH-CASE"], None)]:
        assert graph_data(neo.subgraph(viewer, cases=cases, rel_types=types)) \
            == graph_data(lite.subgraph(viewer, cases=cases, rel_types=types)), cases
    assert graph_data(neo.subgraph(viewer, ids=["co-obrien", "sh-9", "p-hostile"],
                                   rel_types=["CONSIGNED_TO", "EMPLOYED_BY"])) \
        == graph_data(lite.subgraph(viewer, ids=["co-obrien", "sh-9", "p-hostile"],
                                    rel_types=["CONSIGNED_TO", "EMPLOYED_BY"]))


def test_neo4j_parity_retract_and_changed_marking(tmp_path):
    neo = neo4j_fixture.neo4j_test_store()
    lite = SQLiteStore(tmp_path / "graph.db")
    for batch in realistic_batches():
        lite.upsert(batch)
        neo.upsert(batch)
    assert neo.retract("rcmp-1") == lite.retract("rcmp-1")
    secret_now_open = DocumentRecord("cbsa-2", "manifest-Ж.csv", "CBSA", "UNCLASSIFIED",
                                     ["US-2025-0100"], {"date": "2025-03-01"})
    for store in (lite, neo):
        store.upsert(Batch([secret_now_open]))
    for viewer in VIEWERS:
        assert neo.stats(viewer) == lite.stats(viewer)
        for node_id in ["co-dragon", "p-li", "p-hostile", "co-obrien", "sh-9"]:
            assert neo.get(node_id, viewer) == lite.get(node_id, viewer)
        assert graph_data(neo.subgraph(viewer)) == graph_data(lite.subgraph(viewer))
        for case in ["CA-2025-0007", "US-2025-0100"]:
            assert graph_data(neo.subgraph(viewer, cases=[case])) \
                == graph_data(lite.subgraph(viewer, cases=[case]))
    assert neo.retract("cbsa-2") == lite.retract("cbsa-2")
    assert neo.stats(Viewer.system()) == lite.stats(Viewer.system())
    assert neo.search("Robert", Viewer.of("PRESS", clearance="UNCLASSIFIED"))[0].aliases == []
    neo.close()
    lite.close()
