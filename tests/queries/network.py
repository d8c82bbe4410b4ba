"""A small, realistic counterfeiting network written into a real SQLiteStore.

Case CASE-A (CBSA, CBP): Golden Dragon Holdings (planted source) owns the front Ocean Link Export
and hides behind the nominee director Li Ming of the front Pacific Star Trading, which shares its
address; its factory Bright Star Factory makes the goods. Importers Maple Imports and Northern
Goods (Canada) and Gulf Coast Wholesale (USA) pay the fronts; money is structured under 10,000 USD,
layered through Hong Kong in two days and partly returned to Maple (a round trip).
Case CASE-B (HSI): Sunrise Manufacturing (planted source) behind the front Delta Logistics SA de
CV (nominee Juan Perez), importer Texas Discount LLC; Delta shares a phone with Pacific Star.
Legitimate trade: Honest Textiles ships to Legit Retail; Blue Ocean Lines carries everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fakefree.model import Batch, DocumentRecord, Evidence, NodeClaim, RelClaim


@dataclass
class Net:
    batch: Batch = field(default_factory=Batch)
    defs: dict = field(default_factory=dict)
    claimed: set = field(default_factory=set)

    def doc(self, doc_id: str, agency: str, case: str,
            releasability: str = "LAW-ENFORCEMENT-SENSITIVE",
            date: str = "2024-03-01") -> str:
        self.batch.documents.append(DocumentRecord(doc_id, f"{doc_id}.txt", agency, releasability,
                                                   [case], {"date": date}))
        return doc_id

    def node(self, doc: str, node_id: str, labels: list[str], name: str, **props) -> str:
        self.defs[node_id] = (labels, name, props)
        self._claim(doc, node_id)
        return node_id

    def _claim(self, doc: str, node_id: str) -> None:
        if (doc, node_id) in self.claimed:
            return
        labels, name, props = self.defs[node_id]
        self.claimed.add((doc, node_id))
        self.batch.nodes.append(NodeClaim(node_id, doc, labels, name, props=dict(props),
                                          mentions=[Evidence(doc, 0, len(name), name)]))

    def rel(self, doc: str, source: str, rel_type: str, target: str, key: str = "",
            **props) -> None:
        self._claim(doc, source)
        self._claim(doc, target)
        text = f"{self.defs[source][1]} {rel_type.lower()} {self.defs[target][1]}"
        self.batch.rels.append(RelClaim(source, target, rel_type, doc, key, props,
                                        [Evidence(doc, 10, 10 + len(text), text)]))


def build_network() -> Net:
    n = Net()
    a1 = n.doc("docA1", "CBSA", "CASE-A", date="2024-02-01")
    a2 = n.doc("docA2", "CBP", "CASE-A", date="2024-03-01")
    a3 = n.doc("docA3", "FINTRAC", "CASE-A", releasability="REL-TO:CBSA,RCMP", date="2024-04-01")
    b1 = n.doc("docB1", "HSI", "CASE-B", date="2024-05-01")
    c1 = n.doc("docC1", "CBSA", "CASE-C", releasability="UNCLASSIFIED", date="2024-01-15")
    company = ["Company"]
    # parties of case A
    n.node(a1, "golden", company + ["Manufacturer"], "Golden Dragon Holdings Ltd", country="China")
    n.node(a1, "factory", company + ["Manufacturer"], "Bright Star Factory", country="China")
    n.node(a1, "pacific", company + ["FrontCompany", "Exporter"], "Pacific Star Trading Co",
           country="Hong Kong", incorporated="2023-11-20")
    n.node(a1, "ocean", company + ["Exporter"], "Ocean Link Export Ltd", country="Hong Kong")
    n.node(a1, "liming", ["Person"], "Li Ming")
    n.node(a1, "zhang", ["Person"], "Zhang Wei")
    n.node(a1, "maple", company + ["Importer"], "Maple Imports Inc", country="Canada",
           incorporated="2024-01-05")
    n.node(a1, "northern", company + ["Importer"], "Northern Goods Ltd", country="Canada")
    n.node(a2, "gulf", company + ["Importer"], "Gulf Coast Wholesale LLC", country="United States")
    n.node(a1, "blue", company + ["Shipper"], "Blue Ocean Lines")
    n.node(a3, "eastern", company + ["Financier"], "Eastern Capital Ltd", country="Macau")
    n.node(a1, "addr1", ["Address"], "Room 5, 88 Harbour Road, Wan Chai, Hong Kong")
    n.node(a1, "phone1", ["Phone"], "+85223456789")
    n.node(a1, "yantian", ["Port"], "Yantian", country="China")
    n.node(a1, "singapore", ["Port"], "Singapore", transshipment=True)
    n.node(a1, "vancouver", ["Port"], "Vancouver", country="Canada")
    n.node(a1, "nike", ["Brand"], "Nike", hs_codes=["6403", "6404"])
    n.node(a1, "cbsa", ["Agency"], "CBSA")
    # control chain: nominee director, ownership, shared address, employment, financing
    n.rel(a1, "liming", "DIRECTS", "pacific")
    n.rel(a1, "liming", "EMPLOYED_BY", "golden")
    n.rel(a1, "pacific", "HAS_ADDRESS", "addr1")
    n.rel(a1, "golden", "HAS_ADDRESS", "addr1")
    n.rel(a1, "golden", "OWNS", "ocean", share=1.0)
    n.rel(a1, "golden", "OWNS", "factory", share=0.6)
    n.rel(a1, "zhang", "DIRECTS", "golden")
    n.rel(a1, "pacific", "HAS_PHONE", "phone1")
    n.rel(a3, "eastern", "FINANCED", "golden")
    # shipments of case A: factory makes, fronts export, importers import
    shipments = [("s1", "pacific", "maple", 4200, "6403"),
                 ("s2", "pacific", "northern", 3900, "6403"),
                 ("s3", "ocean", "maple", 5100, "6404"), ("s4", "ocean", "gulf", 2800, "6403"),
                 ("s5", "pacific", "gulf", 3000, "6403")]
    for i, (sid, exporter, importer, value, hs) in enumerate(shipments):
        doc = a2 if importer == "gulf" else a1
        n.node(doc, sid, ["Shipment"], f"MSKU{1234560 + i} / BL-A{i}",
               container=f"MSKU{1234560 + i}",
               hs_code=hs, declared_value=value, currency="USD", quantity=1000,
               date=f"2024-02-{10 + i:02d}", declared_goods="sports shoes")
        n.rel(doc, "factory", "MANUFACTURED", sid)
        n.rel(doc, exporter, "EXPORTED", sid)
        n.rel(doc, importer, "IMPORTED", sid)
        n.rel(doc, sid, "CONSIGNED_TO", importer)
        n.rel(doc, "blue", "SHIPPED", sid)
        n.rel(doc, sid, "LOADED_AT", "yantian")
        n.rel(doc, sid, "DISCHARGED_AT", "singapore")
        n.rel(doc, sid, "CONTAINS_BRAND", "nike")
    for i, sid in enumerate(["s1", "s2", "s3", "s4"]):
        doc = a2 if sid == "s4" else a1
        zid = f"z{i + 1}"
        n.node(doc, zid, ["Seizure"], f"Seizure {zid.upper()}", date=f"2024-03-{i + 1:02d}",
               msrp=250000)
        n.rel(doc, zid, "SEIZED", sid)
    # money: accounts, structuring, layering, round trip
    for acct, holder, doc in [("acc_maple", "maple", a3), ("acc_pacific", "pacific", a3),
                              ("acc_ocean", "ocean", a3), ("acc_golden", "golden", a3)]:
        n.node(doc, acct, ["BankAccount"], f"IBAN-{holder.upper()}")
        n.rel(doc, holder, "HOLDS", acct)
    for i, (amount, day) in enumerate([(9500, 1), (9800, 2), (9700, 3), (9900, 4)]):
        n.rel(a3, "acc_maple", "TRANSFERRED", "acc_pacific", key=f"t{i}", amount=amount,
              currency="USD", date=f"2024-01-{day:02d}")
    n.rel(a3, "acc_pacific", "TRANSFERRED", "acc_ocean", key="l1", amount=38000, currency="USD",
          date="2024-01-05")
    n.rel(a3, "acc_ocean", "TRANSFERRED", "acc_golden", key="l2", amount=37500, currency="USD",
          date="2024-01-06")
    n.rel(a3, "acc_golden", "TRANSFERRED", "acc_maple", key="rt", amount=5000, currency="USD",
          date="2024-01-20")
    n.rel(a1, "northern", "PAID", "pacific", key="p1", amount=52000, currency="CAD",
          date="2024-02-12")
    n.rel(a2, "gulf", "PAID", "ocean", key="p2", amount=5000, currency="USD", date="2024-02-14")
    # case B
    n.node(b1, "sunrise", company + ["Manufacturer"], "Sunrise Manufacturing Co", country="China")
    n.node(b1, "delta", company + ["FrontCompany", "Exporter"], "Delta Logistics SA de CV",
           country="Mexico")
    n.node(b1, "perez", ["Person"], "Juan Perez")
    n.node(b1, "texas", company + ["Importer"], "Texas Discount LLC", country="United States")
    n.node(b1, "phone1", ["Phone"], "+85223456789")
    n.node(b1, "maple", company + ["Importer"], "Maple Imports Inc", country="Canada",
           incorporated="2024-01-05")
    n.rel(b1, "perez", "DIRECTS", "delta")
    n.rel(b1, "sunrise", "OWNS", "delta")
    n.rel(b1, "delta", "HAS_PHONE", "phone1")
    n.rel(b1, "maple", "PAID", "delta", key="pb", amount=8000, currency="USD", date="2024-05-02")
    for i in range(3):
        sid, zid = f"sb{i}", f"zb{i}"
        n.node(b1, sid, ["Shipment"], f"TGHU{7654320 + i} / BL-B{i}",
               container=f"TGHU{7654320 + i}",
               hs_code="3304", declared_value=900, quantity=2000, date=f"2024-04-{i + 1:02d}")
        n.rel(b1, "sunrise", "MANUFACTURED", sid)
        n.rel(b1, "delta", "EXPORTED", sid)
        n.rel(b1, "texas", "IMPORTED", sid)
        n.rel(b1, sid, "CONSIGNED_TO", "texas")
        n.node(b1, zid, ["Seizure"], f"Seizure B{i}")
        n.rel(b1, zid, "SEIZED", sid)
    # legitimate trade, unrelated to the networks
    n.node(c1, "honest", company + ["Exporter", "Manufacturer"], "Honest Textiles Co",
           country="India")
    n.node(c1, "legit", company + ["Importer"], "Legit Retail Corp", country="Canada",
           incorporated="2001-06-01")
    n.node(c1, "blue", company + ["Shipper"], "Blue Ocean Lines")
    n.node(c1, "vancouver", ["Port"], "Vancouver", country="Canada")
    for i in range(6):
        sid = f"sc{i}"
        n.node(c1, sid, ["Shipment"], f"CSQU{3054380 + i} / BL-C{i}",
               container=f"CSQU{3054380 + i}",
               hs_code="6109", declared_value=24000 + 1000 * i, quantity=1000,
               date=f"2024-01-{10 + i:02d}", declared_goods="cotton t-shirts")
        n.rel(c1, "honest", "MANUFACTURED", sid)
        n.rel(c1, "honest", "EXPORTED", sid)
        n.rel(c1, "legit", "IMPORTED", sid)
        n.rel(c1, "blue", "SHIPPED", sid)
        n.rel(c1, sid, "DISCHARGED_AT", "vancouver")
    for i in range(5):  # legitimate footwear, the value counterfeits are measured against
        sid = f"sd{i}"
        n.node(c1, sid, ["Shipment"], f"CSQU{3054480 + i} / BL-D{i}",
               container=f"CSQU{3054480 + i}",
               hs_code="640399", declared_value=30000 + 500 * i, quantity=1000,
               date=f"2024-02-{10 + i:02d}", declared_goods="leather shoes")
        n.rel(c1, "honest", "EXPORTED", sid)
        n.rel(c1, "legit", "IMPORTED", sid)
        n.rel(c1, sid, "DISCHARGED_AT", "vancouver")
    return n
