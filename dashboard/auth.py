"""Sign-in with a local account, or with an OIDC provider (``FAKEFREE_OIDC_PROVIDER``) whose
e-mail claim is linked to a local account; the account's viewer then filters every read.

A sign-in also starts a server-side session (:mod:`security.sessions`) whose token the browser
keeps in an HttpOnly cookie (:mod:`dashboard.server`), so a reload or a link to any page stays
signed in; every script run checks the token again, and a forged or expired one is audited.
"""

from __future__ import annotations

import hashlib
import json
import logging
from urllib.parse import urlencode

import streamlit as st

from dashboard.session import t
from security.accounts import WRONG_CREDENTIALS, Account
from fakefree.errors import AccessDenied, FakefreeError
from fakefree import settings
from security.signin import (OIDC_SOURCE, UNKNOWN_USER, login, oidc_login, open_security,
                               open_sessions, security_db_path)
from security.sessions import COOKIE, SessionEnded

__all__ = ["account", "restore", "remember_target", "follow_redirect", "oidc_provider",
           "login_form", "logout_button", "record", "audit"]

SESSION_PATH, SIGNOUT_PATH = "/_fakefree/session", "/_fakefree/signout"  # dashboard.server

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _security(path: str):
    return open_security(path=path)


@st.cache_resource(show_spinner=False)
def _sessions(path: str):
    return open_sessions(path=path)


def account() -> Account | None:
    """The signed-in account, or ``None``."""
    return st.session_state.get("account")


def _token() -> str:
    try:
        value = st.context.cookies.get(COOKIE)
    except Exception:  # no browser request behind this run (AppTest)
        return ""
    return value if isinstance(value, str) else ""


def restore() -> None:
    """Check the session cookie on this script run: sign in its account, or sign out.

    A cookie the server does not accept (forged, expired, ended) signs the page out and is
    audited as ``session_rejected`` once per page load, unless this page itself signed it out.
    """
    token = _token()
    if not token:
        return
    digest = hashlib.sha256(token.encode()).hexdigest()
    try:
        path = str(security_db_path())
        session = _sessions(path).check(token)
        accounts, _ = _security(path)
        signed_in = accounts.get(session.username)
        if signed_in.disabled:
            _sessions(path).revoke_user(signed_in.username, "account disabled")
            raise SessionEnded(f"Account {signed_in.username} is disabled.", signed_in.username)
    except AccessDenied as exc:
        for key in ("account", "username", "auth_source"):
            st.session_state.pop(key, None)
        if st.session_state.get("session_rejected") != digest and \
                st.session_state.get("signed_out") != digest:
            st.session_state["session_rejected"] = digest
            _, audit_log = _security(str(security_db_path()))
            audit_log.append(getattr(exc, "username", "") or UNKNOWN_USER, "session_rejected",
                             "", reason=str(exc), source="dashboard",
                             cookie_sha256=digest)
            log.warning("refused a dashboard session cookie: %s", exc)
        return
    except FakefreeError as exc:
        st.error(t("login.unavailable", reason=str(exc)))
        return
    st.session_state["account"] = signed_in
    st.session_state["username"] = signed_in.username
    st.session_state["auth_source"] = session.source


def remember_target(url_path: str) -> None:
    """Where a signed-out visitor wanted to go (a page's URL path), to go there after sign-in."""
    query = {k: v for k, v in st.query_params.to_dict().items()}
    st.session_state["next_path"] = "/" + url_path + (f"?{urlencode(query)}" if query else "")


def follow_redirect() -> None:
    """Send the browser where a sign-in or sign-out asked it to go, once."""
    target = st.session_state.pop("redirect", None)
    if target:
        st.html(f"<script>window.location.replace({json.dumps(target)});</script>",
                unsafe_allow_javascript=True)


def oidc_provider() -> str:
    """The ``[auth.NAME]`` provider of secrets.toml the dashboard signs in with, or ``""``."""
    return settings.get("FAKEFREE_OIDC_PROVIDER").strip()


def _sign_in(signed_in: Account, source: str) -> None:
    st.session_state["account"] = signed_in
    st.session_state["username"] = signed_in.username
    st.session_state["auth_source"] = source
    code = _sessions(str(security_db_path())).handoff(signed_in.username, source)
    target = st.session_state.pop("next_path", "/")
    st.session_state["redirect"] = f"{SESSION_PATH}?{urlencode({'code': code, 'next': target})}"
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
        token = _token()
        if token:
            _sessions(str(security_db_path())).revoke(token)
            st.session_state["signed_out"] = hashlib.sha256(token.encode()).hexdigest()
            st.session_state["redirect"] = SIGNOUT_PATH
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
