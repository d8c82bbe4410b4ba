import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest

from exports import anb

from .data_fixtures import (  # noqa: F401
    CBSA_SHA, FORMULA, SECRETS, SUM, all_text, cbsa, export_of, full, members, store)

NS = {"imp": "urn:import-specification"}


def table(data: bytes, name: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(members(data)[name].decode("utf-8")))
    return list(reader.fieldnames), list(reader)


def spec(data: bytes, name: str) -> ET.Element:
    raw = members(data)[name]
    assert raw[:2] == b"\xff\xfe"  # UTF-16 with its byte-order mark, as the declaration says
    return ET.fromstring(raw.decode("utf-16").split("\n", 1)[1])


def test_anb_zip_holds_csv_files_and_their_specifications(cbsa):
    assert sorted(members(anb.render(cbsa))) == ["EXPORT.txt", "entities.csv", "entities.ximp",
                                                "links.csv", "links.ximp"]


@pytest.mark.parametrize("name", ["entities", "links"])
def test_anb_specification_names_only_columns_of_its_csv(cbsa, name):
    data = anb.render(cbsa)
    header, _ = table(data, f"{name}.csv")
    root = spec(data, f"{name}.ximp")
    assert root.tag == "{urn:import-specification}ImportSpecification"
    assert root.find("imp:Data/imp:File", NS).get("Path") == f".\\{name}.csv"
    used = {e.get("ColumnId") for e in root.iter() if e.get("ColumnId")}
    used |= {m for e in root.iter("{urn:import-specification}ColumnExpression")
             for m in re.findall(r"\[([^\]]+)\]", e.text)}
    assert used and used <= set(header)
    assert root.find("imp:ColumnAssignment/imp:Entities/imp:Entity/imp:Type/imp:Column", NS) \
        is not None
    details = root.find("imp:Details", NS)
    assert details.find("imp:Subject", NS).get("Value") == "Maple Leaf network"
    assert details.find("imp:Comments", NS).text.startswith("LAW-ENFORCEMENT-SENSITIVE.")
    assert details.find("imp:DateCreated", NS).get("Value") == "2026-11-25"


def test_anb_links_specification_maps_evidence_and_sha256(cbsa):
    link = spec(anb.render(cbsa), "links.ximp").find("imp:ColumnAssignment/imp:Links/imp:Link", NS)
    assert link.find("imp:Description/imp:ColumnExpression", NS).text == "[Evidence]"
    assert link.find("imp:SourceReference/imp:ColumnExpression", NS).text == "[Document SHA-256]"
    assert link.find("imp:Type/imp:Column", NS).get("ColumnId") == "Link Type"


def test_anb_entities_with_types_and_links_between_them(cbsa):
    data = anb.render(cbsa)
    _, entities = table(data, "entities.csv")
    types = {e["Entity ID"]: e["Entity Type"] for e in entities}
    assert types["maple"] == "Organisation" and types["garcia"] == "Person"
    assert types["acct"] == "Account" and types["phone"] == "Telephone"
    _, links = table(data, "links.csv")
    assert len(links) == cbsa.graph.number_of_edges()
    assert all(link["From ID"] in types and link["To ID"] in types for link in links)
    assert all(types[link["From ID"]] == link["From Type"] for link in links)
    paid = next(link for link in links if link["Link Type"] == "PAID")
    assert paid["Link Label"] == "PAID 9900.0 CAD 2024-02-01"
    assert paid["Document SHA-256"] == CBSA_SHA and "Maple paid Han Tong" in paid["Evidence"]


def test_anb_csv_formula_injection_neutralised(cbsa):
    data = anb.render(cbsa)
    _, entities = table(data, "entities.csv")
    labels = {e["Entity ID"]: e["Label"] for e in entities}
    assert labels["formula"] == "'" + FORMULA and labels["sum"] == "'" + SUM
    _, links = table(data, "links.csv")
    assert {link["From Label"] for link in links if link["From ID"] == "sum"} == {"'" + SUM}


def test_anb_same_graph_same_date_same_bytes(store):
    assert anb.render(export_of(store, "CBSA")) == anb.render(export_of(store, "CBSA"))


def test_anb_agency_only_document_left_out(full, cbsa):
    assert all(s in all_text(anb.render(full)) for s in SECRETS)
    text = all_text(anb.render(cbsa))
    assert not [s for s in SECRETS if s in text]
