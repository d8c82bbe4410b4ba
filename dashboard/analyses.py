"""Cached calls of the ``queries`` link analyses over the graph the signed-in viewer may see."""

from __future__ import annotations

import streamlit as st

from dashboard.session import TTL, graph
from graph_etl.store import Viewer
from queries.cross_case import CrossCaseResult, find_cross_case
from queries.money_flows import MoneyFlowResult, analyze_money
from queries.shared_identifiers import SharedIdentifierResult, find_shared_identifiers
from queries.shipment_risk import RiskResult, score_shipments
from queries.source_orgs import SourceOrgResult, rank_source_orgs

__all__ = ["source_orgs", "money_flows", "shipment_risk", "cross_case", "shared_identifiers",
           "names"]


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


def names(uri: str, who: Viewer) -> dict[str, str]:
    """Node id to name, to show the parties that results name by id."""
    return {n: d["name"] for n, d in graph(uri, who).nodes(data=True)}
