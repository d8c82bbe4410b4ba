"""CSV and Excel: one record per row with a readable rendering for evidence."""

from __future__ import annotations

import datetime as dt

import pytest

from graph_etl.readers import Unreadable, read

from .builders import write, xlsx_bytes

MB = 1 << 20

CSV = ("Conteneur;Société;Port;Valeur\n"
       "MSCU1234565;Société Générale;Le Havre;45 000 €\n"
       ";;;\n"
       "TGHU7654321;Logística Ñandú S.A. de C.V.;Manzanillo;\n")


def test_tabular_reads_cp1252_semicolon_csv(tmp_path):
    [result] = read(write(tmp_path, "log.csv", CSV, "cp1252"), max_bytes=MB)
    assert result.kind == "records" and result.reader == "csv"
    assert result.columns == ["Conteneur", "Société", "Port", "Valeur"]
    assert result.records == [
        {"Conteneur": "MSCU1234565", "Société": "Société Générale", "Port": "Le Havre",
         "Valeur": "45 000 €"},
        {"Conteneur": "TGHU7654321", "Société": "Logística Ñandú S.A. de C.V.",
         "Port": "Manzanillo", "Valeur": None},
    ]
    assert result.row_texts[1] == ("Conteneur: TGHU7654321; Société: Logística Ñandú S.A. de "
                                   "C.V.; Port: Manzanillo")
    assert result.row_numbers == [2, 4]
    assert result.meta["delimiter"] == ";" and result.meta["encoding"] == "cp1252"


def test_tabular_reads_quoted_comma_csv_with_multiline_cell(tmp_path):
    data = ('name,role,notes\n"García, José Ángel",importer,"paid in cash\nat Veracruz"\n'
            'Han Tong Technology,exporter,\n')
    [result] = read(write(tmp_path, "parties.csv", data), max_bytes=MB)
    assert result.records[0] == {"name": "García, José Ángel", "role": "importer",
                                 "notes": "paid in cash\nat Veracruz"}
    assert result.row_texts[0] == ("name: García, José Ángel; role: importer; "
                                   "notes: paid in cash at Veracruz")
    assert result.records[1]["notes"] is None


def test_tabular_reads_tsv_and_names_blank_and_repeated_columns(tmp_path):
    data = "port\t\tport\nVeracruz\t12\tManzanillo\n"
    [result] = read(write(tmp_path, "ports.tsv", data), max_bytes=MB)
    assert result.columns == ["port", "column_2", "port_2"]
    assert result.records == [{"port": "Veracruz", "column_2": "12", "port_2": "Manzanillo"}]


def test_tabular_reads_every_xlsx_sheet(tmp_path):
    data = xlsx_bytes({
        "Saisies": [["Conteneur", "Date", "Valeur", "Société"],
                    ["MSCU1234565", dt.datetime(2025, 3, 4), 45000.5, "Société Générale"],
                    [None, None, None, None],
                    ["TGHU7654321", dt.datetime(2025, 3, 9), 1200, "José Ángel García"]],
        "Vide": [],
        "Cuentas": [["IBAN", "Titular"], ["MX12 3456", "Logística Ñandú"]],
    })
    path = write(tmp_path, "book.xlsx", data)
    seizures, accounts = read(path, max_bytes=MB)
    assert seizures.path == f"{path}#sheet/Saisies" and seizures.meta["sheet"] == "Saisies"
    assert seizures.columns == ["Conteneur", "Date", "Valeur", "Société"]
    assert seizures.records[0] == {"Conteneur": "MSCU1234565", "Date": "2025-03-04",
                                   "Valeur": 45000.5, "Société": "Société Générale"}
    assert seizures.records[1]["Valeur"] == 1200
    assert seizures.row_numbers == [2, 4]
    assert seizures.row_texts[1] == ("Conteneur: TGHU7654321; Date: 2025-03-09; "
                                     "Valeur: 1200; Société: José Ángel García")
    assert accounts.records == [{"IBAN": "MX12 3456", "Titular": "Logística Ñandú"}]
    assert seizures.sha256 == accounts.sha256


def test_tabular_refuses_workbook_without_data(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "empty.xlsx", xlsx_bytes({"Sheet": []})), max_bytes=MB)
    assert err.value.reason == "no_text"
    assert str(err.value) == "empty.xlsx is an Excel workbook with no data in any sheet."


def test_tabular_refuses_truncated_workbook(tmp_path):
    data = xlsx_bytes({"S": [["a"], ["b"]]})
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "cut.xlsx", data[:200]), max_bytes=MB)
    assert err.value.reason == "corrupt"
    assert str(err.value) == "cut.xlsx is a damaged Excel workbook that cannot be opened."


def test_tabular_ignores_formatted_empty_cells_past_the_table(tmp_path):
    data = xlsx_bytes({"S": [["port", "value", None, None], ["Veracruz", 12, None, None],
                             [None, None, None, None], ["Manzanillo", None, None, "late note"]]})
    [result] = read(write(tmp_path, "ragged.xlsx", data), max_bytes=MB)
    assert result.columns == ["port", "value", "column_3", "column_4"]
    assert result.records == [
        {"port": "Veracruz", "value": 12, "column_3": None, "column_4": None},
        {"port": "Manzanillo", "value": None, "column_3": None, "column_4": "late note"}]
    assert result.row_numbers == [2, 4]


def test_tabular_keeps_time_of_day_in_xlsx_datetimes(tmp_path):
    data = xlsx_bytes({"S": [["seized at"], [dt.datetime(2025, 3, 4, 14, 30)]]})
    [result] = read(write(tmp_path, "times.xlsx", data), max_bytes=MB)
    assert result.records == [{"seized at": "2025-03-04T14:30:00"}]
