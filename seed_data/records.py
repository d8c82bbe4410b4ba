"""Structured records (CSV/XLSX): seizure logs, vessel manifests and bank records.

Cells carry the spellings agencies actually type (variants, inconsistent casing), and every row
remembers which true entities and relations it refers to.
"""

from __future__ import annotations

from seed_data.docspec import Ctx, DocSpec, Table

__all__ = ["seizure_log", "manifest", "bank_records"]

_AGENCY_CUSTOMS = {"CA": "CBSA", "US": "CBP", "MX": "ANAM"}


def _cell(c: Ctx, eid: str) -> str:
    ent = c.w.get(eid)
    rng = c.rng
    value = ent.name if rng.random() < 0.5 else rng.choice(ent.variants)
    if ent.type in ("PERSON", "ORG") and rng.random() < 0.2:
        value = value.upper()
    if any("\u4e00" <= ch <= "\u9fff" for ch in value):
        value = ent.name
    ent.spellings.add(value)
    return value


def _rel(c: Ctx, source: str, rtype: str, target: str) -> str:
    rel = c.w.find(source, rtype, target, c.case.id) or c.w.find(source, rtype, target, "")
    if rel is None:
        raise ValueError(f"No true relation {source} {rtype} {target} in {c.case.id}.")
    return rel.id


def seizure_log(c: Ctx) -> DocSpec:
    case, rng = c.case, c.rng
    es = case.country == "MX"
    cols = (["folio", "fecha", "aduana", "contenedor", "conocimiento", "mercancia", "marca", "cantidad",
             "valor_usd", "importador", "autoridad"] if es else
            ["seizure_no", "date", "port", "container", "bill_of_lading", "goods", "brand", "quantity",
             "msrp_usd", "importer", "agency"])
    meaning = ["seizure number (Seizure entity)", "seizure date (ISO)", "port of entry (Port)",
               "container number, ISO 6346", "bill of lading (Shipment)", "goods description",
               "infringed brand (Brand)", "units seized", "estimated MSRP in USD", "importer of record (Company)",
               "seizing agency (Agency)"]
    table = Table(dict(zip(cols, meaning)))
    seized = [s for s in case.shipments if s.seized_by]
    for s in seized:
        sz = c.w.get(s.seizure)
        row = [sz.name.replace("Seizure ", ""), s.seizure_date, _cell(c, s.pod), c.w.get(s.container_entity).name,
               s.bl, s.goods, _cell(c, s.brand), str(s.quantity), f"{s.msrp:.2f}", _cell(c, s.importer),
               c.w.get(s.seized_by).identifiers["code"]]
        table.rows.append(row)
        table.row_entities.append({cols[0]: s.seizure, cols[2]: s.pod, cols[3]: s.container_entity, cols[4]: s.entity,
                                   cols[6]: s.brand, cols[9]: s.importer, cols[10]: s.seized_by})
        table.row_relations.append([_rel(c, s.seized_by, "SEIZED", s.entity), _rel(c, s.seizure, "SEIZED", s.entity),
                                    _rel(c, s.entity, "CONTAINS_BRAND", s.brand), _rel(c, s.entity, "DISCHARGED_AT", s.pod),
                                    _rel(c, s.importer, "IMPORTED", s.entity),
                                    _rel(c, s.entity, "ASSOCIATED_WITH", s.container_entity)])
    agency = _AGENCY_CUSTOMS[case.country]
    fmt = "xlsx" if rng.random() < 0.4 else "csv"
    return DocSpec("seizure_log", case.id, agency, "LAW-ENFORCEMENT-SENSITIVE", "es" if es else "en",
                   "seizure_log", max(s.seizure_date for s in seized), fmt, table=table)


def manifest(c: Ctx) -> DocSpec:
    case, rng, w = c.case, c.rng, c.w
    cols = ["vessel", "imo", "voyage", "bill_of_lading", "container", "shipper", "consignee", "notify_party",
            "hs_code", "description", "packages", "weight_kg", "port_of_loading", "port_of_discharge", "eta"]
    meaning = ["vessel name (Vessel)", "IMO number (Identifier)", "voyage number", "bill of lading (Shipment)",
               "container, ISO 6346 (Identifier)", "shipper / exporter (Company)", "consignee / importer (Company)",
               "notify party, usually the customs broker (Company)", "HS code (Identifier)", "declared goods",
               "number of cartons", "gross weight", "port of loading (Port)", "port of discharge (Port)",
               "estimated arrival"]
    table = Table(dict(zip(cols, meaning)))
    for s in sorted(case.shipments, key=lambda x: (x.date, x.bl)):
        vessel = w.get(s.vessel)
        imo = vessel.props["imo_entity"]
        desc = s.goods.upper() if not s.counterfeit else rng.choice(["GENERAL MERCHANDISE", "ACCESSORIES", "SPARE PARTS",
                                                                      "HOUSEHOLD GOODS", "SAMPLES NO COMMERCIAL VALUE"])
        row = [_cell(c, s.vessel), w.get(imo).name, f"{rng.randrange(100, 999)}{rng.choice('ENWS')}", s.bl,
               rng.choice(w.get(s.container_entity).variants), _cell(c, s.exporter), _cell(c, s.importer),
               _cell(c, s.broker), rng.choice(w.get(s.hs_entity).variants), desc, str(rng.randrange(50, 1500)),
               str(rng.randrange(800, 24000)), _cell(c, s.pol), _cell(c, s.pod), s.date]
        table.rows.append(row)
        table.row_entities.append({"vessel": s.vessel, "imo": imo, "bill_of_lading": s.entity, "container": s.container_entity,
                                   "shipper": s.exporter, "consignee": s.importer, "notify_party": s.broker,
                                   "hs_code": s.hs_entity, "port_of_loading": s.pol, "port_of_discharge": s.pod})
        table.row_relations.append([_rel(c, s.exporter, "EXPORTED", s.entity), _rel(c, s.entity, "CONSIGNED_TO", s.importer),
                                    _rel(c, s.entity, "CARRIED_BY", s.vessel), _rel(c, s.entity, "LOADED_AT", s.pol),
                                    _rel(c, s.entity, "DISCHARGED_AT", s.pod), _rel(c, s.vessel, "ASSOCIATED_WITH", imo),
                                    _rel(c, s.entity, "ASSOCIATED_WITH", s.container_entity),
                                    _rel(c, s.entity, "ASSOCIATED_WITH", s.hs_entity),
                                    _rel(c, s.broker, "ASSOCIATED_WITH", s.entity)])
    return DocSpec("vessel_manifest", case.id, _AGENCY_CUSTOMS[case.country], "LAW-ENFORCEMENT-SENSITIVE", "en",
                   "manifest", min(s.date for s in case.shipments), "csv", table=table)


def bank_records(c: Ctx) -> DocSpec:
    case, rng, w = c.case, c.rng, c.w
    cols = ["txn_id", "value_date", "originator", "originator_account", "originator_bic", "beneficiary",
            "beneficiary_account", "beneficiary_bic", "amount", "currency", "reference"]
    meaning = ["bank transaction id", "value date (ISO)", "account holder sending (Person/Company)",
               "sending account (BankAccount: IBAN or domestic number)", "sending bank SWIFT/BIC (Identifier)",
               "account holder receiving", "receiving account (BankAccount)", "receiving bank SWIFT/BIC",
               "amount (dot decimal)", "ISO 4217 currency", "payment reference"]
    table = Table(dict(zip(cols, meaning)))
    for chain in case.chains:
        for x in chain:
            sa, ta = w.get(x.source_account), w.get(x.target_account)
            sbank, tbank = w.get(sa.props["bank"]), w.get(ta.props["bank"])
            row = [f"TX{rng.randrange(10**8, 10**9)}", x.date, _cell(c, x.source_party), rng.choice(sa.variants),
                   sbank.identifiers["swift"], _cell(c, x.target_party), rng.choice(ta.variants),
                   tbank.identifiers["swift"], f"{x.amount:.2f}", x.currency,
                   x.reference if "over_invoicing" in x.flags else rng.choice(["", "GOODS", "SERVICES", "LOAN", x.reference])]
            table.rows.append(row)
            table.row_entities.append({"originator": x.source_party, "originator_account": x.source_account,
                                       "originator_bic": sbank.props["swift_entity"], "beneficiary": x.target_party,
                                       "beneficiary_account": x.target_account, "beneficiary_bic": tbank.props["swift_entity"]})
            table.row_relations.append([x.relation, _rel(c, x.source_party, "HOLDS", x.source_account),
                                        _rel(c, x.target_party, "HOLDS", x.target_account)])
    rel = f"REL-TO:{case.lead},{case.agencies[-1]}" if rng.random() < 0.5 else "AGENCY-ONLY"
    fmt = "xlsx" if rng.random() < 0.3 else "csv"
    return DocSpec("bank_records", case.id, case.lead, rel, "en", "bank_records",
                   max(x.date for ch in case.chains for x in ch), fmt, table=table)
