"""Fixtures of the dashboard tests: a loaded store and an AppTest of the app signed in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph_etl.store import Viewer
from graph_etl.store.sqlite_store import SQLiteStore
from tests.dashboard.network import batches

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
TIMEOUT = 60


@pytest.fixture
def store_path(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "graph.db"
    store = SQLiteStore(path)
    for batch in batches():
        store.upsert(batch)
    store.close()
    monkeypatch.setenv("FAKEFREE_STORE", str(path))
    return path


@dataclass
class SignedIn:
    """What the app keeps of a signed-in account: its viewer."""

    agencies: tuple[str, ...]

    def viewer(self) -> Viewer:
        return Viewer.of(*self.agencies, name="analyst")


def app_as(*agencies: str, page: str | None = None, lang: str = "en") -> AppTest:
    """The app, signed in as an analyst of ``agencies``, on ``page`` (a script of views/)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["account"] = SignedIn(agencies)
    at.session_state["username"] = "analyst"
    at.session_state["lang"] = lang
    at.run()
    if page:
        at.switch_page(f"views/{page}")
        at.run()
    return at
