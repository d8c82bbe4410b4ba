"""Sign-in with a local account; the account's viewer then filters every read in the store."""

from __future__ import annotations

import logging

import streamlit as st

from dashboard.session import t
from fakefree.accounts import WRONG_CREDENTIALS, Account
from fakefree.errors import AccessDenied, FakefreeError
from fakefree.security import login, open_security, security_db_path

__all__ = ["account", "login_form", "logout_button", "record", "audit"]

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _security(path: str):
    return open_security(path=path)


def account() -> Account | None:
    """The signed-in account, or ``None``."""
    return st.session_state.get("account")


def login_form() -> None:
    """The sign-in form; on success the account goes in the session and the app reruns."""
    st.title(t("app.title"))
    st.subheader(t("login.title"))
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
    st.session_state["account"] = signed_in
    st.session_state["username"] = signed_in.username
    st.rerun()


def logout_button() -> None:
    if st.sidebar.button(t("login.logout"), key="logout"):
        signed_in = st.session_state.pop("account", None)
        st.session_state.pop("username", None)
        if signed_in is not None:
            _, audit = _security(str(security_db_path()))
            audit.append(signed_in.username, "logout", "", source="dashboard")
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
