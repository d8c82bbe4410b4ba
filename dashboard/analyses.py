"""Cached calls of the ``queries`` link analyses over the graph the signed-in viewer may see."""

from __future__ import annotations

import streamlit as st

from dashboard.session import TTL, graph
from graph_etl.store import Viewer
from queries.communities import CommunityResult, find_communities
from queries.cross_case import CrossCaseResult, find_cross_case
from queries.key_players import KeyPlayerResult, find_key_players
from queries.money_flows import MoneyFlowResult, analyze_money
from queries.paths import PathResult, find_paths
from queries.routes import RouteResult, shipment_routes
from queries.shared_identifiers import SharedIdentifierResult, find_shared_identifiers
from queries.shipment_risk import RiskResult, score_shipments
from queries.source_orgs import SourceOrgResult, rank_source_orgs
from queries.timeline import TimelineResult, case_timeline

__all__ = ["source_orgs", "money_flows", "shipment_risk", "cross_case", "shared_identifiers",
           "key_players", "communities", "paths", "timeline", "routes", "names"]


@st.cache_data(ttl=TTL, show_spinner=False)
def source_orgs(uri: str, who: Viewer, case: str | None, top: int) -> SourceOrgResult:
    return rank_source_orgs(graph(uri, who), case=case, top=top)


@st.cache_data(ttl=TTL, show_spinner=False)
def money_flows(uri: str, who: Viewer, case: str | None) -> MoneyFlowResult:
    return analyze_money(graph(uri, who), case=case)


@st.cache_data(ttl=TTL, show_spinner=False)
def shipment_risk(uri: str, who: Viewer, case: str | None) -> RiskResult:
    return score_shipments(graph(uri, who), case=case)


@st.cache_data(ttl=TTL, show_spinner=False)
def cross_case(uri: str, who: Viewer) -> CrossCaseResult:
    return find_cross_case(graph(uri, who))


@st.cache_data(ttl=TTL, show_spinner=False)
def shared_identifiers(uri: str, who: Viewer, only_cross: bool) -> SharedIdentifierResult:
    return find_shared_identifiers(graph(uri, who), only_cross=only_cross)


@st.cache_data(ttl=TTL, show_spinner=False)
def key_players(uri: str, who: Viewer, case: str | None, top: int) -> KeyPlayerResult:
    return find_key_players(graph(uri, who, cases=(case,) if case else None), top=top)


@st.cache_data(ttl=TTL, show_spinner=False)
def communities(uri: str, who: Viewer, case: str | None) -> CommunityResult:
    return find_communities(graph(uri, who, cases=(case,) if case else None))


@st.cache_data(ttl=TTL, show_spinner=False)
def paths(uri: str, who: Viewer, source: str, target: str, max_hops: int) -> PathResult:
    return find_paths(graph(uri, who), source, target, max_hops=max_hops)


@st.cache_data(ttl=TTL, show_spinner=False)
def timeline(uri: str, who: Viewer, case: str) -> TimelineResult:
    return case_timeline(graph(uri, who), case=case)


@st.cache_data(ttl=TTL, show_spinner=False)
def routes(uri: str, who: Viewer, case: str | None) -> RouteResult:
    return shipment_routes(graph(uri, who), case=case)


def names(uri: str, who: Viewer) -> dict[str, str]:
    """Node id to name, to show the parties that results name by id."""
    return {n: d["name"] for n, d in graph(uri, who).nodes(data=True)}
