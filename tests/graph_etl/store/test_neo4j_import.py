"""`fakefree neo4j import`: an embedded store bulk-loaded with neo4j-admin import into a second
local server holds exactly what the Cypher writer writes for the same claims, shows every viewer
what the embedded store shows, and takes later upserts, retractions and marking changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import replace

import pytest

from bench.suite import QUERIES, QUICK, bench_import, bench_world_store
from fakefree.errors import InputError, StoreUnavailable
from graph_etl.store import Batch, DocumentRecord, Evidence, NodeClaim, RelClaim, Viewer
from graph_etl.store.neo4j import server as neo4j_server
from bench.load import generate_batches
from graph_etl.store.neo4j.bulk_import import bulk_import, scratch_server, write_import_files
from graph_etl.store.neo4j.store import Neo4jStore
from graph_etl.store.sqlite.store import SQLiteStore
from tests.graph_etl.store import neo4j_fixture as fixture
from tests.graph_etl.store import test_neo4j_parity as parity

pytestmark = pytest.mark.neo4j


LONELY = DocumentRecord("doc-lonely", "interview\nnotes, \"Dragon\".txt", "HSI", "UNCLASSIFIED",
                        [], {"date": "2025-04-01"})


def _batches() -> list[Batch]:
    lonely = Batch([LONELY], [NodeClaim("p-dash", LONELY.id, ["Person"], "—", [], {},
                                        [Evidence(LONELY.id, 0, 1, "—")])])
    return (parity.realistic_batches() + [lonely]
            + list(generate_batches(300, 600, seed=11, chunk_nodes=100, claims_per_document=40)))


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    store = SQLiteStore(tmp_path_factory.mktemp("import-source") / "graph.db")
    for batch in _batches():
        store.upsert(batch)
    yield store
    store.close()


@pytest.fixture(scope="module")
def cypher():
    """The same claims written through the Cypher writer into the shared test server."""
    store = fixture.neo4j_test_store()
    for batch in _batches():
        store.upsert(batch)
    yield store
    store.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A second local server (own home, port and database) that the imports may replace."""
    problem = fixture.ensure_server()
    if problem:
        fixture._unreachable(problem)
    with scratch_server(tmp_path_factory.mktemp("import-home"), heap="512m",
                        pagecache="128m") as cfg:
        yield cfg


@pytest.fixture(scope="module")
def import_run(server, embedded) -> dict:
    """Import the embedded store into the second server through the CLI; its JSON report."""
    env = {**os.environ, "FAKEFREE_HOME": str(server.home.parent),
           "FAKEFREE_NEO4J_BOLT": server.bolt, "FAKEFREE_NEO4J_HTTP": server.http,
           "FAKEFREE_NEO4J_HEAP": server.heap,
           "FAKEFREE_NEO4J_PAGECACHE": server.pagecache}
    done = subprocess.run(
        [sys.executable, "-c", "from cli.main import main; main()", "neo4j", "import",
         "--from", str(embedded.path), "--json"],
        capture_output=True, text=True, env=env, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def imported(import_run, server):
    store = Neo4jStore(server.uri, user="neo4j", password=neo4j_server.password(server))
    yield store
    store.close()


def _dump(store: Neo4jStore) -> tuple[dict, dict]:
    """Every node and relationship with its claims as a multiset (list order is not kept), and
    the merged properties and ASSERTS of the readable model."""
    nodes = {}
    for row in store._run("MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, "
                          "properties(n) AS p"):
        p = row["p"]
        claims = Counter(zip(p.pop("claim_docs"), p.pop("claim_tags"), p.pop("claim_data"),
                             p.pop("claim_labels"), p.pop("claim_search")))
        p["search"] = sorted(p["search"].split())
        for key in ("node_ids", "rel_ids"):
            if key in p:
                p[key] = sorted(p[key])
        if "rel_sources" in p:
            p["rel_sources"] = sorted(p["rel_sources"])
        nodes[row["id"]] = (sorted(row["labels"]), claims, p)
    rels = {}
    for row in store._run("MATCH (a)-[r]->(b) WHERE NOT r:ASSERTS RETURN r.id AS id, a.id AS a, "
                          "b.id AS b, type(r) AS type, properties(r) AS p"):
        p = row["p"]
        claims = Counter(zip(p.pop("claim_docs"), p.pop("claim_tags"), p.pop("claim_data")))
        rels[row["id"]] = (row["a"], row["b"], row["type"], claims, p)
    for row in store._run("MATCH (d:Document)-[a:ASSERTS]->(n) RETURN d.id AS d, n.id AS n, "
                          "properties(a) AS p"):
        rels[("ASSERTS", row["d"], row["n"])] = row["p"]
    return nodes, rels


def test_neo4j_import_cli_reports_counts_and_stages(import_run, embedded):
    info = import_run
    system = Viewer.system()
    assert info["documents"] == len(embedded.documents(system))
    assert info["nodes"] == embedded.stats(system)["nodes"]
    assert info["node_claims"] > info["nodes"] - info["documents"]
    assert info["relationship_claims"] >= info["relationships"] > 0
    assert {"write_csv_s", "stop_s", "import_s", "start_and_index_s", "check_s"} <= set(info)


def test_neo4j_import_holds_exactly_what_the_cypher_writer_writes(imported, cypher):
    want_nodes, want_rels = _dump(cypher)
    got_nodes, got_rels = _dump(imported)
    assert got_nodes.keys() == want_nodes.keys()
    for node_id, want in want_nodes.items():
        assert got_nodes[node_id] == want, node_id
    assert got_rels == want_rels
    lonely = got_nodes["doc-lonely"][2]
    assert (lonely["rel_ids"], lonely["cases"], lonely["name"]) == ([], [], LONELY.name)
    assert got_nodes["p-dash"][1] == want_nodes["p-dash"][1]  # a claim with no search words


@pytest.mark.parametrize("viewer", parity.VIEWERS, ids=lambda v: v.name)
def test_neo4j_import_shows_every_viewer_what_the_embedded_store_shows(imported, embedded, viewer):
    for node_id in ["co-dragon", "co-obrien", "p-hostile", "p-li", "acct-1", "sh-9", "cbsa-1",
                    "rcmp-1", "p-dash", "doc-lonely", "nope"]:
        assert imported.get(node_id, viewer) == embedded.get(node_id, viewer), node_id
    assert imported.documents(viewer) == embedded.documents(viewer)
    assert imported.stats(viewer) == embedded.stats(viewer)
    for text in ["dragon star", "O'Brien & Sons", "mscu1234567", "李伟", parity.HOSTILE, "han 4"]:
        assert (parity.ranked(text, imported.search(text, viewer))
                == parity.ranked(text, embedded.search(text, viewer)))
    assert (parity.graph_data(imported.subgraph(viewer))
            == parity.graph_data(embedded.subgraph(viewer)))
    for case in ["CA-2025-0007", "US-2025-0100"]:  # a case's nodes come from its documents' lists
        assert (parity.graph_data(imported.subgraph(viewer, cases=[case]))
                == parity.graph_data(embedded.subgraph(viewer, cases=[case])))


def test_neo4j_import_refuses_a_database_that_holds_data(imported, server, embedded):
    with pytest.raises(InputError, match=r"already holds \d+ nodes.*--overwrite"):
        bulk_import(embedded.path, server)
    assert neo4j_server.status(server)["running"]


def test_neo4j_import_refuses_a_missing_or_foreign_source(tmp_path, server):
    with pytest.raises(InputError, match="does not exist"):
        bulk_import(tmp_path / "nope.db", server)
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database\n" * 100, "utf-8")
    with pytest.raises(StoreUnavailable, match=f"Cannot open the embedded store {foreign}"):
        bulk_import(foreign, server)


def test_neo4j_import_refuses_a_value_holding_the_list_separator(tmp_path):
    store = SQLiteStore(tmp_path / "odd.db")
    odd = DocumentRecord("doc-odd", "odd.txt", "CBSA", "UNCLASSIFIED", ["CA\x1f1"], {})
    store.upsert(Batch([odd]))
    store.close()
    with pytest.raises(InputError, match="Document doc-odd in .*odd.db holds the control char"):
        write_import_files(tmp_path / "odd.db", tmp_path / "csv")


def test_neo4j_import_takes_later_upserts_retractions_and_markings(imported, embedded):
    """Changes both stores. Adds relationships to a document imported without any."""
    later = Batch([], [
        NodeClaim("p-dash", LONELY.id, ["Person"], "—", [], {}, []),
        NodeClaim("p-li", LONELY.id, ["Person"], "Li Wei", [], {}, []),
    ], [RelClaim("p-li", "p-dash", "PAID", LONELY.id, "x", {"amount": 10.0},
                 [Evidence(LONELY.id, 0, 5, "paid")], 0.7)])
    now_open = DocumentRecord("cbsa-2", "manifest-Ж.csv", "CBSA", "UNCLASSIFIED",
                              ["US-2025-0100"], {"date": "2025-03-01"})
    for store in (embedded, imported):
        store.upsert(later)
        store.upsert(Batch([now_open]))
    assert imported.retract("rcmp-1") == embedded.retract("rcmp-1")
    assert imported.retract(LONELY.id) == embedded.retract(LONELY.id)
    for viewer in parity.VIEWERS:
        assert imported.stats(viewer) == embedded.stats(viewer)
        for node_id in ["co-dragon", "p-li", "p-hostile", "co-obrien", "sh-9", "p-dash"]:
            assert imported.get(node_id, viewer) == embedded.get(node_id, viewer)
        assert (parity.graph_data(imported.subgraph(viewer))
                == parity.graph_data(embedded.subgraph(viewer)))


def test_neo4j_import_benchmark_times_the_import_and_the_queries(server, tmp_path):
    """Last: replaces the second server's graph with a benchmark world."""
    world = tmp_path / "world.db"
    store = SQLiteStore(world)
    load = bench_world_store(store, "embedded", 60, QUICK, queries=False)[0]
    store.close()
    rows = bench_import(world, load, server, replace(QUICK, samples=3))
    assert rows[0]["backend"] == "neo4j-import" and rows[0]["per_second"] > 0, rows[0]
    assert rows[0]["import_s"] > 0 and rows[0]["start_and_index_s"] > 0
    assert (rows[0]["nodes"], rows[0]["rels"]) == (load["nodes"], load["rels"])
    assert {r["query"] for r in rows[1:]} == set(QUERIES)
    assert all(r["backend"] == "neo4j" and r["median_ms"] > 0 for r in rows[1:])
