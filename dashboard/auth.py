"""Sign-in with a local account; the account's viewer then filters every read in the store."""

from __future__ import annotations

import logging

import streamlit as st

from dashboard.session import t
from fakefree.errors import AccessDenied, FakefreeError

__all__ = ["account", "login_form", "logout_button"]

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _security():
    from fakefree.security import open_security

    return open_security()


def account():
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
        accounts, audit = _security()
        signed_in = accounts.authenticate(username.strip(), password)
    except AccessDenied:
        log.info("failed sign-in for %r", username)
        st.error(t("login.failed"))
        return
    except FakefreeError as exc:
        st.error(t("login.unavailable", reason=str(exc)))
        return
    audit.append(username.strip(), "login", "dashboard")
    st.session_state["username"] = username.strip()
    st.session_state["account"] = signed_in
    st.rerun()


def logout_button() -> None:
    if st.sidebar.button(t("login.logout"), key="logout"):
        st.session_state.pop("account", None)
        st.session_state.pop("username", None)
        st.rerun()
