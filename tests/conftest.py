"""Fixtures shared by several test packages: the demo corpus ingested once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[1] / "seed_data" / "demo"


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    """``seed_data/demo/documents`` ingested as ``make demo`` does (readers, NLP, resolution)
    into an embedded store, once for the whole session; read-only."""
    from graph_etl.pipeline import IngestOptions, ingest
    from graph_etl.store.ledger import Ledger
    from graph_etl.store.sqlite_store import SQLiteStore

    if not (DEMO / "documents").is_dir():
        pytest.skip("The seed demo corpus is not in this checkout.")
    folder = tmp_path_factory.mktemp("demo")
    store = SQLiteStore(folder / "demo.db")
    ingest([DEMO / "documents"], store, Ledger(folder / "demo.ledger"), IngestOptions(), "test")
    yield store
    store.close()
