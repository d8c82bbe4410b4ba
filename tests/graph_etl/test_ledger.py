"""The ledger's four parts (file records, resolution index, judgements, extractions) share one
SQLite file beside the store, and what they write survives a reopening."""

from __future__ import annotations

from graph_etl.ledger import IndexedEntity, Ledger, LedgerEntry, ledger_path_for


def test_ledger_four_parts_survive_reopening_one_file(tmp_path):
    path = ledger_path_for(str(tmp_path / "graph.db"), tmp_path)
    entry = LedgerEntry("ab12", "CA-1/seizure.txt", 120, "text", "x1", "CA-1", "CBSA",
                        "UNCLASSIFIED", "loaded", "", ["doc-1"], "2026-12-05T10:00:00+00:00")
    with Ledger(path) as ledger, ledger.batch():
        ledger.record(entry)
        ledger.index([IndexedEntity("co-1", "Company", "Han Tong", "han tong", {"country": "CN"})],
                     [("han", "co-1")])
        ledger.judge("co-2", "co-1", same=False, who="ana", reason="two firms")
        ledger.redirect("co-3", "co-1")
        ledger.save_extraction({"id": "doc-1"}, {"entities": []})
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["graph.db.ledger"]
    with Ledger(path) as again:
        assert again.loaded("ab12") == entry
        assert [e.id for e in again.by_blocks("Company", ["han"])] == ["co-1"]
        assert again.judgement("co-1", "co-2") is False
        assert again.survivor("co-3") == "co-1"
        assert again.extraction("doc-1") == ({"id": "doc-1"}, {"entities": []})
