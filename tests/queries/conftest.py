"""Fixtures: the hand-built network of :mod:`tests.queries.network` in a real SQLiteStore."""

from __future__ import annotations

import pytest

from fakefree.model import Viewer
from graph_etl.store.sqlite.store import SQLiteStore

from .network import build_network


@pytest.fixture(scope="session")
def network_store(tmp_path_factory) -> SQLiteStore:
    store = SQLiteStore(tmp_path_factory.mktemp("net") / "net.db")
    store.upsert(build_network().batch)
    return store


@pytest.fixture(scope="session")
def network(network_store):
    return network_store.subgraph(Viewer.system())
