"""The readable Neo4j model: typed merged properties, ASSERTS provenance, recomputation on every
write, the upgrade of a database in the old layout, and a quiet new database."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fakefree.errors import StoreUnavailable
from graph_etl.store import Batch, DocumentRecord, Viewer
from graph_etl.store.neo4j import server as neo4j_server
from graph_etl.store.neo4j.bulk_import import scratch_server
from graph_etl.store.neo4j.store import Neo4jStore
from tests.graph_etl.store import neo4j_fixture
from tests.graph_etl.store import test_neo4j_parity as parity

pytestmark = pytest.mark.neo4j

CASE_FILES = Path(__file__).resolve().parents[2] / "data" / "case_files_dev" / "docs"
DEMO = Path(__file__).resolve().parents[3] / "seed_data" / "demo" / "documents"


@pytest.fixture
def store():
    neo = neo4j_fixture.neo4j_test_store()
    for batch in parity.realistic_batches():
        neo.upsert(batch)
    yield neo
    neo.close()


def _one(store: Neo4jStore, query: str, **params) -> dict:
    rows = store._run(query, **params)
    assert len(rows) == 1, rows
    return rows[0]


def test_neo4j_model_payments_are_typed_and_filterable_in_cypher(store):
    rows = store._run("MATCH (a)-[p:PAID]->(b) WHERE p.amount > 9000 "
                      "RETURN a.name AS payer, b.name AS payee, p.amount AS amount, "
                      "p.currency AS currency, p.date AS date, p.evidence_count AS n")
    assert len(rows) == 1
    row = rows[0]
    assert (row["payer"], row["amount"], row["currency"], row["n"]) == (
        "Li Wěi", 40000.0, "USD", 1)
    assert row["date"].to_native() == dt.date(2025, 1, 2)
    assert row["payee"] == parity.HOSTILE


def test_neo4j_model_nodes_carry_the_merged_all_access_view(store):
    node = _one(store, "MATCH (n:Company {id: 'co-dragon'}) RETURN properties(n) AS p, "
                       "labels(n) AS labels")
    p = node["p"]
    # the name most documents use, every other name an alias, properties of every document
    assert p["name"] == "Dragon Star Trading (深圳) Co., Ltd."
    assert set(p["aliases"]) == {"Dragon Star", "Dragon Star Trading", "DST secret front"}
    assert (p["country"], p["secret_note"]) == ("CN", "factory in Dongguan")
    assert p["cases"] == ["CA-2025-0007", "US-2025-0100"]
    assert p["agencies"] == ["CBSA", "RCMP"]
    assert p["first_seen"].to_native() == dt.date(2025, 1, 5)
    assert p["document_count"] == 2
    assert {"Exporter", "Manufacturer", "Company"} <= set(node["labels"])
    # ...while the app's viewers still see only their documents' claims
    assert store.get("co-dragon", Viewer.of("CBSA")).aliases == ["Dragon Star"]


def test_neo4j_model_which_documents_say_this_is_one_match(store):
    rows = store._run("MATCH (d:Document)-[a:ASSERTS]->(n:Entity {id: 'co-dragon'}) "
                      "RETURN d.name AS doc, d.agency AS agency, a.quotes AS quotes "
                      "ORDER BY doc")
    assert [(r["doc"], r["agency"]) for r in rows] == [
        (parity.RCMP_SECRET.name, "RCMP"), (parity.CBSA_OPEN.name, "CBSA")]
    assert rows[1]["quotes"] == ["Dragon Star Trading (深圳) Co., Ltd."]
    docs = _one(store, "MATCH (a {id: 'p-li'})-[p:PAID {date: date('2025-01-02')}]->() "
                       "MATCH (d:Document) WHERE d.id IN p.documents RETURN collect(d.id) AS ids")
    assert docs["ids"] == ["rcmp-1"]


def test_neo4j_model_is_recomputed_on_retraction_and_new_marking(store):
    store.retract("rcmp-1")
    p = _one(store, "MATCH (n {id: 'co-dragon'}) RETURN properties(n) AS p")["p"]
    assert p["aliases"] == ["Dragon Star"] and "secret_note" not in p
    assert p["agencies"] == ["CBSA"] and "Manufacturer" not in _one(
        store, "MATCH (n {id: 'co-dragon'}) RETURN labels(n) AS l")["l"]
    assert store._run("MATCH ()-[p:PAID]->() RETURN p") == []
    assert store._run("MATCH (:Document {id: 'rcmp-1'})-[a:ASSERTS]->() RETURN a") == []
    moved = DocumentRecord(parity.CBSA_LES.id, parity.CBSA_LES.name, "HSI", "UNCLASSIFIED",
                           ["US-2025-0100"], {"date": "2025-03-01"})
    store.upsert(Batch([moved]))
    port = _one(store, "MATCH (n {id: 'port-lrd'}) RETURN n.agencies AS a, "
                       "n.releasability AS r")
    assert (port["a"], port["r"]) == (["HSI"], ["UNCLASSIFIED"])


def test_neo4j_model_old_layout_is_upgraded_in_place(store):
    want = store._run("MATCH (n:Entity) RETURN n.id AS id, properties(n) AS p ORDER BY id")
    asserts = store._run("MATCH (d)-[a:ASSERTS]->(n) RETURN d.id AS d, n.id AS n, "
                         "properties(a) AS p ORDER BY d, n")
    rels = store._run("MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN r.id AS id, "
                      "properties(r) AS p ORDER BY id")
    # back to layout 1: claims only, no merged properties, no ASSERTS, no layout mark
    for row in want:
        store._run("MATCH (n:Entity {id: $id}) SET n = $p",
                   id=row["id"], p={k: v for k, v in row["p"].items()
                                    if k not in row["p"].get("merged_keys", [])
                                    and k != "merged_keys"})
    store._run("MATCH ()-[r]->() WHERE r.id IS NOT NULL "
               "SET r = {id: r.id, claim_docs: r.claim_docs, claim_tags: r.claim_tags, "
               "claim_data: r.claim_data}")
    store._run("MATCH ()-[a:ASSERTS]->() DELETE a")
    store._run("MATCH (s:FakefreeStore) DELETE s")
    assert _one(store, "MATCH (n {id: 'co-dragon'}) RETURN n.name AS name")["name"] is None
    user, password = neo4j_fixture.credentials()
    reopened = Neo4jStore(store.uri, user=user, password=password, database=store.database)
    try:
        assert reopened._run("MATCH (n:Entity) RETURN n.id AS id, properties(n) AS p "
                             "ORDER BY id") == want
        assert reopened._run("MATCH (d)-[a:ASSERTS]->(n) RETURN d.id AS d, n.id AS n, "
                             "properties(a) AS p ORDER BY d, n") == asserts
        assert reopened._run("MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN r.id AS id, "
                             "properties(r) AS p ORDER BY id") == rels
        assert _one(reopened, "MATCH (s:FakefreeStore) RETURN s.version AS v")["v"] == 2
    finally:
        reopened.close()


def test_neo4j_model_newer_layout_is_refused_with_how_to_rebuild(store):
    store._run("MATCH (s:FakefreeStore {key: 'layout'}) SET s.version = 99")
    user, password = neo4j_fixture.credentials()
    try:
        with pytest.raises(StoreUnavailable, match=r"neo4j import --from STORE.db --overwrite"):
            Neo4jStore(store.uri, user=user, password=password, database=store.database)
    finally:
        store._run("MATCH (s:FakefreeStore {key: 'layout'}) SET s.version = 2")


def test_neo4j_model_new_database_answers_stats_search_and_ingest_quietly(tmp_path):
    """A brand-new database (its own server: property keys never seen) prints nothing on stderr."""
    problem = neo4j_fixture.ensure_server()
    if problem:
        neo4j_fixture._unreachable(problem)
    docs = CASE_FILES if CASE_FILES.is_dir() else DEMO / "CA-2024-0334"
    files = sorted(p for p in docs.iterdir() if p.suffix in (".txt", ".eml"))[:3]
    with scratch_server(tmp_path, heap="512m", pagecache="64m") as cfg:
        neo4j_server.start(cfg)
        env = {**os.environ, "FAKEFREE_HOME": str(tmp_path), "FAKEFREE_STORE": cfg.uri,
               "NEO4J_PASSWORD": neo4j_server.password(cfg)}
        for args in (["stats"], ["search", "Dragon"],
                     ["stats"], ["ingest", *map(str, files), "--case", "Q-1",
                                 "--agency", "CBSA"]):
            done = subprocess.run([sys.executable, "-m", "cli", *args], env=env,
                                  capture_output=True, text=True, timeout=600, check=False)
            assert (done.returncode, done.stderr) == (0, ""), args
        assert "3 loaded" in done.stdout or '"loaded": 3' in done.stdout
