from queries.communities import find_communities
from queries.key_players import find_key_players


def test_key_players_front_and_source_rank_above_bystanders(network):
    result = find_key_players(network, top=50)
    ranked = [p.entity.id for p in result.players]
    assert {"pacific", "golden"} & set(ranked[:3])
    assert ranked.index("pacific") < ranked.index("zhang")
    assert all(p.entity.label not in {"Document", "Shipment"} for p in result.players)
    assert "blue" not in ranked  # a carrier is not a key player of the network it carries for


def test_key_players_broker_links_communities(network):
    result = find_key_players(network, top=30)
    brokers = {p.entity.id for p in result.players if p.broker}
    assert brokers, "the network has parties between communities"
    assert all(p.communities_bridged >= 2 for p in result.players if p.broker)


def test_key_players_is_reproducible(network):
    first = find_key_players(network).to_dict()
    assert find_key_players(network).to_dict() == first


def test_communities_separate_the_two_networks_and_legit_trade(network):
    result = find_communities(network)
    where = {m.id: c.id for c in result.communities for m in c.members}
    assert where["sunrise"] == where["delta"] == where["texas"]
    assert where["golden"] != where["sunrise"]
    assert where["honest"] == where["legit"] and where["honest"] not in {where["golden"],
                                                                          where["sunrise"]}
    assert result.modularity > 0.3


def test_communities_labelled_by_roles_and_countries(network):
    result = find_communities(network)
    sunrise = next(c for c in result.communities if "sunrise" in {m.id for m in c.members})
    assert sunrise.roles.get("Importer") == 1 and "Mexico" in sunrise.countries
    assert "CASE-B" in sunrise.cases and sunrise.label
