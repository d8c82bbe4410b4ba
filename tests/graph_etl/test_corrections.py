"""Analyst corrections: merge and split are recorded, reversible and respected by later ingests."""

from __future__ import annotations

import json

import pytest

from graph_etl.corrections import merge, split
from graph_etl.pipeline import IngestOptions, ingest
from graph_etl.store import Viewer
from graph_etl.ledger import Ledger
from graph_etl.store.sqlite.store import SQLiteStore

SYSTEM = Viewer.system()


def write_extraction(path, people):
    """An extraction JSON file naming people (our own JSON format is a supported input)."""
    entities = [{"id": f"p{i}", "name": name, "type": "PERSON", "roles": [],
                 "mentions": [{"start": 0, "end": len(name), "text": name}]}
                for i, name in enumerate(people)]
    path.write_text(json.dumps({"entities": entities, "relations": []}), "utf-8")


@pytest.fixture
def loaded(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_extraction(folder / "a.json", ["Maria Fernanda Lopez"])
    write_extraction(folder / "b.json", ["Fernanda Lopez Ortiz"])
    store = SQLiteStore(tmp_path / "g.db")
    ledger = Ledger(tmp_path / "g.db.ledger")
    ingest([folder], store, ledger, IngestOptions(agency="CBSA", case="CA-1"), "test")
    return store, ledger, folder


def ids_of(store, name):
    return {v.id for v in store.search(name, SYSTEM)}


def test_corrections_merge_moves_claims_and_split_restores_them(loaded):
    store, ledger, _ = loaded
    (a,), (b,) = ids_of(store, "Maria Fernanda Lopez"), ids_of(store, "Fernanda Lopez Ortiz")
    assert a != b
    before = store.stats(SYSTEM)["nodes"]
    merged = merge(store, ledger, a, [b], who="ana", reason="same passport")
    assert merged.documents
    assert store.get(b, SYSTEM) is None
    survivor = store.get(a, SYSTEM)
    assert {survivor.name, *survivor.aliases} == {"Maria Fernanda Lopez", "Fernanda Lopez Ortiz"}
    assert len(survivor.documents) == 2
    assert store.stats(SYSTEM)["nodes"] == before - 1
    undone = split(store, ledger, a, who="ana", reason="two sisters")
    assert undone.others == [b]
    assert store.get(b, SYSTEM).name == "Fernanda Lopez Ortiz"
    assert store.stats(SYSTEM)["nodes"] == before
    assert ledger.judgement(a, b) is False


def test_corrections_a_merge_is_respected_by_later_ingests(loaded, tmp_path):
    store, ledger, folder = loaded
    (a,), (b,) = ids_of(store, "Maria Fernanda Lopez"), ids_of(store, "Fernanda Lopez Ortiz")
    merge(store, ledger, a, [b], who="ana", reason="same passport")
    write_extraction(folder / "c.json", ["Fernanda Lopez Ortiz", "Jorge Ruiz"])
    ingest([folder], store, ledger, IngestOptions(agency="CBSA", case="CA-1"), "test")
    assert store.get(b, SYSTEM) is None
    assert len(store.get(a, SYSTEM).documents) == 3
