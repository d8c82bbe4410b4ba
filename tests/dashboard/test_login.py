"""The app asks for a local account first; the account's agencies decide what it shows."""

from __future__ import annotations

from security.signin import open_security
from streamlit.testing.v1 import AppTest
from tests.dashboard.conftest import APP, PASSWORD, TIMEOUT, USER


def _sign_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    at.button[0].click().run()
    return at


def test_login_required_before_any_page(store_path, security_db):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.subheader[0].value == "Sign in"
    assert not at.metric


def test_login_wrong_password_is_one_plain_sentence(store_path, security_db):
    at = _sign_in(AppTest.from_file(APP, default_timeout=TIMEOUT).run(), USER, "nope nope nope")
    assert not at.exception
    assert at.error[0].value.startswith("Wrong user name or password")
    assert "account" not in at.session_state


def test_login_signs_in_audits_and_shows_overview(store_path, security_db):
    at = _sign_in(AppTest.from_file(APP, default_timeout=TIMEOUT).run(), USER, PASSWORD)
    assert not at.exception
    assert at.title[0].value == "Overview"
    assert {m.label: m.value for m in at.metric}["Documents"] == "2"  # CBSA sees two of three
    _, audit = open_security()
    assert [e.action for e in audit.entries()][-1] == "login"


def test_login_form_follows_language(store_path, security_db):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.selectbox(key="lang").select("es").run()
    assert at.subheader[0].value == "Iniciar sesión"
