"""Suite-wide hooks and fixtures: stop what the tests started, end with what did not run and
why, and the demo corpus ingested once per session.

A green run on a machine without chromium, poppler-utils or Java and Maven skips the tests that
need them, one reason each; the closing summary groups those skips so a newcomer sees what a
green run covered (``make deps`` installs the Debian packages).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[1] / "seed_data" / "demo"


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    """``seed_data/demo/documents`` ingested as ``make demo`` does (readers, NLP, resolution)
    into an embedded store, once for the whole session; read-only."""
    from graph_etl.pipeline import IngestOptions, ingest
    from graph_etl.ledger import Ledger
    from graph_etl.store.sqlite.store import SQLiteStore

    if not (DEMO / "documents").is_dir():
        pytest.skip("The seed demo corpus is not in this checkout.")
    folder = tmp_path_factory.mktemp("demo")
    store = SQLiteStore(folder / "demo.db")
    ingest([DEMO / "documents"], store, Ledger(folder / "demo.ledger"), IngestOptions(), "test")
    yield store
    store.close()


# what to install, by a word of the skip reason
INSTALL = (("chromium", "browser tests", "apt-get install chromium (or: make deps)"),
           ("pdftoppm", "PDF page rendering", "apt-get install poppler-utils (or: make deps)"),
           ("Neo4j", "Neo4j store tests",
            "Java 17 and Maven: apt-get install openjdk-17-jdk-headless maven (or: make deps)"))


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Stop a Neo4j server the tests started (one that ran before them keeps running)."""
    from tests.graph_etl.store import neo4j_fixture

    neo4j_fixture.stop_started()


def _reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    text = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return text.removeprefix("Skipped: ")


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    skipped = Counter(_reason(r) for r in terminalreporter.stats.get("skipped", []))
    deselected = len(terminalreporter.stats.get("deselected", []))
    if not skipped and not deselected:
        return
    terminalreporter.section("what did not run")
    groups: dict[str, list] = {}
    for reason, count in skipped.items():
        what, hint = next(((w, h) for word, w, h in INSTALL if word in reason), ("other", ""))
        group = groups.setdefault(what, [0, reason, hint])
        group[0] += count
    for what, (count, reason, hint) in sorted(groups.items()):
        if hint and ("install" in reason or "not on PATH" in reason):
            reason = hint  # the short form of the same advice
        terminalreporter.write_line(f"{what}: {count} skipped, {reason}")
    if deselected:
        terminalreporter.write_line(f"deselected by -m or -k: {deselected}")
