"""Every page renders on a loaded store, shows what the viewer may see, and reacts to filters."""

from __future__ import annotations

import pytest

from dashboard import network_view
from tests.dashboard.conftest import app_as
from tests.dashboard.network import SECRET_FINANCIER


def texts(at) -> str:
    """Everything a page shows as text: markdown, headers, captions, metrics and tables."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info",
                                  "warning", "error") for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [df.value.to_csv() for df in at.dataframe]
    return "\n".join(str(p) for p in parts)


def to_network(at) -> None:
    """Click "Show its network" on a profile (AppTest then needs telling the page changed)."""
    at.button(key="profile_to_network").click().run()
    assert at.title[0].value == "Network explorer"
    at.switch_page("views/network.py").run()


def test_pages_overview_counts_and_documents(store_path):
    at = app_as("CBSA", page="overview.py")
    assert not at.exception
    shown = texts(at)
    assert "cbsa-seizure-vancouver.txt" in shown
    assert "cbp-manifest-long-beach.csv" in shown
    assert "rcmp-interview-notes.txt" not in shown  # AGENCY-ONLY of the RCMP
    assert {m.label: m.value for m in at.metric}["Documents"] == "2"
    assert "Seizures" in shown and "Shipments" in shown


def test_pages_overview_viewer_of_rcmp_sees_its_notes(store_path):
    at = app_as("RCMP", page="overview.py")
    assert not at.exception
    assert "rcmp-interview-notes.txt" in texts(at)
    assert {m.label: m.value for m in at.metric}["Documents"] == "3"


def test_pages_search_finds_alias_and_opens_profile(store_path):
    at = app_as("CBSA", page="search.py")
    at.text_input(key="search_query").input("jose angel garcia").run()
    assert not at.exception
    shown = texts(at)
    assert "José Ángel García" in shown
    assert "DIRECTS" in shown and "Pacific Rim Imports LLC" in shown  # neighbours
    assert "García is the director of Pacific Rim" in shown  # relationship evidence
    assert "cbp-manifest-long-beach.csv" in shown  # evidence names its document


def test_pages_search_respects_viewer(store_path):
    cbsa = app_as("CBSA", page="search.py")
    cbsa.text_input(key="search_query").input("golden lotus").run()
    assert SECRET_FINANCIER not in texts(cbsa)
    rcmp = app_as("RCMP", page="search.py")
    rcmp.text_input(key="search_query").input("golden lotus").run()
    assert SECRET_FINANCIER in texts(rcmp)


def test_pages_search_label_filter_changes_results(store_path):
    at = app_as("CBSA", page="search.py")
    at.text_input(key="search_query").input("Han Tong").run()
    assert "Han Tong Technology Co., Ltd." in texts(at)
    at.selectbox(key="search_label").select("Person").run()
    assert not at.exception
    assert "Nothing visible to you matches" in at.info[0].value


def test_pages_network_draws_graph_with_legend(store_path):
    at = app_as("CBSA", page="search.py")
    at.text_input(key="search_query").input("Han Tong").run()
    to_network(at)
    assert not at.exception
    shown = texts(at)
    assert "Exporter" in shown and "Shipment" in shown  # legend
    html = at.get("iframe")[0].proto.srcdoc
    assert "MSCU1234566" in html and "EXPORTED" in html
    assert not network_view.REMOTE_URL.search(html), "the network page loads remote resources"


def test_pages_network_filters_change_graph(store_path):
    at = app_as("CBSA", page="search.py")
    at.text_input(key="search_query").input("Han Tong").run()
    to_network(at)
    full = at.get("iframe")[0].proto.srcdoc
    assert "TGHU7654321" in full
    at.multiselect(key="network_cases").select("CA-2024-0001").run()
    assert not at.exception
    narrowed = at.get("iframe")[0].proto.srcdoc
    assert "MSCU1234566" in narrowed and "TGHU7654321" not in narrowed


def test_pages_network_cap_warns(store_path):
    at = app_as("CBSA", page="search.py")
    at.text_input(key="search_query").input("Han Tong").run()
    to_network(at)
    assert not at.warning
    at.number_input(key="network_cap").set_value(10)
    at.slider(key="network_hops").set_value(3).run()
    assert not at.exception
    assert "larger than 10 nodes" in at.warning[0].value
    assert "10 nodes" in at.caption[0].value


def test_pages_network_node_opens_profile(store_path):
    at = app_as("CBSA", page="search.py")
    at.text_input(key="search_query").input("Han Tong").run()
    to_network(at)
    at.selectbox(key="network_pick").select("sh-1").run()
    at.button(key="network_open").click().run()
    assert not at.exception
    assert at.title[0].value == "Search and entity profile"
    assert "MSCU1234566" in [h.value for h in at.header]


@pytest.mark.parametrize("lang, title", [("fr", "Vue d'ensemble"), ("es", "Resumen")])
def test_pages_language_switch_changes_labels(store_path, lang, title):
    at = app_as("CBSA", page="overview.py")
    assert at.title[0].value == "Overview"
    at.selectbox(key="lang").select(lang).run()
    assert not at.exception
    assert at.title[0].value == title


def test_pages_search_and_profile_views_are_audited_once(store_path):
    from security.signin import open_security

    at = app_as("CBSA", page="search.py")
    at.text_input(key="search_query").input("jose angel garcia").run()
    at.run()  # a rerun with the same search is not a new search
    _, audit = open_security()
    entries = [(e.actor, e.action, e.target) for e in audit.entries()]
    assert entries.count(("analyst", "search", "jose angel garcia")) == 1
    assert any(action == "view" for _, action, _ in entries)
    assert audit.verify().ok


@pytest.mark.parametrize("fmt", ["pdf", "csv"])
def test_pages_network_exports_the_view_as_the_viewer_and_audits_it(store_path, fmt):
    import io
    import zipfile

    import pdfplumber

    from security.signin import open_security

    at = app_as("CBSA", page="search.py")
    at.text_input(key="search_query").input("Han Tong").run()
    to_network(at)
    at.selectbox(key="network_fmt").select(fmt).run()
    at.button(key="network_export").click().run()
    assert not at.exception
    name, data, _, marking, cited = at.session_state["network_file"]
    assert name.endswith(".pdf" if fmt == "pdf" else ".zip") and cited > 0
    if fmt == "pdf":
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    else:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            text = "\n".join(zf.read(n).decode("utf-8-sig") for n in zf.namelist())
    assert "Han Tong" in text and marking in text
    assert SECRET_FINANCIER not in text
    assert "Marked" in texts(at)
    _, audit = open_security()
    (entry,) = [e for e in audit.entries(action="export") if e.details["format"] == fmt]
    assert entry.actor == "analyst" and entry.target == name
