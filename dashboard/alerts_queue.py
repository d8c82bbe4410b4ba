"""The alerts queue of the store the dashboard reads (see :mod:`security.alerts`)."""

from __future__ import annotations

import streamlit as st

from dashboard.session import store_uri
from fakefree import settings
from security.alerts import AlertStore, alerts_path_for

__all__ = ["queue"]


@st.cache_resource(show_spinner=False)
def _queue(path: str) -> AlertStore:
    return AlertStore(path)


def queue() -> AlertStore:
    return _queue(str(alerts_path_for(store_uri(), settings.home())))
