from queries.cross_case import find_cross_case


def test_cross_case_entity_in_two_cases(network):
    result = find_cross_case(network)
    maple = next(e for e in result.entities if e.entity.id == "maple")
    assert maple.cases == ["CASE-A", "CASE-B"]
    assert "HSI" in maple.agencies and "CBSA" in maple.agencies


def test_cross_case_network_held_by_several_agencies(network):
    result = find_cross_case(network)
    net = next(n for n in result.networks if "CASE-B" in n.cases)
    assert {"CASE-A", "CASE-B"} <= set(net.cases)
    assert {"CBSA", "HSI"} <= set(net.agencies)
    assert "honest" not in {e.id for e in net.linking_entities}
    hsi_to_cbsa = next(x for x in net.exchanges if x.holder == "HSI" and x.recipient == "CBSA")
    assert {"delta", "sunrise", "texas"} <= {e.id for e in hsi_to_cbsa.entities}
    assert all(p.contacts for p in net.pieces)


def test_cross_case_legit_trade_is_not_a_shared_network(network):
    result = find_cross_case(network)
    for net in result.networks:
        assert "legit" not in {e.id for e in net.linking_entities}
