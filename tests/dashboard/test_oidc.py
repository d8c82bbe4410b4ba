"""OIDC sign-in in the app: the button only when configured, identities mapped to local accounts.

``AppTest.user`` stands for the identity Streamlit's ``st.login`` got from the provider; the
full browser flow against a real provider is in test_oidc_browser.py.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from security.signin import open_security
from tests.dashboard.conftest import APP, TIMEOUT, USER

EMAIL = "analyst@cbsa.example"


def _identity(email: str) -> dict[str, object]:
    return {"is_logged_in": True, "email": email, "email_verified": True,
            "iss": "http://localhost:1/", "sub": "s-1"}


@pytest.fixture
def oidc(monkeypatch, security_db):
    monkeypatch.setenv("FAKEFREE_OIDC_PROVIDER", "agency")
    accounts, _ = open_security()
    accounts.link_oidc(USER, EMAIL)
    return accounts


def _labels(at: AppTest) -> list[str]:
    return [button.label for button in at.button]


def test_oidc_no_button_unless_configured(store_path, security_db):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert not [label for label in _labels(at) if label.startswith("Sign in with")]
    assert at.text_input(key="login_password")


def test_oidc_button_beside_the_password_form(store_path, oidc):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert "Sign in with agency" in _labels(at)
    assert at.text_input(key="login_password")


def test_oidc_only_hides_the_password_form(store_path, oidc, monkeypatch):
    monkeypatch.setenv("FAKEFREE_OIDC_ONLY", "true")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert "Sign in with agency" in _labels(at)
    assert not at.text_input


def test_oidc_linked_identity_signs_in_as_the_account(store_path, oidc):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.user = _identity(EMAIL)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Overview"
    assert {m.label: m.value for m in at.metric}["Documents"] == "2"  # CBSA sees two of three
    at.button(key="logout").click().run()
    assert "account" not in at.session_state
    at.run()  # the browser is sent to /auth/logout, which starts a new session
    assert at.subheader[0].value == "Sign in"
    _, audit = open_security()
    assert [(e.actor, e.action, e.details["source"]) for e in audit.entries()[-2:]] == [
        (USER, "login", "oidc"), (USER, "logout", "oidc")]


@pytest.mark.parametrize("disable", [False, True])
def test_oidc_unlinked_or_disabled_is_refused_once_and_audited(store_path, oidc, disable):
    if disable:
        oidc.disable(USER)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.user = _identity(EMAIL if disable else "stranger@elsewhere.example")
    at.run().run()  # a rerun does not audit the same refusal twice
    assert not at.exception
    assert "account" not in at.session_state
    expected = ("Account analyst is disabled" if disable
                else "No fakefree account is linked to stranger@elsewhere.example")
    assert at.error[0].value.startswith(expected)
    assert "Sign out of agency" in _labels(at)
    _, audit = open_security()
    failed = [e for e in audit.entries() if e.action == "login_failed"]
    assert [(e.actor, e.details["source"]) for e in failed] == [
        (USER if disable else "unknown-user", "oidc")]
