"""SQL and Cypher injection through every string a document or a user controls, on both stores.

Names, aliases, identifiers, property values, ids, document names, search text and labels full
of query syntax are stored and found verbatim, and nothing else in the store changes.
"""

from __future__ import annotations

import pytest

from graph_etl.store import Batch, DocumentRecord, Viewer

from .network import all_batches, node, rel

SYSTEM = Viewer.system()
CYPHER = "x'}) DETACH DELETE n //"
SQL = "'; DROP TABLE nodes; --"
LUCENE = 'name:* OR *:* AND "\\" ~ ^9 [a TO z] {!}'
IDENTIFIER = "DE89' OR '1'='1\" OR \"1\"=\"1"
HOSTILE_DOC = DocumentRecord("doc'); DROP TABLE documents;--", "x'}) DETACH DELETE d //.txt",
                             "CBSA", "UNCLASSIFIED", ["CA-2024-0001\" OR 1=1"], {})


def hostile_batch() -> Batch:
    d = HOSTILE_DOC
    return Batch([d], [
        node(d, "co-'}) DETACH DELETE n //", ["Company"], CYPHER, [SQL], country="CN"),
        node(d, "acct-\"; DROP TABLE rels; --", ["BankAccount"], IDENTIFIER, [LUCENE],
             iban=IDENTIFIER, note="$param {x} `y` \\u0027"),
    ], [
        rel(d, "co-'}) DETACH DELETE n //", "PAID", "acct-\"; DROP TABLE rels; --",
            f"{CYPHER} paid {SQL}", amount="1}) RETURN 1 //"),
    ])


def snapshot(store) -> dict:
    graph = store.subgraph(SYSTEM)
    return {"stats": store.stats(SYSTEM), "nodes": sorted(graph),
            "names": sorted(d["name"] for _, d in graph.nodes(data=True)),
            "edges": sorted((s, t, k) for s, t, k in graph.edges(keys=True))}


def test_injection_hostile_strings_are_stored_and_found_verbatim(store):
    for batch in all_batches():
        store.upsert(batch)
    before = snapshot(store)
    store.upsert(hostile_batch())
    company = store.get("co-'}) DETACH DELETE n //", SYSTEM)
    account = store.get("acct-\"; DROP TABLE rels; --", SYSTEM)
    assert (company.name, company.aliases) == (CYPHER, [SQL])
    assert account.name == IDENTIFIER and account.aliases == [LUCENE]
    assert account.props["iban"] == IDENTIFIER
    assert account.props["note"] == "$param {x} `y` \\u0027"
    assert store.get_document(HOSTILE_DOC.id, SYSTEM).name == HOSTILE_DOC.name
    assert [v.id for v in store.search(CYPHER, SYSTEM)][0] == company.id
    assert [v.id for v in store.search(SQL, SYSTEM)][0] == company.id
    assert account.id in [v.id for v in store.search(IDENTIFIER, SYSTEM)]
    assert account.id in [v.id for v in store.search(LUCENE, SYSTEM)]
    neighbours = store.neighbors(company.id, SYSTEM)
    assert set(neighbours) == {company.id, account.id}
    edge = next(iter(neighbours.edges(data=True)))[2]
    assert edge["view"].props["amount"] == "1}) RETURN 1 //"
    assert [p.nodes[-1].id for p in store.paths(company.id, account.id, SYSTEM)] == [account.id]
    after = snapshot(store)
    assert after["stats"]["documents"] == before["stats"]["documents"] + 1
    assert set(after["nodes"]) - set(before["nodes"]) == {company.id, account.id, HOSTILE_DOC.id}
    assert set(before["edges"]) <= set(after["edges"]), "nothing was deleted"


@pytest.mark.parametrize("text", [CYPHER, SQL, LUCENE, "*", "\\", "\"", "' OR 1=1 --",
                                  "MATCH (n) RETURN n", "name:x AND NOT y", ") OR (", "\x00"])
def test_injection_search_text_and_label_never_change_the_query(store, text):
    for batch in all_batches():
        store.upsert(batch)
    before = snapshot(store)
    hits = store.search(text, SYSTEM)
    assert all(v.id in before["nodes"] for v in hits)
    assert store.search("Maple", SYSTEM, label=text) == []
    assert store.get(text, SYSTEM) is None
    assert store.get_document(text, SYSTEM) is None
    assert store.paths(text, "co-maple", SYSTEM) == []
    assert snapshot(store) == before
