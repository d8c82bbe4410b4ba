"""The README's Cypher cookbook, read from README.md and run against the real server on the demo
corpus: every query runs and answers, so the documentation cannot drift from the model."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.graph_etl.store import neo4j_fixture

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "seed_data" / "demo" / "documents"


def cookbook() -> list[tuple[str, str]]:
    """``(question, query)`` for every query of README's "Cypher cookbook" section."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("### Cypher cookbook", 1)[1]
    section = re.split(r"\n##+ ", section, maxsplit=1)[0]
    return re.findall(r"\*\*(\d+\..*?)\*\*\s*```cypher\n(.*?)```", section, re.S)


QUERIES = cookbook()


def test_neo4j_cookbook_has_at_least_ten_questions():
    assert len(QUERIES) >= 10
    assert len({q for _, q in QUERIES}) == len(QUERIES)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The whole demo corpus ingested into the test server through the CLI."""
    store = neo4j_fixture.neo4j_test_store()
    user, password = neo4j_fixture.credentials()
    env = {**os.environ, "FAKEFREE_HOME": str(tmp_path_factory.mktemp("cookbook-home")),
           "FAKEFREE_STORE": store.uri, "NEO4J_USERNAME": user, "NEO4J_PASSWORD": password}
    done = subprocess.run([sys.executable, "-m", "cli", "ingest", str(DEMO),
                           "--workers", "2"], env=env, capture_output=True, text=True,
                          timeout=1800, check=False)
    assert done.returncode == 0, done.stderr
    assert "0 quarantined" in done.stdout, done.stdout
    yield store
    store.close()


@pytest.mark.parametrize("question,query", QUERIES, ids=[q.split(".")[0] for q, _ in QUERIES])
def test_neo4j_cookbook_query_answers_on_the_demo(demo, question, query):
    rows = demo._run(query)
    assert rows, question
    # every column of the first answer holds a value: no property name in the query is wrong
    assert all(value not in (None, [], "") for value in rows[0].values()), (question, rows[0])
