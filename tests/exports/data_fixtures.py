"""A small network in a real SQLite store for the data-export tests, and how to read exports back.

Two agencies: a CBSA seizure report (law-enforcement sensitive) and RCMP interview notes that
are AGENCY-ONLY. Names carry quotes, accents, Cypher and spreadsheet-formula text.
"""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest

from exports.selection import ExportGraph, select
from graph_etl.store import Batch, DocumentRecord, Evidence, NodeClaim, RelClaim, Viewer
from graph_etl.store.sqlite.store import SQLiteStore

CBSA_TEXT = "CBSA seizure report, Port of Montreal, 2024-03-02."
RCMP_TEXT = "RCMP interview notes: the informant names the Dongguan factory."
CBSA_SHA = hashlib.sha256(CBSA_TEXT.encode()).hexdigest()
RCMP_SHA = hashlib.sha256(RCMP_TEXT.encode()).hexdigest()

CBSA_DOC = DocumentRecord(CBSA_SHA, "seizure-montréal.txt", "CBSA", "LAW-ENFORCEMENT-SENSITIVE",
                          ["CA-2024-0001"], {"date": "2024-03-02"})
RCMP_DOC = DocumentRecord(RCMP_SHA, "rcmp-informant-notes.txt", "RCMP", "AGENCY-ONLY",
                          ["CA-2024-0001"], {"date": "2024-04-10"})

HOSTILE = "Robert'); MATCH (n) DETACH DELETE n;-- \"Bobby\""
FORMULA = '=HYPERLINK("http://evil","x")'
SUM = "@SUM(A1)"
#: What only the AGENCY-ONLY RCMP document says: no CBSA export may contain any of it.
SECRETS = ("Secret Informant Wu", "Dongguan Shadow Factory", "rcmp-informant-notes.txt",
           RCMP_SHA, "made the goods in Dongguan", "Maple secret alias")


def _claim(doc, node_id, labels, name, aliases=(), **props) -> NodeClaim:
    return NodeClaim(node_id, doc.id, list(labels), name, list(aliases), props,
                     [Evidence(doc.id, 0, len(name), name)])


def _rel(doc, source, rel_type, target, text, key="", **props) -> RelClaim:
    return RelClaim(source, target, rel_type, doc.id, key, props,
                    [Evidence(doc.id, 10, 10 + len(text), text)])


def batch() -> Batch:
    c, r = CBSA_DOC, RCMP_DOC
    nodes = [
        _claim(c, "maple", ["Company", "Importer"], "Maple Leaf Trading Inc.", country="Canada"),
        _claim(c, "hantong", ["Company", "Exporter"], 'Han Tong "Golden" Technology Co., Ltd.',
               country="China"),
        _claim(c, "garcia", ["Person"], "José Ángel García", ["Jose Angel Garcia"]),
        _claim(c, "hostile", ["Person"], HOSTILE),
        _claim(c, "formula", ["Company", "FrontCompany"], FORMULA),
        _claim(c, "sum", ["Company"], SUM),
        _claim(c, "acct", ["BankAccount"], "CA 001 2233", number="0012233"),
        _claim(c, "addr", ["Address"], "12 rue de l'Église, Montréal"),
        _claim(c, "phone", ["Phone"], "+15145550100"),
        _claim(c, "ship", ["Shipment"], "MSCU1234566", container="MSCU1234566"),
        _claim(c, "vessel", ["Vessel"], "Ever Golden", imo="9811000"),
        _claim(r, "maple", ["Company", "Importer"], "Maple Leaf Trading Inc.",
               ["Maple secret alias"]),
        _claim(r, "ship", ["Shipment"], "MSCU1234566"),
        _claim(r, "wu", ["Person"], "Secret Informant Wu"),
        _claim(r, "dongguan", ["Company", "Manufacturer"], "Dongguan Shadow Factory"),
    ]
    rels = [
        _rel(c, "hantong", "EXPORTED", "ship", "Han Tong exported container MSCU1234566"),
        _rel(c, "ship", "CONSIGNED_TO", "maple", "consigned to Maple Leaf Trading Inc."),
        _rel(c, "ship", "CARRIED_BY", "vessel", "aboard the Ever Golden"),
        _rel(c, "garcia", "EMPLOYED_BY", "maple", "García, a manager at Maple Leaf"),
        _rel(c, "hostile", "DIRECTS", "maple", "Robert directs Maple Leaf"),
        _rel(c, "maple", "OWNS", "formula", "Maple Leaf owns the front company"),
        _rel(c, "maple", "HOLDS", "acct", "Maple Leaf's account CA 001 2233"),
        _rel(c, "maple", "PAID", "hantong", "Maple paid Han Tong CAD 9,900", key="w1",
             amount=9900.0, currency="CAD", date="2024-02-01"),
        _rel(c, "maple", "HAS_ADDRESS", "addr", "Maple Leaf, 12 rue de l'Église"),
        _rel(c, "maple", "HAS_PHONE", "phone", "call Maple Leaf at +1 514 555 0100"),
        _rel(c, "sum", "ASSOCIATED_WITH", "maple", "=cmd|' /C calc'!A0 linked to Maple"),
        _rel(r, "dongguan", "MANUFACTURED", "ship", "the factory made the goods in Dongguan"),
        _rel(r, "wu", "OWNS", "dongguan", "Wu owns the factory"),
        _rel(r, "wu", "PAID", "maple", "Wu paid Maple", key="w2", amount=500, currency="USD"),
    ]
    return Batch([CBSA_DOC, RCMP_DOC], nodes, rels)


def build_store(path) -> SQLiteStore:
    store = SQLiteStore(path)
    store.upsert(batch())
    return store


def export_of(store, agencies: str = "", *, date: str = "2026-11-25",
              hops: int = 2) -> ExportGraph:
    viewer = Viewer.of(*agencies.split(",")) if agencies else Viewer.system()
    return select(store, viewer, ["Maple Leaf Trading"], hops=hops, date=date,
                  title="Maple Leaf network")


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def decoded(name: str, data: bytes) -> str:
    """The text of an export file (UTF-16 import specifications included)."""
    return data.decode("utf-16") if name.endswith(".ximp") else data.decode("utf-8-sig")


def all_text(data: bytes) -> str:
    """Every file of an export as one text, whether it is a zip or a single file."""
    if data[:2] == b"PK":
        return "\n".join(decoded(n, b) for n, b in sorted(members(data).items()))
    return data.decode("utf-8")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> SQLiteStore:
    return build_store(tmp_path_factory.mktemp("exdata") / "exports.db")


@pytest.fixture
def full(store) -> ExportGraph:
    """The export as the system viewer sees it (the RCMP document included)."""
    return export_of(store)


@pytest.fixture
def cbsa(store) -> ExportGraph:
    """The export as a CBSA viewer sees it: no AGENCY-ONLY RCMP document."""
    return export_of(store, "CBSA")
