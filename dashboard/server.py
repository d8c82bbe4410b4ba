"""The dashboard as an ASGI app: Streamlit's ``app.py`` plus two routes that set and clear the
session cookie (``fakefree dashboard`` runs ``streamlit run`` on this file).

A Streamlit script cannot set an HttpOnly cookie, a plain HTTP response can: after a sign-in the
page goes to ``/_fakefree/session?code=...&next=/sources``, which swaps the one-time code for a
session token (:mod:`security.sessions`), sets it as an HttpOnly, SameSite=Strict cookie (Secure
over HTTPS) and sends the browser on to the page it asked for. ``/_fakefree/signout`` ends the
session on the server and clears the cookie.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

import streamlit as st
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from exports.style import CJK_FONT
from fakefree.errors import FakefreeError
from security.signin import open_sessions
from security.sessions import COOKIE, MAX_AGE

__all__ = ["SESSION_PATH", "SIGNOUT_PATH", "safe_next", "app"]

log = logging.getLogger(__name__)

SESSION_PATH = "/_fakefree/session"
SIGNOUT_PATH = "/_fakefree/signout"


def safe_next(target: str) -> str:
    """``target`` if it is a path of this site, else ``/`` (no open redirect).

    >>> safe_next("/sources?case=A"), safe_next("//evil.example/x"), safe_next("https://x.example")
    ('/sources?case=A', '/', '/')
    """
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


def _cross_site(request: Request) -> bool:
    """Whether the browser says the request came from another site (a login-CSRF link)."""
    return request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none")


async def start_session(request: Request) -> RedirectResponse:
    response = RedirectResponse(safe_next(request.query_params.get("next", "/")), status_code=303)
    if _cross_site(request):
        log.warning("refused a sign-in code sent from another site")
        return response
    try:
        token = open_sessions().start(request.query_params.get("code", ""))
    except FakefreeError as exc:
        log.warning("no session started: %s", exc)
        return response
    response.set_cookie(COOKIE, token, max_age=int(MAX_AGE.total_seconds()), path="/",
                        httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


async def end_session(request: Request) -> RedirectResponse:
    token = request.cookies.get(COOKIE)
    if token:
        try:
            open_sessions().revoke(token)
        except FakefreeError as exc:
            log.warning("could not end the session: %s", exc)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict",
                           secure=request.url.scheme == "https")
    return response


async def font(request: Request) -> Response:
    """The shipped CJK font, so the browser draws the charts' Chinese, Japanese, Korean text."""
    if request.path_params["name"] != CJK_FONT.name:
        return Response(status_code=404)
    return FileResponse(CJK_FONT, media_type="font/ttf",
                        headers={"Cache-Control": "public, max-age=604800"})


app = st.App(str(Path(__file__).with_name("app.py")),
             routes=[Route(SESSION_PATH, start_session), Route(SIGNOUT_PATH, end_session),
                     Route("/_fakefree/fonts/{name}", font)])
