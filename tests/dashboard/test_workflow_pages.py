"""The workflow pages: link analysis, case timeline, route map, screening and alerts, ingest."""

from __future__ import annotations

import json

import pytest

from dashboard import registry
from security.accounts import Account
from tests.dashboard.conftest import app_as
from tests.dashboard.test_pages import texts

WATCHLIST = ("name,country,phone\n"
             "Golden Dragon Holdings Limited,HK,\n"
             "Nobody Known At All Trading,,\n").encode()


def test_workflow_ingest_hidden_from_analysts():
    assert not registry.allowed(Account("ana", "analyst", ("CBSA",)), "ingest.py")
    assert not registry.allowed(Account("pat", "prosecutor", ("RCMP",)), "ingest.py")
    assert registry.allowed(Account("eve", "etl-operator", ("CBSA",)), "ingest.py")
    assert registry.allowed(Account("root", "admin", ("CBSA",)), "ingest.py")
    assert registry.allowed(Account("ana", "analyst", ("CBSA",)), "timeline.py")


def test_workflow_ingest_page_refuses_an_analyst(store_path):
    at = app_as("CBSA", page="overview.py")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/ingest.py")  # the analyst's navigation has no ingest page
    operator = app_as("CBSA", page="overview.py", role="etl-operator")
    operator.switch_page("views/ingest.py").run()
    assert operator.title[0].value == "Ingest case files"


def test_workflow_ingest_loads_uploads_and_quarantines(store_path, tmp_path):
    at = app_as("CBSA", page="ingest.py", role="etl-operator")
    assert not at.exception
    assert at.title[0].value == "Ingest case files"
    assert "No file is in quarantine." in texts(at)
    at.file_uploader(key="ingest_files").set_value([
        ("../../../etc/cbsa-note.txt",
         b"On 3 March 2024 CBSA officers at the Port of Vancouver seized 400 counterfeit "
         b"sneakers shipped by Han Tong Technology Co., Ltd. to Pacific Rim Imports LLC.",
         "text/plain"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "application/pdf")])
    at.text_input(key="ingest_case").input("CA-2024-0099")
    at.form_submit_button[0].click().run()
    assert not at.exception, at.exception
    outcomes = at.dataframe[0].value
    assert list(outcomes["file"]) == ["CA-2024-0099/broken.pdf", "CA-2024-0099/cbsa-note.txt"] \
        or sorted(outcomes["file"]) == ["CA-2024-0099/broken.pdf", "CA-2024-0099/cbsa-note.txt"]
    by_file = dict(zip(outcomes["file"], outcomes["outcome"]))
    assert by_file["CA-2024-0099/cbsa-note.txt"] == "loaded"
    assert by_file["CA-2024-0099/broken.pdf"] == "quarantined"
    reason = outcomes[outcomes["file"] == "CA-2024-0099/broken.pdf"]["reason"].iloc[0]
    assert "broken.pdf" in reason or "PDF" in reason or "pdf" in reason
    quarantine = at.dataframe[1].value
    assert list(quarantine["file"]) == ["CA-2024-0099/broken.pdf"]
    assert not (tmp_path / "etc").exists()

    from security.signin import open_security

    _, audit = open_security()
    ingests = [e for e in audit.entries() if e.action == "ingest"]
    assert len(ingests) == 1 and ingests[0].actor == "analyst"
    assert ingests[0].details["loaded"] == 1 and ingests[0].details["quarantined"] == 1

    at.file_uploader(key="ingest_files").set_value([
        ("cbsa-note.txt",
         b"On 3 March 2024 CBSA officers at the Port of Vancouver seized 400 counterfeit "
         b"sneakers shipped by Han Tong Technology Co., Ltd. to Pacific Rim Imports LLC.",
         "text/plain")])
    at.form_submit_button[0].click().run()
    assert list(at.dataframe[0].value["outcome"]) == ["already loaded"]


def test_workflow_ingest_needs_case_and_files(store_path):
    at = app_as("CBSA", page="ingest.py", role="admin")
    at.form_submit_button[0].click().run()
    assert not at.exception
    assert at.error[0].value == "Choose at least one file."
    at.file_uploader(key="ingest_files").set_value(("a.txt", b"text", "text/plain"))
    at.form_submit_button[0].click().run()
    assert at.error[0].value == "Give the case id and the agency of the files."


def test_workflow_links_key_players_and_case_filter(analysis_store):
    at = app_as("CBSA", page="links.py")
    assert not at.exception
    players = at.dataframe[0].value
    assert len(players) == 10
    everyone = set(players["name"])
    at.selectbox(key="links_case").select("CASE-B").run()
    assert not at.exception
    narrowed = set(at.dataframe[0].value["name"])
    assert narrowed != everyone and "Delta Logistics SA de CV" in narrowed
    communities = at.dataframe[1].value
    assert communities["size"].sum() > 5


def test_workflow_links_path_with_evidence(analysis_store):
    at = app_as("CBSA", page="links.py")
    at.text_input(key="paths_from_query").input("Maple Imports").run()
    at.text_input(key="paths_to_query").input("Golden Dragon").run()
    assert not at.exception
    shown = "\n".join(e.value for e in at.markdown)
    assert "Path 1" in "\n".join(e.label for e in at.expander)
    assert "Maple Imports Inc" in shown and "Golden Dragon Holdings Ltd" in shown
    assert "“" in shown and "docA" in shown  # each hop quotes its sentence and document


def test_workflow_timeline_events_in_date_order(analysis_store):
    at = app_as("CBSA", page="timeline.py")
    at.selectbox(key="timeline_case").select("CASE-A").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["date"]) == sorted(table["date"])
    assert {"Seizure", "Transfer", "Payment"} <= set(table["kind"])
    assert table["documents"].str.contains("docA").all()
    assert any("scatter" in c.proto.spec for c in at.get("plotly_chart"))
    at.multiselect(key="timeline_kinds").select("seizure").run()
    assert set(at.dataframe[0].value["kind"]) == {"Seizure"}
    downloads = at.get("download_button")
    assert len(downloads) == 2


def test_workflow_risk_route_map_draws_ports_offline(analysis_store):
    at = app_as("CBSA", page="risk.py")
    assert not at.exception
    spec = next(c.proto.spec for c in at.get("plotly_chart") if "Yantian" in c.proto.spec)
    assert "Singapore" in spec and "Loaded at" in spec and "Transshipped at" not in spec
    assert "geo" not in json.loads(spec)["layout"]  # no plotly geo map: nothing fetched
    at.selectbox(key="risk_case").select("CASE-C").run()
    spec = next(c.proto.spec for c in at.get("plotly_chart") if "Vancouver" in c.proto.spec)
    assert "Yantian" not in spec


def test_workflow_screening_queues_alerts_once_and_triage_is_audited(analysis_store):
    at = app_as("CBSA", page="screening.py")
    assert not at.exception
    at.file_uploader(key="screening_file").set_value(("list.csv", WATCHLIST, "text/csv"))
    at.form_submit_button[0].click().run()
    assert not at.exception
    table = at.dataframe[0].value
    assert table["name"][0] == "Golden Dragon Holdings Ltd" and table["score"][0] >= 85
    assert "(no match)" in list(table["name"])
    assert "1 new alerts, 0 already queued" in at.success[0].value
    at.form_submit_button[0].click().run()  # the same list again
    assert "0 new alerts, 1 already queued" in at.success[0].value

    at.switch_page("views/alerts.py").run()
    assert not at.exception
    queue = at.dataframe[0].value
    assert list(queue["entity"]) == ["Golden Dragon Holdings Ltd"]
    at.radio(key="alerts_new_status").set_value("dismissed")
    at.text_area(key="alerts_note").input("another company of the same name")
    at.form_submit_button[0].click().run()
    assert not at.exception
    assert "No alert with this status." in texts(at)  # the open filter is now empty
    at.selectbox(key="alerts_status").select("dismissed").run()
    row = at.dataframe[0].value.iloc[0]
    assert row["triaged_by"] == "analyst" and row["note"] == "another company of the same name"

    from security.signin import open_security

    _, audit = open_security()
    actions = [(e.action, e.actor) for e in audit.entries()]
    assert ("alert_triage", "analyst") in actions and ("screen", "analyst") in actions


def test_workflow_screening_bad_file_is_one_sentence(analysis_store):
    at = app_as("CBSA", page="screening.py")
    at.file_uploader(key="screening_file").set_value(("bad.csv", b"who,what\n1,2\n", "text/csv"))
    at.form_submit_button[0].click().run()
    assert not at.exception
    assert "bad.csv has no 'name' column" in at.error[0].value


@pytest.mark.parametrize("page", ["links.py", "timeline.py", "screening.py", "alerts.py"])
def test_workflow_pages_render_on_a_store_without_trade(store_path, page):
    at = app_as("CBSA", page=page)
    assert not at.exception
    assert not at.error


@pytest.mark.parametrize("page, title", [("links.py", "Analyse des liens"),
                                         ("timeline.py", "Chronologie du dossier"),
                                         ("alerts.py", "Cola de alertas")])
def test_workflow_pages_translated(analysis_store, page, title):
    at = app_as("CBSA", page=page, lang="fr" if "Cola" not in title else "es")
    assert at.title[0].value == title
