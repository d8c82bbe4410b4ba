"""Fixtures of the dashboard tests: a loaded store, a security database, the app signed in."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from security.accounts import Account
from security.signin import open_security
from graph_etl.store.sqlite.store import SQLiteStore
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


USER, PASSWORD = "analyst", "correct horse battery staple"


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Every dashboard test writes its audit entries to its own folder, never the repo's."""
    monkeypatch.setenv("FAKEFREE_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("FAKEFREE_SECURITY_DB", str(tmp_path / "home" / "security.db"))


@pytest.fixture
def security_db(tmp_path, monkeypatch) -> Path:
    """A security database with an admin and a CBSA analyst (cheap argon2 for tests)."""
    path = tmp_path / "security.db"
    for name, value in {"FAKEFREE_SECURITY_DB": str(path), "FAKEFREE_ARGON2_TIME_COST": "1",
                        "FAKEFREE_ARGON2_MEMORY_KIB": "1024", "FAKEFREE_ARGON2_PARALLELISM": "1",
                        "FAKEFREE_HOME": str(tmp_path / "home")}.items():
        monkeypatch.setenv(name, value)
    accounts, _ = open_security()
    accounts.add("admin", "an admin pass phrase", role="admin", agencies=["CBSA"])
    accounts.add(USER, PASSWORD, role="analyst", agencies=["CBSA"])
    return path


def app_as(*agencies: str, page: str | None = None, lang: str = "en",
           role: str = "analyst") -> AppTest:
    """The app, signed in as an account of ``role`` (an analyst by default) of ``agencies``,
    on ``page`` (a script of views/)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["account"] = Account("analyst", role, tuple(agencies))
    at.session_state["username"] = "analyst"
    at.session_state["lang"] = lang
    at.run()
    if page:
        at.switch_page(f"views/{page}")
        at.run()
    return at


@pytest.fixture
def analysis_store(tmp_path, monkeypatch) -> Path:
    """The hand-built two-network graph of the ``queries`` tests, for the analysis pages."""
    from tests.queries.network import build_network

    path = tmp_path / "analysis.db"
    store = SQLiteStore(path)
    store.upsert(build_network().batch)
    store.close()
    monkeypatch.setenv("FAKEFREE_STORE", str(path))
    return path


@pytest.fixture(scope="session")
def _seed_db(tmp_path_factory) -> Path:
    from seed_data import truth_batch

    demo = Path(__file__).resolve().parents[2] / "seed_data" / "demo"
    if not (demo / "truth" / "entities.json").exists():
        pytest.skip("The seed demo corpus is not in this checkout.")
    batch = truth_batch(demo)
    path = tmp_path_factory.mktemp("seed") / "seed.db"
    store = SQLiteStore(path)
    store.upsert(batch)
    store.close()
    return path


@pytest.fixture
def seed_store(_seed_db, monkeypatch) -> Path:
    """The seed demo corpus's true graph (12 cases, ~360 documents), read-only."""
    monkeypatch.setenv("FAKEFREE_STORE", str(_seed_db))
    return _seed_db
