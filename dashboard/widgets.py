"""Small widgets several pages share."""

from __future__ import annotations

import streamlit as st

from dashboard import session
from dashboard.session import t

__all__ = ["case_filter", "open_buttons"]


def case_filter(key: str) -> str | None:
    """A case selector of the cases the viewer may see; ``None`` means all cases."""
    cases = [""] + sorted(session.stats(session.store_uri(), session.viewer())["cases"])
    picked = st.selectbox(t("common.case"), cases, key=key,
                          format_func=lambda c: c or t("common.all"))
    return picked or None


def open_buttons(options: dict[str, str], key: str) -> None:
    """Pick one of ``options`` (id -> name) and open its profile or its network."""
    if not options:
        return
    pick_col, profile_col, network_col = st.columns([3, 1, 1], vertical_alignment="bottom")
    picked = pick_col.selectbox(t("common.entity"), list(options), format_func=options.get,
                                key=f"{key}_pick")
    if profile_col.button(t("network.open_profile"), key=f"{key}_profile"):
        st.session_state["profile_id"] = picked
        st.switch_page("views/search.py")
    if network_col.button(t("profile.to_network"), key=f"{key}_network"):
        st.session_state["network_seeds"] = [picked]
        st.switch_page("views/network.py")
