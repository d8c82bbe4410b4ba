"""Every page on the seed demo corpus's true graph: realistic size, ids resolved to names."""

from __future__ import annotations

import pytest

from tests.dashboard.conftest import app_as
from tests.dashboard.test_pages import texts

pytestmark = pytest.mark.slow

SOURCE = "Guangzhou Tongcheng Industrial Group Co., Ltd."


def test_seed_overview_charts_name_ports_not_ids(seed_store):
    at = app_as("CBSA", page="overview.py")
    assert not at.exception
    specs = [c.proto.spec for c in at.get("plotly_chart")]
    port_chart = next(s for s in specs if '"Port"' in s and "histogram" in s)
    assert "E000" not in port_chart
    assert "Seizures" in texts(at) and "Shipments" in texts(at)


def test_seed_search_profile_and_network(seed_store):
    at = app_as("CBSA", page="search.py")
    at.text_input(key="search_query").input("tongcheng").run()
    assert not at.exception
    assert at.header[0].value == SOURCE
    at.button(key="profile_to_network").click().run()
    at.switch_page("views/network.py").run()
    assert not at.exception
    html = at.get("iframe")[0].proto.srcdoc
    assert SOURCE[:20] in html
    assert '"label": "China"' not in html  # the country hub is context, hidden by default
    at.checkbox(key="network_hide_context").uncheck().run()
    assert not at.exception
    assert '"label": "China"' in at.get("iframe")[0].proto.srcdoc


@pytest.mark.parametrize("page", ["sources.py", "money.py", "risk.py", "crosscase.py"])
def test_seed_analysis_pages_render(seed_store, page):
    at = app_as("CBSA", page=page)
    assert not at.exception
    assert not at.error
    assert at.dataframe, "the page shows no table"
