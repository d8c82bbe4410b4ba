"""Concurrent dashboard users while an ingest writes to the same store, on each backend
(``fakefree bench users`` in small): no errors, bounded memory. No timing is asserted."""

from __future__ import annotations

import os
import shutil

import pytest

from cli.commands.bench_users_commands import DEMO, measure
from tests.graph_etl.store import neo4j_fixture

pytestmark = pytest.mark.slow
MEMORY_LIMIT_MB = 1500
"""Generous: one dashboard session process, or the ingesting process with spaCy, on 2 cores."""


@pytest.fixture
def corpus(tmp_path):
    """Two small cases: the first preloaded, the second ingested while the users work."""
    folder = tmp_path / "corpus"
    for case in ("CA-2022-0079", "MX-2023-0055"):
        (folder / case).mkdir(parents=True)
        for path in sorted((DEMO / case).glob("*.txt"))[:3]:
            shutil.copy(path, folder / case / path.name)
    shutil.copy(DEMO / "manifest.csv", folder / "manifest.csv")
    return folder


def _neo4j_uri() -> str:
    neo4j_fixture.neo4j_test_store().close()  # started and wiped
    return neo4j_fixture.test_uri()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_bench_users_and_an_ingest_at_once_make_no_errors(backend, corpus, tmp_path, monkeypatch):
    store = str(tmp_path / "graph.db") if backend == "sqlite" else _neo4j_uri()
    monkeypatch.setenv("FAKEFREE_ARGON2_TIME_COST", "1")
    monkeypatch.setenv("FAKEFREE_ARGON2_MEMORY_KIB", "1024")
    monkeypatch.setenv("FAKEFREE_ARGON2_PARALLELISM", "1")
    cases = sorted(p for p in corpus.iterdir() if p.is_dir())
    saved = dict(os.environ)  # measure() points FAKEFREE_STORE, _HOME, _SECURITY_DB at tmp_path
    try:
        result = measure(store, cases[:1], cases[1:], users=3, rounds=1, workdir=tmp_path)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert result["errors"] == 0, result["first_errors"]
    assert result["page_loads"] == 3 * (2 + 5)  # login page, sign-in, a round of 5 loads each
    assert result["ingest"]["loaded"] == 3
    assert 0 < result["peak_rss_mb"] < MEMORY_LIMIT_MB
    assert 0 < result["user_peak_rss_mb"] < MEMORY_LIMIT_MB
