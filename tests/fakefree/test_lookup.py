"""Looking an entity up by name (show, export --around): exact name first, then the more
specific type; an ambiguous name lists its candidates and exits with code 2."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fakefree.errors import AmbiguousName
from graph_etl.store import Batch, DocumentRecord, Evidence, NodeClaim, Viewer, open_store
from graph_etl.store.base import find_entity

DOC = DocumentRecord("doc-1", "report.txt", "CBSA", "UNCLASSIFIED", ["CA-1"], {})


def _node(node_id: str, labels: list[str], name: str, aliases=()) -> NodeClaim:
    return NodeClaim(node_id, DOC.id, labels, name, list(aliases), {},
                     [Evidence(DOC.id, 0, len(name), name)])


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "lookup.db"
    store = open_store(str(path))
    store.upsert(Batch([DOC], [
        _node("company-solvane", ["Company", "Shipper"], "Solvane Trading Ltd", ["Solvane"]),
        _node("city-solvane", ["City"], "Solvane"),
        _node("person-ruiz-1", ["Person"], "Ana Ruiz"),
        _node("person-ruiz-2", ["Person"], "Ana Ruiz"),
        _node("person-ruizdiaz", ["Person"], "Ana Ruiz Diaz"),
    ]))
    store.close()
    return str(path)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True,
                          text=True, timeout=120)


def test_lookup_prefers_the_company_over_the_city_of_the_same_name(store_path):
    store = open_store(store_path)
    assert find_entity(store, "Solvane", Viewer.system()).id == "company-solvane"
    assert find_entity(store, "Ana Ruiz Diaz", Viewer.system()).id == "person-ruizdiaz"


def test_lookup_ambiguous_name_lists_the_candidates(store_path):
    store = open_store(store_path)
    with pytest.raises(AmbiguousName) as caught:
        find_entity(store, "ana ruiz", Viewer.system())
    assert sorted(c.split()[0] for c in caught.value.candidates) == ["person-ruiz-1",
                                                                     "person-ruiz-2"]


def test_lookup_cli_show_and_export_exit_2_on_an_ambiguous_name(store_path, tmp_path):
    shown = run("show", "Ana Ruiz", "--store", store_path)
    assert shown.returncode == 2
    first, *listing = shown.stderr.strip().splitlines()
    assert first.startswith("Error: 'Ana Ruiz' names 2 entities")
    assert len(listing) == 2 and all("person-ruiz-" in line for line in listing)
    exported = run("export", "--format", "graphml", "--around", "Ana Ruiz", "--store",
                   store_path, "-o", str(tmp_path / "out.graphml"))
    assert exported.returncode == 2 and "person-ruiz-1" in exported.stderr
    ok = run("show", "Solvane", "--store", store_path, "--json")
    assert ok.returncode == 0 and '"company-solvane"' in ok.stdout
