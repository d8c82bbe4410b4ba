"""A signed-in session in headless Chromium: it survives a reload and a link, ends at sign-out,
and a forged cookie signs nobody in (and is audited)."""

from __future__ import annotations

import pytest

from security.audit import AuditLog
from security.sessions import COOKIE
from tests.dashboard.conftest import PASSWORD, USER
from tests.dashboard.test_browser import ARGS, CHROMIUM, server  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser
WAIT = 90_000


@pytest.fixture
def page():
    """A tab of a browser context that can open more tabs sharing its cookies."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1200})
        yield context.new_page()
        browser.close()


def _signed_in(tab) -> None:
    tab.get_by_role("heading", name="Overview").wait_for(timeout=WAIT)


def _sign_in_form(tab) -> None:
    tab.get_by_role("button", name="Sign in").wait_for(timeout=WAIT)


def test_session_browser_reload_link_signout_forged(server, page, security_db):  # noqa: F811
    page.goto(server)
    page.get_by_role("textbox", name="User name").fill(USER)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    _signed_in(page)
    page.wait_for_url(f"{server}/", timeout=WAIT)  # back from /_fakefree/session
    cookie = next(c for c in page.context.cookies() if c["name"] == COOKIE)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"

    page.reload()
    _signed_in(page)
    font = page.request.get(f"{server}/_fakefree/fonts/FakefreeCJK-Regular.ttf")
    assert font.status == 200 and len(font.body()) > 1_000_000  # the charts' CJK font

    other = page.context.new_page()
    other.goto(f"{server}/sources")
    other.get_by_role("heading", name="Why they rank high").wait_for(timeout=WAIT)
    other.close()

    page.get_by_role("button", name="Sign out").click()
    _sign_in_form(page)
    page.reload()
    _sign_in_form(page)
    assert page.get_by_role("heading", name="Overview").count() == 0

    page.context.add_cookies([{"name": COOKIE, "value": "forged-" + "x" * 40,
                               "url": server}])
    page.reload()
    _sign_in_form(page)
    page.wait_for_timeout(1000)
    entries = AuditLog(security_db).entries()
    rejected = [e for e in entries if e.action == "session_rejected"]
    assert rejected and "unknown" in rejected[-1].details["reason"]


def test_session_browser_page_asked_before_sign_in_opens_after(server, page):  # noqa: F811
    page.goto(f"{server}/sources")
    page.get_by_role("textbox", name="User name").fill(USER)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Why they rank high").wait_for(timeout=WAIT)
    assert page.get_by_text("Page not found").count() == 0
    page.reload()
    page.get_by_role("heading", name="Why they rank high").wait_for(timeout=WAIT)
