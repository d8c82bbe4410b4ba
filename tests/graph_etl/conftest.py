"""The ``store`` fixture: every contract test runs against each backend.

The Neo4j variant needs a running server (``make neo4j``). On a laptop without one it is
skipped; under CI (``CI=true``) an unreachable server fails the suite.
"""

from __future__ import annotations

import pytest

from graph_etl.store.sqlite.store import SQLiteStore
from tests.graph_etl.store import neo4j_fixture

# the Neo4j variant carries the neo4j mark, so `-m "not neo4j"` runs no server
BACKENDS = ["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    if request.param == "sqlite":
        backend = SQLiteStore(tmp_path / "graph.db")
    else:
        backend = neo4j_fixture.neo4j_test_store()
    yield backend
    backend.close()
