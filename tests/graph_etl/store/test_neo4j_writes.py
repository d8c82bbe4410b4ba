"""Writes to the Neo4j store: a batch is one transaction, however many statements it takes."""

from __future__ import annotations

import pytest

from fakefree.errors import InputError
from graph_etl.store import Viewer
from graph_etl.store.neo4j import cypher as neo4j_cypher
from graph_etl.store.neo4j import store as neo4j_store
from graph_etl.store.neo4j import write as neo4j_write
from bench.world import world_batches
from tests.graph_etl.store import neo4j_fixture

pytestmark = pytest.mark.neo4j


@pytest.fixture
def store():
    neo = neo4j_fixture.neo4j_test_store()
    yield neo
    neo.close()


def _count(store, query: str) -> int:
    return store._run(query)[0]["c"]


def test_neo4j_writes_a_batch_failing_midway_leaves_nothing(store, monkeypatch):
    batch = next(world_batches(40, seed=5, docs_per_batch=40))
    assert len(batch.nodes) > 4 and len(batch.rels) > 4
    # every statement split into parts of 3 rows, and the server fails the statement that
    # writes the provenance, the last one, after the documents, nodes and relationships
    monkeypatch.setattr(neo4j_store, "CHUNK", 3)
    monkeypatch.setattr(neo4j_write, "CREATE_ASSERTS", "UNWIND $rows AS row RETURN 1 / 0")
    with pytest.raises(InputError, match="breaks a store rule"):
        store.upsert(batch)
    assert _count(store, "MATCH (n:Entity) RETURN count(n) AS c") == 0
    assert _count(store, "MATCH ()-[r]->() RETURN count(r) AS c") == 0
    assert store.documents(Viewer.system()) == []


def test_neo4j_writes_a_batch_in_parts_is_whole_after_commit(store, monkeypatch):
    batch = next(world_batches(40, seed=5, docs_per_batch=40))
    monkeypatch.setattr(neo4j_store, "CHUNK", 3)
    store.upsert(batch)
    assert _count(store, "MATCH (d:Document) RETURN count(d) AS c") == len(batch.documents)
    assert _count(store, "MATCH (n:Entity) WHERE NOT n:Document RETURN count(n) AS c") == len(
        {c.id for c in batch.nodes})
    assert _count(store, "MATCH (:Document)-[a:ASSERTS]->() RETURN count(a) AS c") > 0
    # the tag registry holds the batch's markings, so every document is visible at once
    assert len(store.documents(Viewer.system())) == len(batch.documents)
    tags = store._run(neo4j_cypher.TAGS)[0]["tags"]
    assert sorted(tags) == sorted({d.tag for d in batch.documents})
