"""Neo4j unreachable in the middle of an ingest, through a TCP proxy to the real server.

The shared server is never stopped: the proxy between the store and it drops every connection
and refuses new ones, then (or never) comes back.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fakefree.errors import StoreUnavailable
from graph_etl.pipeline import IngestOptions, ingest
from graph_etl.store import Viewer
from graph_etl.ledger import Ledger
from graph_etl.store.neo4j.retry import RetryPolicy
from graph_etl.store.neo4j.store import Neo4jStore, credentials

from .tcp_proxy import TcpProxy
from tests.graph_etl.store import neo4j_fixture

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

CASE = Path(__file__).resolve().parents[3] / "seed_data" / "demo" / "documents" / "CA-2022-0079"
FILES = ["bank_records.csv", "email_00.eml", "financial_summary.txt", "indictment.txt",
         "press_release.txt", "seizure_report_01.txt"]
OPTIONS = IngestOptions(agency="CBSA", case="CA-2022-0079", batch_files=2, batch_seconds=600)
"""Files are written two at a time: the second write carries the third and fourth files."""
MID_BATCH_BYTES = 600
"""Bytes of the third file's batch that reach the server before the cut: past its first read,
before its last write."""


@pytest.fixture(scope="module")
def server():
    """The real server (wiped before each use) and a proxy in front of it."""
    fixture = neo4j_fixture
    direct = fixture.neo4j_test_store()
    host, port = fixture.test_uri().split("://", 1)[1].rsplit(":", 1)
    proxy = TcpProxy((host, int(port)))
    yield direct, proxy
    proxy.close()
    direct.wipe()
    direct.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    for name in FILES:
        shutil.copy(CASE / name, folder / name)
    return folder


def proxied(proxy: TcpProxy, policy: RetryPolicy) -> Neo4jStore:
    user, password = credentials()
    return Neo4jStore(proxy.uri, user=user, password=password, retry=policy)


def counts(store: Neo4jStore) -> dict[str, int]:
    """Documents, nodes, relationships and evidence spans the system viewer sees."""
    graph = store.subgraph(Viewer.system())
    return {"documents": store.stats(Viewer.system())["documents"],
            "nodes": graph.number_of_nodes(), "rels": graph.number_of_edges(),
            "mentions": sum(len(d["view"].mentions) for _, d in graph.nodes(data=True)),
            "evidence": sum(len(d["view"].evidence) for *_, d in graph.edges(data=True))}


def cut_in_third_batch(proxy: TcpProxy, down_for: float | None):
    """An ``on_file`` callback that cuts the link in the middle of the third file's batch."""
    def on_file(outcome) -> None:
        if outcome.outcome == "loaded" and outcome.path == FILES[1]:
            proxy.cut_after(MID_BATCH_BYTES, down_for)
    return on_file


@pytest.fixture(scope="module")
def reference(server, folder, tmp_path_factory):
    """An uninterrupted load through the proxy: its counts, and the bytes of each batch."""
    direct, proxy = server
    direct.wipe()
    store = proxied(proxy, RetryPolicy())
    sent = [proxy.sent]
    summary = ingest([folder], store, Ledger(tmp_path_factory.mktemp("ref") / "ledger.db"),
                     OPTIONS, "test", on_file=lambda _: sent.append(proxy.sent))
    assert summary.count("loaded") == len(FILES)
    store.close()
    third_batch = sent[3] - sent[2]
    assert third_batch > 2 * MID_BATCH_BYTES, "the cut falls inside the third batch"
    return counts(direct)


def test_neo4j_cut_mid_ingest_then_back_is_retried_to_the_same_graph(server, folder, reference,
                                                                     tmp_path):
    direct, proxy = server
    expected = reference
    direct.wipe()
    store = proxied(proxy, RetryPolicy(attempts=8, first_delay_s=0.25, max_total_s=60))
    cuts = proxy.cuts
    summary = ingest([folder], store, Ledger(tmp_path / "ledger.db"), OPTIONS, "test",
                     on_file=cut_in_third_batch(proxy, down_for=3.0))
    store.close()
    assert proxy.cuts == cuts + 1, "the link was cut during the ingest"
    assert summary.count("loaded") == len(FILES)
    assert counts(direct) == expected


def test_neo4j_down_mid_ingest_is_one_sentence_and_a_rerun_loads_only_the_rest(
        server, folder, reference, tmp_path):
    direct, proxy = server
    expected = reference
    direct.wipe()
    ledger_path = tmp_path / "ledger.db"
    store = proxied(proxy, RetryPolicy(attempts=3, first_delay_s=0.2, max_total_s=5))
    with pytest.raises(StoreUnavailable) as failure:
        ingest([folder], store, Ledger(ledger_path), OPTIONS, "test",
               on_file=cut_in_third_batch(proxy, down_for=None))
    message = str(failure.value)
    assert message.startswith(f"Neo4j at {proxy.uri} stayed unreachable after 3 tries")
    assert "run the command again" in message and "\n" not in message
    store.close()
    done = len(Ledger(ledger_path).entries("loaded"))
    assert done == 2

    proxy.restore()
    store = proxied(proxy, RetryPolicy())
    rerun = ingest([folder], store, Ledger(ledger_path), OPTIONS, "test")
    store.close()
    assert rerun.count("duplicate") == done
    assert rerun.count("loaded") == len(FILES) - done
    assert counts(direct) == expected
