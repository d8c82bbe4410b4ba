"""The schema answers "is this label a party, an identifier, a hub?" and "is this money?"."""

from __future__ import annotations

import pytest

from fakefree.errors import SchemaError
from fakefree.schema import KINDS, parse_schema, schema


def test_schema_every_label_has_a_known_kind():
    model = schema()
    assert all(model.kind(label) in KINDS for label in model.labels)
    assert {"Importer", "FrontCompany", "Person"} <= model.labels_of_kind("party")
    assert {"Port", "Agency", "Vessel", "Brand", "City", "Country"} <= model.hub_labels()
    assert not model.hub_labels() & model.labels_of_kind("party", "identifier", "trade")
    assert model.hidden_labels() <= model.labels_of_kind("context")


def test_schema_identifier_is_a_hub_by_its_hub_property():
    model = schema()
    assert model.is_hub(["Identifier"], {"swift": "BKCHCNBJ"})
    assert not model.is_hub(["Identifier"], {"container": "CSQU3054383"})
    assert not model.is_hub(["Company", "Exporter"], {"swift": "BKCHCNBJ"})


def test_schema_money_types_are_declared():
    assert schema().money_types() == {"PAID", "TRANSFERRED"}


@pytest.mark.parametrize("spec,message", [
    ("{kind: gadget}", "gadget"), ("{description: x}", "neither a kind nor a parent"),
    ("{parent: Nothing}", "unknown parent"),
])
def test_schema_bad_label_is_refused(spec, message):
    with pytest.raises(SchemaError, match=message):
        parse_schema(f"node_labels:\n  Thing: {spec}\nrelationship_types: {{}}\n")


def test_schema_resolve_way_is_declared_for_identifiers_and_names():
    model = schema()
    assert model.labels_resolved_by("fuzzy") == model.labels_of_kind("party") | {"Brand"}
    assert model.labels_of_kind("identifier") <= model.labels_resolved_by("key")
    assert {"Port", "Agency", "City"} <= model.labels_resolved_by("name")


def test_schema_bad_resolve_way_is_refused():
    with pytest.raises(SchemaError, match="resolve 'guess'"):
        parse_schema("node_labels:\n  Thing: {kind: hub, resolve: guess}\nrelationship_types: {}\n")
