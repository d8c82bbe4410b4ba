"""The fakefree investigation workspace (``fakefree dashboard`` runs it with Streamlit).

Sign in, pick a language, then navigate the pages of :data:`dashboard.registry.PAGES`. Every page
reads the store through :mod:`dashboard.session` as the signed-in account's viewer.
"""

from __future__ import annotations

import logging
from pathlib import Path

# pandas is imported whole before any page runs: plotly looks it up in sys.modules without the
# import lock, so a chart drawn while another thread is still importing pandas failed with
# "partially initialized module 'pandas' has no attribute 'Series'" (seen in the browser test).
import pandas  # noqa: F401
import streamlit as st

from dashboard import auth, i18n
from dashboard.registry import PAGES, VIEWS, allowed
from dashboard.session import t
from dashboard.style import FONT_FACE
from fakefree.errors import FakefreeError, StoreUnavailable

log = logging.getLogger(__name__)
ICON = Path(__file__).with_name("static") / "icon.png"


def language_selector() -> None:
    st.sidebar.selectbox(t("app.language"), list(i18n.LANGUAGES), key="lang",
                         format_func=i18n.LANGUAGES.get)


def run_page(page) -> None:
    """Run one page; a known error is one plain sentence, anything else is logged, not shown."""
    try:
        page.run()
    except StoreUnavailable as exc:
        st.error(t("error.store", reason=str(exc)))
    except FakefreeError as exc:
        st.error(str(exc))
    except Exception:
        log.exception("page %s failed", page.title)
        st.error(t("error.unexpected"))


def main() -> None:
    # a local icon: a Material or emoji page icon is fetched from fonts.gstatic.com
    st.set_page_config(page_title="fakefree", page_icon=str(ICON), layout="wide")
    st.session_state.setdefault("lang", i18n.DEFAULT)
    st.html(FONT_FACE)
    language_selector()
    auth.restore()
    if auth.account() is None:
        # every page's address leads to the sign-in form, which then goes on to that page
        login = [st.Page(auth.login_form, title=t("login.title"), url_path="login", default=True)]
        login += [st.Page(auth.login_form, title=t(key), url_path=script[:-3])
                  for script, key, _ in PAGES]
        page = st.navigation(login, position="hidden")
        auth.remember_target("" if page.url_path == "login" else page.url_path)
        page.run()
        auth.follow_redirect()
        return
    st.sidebar.caption(t("app.signed_in", user=st.session_state.get("username", "")))
    auth.logout_button()
    pages = [st.Page(str(VIEWS / script), title=t(key), icon=icon, url_path=script[:-3])
             for script, key, icon in PAGES if allowed(auth.account(), script)]
    auth.follow_redirect()
    run_page(st.navigation(pages))


main()
