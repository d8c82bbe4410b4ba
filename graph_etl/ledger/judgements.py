"""Same / not-same judgements (the resolver's and the analysts'), and the redirects of the
analysts' merges, which later ingests respect."""

from __future__ import annotations

from graph_etl.ledger.db import LedgerDB, _now

__all__ = ["Judgements"]


class Judgements(LedgerDB):
    def judge(self, a: str, b: str, *, same: bool, who: str, reason: str) -> None:
        first, second = sorted((a, b))
        with self._tx() as tx:
            tx.execute("INSERT OR REPLACE INTO judgements VALUES (?, ?, ?, ?, ?, ?)",
                       (first, second, int(same), who, reason, _now()))

    def judgements_of(self, entity_id: str) -> dict[str, bool]:
        """Every entity judged the same as (True) or not the same as (False) ``entity_id``."""
        rows = self._conn().execute(
            "SELECT b, same FROM judgements WHERE a = :id UNION ALL "
            "SELECT a, same FROM judgements WHERE b = :id", {"id": entity_id})
        return {other: bool(same) for other, same in rows}

    def judgement(self, a: str, b: str) -> bool | None:
        first, second = sorted((a, b))
        row = self._conn().execute("SELECT same FROM judgements WHERE a = ? AND b = ?",
                                   (first, second)).fetchone()
        return None if row is None else bool(row[0])

    def redirect(self, absorbed: str, survivor: str) -> None:
        with self._tx() as tx:
            tx.execute("INSERT OR REPLACE INTO redirects VALUES (?, ?)", (absorbed, survivor))

    def unredirect(self, survivor: str) -> list[str]:
        """Remove every redirect into ``survivor``; return the ids it had absorbed."""
        with self._tx() as tx:
            absorbed = [r[0] for r in tx.execute(
                "SELECT absorbed FROM redirects WHERE survivor = ? ORDER BY absorbed", (survivor,))]
            tx.execute("DELETE FROM redirects WHERE survivor = ?", (survivor,))
        return absorbed

    def survivor(self, node_id: str) -> str:
        """Where an analyst merged ``node_id`` (following chains), or ``node_id`` itself."""
        seen = {node_id}
        while True:
            row = self._conn().execute("SELECT survivor FROM redirects WHERE absorbed = ?",
                                       (node_id,)).fetchone()
            if row is None or row[0] in seen:
                return node_id
            node_id = row[0]
            seen.add(node_id)
