"""Seed case files in, graph out: checked against the ground truth, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_etl.pipeline import IngestOptions, ingest
from graph_etl.resolve import name_key
from graph_etl.store import Viewer
from graph_etl.ledger import Ledger
from queries.source_orgs import rank_source_orgs

DEMO = Path(__file__).resolve().parents[2] / "seed_data" / "demo"
SYSTEM = Viewer.system()
STRUCTURED = ("EXPORTED", "IMPORTED", "SEIZED", "CONSIGNED_TO", "CARRIED_BY", "TRANSFERRED",
              "HOLDS")


def demo_cases(count: int = 3) -> list[Path]:
    return sorted(p for p in (DEMO / "documents").iterdir() if p.is_dir())[:count]


def truth() -> tuple[dict, list, list]:
    entities = {e["id"]: e for e in json.loads((DEMO / "truth/entities.json").read_text("utf-8"))}
    relations = json.loads((DEMO / "truth/relations.json").read_text("utf-8"))
    cases = json.loads((DEMO / "truth/cases.json").read_text("utf-8"))
    return entities, relations, cases


def node_index(graph) -> dict[tuple[str, str], set[str]]:
    index: dict[tuple[str, str], set[str]] = {}
    for node_id, data in graph.nodes(data=True):
        view = data["view"]
        for label in view.labels:
            for name in (view.name, *view.aliases):
                index.setdefault((label, name_key(name, label)), set()).add(node_id)
    return index


def found_nodes(entity: dict, index) -> set[str]:
    label = entity["labels"][0]
    return set().union(*[index.get((label, name_key(n, label)), set())
                         for n in {entity["name"], *entity["spellings"]}])


@pytest.mark.slow
def test_end_to_end_graph_matches_the_ground_truth(tmp_path):
    from graph_etl.store.sqlite.store import SQLiteStore

    cases = demo_cases()
    store = SQLiteStore(tmp_path / "g.db")
    summary = ingest(cases, store, Ledger(tmp_path / "g.ledger"), IngestOptions(), "test")
    assert summary.count("quarantined") == 0
    graph = store.subgraph(SYSTEM)
    index = node_index(graph)
    entities, relations, true_cases = truth()
    names = {c.name for c in cases}
    wanted = [e for e in entities.values() if set(e["cases"]) & names and e["documents"]
              and e["labels"][0] in ("Person", "Company")]
    found = {e["id"]: found_nodes(e, index) for e in wanted}
    assert sum(1 for hits in found.values() if hits) / len(wanted) >= 0.85
    stated = [r for r in relations if r["case"] in names and r["type"] in STRUCTURED
              and r["documents"]]
    hits = 0
    for rel in stated:
        ends = [found_nodes(entities[rel[end]], index) for end in ("source", "target")]
        hits += any(graph.has_edge(a, b) or graph.has_edge(b, a) for a in ends[0] for b in ends[1])
    assert hits / len(stated) >= 0.95
    for case in (c for c in true_cases if c["id"] in names):
        planted = set().union(*[found_nodes(entities[e], index)
                                for e in case["source_organization"]])
        top3 = {r.entity.id for r in rank_source_orgs(graph, case=case["id"], top=3).ranks}
        assert planted & top3, case["id"]


@pytest.mark.slow
def test_end_to_end_both_backends_build_the_same_graph(store, tmp_path):
    from graph_etl.store.sqlite.store import SQLiteStore

    cases = demo_cases(2)
    reference = SQLiteStore(tmp_path / "reference.db")
    ingest(cases, reference, Ledger(tmp_path / "reference.ledger"), IngestOptions(), "test")
    ingest(cases, store, Ledger(tmp_path / "ledger"), IngestOptions(), "test")
    ours, theirs = store.stats(SYSTEM), reference.stats(SYSTEM)
    assert ours["labels"] == theirs["labels"]
    assert ours["types"] == theirs["types"]
    assert ours["documents"] == theirs["documents"]
    viewer = Viewer.of("CBSA")
    assert store.stats(viewer) == reference.stats(viewer)
