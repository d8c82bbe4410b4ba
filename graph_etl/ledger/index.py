"""The entity-resolution index: the entities the resolver knows, by blocking key."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import orjson

from graph_etl.ledger.db import LedgerDB

__all__ = ["ResolutionIndex", "IndexedEntity"]


@dataclass(frozen=True)
class IndexedEntity:
    """An entity as the resolver knows it: its type, key and attributes for scoring."""

    id: str
    type: str
    name: str
    key: str
    attrs: dict[str, Any]


class ResolutionIndex(LedgerDB):
    def index(self, entities: Iterable[IndexedEntity], blocks: Iterable[tuple[str, str]]) -> None:
        with self._tx() as tx:
            tx.executemany(
                "INSERT INTO entities VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "attrs = excluded.attrs",
                [(e.id, e.type, e.name, e.key, json.dumps(e.attrs, sort_keys=True))
                 for e in entities])
            tx.executemany("INSERT OR IGNORE INTO blocks VALUES (?, ?)", list(blocks))

    def by_blocks(self, entity_type: str, blocks: list[str], limit: int = 200) -> list[IndexedEntity]:
        """The first ``limit`` entities of ``entity_type`` (by id) in any of ``blocks``.

        Each block gives only its own first ``limit`` (walking its index in id order and
        stopping there): an id among the first ``limit`` of the union is among the first
        ``limit`` of its block, so the answer is the same, and the work no longer grows with
        the size of the blocks.
        """
        if not blocks:
            return []
        first = ("SELECT * FROM (SELECT b.id FROM blocks b JOIN entities e ON e.id = b.id "
                 "WHERE b.block = ? AND e.type = ? ORDER BY b.id LIMIT ?)")
        rows = self._conn().execute(
            "SELECT id, type, name, key, attrs FROM entities WHERE id IN ("
            + " UNION ALL ".join([first] * len(blocks)) + ") ORDER BY id LIMIT ?",
            [*(value for block in blocks for value in (block, entity_type, limit)), limit])
        return [_indexed(r) for r in rows]

    def entity(self, entity_id: str) -> IndexedEntity | None:
        row = self._conn().execute("SELECT id, type, name, key, attrs FROM entities WHERE id = ?",
                                   (entity_id,)).fetchone()
        return _indexed(row) if row else None


def _indexed(row: tuple) -> IndexedEntity:
    return IndexedEntity(row[0], row[1], row[2], row[3], orjson.loads(row[4]))
