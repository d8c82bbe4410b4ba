"""``fakefree bench all``: every figure comes with its reference, and the chart is written.

Timings are never asserted (machines are noisy); only that each figure was measured.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest

from bench.suite import QUERIES, QUICK, _neo4j_stages
from graph_etl.store import Viewer
from bench.world import PREFIX
from tests.graph_etl.store import neo4j_fixture


def _positive(row: dict, *keys: str) -> None:
    for key in keys:
        assert isinstance(row[key], (int, float)) and row[key] > 0, (key, row)


@pytest.mark.slow
def test_bench_all_quick_has_every_figure_next_to_its_reference(tmp_path):
    out = tmp_path / "bench" / "results.json"
    result = subprocess.run(
        [sys.executable, "-m", "cli", "bench", "all", "--quick", "--neo4j", "",
         "-o", str(out)], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text("utf-8"))
    assert "naive" in result.stdout and "median" in result.stdout
    _positive(data["extraction"], "ours_words_per_s", "reference_words_per_s", "words")
    (ingest,) = data["ingest"]
    _positive(ingest, "documents", "documents_per_s", "claims_per_s", "naive_claims_per_s")
    sizes = sorted(QUICK.sizes)
    assert [r["documents"] for r in data["load"]] == sizes
    for row in data["load"]:
        _positive(row, "per_second", "nodes", "rels")
    (naive,) = data["naive"]
    assert naive["documents"] == sizes[0] and naive["per_second"] > 0
    measured = {(r["query"], r["documents"]) for r in data["queries"]}
    assert measured == {(q, n) for q in QUERIES for n in sizes}
    for row in data["queries"]:
        _positive(row, "median_ms", "p95_ms", "samples")
        assert row["p95_ms"] >= row["median_ms"]
    assert set(data["memory_mib"]) >= {"extraction", f"world {sizes[-1]} docs embedded"}
    assert all(v > 0 for v in data["memory_mib"].values())
    assert data["machine"]["cores"] >= 1
    chart = out.with_suffix(".png")
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
@pytest.mark.neo4j
def test_bench_neo4j_stages_measure_and_leave_nothing_behind():
    store = neo4j_fixture.neo4j_test_store()
    results: dict = {"load": [], "naive": [], "queries": []}
    memory: dict = {}
    _neo4j_stages(results, replace(QUICK, sizes=(60,), samples=3, neo4j_uri=store.uri), memory,
                  lambda stage: None)
    assert "neo4j_error" not in results
    assert [r["backend"] for r in results["load"]] == ["neo4j"]
    assert results["naive"][0]["per_second"] > 0
    assert results["queries"] == []  # timed on the imported graph (test_neo4j_import.py)
    assert not [n for n in store.subgraph(Viewer.system()) if n.startswith(PREFIX)]
    store.close()


class _Recording:
    """A real store whose searches are written down, in call order."""

    def __init__(self, store) -> None:
        self.store = store
        self.searched: list[str] = []

    def search(self, text, viewer, **kwargs):
        self.searched.append(text)
        return self.store.search(text, viewer, **kwargs)

    def __getattr__(self, name):
        return getattr(self.store, name)


def test_bench_queries_warm_up_on_other_cases_than_the_timed_ones(tmp_path, monkeypatch):
    from bench import suite
    from bench.suite import WARMUP_ROUNDS, bench_queries

    monkeypatch.setattr(suite, "WARMUP_SECONDS", 0.0)  # the rounds alone
    from bench.world import world_batches
    from graph_etl.store.sqlite.store import SQLiteStore

    store = SQLiteStore(tmp_path / "world.db")
    for batch in world_batches(300, seed=7):
        store.upsert(batch)
    recording = _Recording(store)
    figures = bench_queries(recording, 300, replace(QUICK, samples=3))
    store.close()
    assert set(figures) == set(QUERIES)
    timed, warm = recording.searched[-3:], recording.searched[:-3]
    assert len(warm) == 3 * WARMUP_ROUNDS
    assert not set(timed) & set(warm)
    assert len(set(timed)) == 3
    for row in figures.values():
        assert row["samples"] >= 1 and row["first_round_median_ms"] > 0
