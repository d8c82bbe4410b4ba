"""A small counterfeiting network written by three documents of two agencies, for store tests."""

from __future__ import annotations

from graph_etl.store import Batch, DocumentRecord, Evidence, NodeClaim, RelClaim

HOSTILE = "Robert'); MATCH (n) DETACH DELETE n;-- \"Bobby\" `x` {y} $z"

CBSA_SEIZURE = DocumentRecord("doc-cbsa", "seizure-vancouver.txt", "CBSA", "UNCLASSIFIED",
                              ["CA-2024-0001"], {"date": "2024-03-02", "language": "en"})
RCMP_NOTES = DocumentRecord("doc-rcmp", "interview-notes.txt", "RCMP", "AGENCY-ONLY",
                            ["CA-2024-0001"], {"date": "2024-04-10"})
HSI_RELEASE = DocumentRecord("doc-hsi", "hsi-release.txt", "ICE/HSI", "REL-TO:CBSA,RCMP",
                             ["US-2024-0042"], {"date": "2024-05-01"})


def ev(doc: DocumentRecord, text: str, start: int = 0) -> list[Evidence]:
    return [Evidence(doc.id, start, start + len(text), text)]


def node(doc, node_id, labels, name, aliases=(), **props) -> NodeClaim:
    return NodeClaim(node_id, doc.id, list(labels), name, list(aliases), dict(props),
                     ev(doc, name))


def rel(doc, source, rtype, target, text, key="", **props) -> RelClaim:
    return RelClaim(source, target, rtype, doc.id, key, dict(props), ev(doc, text))


def cbsa_batch() -> Batch:
    d = CBSA_SEIZURE
    return Batch([d], [
        node(d, "co-hantong", ["Exporter"], "Han Tong Technology Co., Ltd.", ["Han Tong"],
             country="CN"),
        node(d, "co-maple", ["Importer"], "Maple Leaf Trading Inc.", country="CA"),
        node(d, "sh-1", ["Shipment"], "MSCU1234566", container="MSCU1234566"),
        node(d, "ag-cbsa", ["Agency"], "Canada Border Services Agency", ["CBSA"]),
        node(d, "p-hostile", ["Person"], HOSTILE),
    ], [
        rel(d, "co-hantong", "EXPORTED", "sh-1", "Han Tong exported container MSCU1234566"),
        rel(d, "sh-1", "CONSIGNED_TO", "co-maple", "consigned to Maple Leaf Trading Inc."),
        rel(d, "ag-cbsa", "SEIZED", "sh-1", "CBSA officers seized the container"),
        rel(d, "p-hostile", "EMPLOYED_BY", "co-maple", "works for Maple Leaf"),
    ])


def rcmp_batch() -> Batch:
    d = RCMP_NOTES
    return Batch([d], [
        node(d, "p-zhang", ["Person"], "Wei Zhang", ["Zhang Wei", "张伟"], dob="1971-02-03"),
        node(d, "co-hantong", ["Manufacturer"], "Han Tong Technology", ["HT Tech secret alias"],
             secret_note="informant says factory in Dongguan"),
        node(d, "co-maple", ["Importer"], "Maple Leaf Trading Inc."),
    ], [
        rel(d, "p-zhang", "DIRECTS", "co-hantong", "Zhang Wei runs Han Tong"),
        rel(d, "p-zhang", "PAID", "co-maple", "Zhang paid Maple Leaf CAD 9,900", key="w1",
            amount=9900.0, currency="CAD", date="2024-02-01"),
    ])


def hsi_batch() -> Batch:
    d = HSI_RELEASE
    return Batch([d], [
        node(d, "co-maple", ["Importer"], "Maple Leaf Trading", ["Maple Leaf Trading Inc."]),
        node(d, "p-garcia", ["Person"], "José Ángel García", ["Jose Angel Garcia"]),
    ], [
        rel(d, "p-garcia", "EMPLOYED_BY", "co-maple", "García, a manager at Maple Leaf Trading"),
    ])


def all_batches() -> list[Batch]:
    return [cbsa_batch(), rcmp_batch(), hsi_batch()]
