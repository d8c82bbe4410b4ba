"""Tables of other agencies mapped by header synonyms (en/fr/es) and values, odd layouts read."""

from __future__ import annotations

import datetime as dt

import pytest

from graph_etl.columns import parse_header, profile, assign
from graph_etl.mapping import NoMapping, choose_mapping, map_records, mappings, normalise_column
from graph_etl.readers import read
from tests.graph_etl.readers.builders import write, xlsx_bytes

MB = 1 << 20

# A French money-services register: BOM, ';', title lines, decimal commas, day-first dates,
# accented and abbreviated headers, a payee's remark in brackets.
FRENCH = ("\ufeffRegistre des opérations – production sur ordonnance\r\n"
          "Période : août à octobre\r\n"
          "\r\n"
          "N° op.;Date de l'opération;Donneur d'ordre;Bénéf.;Compte bénéficiaire;"
          "Institution bénéficiaire;Pays;Montant;Devise;Motif\r\n"
          "OP-1;03/08/2024;Quincaillerie Laval Ltée;Transferts Boréal Inc. (pour Laval);"
          "0047-1182-55;Banque Nationale;Canada;9 500,00;CAD;Facture 12\r\n"
          "OP-2;19/08/2024;Marc Tremblay;Atelier Sud SARL;FR7630006000011234567890189;"
          "BNP Paribas;France;1.250,50;EUR;Loyer\r\n")

SPANISH = ("Núm.,Fecha,Cta. ordenante,Ordenante,Beneficiario,Cta. beneficiario,Banco,"
           "Monto (MXN),Concepto\n"
           "1,02/09/2024,012180001234567897,Comercial Norte SA de CV,Rosa Elena Díaz,"
           "072180009876543219,BANORTE,\"125,000.00\",ANTICIPO\n"
           "2,25/09/2024,012180001234567897,Comercial Norte SA de CV,Transportes Mar SA,"
           "014180005555555551,SANTANDER,\"64,800.50\",FLETE\n")

ENGLISH_SEIZURES = ("Incident #,Seized On,Entry Port,Equipment,Exporter,Ultimate Consignee,"
                    "Goods,Trademark,Units,Est. Value (USD),Disposition\n"
                    "INC-7,11/23/2024,\"Oakland, CA\",MSCU1234566,Shenzhen Hua Li Trading Co.,"
                    "Bayside Auto Supply LLC,brake pads,ACME,1200,\"$48,000.00\",Forfeited\n"
                    "INC-7,11/23/2024,\"Oakland, CA\",MSCU1234566,Shenzhen Hua Li Trading Co.,"
                    "Bayside Auto Supply LLC,air filters,FILTRO,300,\"$6,000.00\",Forfeited\n"
                    "INC-9,01/04/2025,\"Oakland, CA\",TGHU7654320,Shenzhen Hua Li Trading Co.,"
                    "Bayside Auto Supply LLC,spark plugs,ACME,5000,\"$55,000.00\",Pending\n")


def mapped(path):
    [result] = read(path, max_bytes=MB)
    out = map_records(result.records, result.columns, path.name, result.row_texts,
                      result.row_numbers, result.meta.get("preamble", ()))
    names = {e["id"]: e for e in out["entities"]}
    return result, out, names


def edges(out, kind):
    return [(r["source"], r["target"], r["props"]) for r in out["relations"] if r["type"] == kind]


def test_mapping_headers_fold_accents_abbreviations_and_units():
    assert parse_header("Bénéf.").tokens == ("beneficiary",)
    assert parse_header("Cta. ordenante").tokens == ("cuenta", "ordenante")
    assert parse_header("Monto (MXN)").unit == "MXN" and parse_header("Amount USD").unit == "USD"
    assert normalise_column("Bénéficiaire") == "beneficiaire"


def test_mapping_french_register_with_title_rows_bom_and_decimal_commas(tmp_path):
    result, out, names = mapped(write(tmp_path, "registre.csv", FRENCH, "utf-8"))
    assert result.meta["delimiter"] == ";" and result.row_numbers == [5, 6]
    assert result.meta["preamble"][0].startswith("Registre des opérations")
    assert out["mapping"] == "bank_records"
    paid = edges(out, "PAID")
    assert paid[0] == ("Company:Quincaillerie Laval Ltée", "Company:Transferts Boréal Inc.",
                       {"amount": 9500.0, "currency": "CAD", "date": "2024-08-03",
                        "reference": "Facture 12", "txn_id": "OP-1"})
    assert paid[1][0] == "Person:Marc Tremblay"
    assert paid[1][2]["amount"] == 1250.5 and paid[1][2]["date"] == "2024-08-19"
    assert names["Company:Transferts Boréal Inc."]["attrs"]["remark"] == "pour Laval"
    holds = edges(out, "HOLDS")
    assert ("Company:Transferts Boréal Inc.", "BankAccount:0047-1182-55", {}) in holds
    assert names["BankAccount:0047-1182-55"]["attrs"]["bank"] == "Banque Nationale"
    assert ("Company:Atelier Sud SARL", "Country:France", {}) in edges(out, "REGISTERED_IN")


def test_mapping_spanish_transfers_take_the_currency_from_the_header_unit(tmp_path):
    _, out, _ = mapped(write(tmp_path, "transferencias.csv", SPANISH))
    assert out["mapping"] == "bank_records"
    transferred = edges(out, "TRANSFERRED")
    assert transferred[0][:2] == ("BankAccount:012180001234567897",
                                  "BankAccount:072180009876543219")
    assert transferred[0][2]["amount"] == 125000.0 and transferred[0][2]["currency"] == "MXN"
    assert transferred[1][2]["date"] == "2024-09-25" and transferred[1][2]["amount"] == 64800.5
    assert edges(out, "PAID")[0][:2] == ("Company:Comercial Norte SA de CV",
                                         "Person:Rosa Elena Díaz")


def test_mapping_seizure_log_with_other_headers_makes_seizures_of_shipments(tmp_path):
    _, out, names = mapped(write(tmp_path, "seizures.csv", ENGLISH_SEIZURES))
    assert out["mapping"] == "seizure_log"
    seized = edges(out, "SEIZED")
    assert {s for s, _, _ in seized} == {"Seizure:Seizure INC-7", "Seizure:Seizure INC-9"}
    assert ("Seizure:Seizure INC-7", "Shipment:MSCU1234566", {"date": "2024-11-23"}) in seized
    seizure = names["Seizure:Seizure INC-9"]["attrs"]
    assert seizure["date"] == "2025-01-04" and seizure["msrp_usd"] == 55000.0
    assert seizure["quantity"] == 5000.0 and seizure["port"] == "Oakland, CA"
    assert ("Company:Shenzhen Hua Li Trading Co.", "Shipment:MSCU1234566", {"date": "2024-11-23"}
            ) in edges(out, "EXPORTED")
    assert "Exporter" in names["Company:Shenzhen Hua Li Trading Co."]["labels"]
    assert {t for _, t, _ in edges(out, "CONTAINS_BRAND")} == {"Brand:ACME", "Brand:FILTRO"}
    assert ("Shipment:MSCU1234566", "Company:Bayside Auto Supply LLC", {}) in edges(
        out, "CONSIGNED_TO")


def test_mapping_a_column_no_header_names_is_matched_by_its_values(tmp_path):
    rows = [["Seizure No", "Fecha", "Caja", "Marca"],
            ["S-1", "2025-02-03", "MSCU1234566", "ACME"],
            ["S-2", "2025-02-05", "TGHU7654320", "ACME"],
            ["S-3", "2025-02-06", "MSCU1234566", "FILTRO"]]
    [result] = read(write(tmp_path, "log.xlsx", xlsx_bytes({"Log": rows})), max_bytes=MB)
    plan = choose_mapping(result.columns, "log.xlsx", result.records)
    match = {m.field: m for m in plan.matches}["container"]
    assert (match.column, match.how, match.cells) == ("Caja", "values", 3)
    assert "ISO 6346" in match.evidence()


def test_mapping_header_whose_cells_contradict_it_is_not_taken():
    records = [{"Date": "pending", "Payer": "A Ltd", "Payee": "B Inc", "Amount": "10"}] * 4
    plan = choose_mapping(["Date", "Payer", "Payee", "Amount"], "t.csv", records)
    assert "date" not in plan.columns and plan.mapping.name == "payments"
    profiles = profile(["Amount"], [{"Amount": "n/a"}] * 4)
    assert assign(["amount"], profiles) == []


def test_mapping_statement_sheet_reads_holder_from_title_rows_and_direction(tmp_path):
    data = xlsx_bytes({
        "Summary": [["Flows reviewed in the case"], [None],
                    ["Flow", "Count"], ["Norte -> Sur", 2]],
        "Statement": [["Banco Ejemplo - Estado de cuenta 0012-3456789"],
                      ["Titular: IMPORTADORA DEL SUR SA DE CV, Av. Reforma 12, CDMX"],
                      [None],
                      ["Fecha", "Cargo/Abono", "Importe USD", "Contraparte", "País"],
                      [dt.datetime(2024, 5, 2), "Abono", 1500, "Comercial Norte SA", "MX"],
                      [dt.datetime(2024, 5, 9), "Cargo", 900.5, "Fábrica Oriente Ltd", "CN"]],
    })
    summary, statement = read(write(tmp_path, "book.xlsx", data), max_bytes=MB)
    with pytest.raises(NoMapping):
        map_records(summary.records, summary.columns, "book.xlsx", summary.row_texts,
                    summary.row_numbers, summary.meta.get("preamble", ()))
    out = map_records(statement.records, statement.columns, "book.xlsx", statement.row_texts,
                      statement.row_numbers, statement.meta["preamble"])
    assert out["mapping"] == "account_statement" and statement.row_numbers == [5, 6]
    assert edges(out, "PAID") == [
        ("Company:Comercial Norte SA", "Company:IMPORTADORA DEL SUR SA DE CV",
         {"amount": 1500.0, "currency": "USD", "date": "2024-05-02"}),
        ("Company:IMPORTADORA DEL SUR SA DE CV", "Company:Fábrica Oriente Ltd",
         {"amount": 900.5, "currency": "USD", "date": "2024-05-09"})]
    assert ("Company:IMPORTADORA DEL SUR SA DE CV", "BankAccount:0012-3456789", {}) in edges(
        out, "HOLDS")
    assert ("Company:Fábrica Oriente Ltd", "Country:China", {}) in edges(out, "REGISTERED_IN")


def test_mapping_unknown_table_names_the_closest_mapping_and_what_it_lacks():
    with pytest.raises(NoMapping) as err:
        choose_mapping(["Seizure No", "Remarks"], "notes.csv", [{"Seizure No": "1"}])
    assert str(err.value) == ("notes.csv matches no record mapping: the closest, seizure_log, "
                              "finds no column for container or bill_of_lading.")


def test_mapping_statement_with_debit_and_credit_columns_and_cash_deposits(tmp_path):
    text = ("Bank statement - Account holder: NORDHAVN TRADING INC. - Acct 004-11223-99 - CAD\n\n"
            "Posting Dt,Description,Debit ($CAD),Credit ($CAD),Cpty Name,Amt (FX),FX Ccy\n"
            "2025-03-03,WIRE OUT,\"14,345.90\",,KESTREL SUPPLY LLC,\"10,000.00\",USD\n"
            "2025-03-04,CASH DEP,,\"9,500.00\",,,\n"
            "2025-03-06,EFT IN,,\"1,200.00\",HALDEN RETAIL LTD,,\n")
    table = read(write(tmp_path, "stmt.csv", text.encode()), max_bytes=MB)[0]
    out = map_records(table.records, table.columns, "stmt.csv", table.row_texts,
                      table.row_numbers, table.meta.get("preamble", ()))
    assert out["mapping"] == "account_statement"
    paid = [(a, b, p["amount"], p["currency"]) for a, b, p in edges(out, "PAID")]
    assert paid == [
        ("Company:NORDHAVN TRADING INC.", "Company:KESTREL SUPPLY LLC", 14345.9, "CAD"),
        ("BankAccount:004-11223-99", "Company:NORDHAVN TRADING INC.", 9500.0, "CAD"),
        ("Company:HALDEN RETAIL LTD", "Company:NORDHAVN TRADING INC.", 1200.0, "CAD")]


@pytest.mark.parametrize("header,field", [
    ("Destinatario", "beneficiary"), ("Bco. destino", "beneficiary_bank"),
    ("Bene Nm", "beneficiary"), ("Fch. Op.", "date"), ("Orig Nm", "originator"),
])
def test_mapping_general_abbreviations_and_words_of_wire_tables(header, field):
    profiles = profile([header, "Importe (USD)"],
                       [{header: "B SA" if "date" != field else "2025-01-02",
                         "Importe (USD)": 10.0}])
    wires = next(m for m in mappings() if m.name == "bank_records")
    matched = {m.column: m.field for m in assign(wires.fields, profiles)}
    assert matched.get(header) == field
