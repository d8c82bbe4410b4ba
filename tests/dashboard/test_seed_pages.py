"""Every page on the seed demo corpus's true graph: realistic size, ids resolved to names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.markup import md
from tests.dashboard.conftest import app_as
from tests.dashboard.test_pages import texts

pytestmark = pytest.mark.slow
TRUTH = Path(__file__).resolve().parents[2] / "seed_data" / "demo" / "truth"


def _planted_source() -> str:
    """The name of the first planted source company of the first case of the demo."""
    entities = {e["id"]: e for e in json.loads((TRUTH / "entities.json").read_text("utf-8"))}
    case = json.loads((TRUTH / "cases.json").read_text("utf-8"))[0]
    return next(entities[i]["name"] for i in case["source_organization"]
                if "Company" in entities[i]["labels"])


def test_seed_overview_charts_name_ports_not_ids(seed_store):
    at = app_as("CBSA", page="overview.py")
    assert not at.exception
    specs = [c.proto.spec for c in at.get("plotly_chart")]
    port_chart = next(s for s in specs if '"Port"' in s and "histogram" in s)
    assert "E000" not in port_chart
    assert "Seizures" in texts(at) and "Shipments" in texts(at)


def test_seed_search_profile_and_network(seed_store):
    source = _planted_source()
    at = app_as("RCMP", "CBSA", "HSI", "CBP", page="search.py")
    at.text_input(key="search_query").input(source).run()
    assert not at.exception
    assert at.header[0].value == md(source)  # Markdown-escaped, renders as the name
    at.button(key="profile_to_network").click().run()
    at.switch_page("views/network.py").run()
    assert not at.exception
    html = at.get("iframe")[0].proto.srcdoc
    assert source[:20] in html
    assert '"label": "China"' not in html  # the country hub is context, hidden by default
    at.checkbox(key="network_hide_context").uncheck().run()
    assert not at.exception
    assert '"label": "China"' in at.get("iframe")[0].proto.srcdoc


@pytest.mark.parametrize("page", ["sources.py", "money.py", "risk.py", "crosscase.py",
                                  "links.py", "timeline.py"])
def test_seed_analysis_pages_render(seed_store, page):
    at = app_as("CBSA", page=page)
    assert not at.exception
    assert not at.error
    assert at.dataframe, "the page shows no table"


def test_seed_timeline_and_routes_of_the_first_case(seed_store):
    case = json.loads((TRUTH / "cases.json").read_text("utf-8"))[0]["id"]
    at = app_as("RCMP", "CBSA", "HSI", "CBP", page="timeline.py")
    at.selectbox(key="timeline_case").select(case).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert {"Shipment", "Seizure"} <= set(table["kind"]) and list(table["date"]) == sorted(
        table["date"])
    assert table["documents"].str.contains(case).all()  # every event cites its documents
    at.switch_page("views/risk.py").run()
    spec = next(c.proto.spec for c in at.get("plotly_chart") if "Loaded at" in c.proto.spec)
    assert "Discharged at" in spec and "E000" not in spec


def test_seed_screening_finds_the_planted_source(seed_store):
    source = _planted_source()
    at = app_as("RCMP", "CBSA", "HSI", "CBP", page="screening.py")
    at.file_uploader(key="screening_file").set_value(
        ("list.csv", f"name\n{source.upper()}\n".encode(), "text/csv"))
    at.form_submit_button[0].click().run()
    assert not at.exception
    assert at.dataframe[0].value["name"][0] == source
