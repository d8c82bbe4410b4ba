"""One way to open a workspace: the store and its ledger, closed together; ingest options
from the settings."""

from __future__ import annotations

import pytest

from graph_etl.pipeline import IngestOptions
from graph_etl.ledger import Ledger
from graph_etl.store.sqlite.store import SQLiteStore
from graph_etl.workspace import open_workspace


def test_workspace_closes_store_and_ledger_even_on_error(tmp_path, monkeypatch):
    closed: list[str] = []
    monkeypatch.setattr(SQLiteStore, "close", lambda self: closed.append("store"))
    monkeypatch.setattr(Ledger, "close", lambda self: closed.append("ledger"))
    with pytest.raises(RuntimeError):
        with open_workspace(str(tmp_path / "graph.db"), home=tmp_path) as (store, ledger):
            assert isinstance(store, SQLiteStore) and ledger.path == tmp_path / "graph.db.ledger"
            raise RuntimeError("analysis failed")
    assert closed == ["ledger", "store"]


def test_workspace_ledger_follows_the_store_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("FAKEFREE_STORE", str(tmp_path / "default.db"))
    with open_workspace(home=tmp_path) as workspace:
        assert workspace.store.uri.endswith("default.db")
        assert workspace.ledger.path == tmp_path / "default.db.ledger"


def test_workspace_ingest_options_read_the_batch_settings(monkeypatch):
    monkeypatch.setenv("FAKEFREE_INGEST_BATCH_FILES", "7")
    monkeypatch.setenv("FAKEFREE_INGEST_BATCH_SECONDS", "0.5")
    monkeypatch.setenv("FAKEFREE_MAX_FILE_MB", "3")
    options = IngestOptions.from_settings(case="CA-1", max_bytes=None, manifest_levels=0)
    assert (options.batch_files, options.batch_seconds) == (7, 0.5)
    assert options.max_bytes == 3 * 1024 * 1024
    assert (options.case, options.manifest_levels) == ("CA-1", 0)
