"""What every page shares: the store, the signed-in viewer, the language and cached reads.

The store is a cached resource (one per URI); reads are cached data keyed on the store URI and the
viewer, so two analysts of different agencies never share a cached result.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import networkx as nx
import streamlit as st

from dashboard import i18n
from fakefree import settings
from graph_etl.store import DocumentRecord, GraphStore, NodeView, Viewer, open_store

__all__ = ["store_uri", "store", "viewer", "t", "lang", "stats", "documents", "search", "entity",
           "neighbourhood", "around", "document_names", "graph"]

log = logging.getLogger(__name__)
TTL = 60


def store_uri() -> str:
    return settings.get("FAKEFREE_STORE")


@st.cache_resource(show_spinner=False)
def _open(uri: str) -> GraphStore:
    return open_store(uri)


def store() -> GraphStore:
    return _open(store_uri())


def viewer() -> Viewer:
    """The viewer of the signed-in account (the store filters every read by it)."""
    return st.session_state["account"].viewer()


def lang() -> str:
    return st.session_state.get("lang", i18n.DEFAULT)


def t(key: str, **values: object) -> str:
    """The label ``key`` in the language the user picked."""
    return i18n.translate(key, lang(), **values)


@st.cache_data(ttl=TTL, show_spinner=False)
def stats(uri: str, who: Viewer) -> dict:
    return _open(uri).stats(who)


@st.cache_data(ttl=TTL, show_spinner=False)
def documents(uri: str, who: Viewer) -> list[DocumentRecord]:
    return _open(uri).documents(who)


def document_names(uri: str, who: Viewer) -> dict[str, str]:
    return {d.id: d.name for d in documents(uri, who)}


@st.cache_data(ttl=TTL, show_spinner=False)
def search(uri: str, who: Viewer, text: str, label: str | None, limit: int = 50) -> list[NodeView]:
    return _open(uri).search(text, who, label=label, limit=limit)


@st.cache_data(ttl=TTL, show_spinner=False)
def entity(uri: str, who: Viewer, node_id: str) -> NodeView | None:
    return _open(uri).get(node_id, who)


@st.cache_data(ttl=TTL, show_spinner=False)
def neighbourhood(uri: str, who: Viewer, node_id: str, hops: int = 1,
                  rel_types: tuple[str, ...] | None = None, limit: int = 2000) -> nx.MultiDiGraph:
    return _open(uri).neighbors(node_id, who, hops=hops, rel_types=rel_types or None, limit=limit)


def around(uri: str, who: Viewer, node_ids: Iterable[str], *, hops: int,
           rel_types: tuple[str, ...] | None, limit: int) -> nx.MultiDiGraph:
    """The union of the neighbourhoods of several entities, capped at ``limit`` nodes each."""
    graphs = [neighbourhood(uri, who, n, hops, rel_types, limit) for n in node_ids]
    if not graphs:
        return nx.MultiDiGraph()
    merged = nx.compose_all(graphs)
    merged.graph["truncated"] = any(g.graph.get("truncated") for g in graphs)
    return merged


@st.cache_data(ttl=TTL, show_spinner=False)
def graph(uri: str, who: Viewer, labels: tuple[str, ...] | None = None,
          cases: tuple[str, ...] | None = None,
          rel_types: tuple[str, ...] | None = None) -> nx.MultiDiGraph:
    """The visible graph (optionally restricted), the input of every ``queries`` function."""
    return _open(uri).subgraph(who, labels=labels or None, cases=cases or None,
                               rel_types=rel_types or None)
