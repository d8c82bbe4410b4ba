"""An embedded store written by an older fakefree opens, migrates and answers the same."""

from __future__ import annotations

import sqlite3

import pytest

from fakefree.errors import StoreVersionError
from graph_etl.store import Viewer
from graph_etl.store.sqlite.store import MIGRATIONS, SCHEMA_VERSION, SQLiteStore

from .network import all_batches

SYSTEM = Viewer.system()
QUERIES = ["Maple Leaf Trading", "mapl lea", "han tong", "technolog han", "zhang wei", "张伟",
           "MSCU 123456-6", "jose angel garcia", "CBSA", "hant technology"]


def _answers(store: SQLiteStore) -> dict[str, list[str]]:
    return {text: [v.id for v in store.search(text, SYSTEM)] for text in QUERIES}


def _downgrade_to_version_2(path) -> None:
    """Give a store exactly the schema of version 2: the name index without prefix lists, no
    vocabulary of name words (the statements are version 1's own)."""
    old_index = next(s for s in MIGRATIONS[0] if "CREATE VIRTUAL TABLE names" in s)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE names")
        conn.execute(old_index)
        conn.execute("INSERT INTO names (names) VALUES ('rebuild')")
        conn.execute("DROP TABLE name_words")
        conn.execute("PRAGMA user_version = 2")
    conn.close()


def test_a_version_2_store_migrates_on_open_and_searches_the_same(tmp_path):
    path = tmp_path / "graph.db"
    store = SQLiteStore(path)
    for batch in all_batches():
        store.upsert(batch)
    expected = _answers(store)
    store.close()
    _downgrade_to_version_2(path)

    migrated = SQLiteStore(path)
    conn = migrated._conn()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    assert "prefix='1 2 3'" in conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'names'").fetchone()[0]
    words = {r[0] for r in conn.execute("SELECT word FROM name_words")}
    assert {"maple", "technology", "zhang", "张伟", "mscu1234566"} <= words
    assert "hantongtechnologycoltd" not in words  # compact forms are not words
    assert _answers(migrated) == expected
    assert expected["technolog han"] == ["co-hantong"]
    migrated.close()


def test_a_store_newer_than_this_fakefree_is_refused(tmp_path):
    path = tmp_path / "graph.db"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreVersionError, match="newer than"):
        SQLiteStore(path)
