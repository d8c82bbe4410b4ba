"""Sign-in with a local account, or with an OIDC provider (``FAKEFREE_OIDC_PROVIDER``) whose
e-mail claim is linked to a local account; the account's viewer then filters every read."""

from __future__ import annotations

import logging

import streamlit as st

from dashboard.session import t
from fakefree.accounts import WRONG_CREDENTIALS, Account
from fakefree.errors import AccessDenied, FakefreeError
from fakefree import settings
from fakefree.security import OIDC_SOURCE, login, oidc_login, open_security, security_db_path

__all__ = ["account", "oidc_provider", "login_form", "logout_button", "record", "audit"]

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _security(path: str):
    return open_security(path=path)


def account() -> Account | None:
    """The signed-in account, or ``None``."""
    return st.session_state.get("account")


def oidc_provider() -> str:
    """The ``[auth.NAME]`` provider of secrets.toml the dashboard signs in with, or ``""``."""
    return settings.get("FAKEFREE_OIDC_PROVIDER").strip()


def _sign_in(signed_in: Account, source: str) -> None:
    st.session_state["account"] = signed_in
    st.session_state["username"] = signed_in.username
    st.session_state["auth_source"] = source
    st.rerun()


def _oidc_section(provider: str) -> None:
    """Map a provider identity to its linked account, or offer the provider's sign-in button.

    A refused identity is audited once per session; the user can then sign out of the provider.
    """
    if st.user.get("is_logged_in", False):
        refused = st.session_state.get("oidc_refused")
        if refused is None:
            claims = {name: st.user.get(name) for name in ("email", "email_verified", "iss", "sub")}
            try:
                accounts, audit_log = _security(str(security_db_path()))
                _sign_in(oidc_login(accounts, audit_log, claims), OIDC_SOURCE)
            except AccessDenied as exc:
                refused = st.session_state["oidc_refused"] = str(exc)
            except FakefreeError as exc:
                st.error(t("login.unavailable", reason=str(exc)))
                return
        st.error(refused)
        if st.button(t("login.oidc_leave", provider=provider), key="oidc_leave"):
            st.session_state.pop("oidc_refused", None)
            st.logout()
        return
    if st.button(t("login.oidc", provider=provider), key="oidc_login", type="primary"):
        try:
            st.login(provider)
        except Exception as exc:  # StreamlitAuthError: missing or bad [auth] secrets
            log.warning("OIDC sign-in with %s is unavailable: %s", provider, exc)
            st.error(t("login.unavailable", reason=str(exc)))


def login_form() -> None:
    """The sign-in page: the OIDC button if configured, and the local password form unless
    ``FAKEFREE_OIDC_ONLY``; on success the account goes in the session and the app reruns."""
    st.title(t("app.title"))
    st.subheader(t("login.title"))
    provider = oidc_provider()
    if provider:
        _oidc_section(provider)
        if settings.get("FAKEFREE_OIDC_ONLY").strip().lower() in ("true", "1", "yes"):
            return
    with st.form("login"):
        username = st.text_input(t("login.username"), key="login_username")
        password = st.text_input(t("login.password"), type="password", key="login_password")
        submitted = st.form_submit_button(t("login.submit"))
    if not submitted:
        return
    try:
        accounts, audit = _security(str(security_db_path()))
        signed_in = login(accounts, audit, username, password, source="dashboard")
    except AccessDenied as exc:
        st.error(t("login.failed") if str(exc) == WRONG_CREDENTIALS else str(exc))
        return
    except FakefreeError as exc:
        st.error(t("login.unavailable", reason=str(exc)))
        return
    _sign_in(signed_in, "dashboard")


def logout_button() -> None:
    if st.sidebar.button(t("login.logout"), key="logout"):
        signed_in = st.session_state.pop("account", None)
        st.session_state.pop("username", None)
        source = st.session_state.pop("auth_source", "dashboard")
        if signed_in is not None:
            _, audit = _security(str(security_db_path()))
            audit.append(signed_in.username, "logout", "", source=source)
        if source == OIDC_SOURCE:
            # drops the identity cookie by sending the browser to /auth/logout; a rerun now
            # could race that redirect and keep the cookie, so this run just stops
            st.logout()
            st.stop()
        st.rerun()


def record(action: str, target: str, **details: object) -> None:
    """Write what the signed-in user searched or opened to the audit log, once per change.

    Streamlit reruns a page on every click, so the same search is recorded only when it changes.
    """
    signed_in = account()
    if signed_in is None or not target:
        return
    last = st.session_state.setdefault("audit_last", {})
    if last.get(action) == target:
        return
    last[action] = target
    audit(action, target, **details)


def audit(action: str, target: str, **details: object) -> None:
    """Write what the signed-in user did (an ingest, a triage) to the audit log, every time."""
    signed_in = account()
    if signed_in is None:
        return
    try:
        _, log_ = _security(str(security_db_path()))
        log_.append(signed_in.username, action, target, source="dashboard", **details)
    except FakefreeError as exc:
        st.error(t("login.unavailable", reason=str(exc)))
