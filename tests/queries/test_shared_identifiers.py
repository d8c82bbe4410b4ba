from queries.shared_identifiers import find_shared_identifiers


def test_shared_identifiers_phone_across_cases_and_agencies(network):
    result = find_shared_identifiers(network)
    phone = next(s for s in result.shared if s.identifier.id == "phone1")
    assert phone.kind == "Phone" and [p.id for p in phone.parties] == ["delta", "pacific"]
    assert phone.cross_case and phone.cross_agency
    assert result.shared[0].cross_case  # cross-case findings come first


def test_shared_identifiers_address_of_front_and_source(network):
    result = find_shared_identifiers(network)
    address = next(s for s in result.shared if s.kind == "Address")
    assert {p.id for p in address.parties} == {"golden", "pacific"}
    assert not address.cross_case


def test_shared_identifiers_only_cross_filters(network):
    result = find_shared_identifiers(network, only_cross=True)
    assert result.shared and all(s.cross_case or s.cross_agency for s in result.shared)
    assert "Address" not in {s.kind for s in result.shared}
