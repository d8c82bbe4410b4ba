"""A small counterfeit-sneaker network in two cases and three agencies, for dashboard tests.

``AGENCY-ONLY`` RCMP notes name a financier no other agency may see.
"""

from __future__ import annotations

from graph_etl.store import Batch, DocumentRecord, Evidence, NodeClaim, RelClaim

CBSA = DocumentRecord("doc-cbsa-seizure", "cbsa-seizure-vancouver.txt", "CBSA", "UNCLASSIFIED",
                      ["CA-2024-0001"], {"date": "2024-03-02", "language": "en"})
CBP = DocumentRecord("doc-cbp-manifest", "cbp-manifest-long-beach.csv", "CBP",
                     "LAW-ENFORCEMENT-SENSITIVE", ["US-2024-0042"], {"date": "2024-05-14"})
RCMP = DocumentRecord("doc-rcmp-notes", "rcmp-interview-notes.txt", "RCMP", "AGENCY-ONLY",
                      ["CA-2024-0001"], {"date": "2024-04-10"})

SECRET_FINANCIER = "Golden Lotus Holdings"


def _node(doc, node_id, labels, name, aliases=(), **props) -> NodeClaim:
    return NodeClaim(node_id, doc.id, list(labels), name, list(aliases), dict(props),
                     [Evidence(doc.id, 10, 10 + len(name), name)])


def _rel(doc, source, rtype, target, text, key="", **props) -> RelClaim:
    return RelClaim(source, target, rtype, doc.id, key, dict(props),
                    [Evidence(doc.id, 100, 100 + len(text), text)])


def cbsa() -> Batch:
    d = CBSA
    return Batch([d], [
        _node(d, "co-hantong", ["Exporter"], "Han Tong Technology Co., Ltd.", ["Han Tong"],
              country="CN"),
        _node(d, "co-maple", ["Importer"], "Maple Leaf Trading Inc.", country="CA"),
        _node(d, "sh-1", ["Shipment"], "MSCU1234566", container="MSCU1234566",
              date="2024-02-20", sector="footwear"),
        _node(d, "sz-1", ["Seizure"], "Seizure 2024-03-02 Vancouver", date="2024-03-02",
              port="Vancouver", sector="footwear", items=1200),
        _node(d, "port-van", ["Port"], "Port of Vancouver", ["Vancouver"]),
        _node(d, "brand-nike", ["Brand"], "Nike"),
        _node(d, "ag-cbsa", ["Agency"], "Canada Border Services Agency", ["CBSA"]),
    ], [
        _rel(d, "co-hantong", "EXPORTED", "sh-1", "Han Tong exported container MSCU1234566"),
        _rel(d, "sh-1", "CONSIGNED_TO", "co-maple", "consigned to Maple Leaf Trading Inc."),
        _rel(d, "sh-1", "DISCHARGED_AT", "port-van", "discharged at the Port of Vancouver"),
        _rel(d, "sh-1", "CONTAINS_BRAND", "brand-nike", "1,200 pairs of counterfeit Nike shoes"),
        _rel(d, "ag-cbsa", "SEIZED", "sh-1", "CBSA officers seized the container"),
        _rel(d, "sz-1", "SEIZED", "sh-1", "the seizure of container MSCU1234566"),
    ])


def cbp() -> Batch:
    d = CBP
    return Batch([d], [
        _node(d, "co-hantong", ["Exporter"], "Han Tong Technology Co., Ltd."),
        _node(d, "co-pacific", ["Importer"], "Pacific Rim Imports LLC", country="US"),
        _node(d, "sh-2", ["Shipment"], "TGHU7654321", container="TGHU7654321",
              date="2024-05-10", sector="handbags"),
        _node(d, "sz-2", ["Seizure"], "Seizure 2024-05-14 Long Beach", date="2024-05-14",
              port="Long Beach", sector="handbags", items=800),
        _node(d, "p-garcia", ["Person"], "José Ángel García", ["Jose Angel Garcia"]),
    ], [
        _rel(d, "co-hantong", "EXPORTED", "sh-2", "shipper Han Tong Technology Co., Ltd."),
        _rel(d, "sh-2", "CONSIGNED_TO", "co-pacific", "consignee Pacific Rim Imports LLC"),
        _rel(d, "sz-2", "SEIZED", "sh-2", "CBP seized container TGHU7654321"),
        _rel(d, "p-garcia", "DIRECTS", "co-pacific", "García is the director of Pacific Rim"),
    ])


def rcmp() -> Batch:
    d = RCMP
    return Batch([d], [
        _node(d, "p-zhang", ["Person"], "Wei Zhang", ["Zhang Wei", "张伟"]),
        _node(d, "co-hantong", ["Manufacturer"], "Han Tong Technology"),
        _node(d, "co-lotus", ["Financier"], SECRET_FINANCIER),
    ], [
        _rel(d, "p-zhang", "DIRECTS", "co-hantong", "Zhang Wei runs Han Tong"),
        _rel(d, "co-lotus", "FINANCED", "co-hantong", "Golden Lotus paid for the moulds",
             amount=250000.0, currency="USD", date="2024-01-15"),
    ])


def batches() -> list[Batch]:
    return [cbsa(), cbp(), rcmp()]
