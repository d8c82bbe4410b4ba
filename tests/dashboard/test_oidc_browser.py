"""OIDC sign-in end to end: real Chromium, real Streamlit ``st.login``, a real local provider.

The provider is ``oidc-provider-mock`` (a real OpenID Provider for tests) on a free local port;
the dashboard reads a temporary secrets.toml pointing at it. The identity it vouches for is
linked to the CBSA analyst, so the overview shows what CBSA may see.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from security.signin import open_security
from graph_etl.store.sqlite.store import SQLiteStore
from tests.dashboard.conftest import USER
from tests.dashboard.network import batches
from tests.dashboard.test_browser import ARGS, CHROMIUM, SHOTS, _free_port, dashboard_server

pytestmark = pytest.mark.browser

EMAIL = "analyst@cbsa.example"


@pytest.fixture
def provider():
    from oidc_provider_mock import User, run_server_in_thread

    users = [User(sub="cbsa-analyst", claims={"email": EMAIL, "email_verified": True}),
             User(sub="stranger", claims={"email": "stranger@elsewhere.example",
                                          "email_verified": True})]
    with run_server_in_thread(port=_free_port(), user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def oidc_server(tmp_path, security_db, provider):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium).")
    accounts, _ = open_security()
    accounts.link_oidc(USER, EMAIL)
    store_path = tmp_path / "graph.db"
    store = SQLiteStore(store_path)
    for batch in batches():
        store.upsert(batch)
    store.close()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        f'[auth]\nredirect_uri = "{url}/oauth2callback"\n'
        f'cookie_secret = "a test cookie secret of some length"\n\n'
        f'[auth.agency]\nclient_id = "fakefree"\nclient_secret = "client secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n')
    env = {"FAKEFREE_STORE": str(store_path), "FAKEFREE_OIDC_PROVIDER": "agency"}
    with dashboard_server(tmp_path, port, env, ["--secrets.files", str(secrets)]) as served:
        yield served


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def _authorise(browser, url: str, subject: str):
    tab = browser.new_page(viewport={"width": 1400, "height": 1100})
    tab.goto(url)
    tab.get_by_role("button", name="Sign in with agency").click(timeout=90_000)
    tab.get_by_role("heading", name="Authorize Client").wait_for(timeout=30_000)
    tab.get_by_role("button", name=subject, exact=True).click()
    return tab


def test_oidc_sign_in_maps_to_the_linked_account(oidc_server, browser):
    tab = _authorise(browser, oidc_server, "cbsa-analyst")
    try:
        tab.get_by_role("heading", name="Overview").wait_for(timeout=90_000)
        metrics = tab.locator('[data-testid="stMetric"]')
        metrics.first.wait_for(timeout=90_000)
        documents = tab.locator('[data-testid="stMetric"]', has_text="Documents")
        assert documents.locator('[data-testid="stMetricValue"]').inner_text() == "2"  # CBSA's
        assert tab.get_by_text(f"{USER}").first.is_visible()
        tab.get_by_role("button", name="Sign out").click()
        # Streamlit drops its identity cookie and ends the session at the provider too
        tab.get_by_role("button", name="End session").click(timeout=90_000)
        tab.get_by_role("button", name="Sign in with agency").wait_for(timeout=90_000)
        tab.goto(oidc_server)  # a new session is not signed in again by a left-over cookie
        tab.get_by_role("button", name="Sign in with agency").wait_for(timeout=90_000)
        assert tab.get_by_role("heading", name="Overview").count() == 0
    finally:
        SHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SHOTS / "oidc-last.png"))
    _, audit = open_security()
    oidc = [(e.actor, e.action) for e in audit.entries() if e.details.get("source") == "oidc"]
    assert oidc == [(USER, "login"), (USER, "logout")]


def test_oidc_unlinked_identity_is_refused_and_audited(oidc_server, browser):
    tab = _authorise(browser, oidc_server, "stranger")
    tab.get_by_text("No fakefree account is linked to stranger@elsewhere.example").wait_for(
        timeout=90_000)
    assert tab.get_by_role("heading", name="Overview").count() == 0
    _, audit = open_security()
    last = audit.entries()[-1]
    assert (last.actor, last.action, last.details["source"]) == ("unknown-user", "login_failed",
                                                                 "oidc")
