"""Reads of the Neo4j store: one auto-commit round trip each, the embedded store's answers."""

from __future__ import annotations

import logging

import pytest

from bench.world import case_cast, world_batches
from graph_etl.store import Viewer
from graph_etl.store.search_terms import search_rank
from graph_etl.store.sqlite.store import SQLiteStore
from tests.graph_etl.store import neo4j_fixture

pytestmark = pytest.mark.neo4j

SYSTEM = Viewer.system()
RCMP = Viewer.of("RCMP", clearance="AGENCY-ONLY")


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    neo = neo4j_fixture.neo4j_test_store()
    lite = SQLiteStore(tmp_path_factory.mktemp("reads") / "world.db")
    for batch in world_batches(150, seed=7, docs_per_batch=50):
        neo.upsert(batch)
        lite.upsert(batch)
    yield neo, lite
    neo.close()
    lite.close()


def _messages(caplog) -> list[str]:
    """The Bolt messages the driver sent, by name (``RUN``, ``BEGIN``, ``COMMIT``...)."""
    sent = [r.getMessage().split("C: ", 1)[1] for r in caplog.records
            if "C: " in r.getMessage()]
    return [m.split()[0] for m in sent if m and m[0].isupper()]


def test_neo4j_reads_search_and_walk_are_one_auto_commit_round_trip(stores, caplog):
    neo, _ = stores
    cast = case_cast(2)
    name = cast.names[cast.importer][1]
    neo.search(name, RCMP)  # the viewer's tags are read once, then cached
    for read in (lambda: neo.search(name, RCMP),
                 lambda: neo.neighbors(cast.importer, RCMP, hops=2)):
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="neo4j"):
            read()
        sent = _messages(caplog)
        assert sent.count("RUN") == 1, sent
        assert "BEGIN" not in sent and "COMMIT" not in sent, sent


@pytest.mark.parametrize("viewer", [SYSTEM, RCMP], ids=["system", "rcmp"])
def test_neo4j_reads_search_finds_what_the_embedded_store_finds(stores, viewer):
    neo, lite = stores

    def ranked(text, views):
        return sorted((search_rank(text, v.name, v.aliases), v.id, repr(v)) for v in views)

    for number in range(5):
        cast = case_cast(number)
        for node_id in (cast.importer, cast.owner, cast.shipper):
            text = cast.names[node_id][1]
            assert ranked(text, neo.search(text, viewer)) == ranked(text, lite.search(text, viewer))
    # a query with more matches than the limit keeps each backend's best by its own score;
    # under the limit both find every match
    for text in ("imports 1", "imp 2", "pa"):
        found = neo.search(text, viewer, limit=1000)
        assert len(found) < 1000
        assert ranked(text, found) == ranked(text, lite.search(text, viewer, limit=1000))
