"""The interactive HTML export: offline, marked, legend, evidence tooltips, no injected markup."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from exports import interactive
from tests.exports.conftest import IMG, SCRIPT, SECRET, SENTENCES, SEIZURE

VIS = "this.frame.innerText=t"  # vis-network shows string tooltips as text, never as HTML


def _soup(export) -> BeautifulSoup:
    return BeautifulSoup(interactive.render(export).decode("utf-8"), "html.parser")


def _data(page: str, name: str) -> list[dict]:
    found = re.search(rf"{name} = new vis\.DataSet\((\[.*?\])\);", page, re.S)
    return json.loads(found.group(1))


def test_interactive_page_states_title_case_date_viewer_marking_and_legend(rcmp_export):
    text = _soup(rcmp_export).get_text(" ")
    for expected in ("Han Tong network — exhibit A", "CA-2024-0001", "2024-06-30",
                     "analyst-rcmp", "RCMP", "AGENCY-ONLY (RCMP)", "Financier", "Shipment",
                     "FINANCED", "CARRIED_BY"):
        assert expected in text, expected
    assert text.count("AGENCY-ONLY (RCMP)") >= 3  # top banner, facts line, bottom banner


def test_interactive_page_loads_nothing_from_the_network(rcmp_export):
    soup = _soup(rcmp_export)
    page = str(soup)
    assert not interactive.REMOTE_URL.search(page)
    for tag in soup.find_all(["script", "link", "img", "iframe"]):
        for attr in ("src", "href"):
            assert not str(tag.get(attr, "")).startswith(("http:", "https:", "//")), tag
    assert "vis.Network" in page and len(page) > 300_000  # vis-network is inlined


def test_interactive_edge_tooltips_quote_evidence_and_name_the_document(rcmp_export):
    page = interactive.render(rcmp_export).decode("utf-8")
    tips = [edge["title"] for edge in _data(page, "edges")]
    exported = next(t for t in tips if t.startswith("EXPORTED"))
    assert SENTENCES["exported"] in exported and SEIZURE.name in exported
    assert any(SENTENCES["financed"] in t for t in tips)


def test_interactive_hostile_names_inject_no_markup(rcmp_export):
    page = interactive.render(rcmp_export).decode("utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert not soup.find_all("img")
    assert not any(tag.get("onerror") for tag in soup.find_all(True))
    scripts = [(s.string or "").strip() for s in soup.find_all("script")]
    assert "alert(1)" not in scripts and len(scripts) == 3  # utils, vis-network, the drawing
    assert SCRIPT not in page and IMG not in page  # raw, unescaped, they appear nowhere
    names = {node["title"].split("\n")[0] for node in _data(page, "nodes")}
    assert {IMG, SCRIPT, SECRET} <= names  # the data keeps the names, as text
    assert VIS in page, "the bundled vis-network no longer shows tooltips as plain text"


def test_interactive_same_export_same_bytes(rcmp_export):
    assert interactive.render(rcmp_export) == interactive.render(rcmp_export)


def test_interactive_viewer_of_another_agency_gets_no_secret(cbsa_export):
    page = interactive.render(cbsa_export).decode("utf-8")
    assert SECRET not in page and SENTENCES["financed"] not in page
    assert "rcmp-informant-notes.txt" not in page and "AGENCY-ONLY" not in page
