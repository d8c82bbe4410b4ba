"""A small real SQLite store for export tests: two agencies, one AGENCY-ONLY document, names with
quotes, accents, Chinese and HTML, documents identified by the SHA-256 of their text."""

from __future__ import annotations

import hashlib

import pytest

from exports.selection import select
from graph_etl.store import Batch, DocumentRecord
from fakefree.model import Viewer
from graph_etl.store.sqlite.store import SQLiteStore
from tests.graph_etl.store.network import node, rel

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"
SECRET = "Golden Lotus Holdings"
DATE = "2024-06-30"


def document(name: str, agency: str, releasability: str, text: str) -> DocumentRecord:
    return DocumentRecord(hashlib.sha256(text.encode()).hexdigest(), name, agency,
                          releasability, ["CA-2024-0001"], {"date": "2024-03-02"})


SEIZURE = document("seizure-vancouver.txt", "CBSA", "UNCLASSIFIED", "CBSA seizure report 17")
MANIFEST = document("manifest «Ocean» 2024.csv", "CBSA", "LAW-ENFORCEMENT-SENSITIVE",
                    "vessel manifest rows")
RCMP_NOTES = document("rcmp-informant-notes.txt", "RCMP", "AGENCY-ONLY", "informant notes")
SENTENCES = {
    "exported": "Han Tong exported container MSCU1234566 on 2 March 2024.",
    "consigned": 'The container was consigned to Maple "Leaf" Trading Inc. of Vancouver.',
    "employed": "José Ángel García, a manager at Maple \"Leaf\" Trading, signed the entry.",
    "directs": "张伟 (Zhang Wei) runs Han Tong from Dongguan.",
    "hostile": f"A clerk named {IMG} filed the entry for {SCRIPT}.",
    "carried": "MSCU1234566 was carried by the vessel Ocean Star.",
    "financed": f"{SECRET} financed Han Tong through a Macau account.",
}


def batches() -> list[Batch]:
    s, m, r = SEIZURE, MANIFEST, RCMP_NOTES
    return [
        Batch([s], [
            node(s, "co-hantong", ["Exporter"], "Han Tong Technology Co., Ltd.", ["Han Tong"]),
            node(s, "co-maple", ["Importer"], 'Maple "Leaf" Trading Inc.'),
            node(s, "sh-1", ["Shipment"], "MSCU1234566"),
            node(s, "p-garcia", ["Person"], "José Ángel García"),
            node(s, "p-zhang", ["Person"], "张伟", ["Zhang Wei"]),
            node(s, "p-img", ["Person"], IMG),
            node(s, "co-script", ["Company"], SCRIPT),
        ], [
            rel(s, "co-hantong", "EXPORTED", "sh-1", SENTENCES["exported"]),
            rel(s, "sh-1", "CONSIGNED_TO", "co-maple", SENTENCES["consigned"]),
            rel(s, "p-garcia", "EMPLOYED_BY", "co-maple", SENTENCES["employed"]),
            rel(s, "p-zhang", "DIRECTS", "co-hantong", SENTENCES["directs"]),
            rel(s, "p-img", "EMPLOYED_BY", "co-script", SENTENCES["hostile"]),
            rel(s, "co-script", "ASSOCIATED_WITH", "co-hantong", SENTENCES["hostile"]),
        ]),
        Batch([m], [
            node(m, "sh-1", ["Shipment"], "MSCU1234566"),
            node(m, "v-ocean", ["Vessel"], "Ocean Star"),
        ], [rel(m, "sh-1", "CARRIED_BY", "v-ocean", SENTENCES["carried"])]),
        Batch([r], [
            node(r, "co-lotus", ["Financier"], SECRET),
            node(r, "co-hantong", ["Manufacturer"], "Han Tong Technology"),
        ], [rel(r, "co-lotus", "FINANCED", "co-hantong", SENTENCES["financed"])]),
    ]


@pytest.fixture(scope="session")
def export_store(tmp_path_factory) -> SQLiteStore:
    store = SQLiteStore(tmp_path_factory.mktemp("exports") / "graph.db")
    for batch in batches():
        store.upsert(batch)
    return store


@pytest.fixture(scope="session")
def rcmp_export(export_store):
    """What an RCMP analyst exports around Han Tong: everything, marked AGENCY-ONLY (RCMP)."""
    return select(export_store, Viewer.of("RCMP", name="analyst-rcmp"), ["co-hantong"], hops=3,
                  title="Han Tong network — exhibit A", date=DATE, case="CA-2024-0001")


@pytest.fixture(scope="session")
def cbsa_export(export_store):
    """What a CBSA analyst exports around the same company: no RCMP-only secret."""
    return select(export_store, Viewer.of("CBSA", name="analyst-cbsa"), ["co-hantong"], hops=3,
                  date=DATE)
