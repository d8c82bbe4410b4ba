"""The extractions of loaded documents, kept so a merge or a split can replay them."""

from __future__ import annotations

import json
from typing import Any

from graph_etl.ledger.db import LedgerDB

__all__ = ["Extractions"]


class Extractions(LedgerDB):
    def save_extraction(self, document: dict[str, Any], extraction: dict[str, Any]) -> None:
        with self._tx() as tx:
            tx.execute("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?)",
                       (document["id"], json.dumps(document, sort_keys=True),
                        json.dumps(extraction, sort_keys=True)))

    def extraction(self, document_id: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        row = self._conn().execute(
            "SELECT document, extraction FROM extractions WHERE document_id = ?",
            (document_id,)).fetchone()
        return (json.loads(row[0]), json.loads(row[1])) if row else None
