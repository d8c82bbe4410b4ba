from queries.source_orgs import rank_source_orgs, seizure_seeds


def ids(result):
    return [r.entity.id for r in result.ranks]


def test_source_orgs_planted_source_first_per_case(network):
    assert ids(rank_source_orgs(network, case="CASE-A"))[0] == "golden"
    assert ids(rank_source_orgs(network, case="CASE-B"))[0] == "sunrise"


def test_source_orgs_overall_top_holds_both_sources_not_carrier(network):
    ranked = ids(rank_source_orgs(network, top=10))
    assert {"golden", "sunrise"} <= set(ranked[:3])
    assert "blue" not in ranked[:5]
    assert "honest" not in ranked  # legitimate trade: no seizure reaches it


def test_source_orgs_explains_rank_with_seizures_agencies_and_paths(network):
    golden = rank_source_orgs(network, case="CASE-A").ranks[0]
    assert golden.seizures == ["z1", "z2", "z3", "z4"]
    assert golden.cases == ["CASE-A"] and golden.agencies == ["CBP", "CBSA"]
    assert {"maple", "northern", "gulf"} <= set(golden.importers)
    path = golden.paths[0]
    assert path[0].type == "SEIZED" and "golden" in {path[-1].source, path[-1].target}
    assert all(hop.evidence for hop in path)


def test_source_orgs_seeds_are_seizures_of_the_case(network):
    assert seizure_seeds(network, "CASE-B") == ["zb0", "zb1", "zb2"]
