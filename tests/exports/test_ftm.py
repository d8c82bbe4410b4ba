import json

import pytest
from followthemoney import model

from exports import ftm

from .data_fixtures import CBSA_SHA, SECRETS, cbsa, export_of, full, store  # noqa: F401


def proxies(data: bytes):
    entities = [model.get_proxy(json.loads(line)) for line in data.decode("utf-8").splitlines()]
    return {e.id: e for e in entities}


def links_of(entities, schema):
    return [e for e in entities.values() if e.schema.name == schema]


def test_ftm_entities_reread_valid_with_schemata(cbsa):
    entities = proxies(ftm.render(cbsa))
    for entity in entities.values():
        assert not entity.schema.validate(entity.to_dict())
    schemata = {i: e.schema.name for i, e in entities.items()}
    assert schemata["maple"] == "Company" and schemata["garcia"] == "Person"
    assert schemata["acct"] == "BankAccount" and schemata["addr"] == "Address"
    assert schemata["vessel"] == "Vessel" and schemata["ship"] == "Asset"
    assert schemata[f"doc-{CBSA_SHA}"] == "Document"
    assert "phone" not in entities  # folded into the company that uses it


def test_ftm_every_reference_resolves(cbsa):
    entities = proxies(ftm.render(cbsa))
    references = [(e.id, prop.name, value) for e in entities.values()
                  for prop, value in e.itervalues() if prop.type.name == "entity"]
    assert references
    assert all(value in entities for _, _, value in references), references


def test_ftm_relationships_map_to_interval_schemata(cbsa):
    entities = proxies(ftm.render(cbsa))
    (payment,) = links_of(entities, "Payment")
    assert payment.get("payer") == ["maple"] and payment.get("beneficiary") == ["hantong"]
    assert payment.get("amount") == ["9900.0"] and payment.get("currency") == ["CAD"]
    assert payment.get("date") == ["2024-02-01"]
    assert "Maple paid Han Tong CAD 9,900" in payment.first("description")
    assert payment.get("proof") == [f"doc-{CBSA_SHA}"]
    (employment,) = links_of(entities, "Employment")
    assert employment.get("employee") == ["garcia"] and employment.get("employer") == ["maple"]
    (directorship,) = links_of(entities, "Directorship")
    assert directorship.get("director") == ["hostile"]
    owned = {e.first("asset"): e.first("role") for e in links_of(entities, "Ownership")}
    assert owned == {"formula": "OWNS", "acct": "HOLDS"}
    unknown = {e.first("role") for e in links_of(entities, "UnknownLink")}
    assert {"EXPORTED", "CONSIGNED_TO", "CARRIED_BY", "ASSOCIATED_WITH"} <= unknown
    maple = entities["maple"]
    assert maple.get("phone") == ["+15145550100"] and maple.get("addressEntity") == ["addr"]
    assert maple.get("country") == ["ca"]


def test_ftm_documents_carry_name_and_sha256(cbsa):
    document = proxies(ftm.render(cbsa))[f"doc-{CBSA_SHA}"]
    assert document.get("fileName") == ["seizure-montréal.txt"]
    assert f"SHA-256: {CBSA_SHA}" in document.first("notes")


def test_ftm_same_graph_same_date_same_bytes(store):
    assert ftm.render(export_of(store, "CBSA")) == ftm.render(export_of(store, "CBSA"))


@pytest.mark.parametrize("agencies, shown", [("", True), ("CBSA", False)])
def test_ftm_agency_only_document_left_out(store, agencies, shown):
    text = ftm.render(export_of(store, agencies)).decode("utf-8")
    assert [s in text for s in SECRETS] == [shown] * len(SECRETS)
