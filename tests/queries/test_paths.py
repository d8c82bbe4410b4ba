import pytest

from fakefree.errors import NotFound
from queries.paths import find_paths


def test_paths_shortest_between_importer_and_hidden_source(network):
    result = find_paths(network, "maple", "golden")
    assert result.shortest == 3
    first = result.paths[0]
    assert first.length == 3 and first.steps[0].source.id == "maple"
    assert first.steps[-1].target.id == "golden"
    for step in first.steps:
        assert step.relationships and all(r.evidence for r in step.relationships)


def test_paths_lists_all_short_paths_within_slack(network):
    result = find_paths(network, "liming", "ocean", slack=2)
    lengths = [p.length for p in result.paths]
    assert lengths == sorted(lengths) and lengths[0] == result.shortest == 2
    assert max(lengths) <= result.shortest + 2 and len(lengths) > 1
    first_types = {r.type for r in result.paths[0].steps[0].relationships}
    assert first_types <= {"EMPLOYED_BY", "DIRECTS"}


def test_paths_do_not_go_through_documents_or_agencies(network):
    result = find_paths(network, "honest", "golden", max_hops=6)
    for path in result.paths:
        assert all(step.target.label not in {"Document", "Agency", "Case"} for step in path.steps)


def test_paths_unknown_entity_raises(network):
    with pytest.raises(NotFound):
        find_paths(network, "maple", "nobody")
