"""Connect the tests to a real Neo4j: the local server (started once per test run) or another.

``FAKEFREE_TEST_NEO4J_URI`` names the server (default ``bolt://127.0.0.1:7687``, the local one,
which is started if it is not running). Credentials come from :func:`credentials`. Without a
reachable server the Neo4j tests are skipped, except under CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import functools
import os

import pytest

from fakefree.errors import StoreUnavailable
from graph_etl.store.neo4j import server as neo4j_server
from graph_etl.store.neo4j.store import Neo4jStore, credentials

DEFAULT_URI = "bolt://127.0.0.1:7687"


def test_uri() -> str:
    return os.environ.get("FAKEFREE_TEST_NEO4J_URI", DEFAULT_URI)


test_uri.__test__ = False  # not a test, despite the name


def _unreachable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"Neo4j is required under CI: {reason}")
    pytest.skip(f"Neo4j is not available: {reason}")


@functools.cache
def ensure_server() -> str:
    """Start the local server once per test run when the test URI is the local one.

    Returns an empty string when ready, or why the server could not be started.
    """
    cfg = neo4j_server.ServerConfig.from_settings()
    if test_uri() != cfg.uri:
        return ""
    try:
        if not neo4j_server.status(cfg)["running"]:
            _STARTED.append(cfg)  # started by the tests: stopped when they end
        neo4j_server.start(cfg)
    except StoreUnavailable as exc:
        return str(exc)
    return ""


_STARTED: list[neo4j_server.ServerConfig] = []


def stop_started() -> None:
    """Stop the server :func:`ensure_server` started, if it did (CI's own server keeps running)."""
    while _STARTED:
        cfg = _STARTED.pop()
        try:
            neo4j_server.stop(cfg)
        except StoreUnavailable as exc:
            print(f"could not stop the Neo4j server the tests started: {exc}")


def neo4j_test_store() -> Neo4jStore:
    """An empty :class:`Neo4jStore` on the test server (skips or fails when it is unreachable)."""
    problem = ensure_server()
    if problem:
        _unreachable(problem)
    try:
        user, password = credentials()
        store = Neo4jStore(test_uri(), user=user, password=password,
                           database=os.environ.get("NEO4J_DATABASE", "neo4j"))
    except StoreUnavailable as exc:
        _unreachable(str(exc))
    store.wipe()
    return store
