"""Disk full under the embedded store, the ledger and the audit log: a real SQLITE_FULL.

The disk is a 2 MiB tmpfs mounted for the test when we may mount (root, as in CI); a database
capped with ``PRAGMA max_page_count`` gives the same error everywhere else.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from security.audit import AuditLog
from fakefree.errors import StoreUnavailable
from graph_etl.store import Viewer
from bench.load import generate_batches
from graph_etl.ledger import Ledger, LedgerEntry
from graph_etl.store.sqlite.store import SQLiteStore

SYSTEM = Viewer.system()


@pytest.fixture
def small_disk(tmp_path):
    """A folder on a 2 MiB filesystem of its own (skipped where mounting is not allowed)."""
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root; the max_page_count test covers the rest")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(store: SQLiteStore) -> tuple[int, StoreUnavailable]:
    """Upsert batches until the disk is full; the nodes committed before, and the error."""
    committed = 0
    with pytest.raises(StoreUnavailable) as failure:
        for batch in generate_batches(50_000, 50, chunk_nodes=200):
            store.upsert(batch)
            committed = store.stats(SYSTEM)["nodes"]
    return committed, failure.value


def assert_full_sentence(error: Exception, path: Path) -> None:
    message = str(error)
    assert message.startswith(f"The disk holding the embedded store {path} is full"), message
    assert "rolled back" in message and "\n" not in message


def test_store_disk_full_is_one_sentence_and_the_store_still_opens(small_disk):
    path = small_disk / "graph.db"
    store = SQLiteStore(path)
    committed, error = fill(store)
    assert committed > 0
    assert_full_sentence(error, path)
    assert store.stats(SYSTEM)["nodes"] == committed, "the failed batch was rolled back"
    batch = next(iter(generate_batches(50_000, 50, chunk_nodes=5_000, seed=1)))
    with pytest.raises(StoreUnavailable):
        store.upsert(batch)  # the same connection is usable: a clean error again
    store.close()
    again = SQLiteStore(path)
    assert again.stats(SYSTEM)["nodes"] == committed
    node = next(iter(again.subgraph(SYSTEM)))
    assert again.get(node, SYSTEM) is not None
    again.close()


def test_ledger_and_audit_disk_full_are_one_sentence_and_keep_what_was_saved(small_disk):
    ledger = Ledger(small_disk / "graph.db.ledger")
    audit = AuditLog(small_disk / "security.db")
    entry = LedgerEntry("a" * 64, "a.txt", 1, "plain", "1", "C", "CBSA", "UNCLASSIFIED",
                        "loaded", "", ["a" * 64], "")
    ledger.record(entry)
    audit.append("ana", "login")
    try:  # take every byte left
        with open(small_disk / "filler", "wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
    except OSError:
        pass
    with pytest.raises(StoreUnavailable) as ledger_full:
        for number in range(200):
            ledger.save_extraction({"id": f"doc-{number}"}, {"text": "x" * 20_000})
    assert str(ledger_full.value).startswith(f"The disk holding the database {ledger.path} is full")
    with pytest.raises(StoreUnavailable) as audit_full:
        for number in range(200):
            audit.append("ana", "search", "x" * 20_000)
    assert "is full" in str(audit_full.value) and "\n" not in str(audit_full.value)
    assert [e.path for e in ledger.entries("loaded")] == ["a.txt"]
    assert audit.verify().ok
    ledger.close()
    audit.close()
    assert [e.path for e in Ledger(small_disk / "graph.db.ledger").entries()] == ["a.txt"]
    assert AuditLog(small_disk / "security.db").verify().ok


def test_store_full_database_by_max_page_count_is_rolled_back(tmp_path):
    path = tmp_path / "graph.db"
    store = SQLiteStore(path)
    batches = iter(generate_batches(50_000, 50, chunk_nodes=200))
    store.upsert(next(batches))
    committed = store.stats(SYSTEM)["nodes"]
    pages = store._conn().execute("PRAGMA page_count").fetchone()[0]
    store._conn().execute(f"PRAGMA max_page_count = {pages + 5}")
    with pytest.raises(StoreUnavailable) as failure:
        for batch in batches:
            store.upsert(batch)
    assert_full_sentence(failure.value, path)
    store.close()
    again = SQLiteStore(path)
    assert again.stats(SYSTEM)["nodes"] == committed
