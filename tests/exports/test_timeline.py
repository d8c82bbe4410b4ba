"""Timeline exports: CSV safe to open in a spreadsheet, SVG marked, both byte-reproducible."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest

from exports.timeline import COLUMNS, to_csv, to_svg
from graph_etl.store import Viewer
from graph_etl.store.sqlite.store import SQLiteStore
from queries.result import EntityRef
from queries.timeline import TimelineEvent, case_timeline
from tests.queries.network import build_network

HOSTILE = TimelineEvent(date="2024-01-05", kind="payment", title="=cmd|' /C calc'!A0",
                        detail="+1 555", amount=-12.5, currency="USD",
                        entities=[EntityRef("a", "@evil", "Company")], documents=["docA1"],
                        evidence=[{"document_id": "docA1", "start": 0, "end": 3,
                                   "text": "-paid <b>& co</b>"}])


@pytest.fixture(scope="module")
def network(tmp_path_factory):
    store = SQLiteStore(tmp_path_factory.mktemp("timeline") / "net.db")
    store.upsert(build_network().batch)
    return store.subgraph(Viewer.system())


def test_timeline_csv_neutralises_formulas():
    rows = list(csv.reader(io.StringIO(to_csv([HOSTILE]).decode("utf-8-sig"))))
    assert rows[0] == list(COLUMNS)
    row = dict(zip(rows[0], rows[1]))
    assert row["title"] == "'=cmd|' /C calc'!A0"
    assert row["detail"] == "'+1 555" and row["amount"] == "'-12.50"
    assert row["entities"] == "'@evil" and row["evidence"] == "'-paid <b>& co</b>"
    assert row["date"] == "2024-01-05" and row["documents"] == "docA1"


def test_timeline_exports_are_deterministic(network):
    events = case_timeline(network, case="CASE-A").events
    assert to_csv(events) == to_csv(list(events))
    assert to_svg(events, "Case A", "LAW-ENFORCEMENT-SENSITIVE") == \
        to_svg(list(events), "Case A", "LAW-ENFORCEMENT-SENSITIVE")
    assert to_csv(events).count(b"\r\n") == len(events) + 1


def test_timeline_svg_is_valid_and_marked(network):
    events = case_timeline(network, case="CASE-A").events
    svg = to_svg(events + [HOSTILE], "Case <A>", "AGENCY-ONLY (CBSA)")
    root = ET.fromstring(svg)  # well-formed despite the markup in titles
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts[0] == "AGENCY-ONLY (CBSA)" and texts[-1] == "AGENCY-ONLY (CBSA)"
    assert "Case <A>" in texts
    assert sum(1 for t in texts if t and t[:4] == "2024") == len(events) + 1
    empty = ET.fromstring(to_svg([], "Empty", "UNCLASSIFIED"))
    assert "No dated event." in [t.text for t in empty.iter("{http://www.w3.org/2000/svg}text")]
