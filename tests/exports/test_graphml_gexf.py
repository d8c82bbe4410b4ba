import io
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from exports import gexf, graphml

from .data_fixtures import CBSA_SHA, SECRETS, all_text, cbsa, export_of, full, store  # noqa: F401

READERS = {"graphml": (graphml.render, nx.read_graphml), "gexf": (gexf.render, nx.read_gexf)}


def read(fmt, export):
    render, reader = READERS[fmt]
    return reader(io.BytesIO(render(export)))


@pytest.mark.parametrize("fmt", READERS)
def test_graphml_gexf_reread_counts_and_attributes(fmt, cbsa):
    graph = read(fmt, cbsa)
    assert graph.number_of_nodes() == cbsa.graph.number_of_nodes()
    assert graph.number_of_edges() == cbsa.graph.number_of_edges()
    maple = graph.nodes["maple"]
    assert maple["label"] == "Maple Leaf Trading Inc."
    assert maple["labels"] == "Company; Importer"
    assert maple["cases"] == "CA-2024-0001" and maple["agencies"] == "CBSA"
    assert maple["documents"] == "seizure-montréal.txt" and maple["document_sha256"] == CBSA_SHA
    assert graph.nodes["garcia"]["aliases"] == "Jose Angel Garcia"
    paid = [(v, d) for _, v, d in graph.out_edges("maple", data=True) if d["rel_type"] == "PAID"]
    assert [v for v, _ in paid] == ["hantong"]
    paid = [d for _, d in paid]
    assert paid[0]["amount"] == "9900.0" and paid[0]["currency"] == "CAD"
    assert paid[0]["date"] == "2024-02-01" and paid[0]["confidence"] == 1.0
    assert "\u201cMaple paid Han Tong CAD 9,900\u201d (seizure-montréal.txt" in paid[0]["evidence"]
    assert paid[0]["document_sha256"] == CBSA_SHA


@pytest.mark.parametrize("fmt", READERS)
def test_graphml_gexf_attributes_are_plain_scalars(fmt, cbsa):
    graph = read(fmt, cbsa)
    values = [v for _, d in graph.nodes(data=True) for v in d.values()]
    values += [v for *_, d in graph.edges(data=True) for v in d.values()]
    assert values and all(isinstance(v, (str, int, float)) for v in values)


@pytest.mark.parametrize("fmt", READERS)
def test_graphml_gexf_names_with_quotes_accents_cypher_survive(fmt, cbsa):
    names = {d["label"] for _, d in read(fmt, cbsa).nodes(data=True)}
    assert {'Han Tong "Golden" Technology Co., Ltd.', "José Ángel García",
            "Robert'); MATCH (n) DETACH DELETE n;-- \"Bobby\"",
            '=HYPERLINK("http://evil","x")'} <= names


def test_graphml_graph_attributes_carry_marking_and_documents(cbsa):
    meta = nx.read_graphml(io.BytesIO(graphml.render(cbsa))).graph
    assert meta["marking"] == "LAW-ENFORCEMENT-SENSITIVE"
    assert meta["title"] == "Maple Leaf network" and meta["date"] == "2026-11-25"
    assert meta["viewer_agencies"] == "CBSA"
    assert meta["document_list"] == f"{CBSA_SHA} seizure-montréal.txt"


def test_gexf_meta_carries_marking_and_export_date(cbsa):
    root = ET.fromstring(gexf.render(cbsa))
    ns = {"g": "http://www.gexf.net/1.2draft"}
    meta = root.find("g:meta", ns)
    assert meta.get("lastmodifieddate") == "2026-11-25"
    description = meta.find("g:description", ns).text
    assert "marking: LAW-ENFORCEMENT-SENSITIVE" in description
    assert "title: Maple Leaf network" in description and CBSA_SHA in description


@pytest.mark.parametrize("fmt", READERS)
def test_graphml_gexf_same_graph_same_date_same_bytes(fmt, store):
    render = READERS[fmt][0]
    assert render(export_of(store, "CBSA")) == render(export_of(store, "CBSA"))
    assert render(export_of(store, "CBSA")) != render(export_of(store, "CBSA", date="2026-11-26"))


@pytest.mark.parametrize("fmt", READERS)
def test_graphml_gexf_agency_only_document_left_out(fmt, full, cbsa):
    render = READERS[fmt][0]
    assert all(s in all_text(render(full)) for s in SECRETS)
    text = all_text(render(cbsa))
    assert not [s for s in SECRETS if s in text]
