"""Well-formed tables no mapping explains are loaded row by row through the NLP, not quarantined."""

from __future__ import annotations

import datetime as dt

import pytest

from graph_etl.generic_records import generic_records
from graph_etl.pipeline import IngestOptions, ingest
from graph_etl.store import Viewer
from graph_etl.ledger import Ledger
from graph_etl.store.sqlite.store import SQLiteStore
from fakefree.errors import InputError
from tests.graph_etl.readers.builders import write, xlsx_bytes

SYSTEM = Viewer.system()


def fake_extract(text):
    """Finds the container number in the text it is given, as the identifier rules would."""
    at = text.index("MSCU1234566")
    return {"language": "en", "entities": [
        {"id": "c", "name": "MSCU1234566", "type": "CONTAINER", "roles": [], "aliases": [],
         "attrs": {}, "mentions": [{"start": at, "end": at + 11, "text": "MSCU1234566"}]}],
        "relations": []}


def test_generic_records_cite_the_row_a_mention_came_from():
    records = [{"note": "nothing here", "ref": "A-1"}, {"note": "box MSCU1234566", "ref": "A-2"}]
    out = generic_records(records, "notes.csv", fake_extract, reason="no mapping.",
                          row_texts=["note: nothing here; ref: A-1", "note: box MSCU1234566; "
                                     "ref: A-2"], row_numbers=[4, 7])
    assert out["mapping"] == "generic" and out["warning"] == "no mapping."
    assert out["entities"][0]["mentions"] == [
        {"start": 7, "end": 7, "text": "note: box MSCU1234566; ref: A-2"}]


def test_generic_records_refuse_a_table_whose_rows_are_cut_short():
    with pytest.raises(InputError, match="notes.csv has 1 row"):
        generic_records([{"a": "1"}], "notes.csv", fake_extract, reason="x.", short_rows=1)


@pytest.mark.slow
def test_generic_records_workbook_with_a_summary_sheet_is_loaded_not_quarantined(tmp_path, caplog):
    data = xlsx_bytes({
        "Summary": [["Case review"], [None], ["Flow", "Transactions"],
                    ["Golden Lotus Holdings Ltd", 3]],
        "Wires": [["Value Date", "Ordering Customer", "Beneficiary", "Beneficiary Account",
                   "Amount (EUR)"],
                  [dt.datetime(2024, 3, 1), "Bayside Auto Supply LLC",
                   "Shenzhen Hua Li Trading Co.", "CN-0091-2231", 1250.5]],
    })
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "book.xlsx", data)
    store = SQLiteStore(tmp_path / "g.db")
    summary = ingest([folder], store, Ledger(tmp_path / "g.ledger"),
                     IngestOptions(agency="CBP", case="T-1"), "test")
    assert summary.count("quarantined") == 0 and summary.count("loaded") == 1
    graph = store.subgraph(SYSTEM)
    paid = [d for _, _, d in graph.edges(data=True) if d.get("type") == "PAID"]
    assert len(paid) == 1 and paid[0]["amount"] == 1250.5 and paid[0]["currency"] == "EUR"
    assert "book.xlsx#sheet/Summary loaded as generic records" in caplog.text
    assert "Golden Lotus Holdings" in " ".join(
        d["view"].name for _, d in graph.nodes(data=True))
