"""The analysis pages show what ``queries`` finds, follow the case filter and open profiles."""

from __future__ import annotations

import pytest

from dashboard.markup import md
from tests.dashboard.conftest import app_as
from tests.dashboard.test_pages import texts


def test_analysis_sources_ranks_planted_source_and_filters_by_case(analysis_store):
    at = app_as("CBSA", page="sources.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert "Golden Dragon Holdings Ltd" in list(table["name"][:3])
    at.selectbox(key="sources_case").select("CASE-B").run()
    assert not at.exception
    assert at.dataframe[0].value["name"][0] == "Sunrise Manufacturing Co"
    assert "OWNS" in texts(at) or "MANUFACTURED" in texts(at)  # explaining paths


def test_analysis_sources_opens_profile(analysis_store):
    at = app_as("CBSA", page="sources.py")
    first = at.dataframe[0].value["name"][0]
    at.button(key="sources_profile").click().run()
    assert not at.exception
    assert at.title[0].value == "Search and entity profile"
    assert at.header[0].value == md(first)  # Markdown-escaped, renders as the name


def test_analysis_money_sankey_and_patterns(analysis_store):
    at = app_as("CBSA", page="money.py")
    assert not at.exception
    sankey = [c for c in at.get("plotly_chart") if "sankey" in c.proto.spec]
    assert sankey and "Maple Imports Inc" in sankey[0].proto.spec
    shown = texts(at)
    assert "Structuring" in shown and "Layering" in shown and "Trade mismatch" in shown


def test_analysis_risk_lists_shipments_riskiest_first(analysis_store):
    at = app_as("CBSA", page="risk.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["score"]) == sorted(table["score"], reverse=True)
    assert "MSKU1234560" in table["shipment"][0]
    at.checkbox(key="risk_hide_seized").check().run()
    assert not any(at.dataframe[0].value["seized"])


def test_analysis_cross_case_shared_phone(analysis_store):
    at = app_as("CBSA", page="crosscase.py")
    assert not at.exception
    shown = texts(at)
    assert "+85223456789" in shown and "Pacific Star Trading Co" in shown
    assert "Maple Imports Inc" in shown  # in two cases


@pytest.mark.parametrize("page", ["sources.py", "money.py", "risk.py", "crosscase.py"])
def test_analysis_pages_render_on_a_store_without_trade(store_path, page):
    at = app_as("CBSA", page=page)
    assert not at.exception
    assert not at.error


@pytest.mark.parametrize("page, title", [("sources.py", "Organisations sources"),
                                         ("money.py", "Flux financiers"),
                                         ("risk.py", "Expéditions et risque")])
def test_analysis_pages_in_french(analysis_store, page, title):
    at = app_as("CBSA", page=page, lang="fr")
    assert at.title[0].value == title
