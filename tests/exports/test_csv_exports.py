import csv
import io
import zipfile

import pytest

import networkx as nx

from exports import tables
from exports.records import evidence_text, safe_cell
from exports.selection import ExportGraph, ExportMeta
from graph_etl.store import DocumentRecord, Evidence, RelView

from .data_fixtures import (  # noqa: F401
    CBSA_SHA, FORMULA, HOSTILE, SECRETS, SUM, all_text, cbsa, export_of, full, members, store)


def rows(data: bytes, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(members(data)[name].decode("utf-8-sig"))))


def test_csv_exports_zip_members_and_fixed_metadata(cbsa):
    data = tables.render(cbsa)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == ["EXPORT.txt", "documents.csv", "edges.csv",
                                           "nodes.csv"]
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}


def test_csv_exports_nodes_and_edges_with_evidence_and_sha256(cbsa):
    data = tables.render(cbsa)
    nodes = {r["id"]: r for r in rows(data, "nodes.csv")}
    assert set(nodes) == set(cbsa.graph.nodes)
    assert nodes["garcia"]["name"] == "José Ángel García"
    assert nodes["hostile"]["name"] == HOSTILE
    assert nodes["maple"]["type"] == "Importer" and nodes["maple"]["labels"] == "Company; Importer"
    edges = rows(data, "edges.csv")
    assert len(edges) == cbsa.graph.number_of_edges()
    paid = next(e for e in edges if e["type"] == "PAID")
    assert (paid["source_name"], paid["target_name"]) == (
        "Maple Leaf Trading Inc.", 'Han Tong "Golden" Technology Co., Ltd.')
    assert (paid["amount"], paid["currency"], paid["date"]) == ("9900.0", "CAD", "2024-02-01")
    assert paid["evidence"].startswith("\u201cMaple paid Han Tong CAD 9,900\u201d "
                                       "(seizure-montréal.txt, characters 10-39)")
    assert paid["documents"] == "seizure-montréal.txt" and paid["document_sha256"] == CBSA_SHA
    assert rows(data, "documents.csv") == [{
        "sha256": CBSA_SHA, "name": "seizure-montréal.txt", "agency": "CBSA",
        "releasability": "LAW-ENFORCEMENT-SENSITIVE", "cases": "CA-2024-0001"}]


def test_csv_exports_formula_injection_neutralised(cbsa):
    data = tables.render(cbsa)
    names = {r["id"]: r["name"] for r in rows(data, "nodes.csv")}
    assert names["formula"] == "'" + FORMULA
    assert names["sum"] == "'" + SUM
    edges = rows(data, "edges.csv")
    assert {e["source_name"] for e in edges if e["source"] == "sum"} == {"'" + SUM}
    raw = members(data)["nodes.csv"].decode("utf-8-sig")
    assert not any(line.startswith(("=", "@")) or ",=" in line or ",@" in line
                   for line in raw.splitlines())


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "  =x", " @x"])
def test_csv_exports_safe_cell_quotes_formula_starts(cell):
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Maple Leaf", "a=b", "", "José", "1.5", "'=x"])
def test_csv_exports_safe_cell_leaves_plain_text(cell):
    assert safe_cell(cell) == cell


def test_csv_exports_export_txt_states_marking_first(cbsa):
    text = members(tables.render(cbsa))["EXPORT.txt"].decode("utf-8")
    assert text.splitlines()[0] == "LAW-ENFORCEMENT-SENSITIVE"
    assert "Title: Maple Leaf network" in text and "Date: 2026-11-25" in text
    assert "Viewer agencies: CBSA" in text and f"{CBSA_SHA}  seizure-montréal.txt" in text


def test_csv_exports_same_graph_same_date_same_bytes(store):
    assert tables.render(export_of(store, "CBSA")) == tables.render(export_of(store, "CBSA"))


def test_csv_exports_agency_only_document_left_out(full, cbsa):
    assert all(s in all_text(tables.render(full)) for s in SECRETS)
    text = all_text(tables.render(cbsa))
    assert not [s for s in SECRETS if s in text]


def test_csv_exports_evidence_names_row_of_a_record_and_span_of_a_text():
    log, hidden = DocumentRecord("a" * 64, "seizure_log.csv", "CBSA"), "b" * 64
    export = ExportGraph(nx.MultiDiGraph(), ExportMeta("t", "2026-11-25", "CBSA", ("CBSA",),
                                                       "LAW-ENFORCEMENT-SENSITIVE"), {log.id: log})
    rel = RelView("r1", "x", "y", "SEIZED", evidence=[
        Evidence(log.id, 4, 4, "date=2024-05-31; items=300"), Evidence(log.id, 1, 5, "seized"),
        Evidence(hidden, 0, 6, "not in this export")])
    assert evidence_text(export, rel) == (
        "\u201cdate=2024-05-31; items=300\u201d (seizure_log.csv, row 4) | "
        "\u201cseized\u201d (seizure_log.csv, characters 1-5)")
