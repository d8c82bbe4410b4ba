"""``fakefree mappings suggest``: a draft mapping with the evidence of each column choice."""

from __future__ import annotations

import json

import yaml
from typer.testing import CliRunner

from cli import app as cli_app
from cli.commands import mapping_commands  # noqa: F401  (registers the command)

TRANSFERS = ("Fecha;Ordenante;Beneficiario;Cta. beneficiario;Importe;Divisa;Observaciones\n"
             "05/09/2024;Comercial Norte SA de CV;Rosa Elena Díaz;072180009876543219;"
             "125.000,00;MXN;pago\n"
             "19/09/2024;Comercial Norte SA de CV;Transportes Mar SA;014180005555555551;"
             "64.800,50;MXN;flete\n")


def run(*args):
    cli_app.register_groups()
    return CliRunner().invoke(cli_app.app, list(args))


def test_mapping_commands_suggest_writes_a_draft_with_evidence(tmp_path):
    source = tmp_path / "transferencias.csv"
    source.write_text(TRANSFERS, "utf-8")
    out = tmp_path / "draft.yaml"
    result = run("mappings", "suggest", str(source), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert text.startswith("# Draft record mapping for transferencias.csv")
    draft = yaml.safe_load(text)
    assert draft["based_on"] == "bank_records" and draft["complete"] is True
    column = draft["columns"]["Cta. beneficiario"]
    assert column["field"] == "beneficiary_account" and column["synonym"] == "cuenta beneficiario"
    assert column["language"] == "es" and column["cells"] == "2/2"
    assert draft["columns"]["Observaciones"] == {"field": None, "values": "text"}


def test_mapping_commands_suggest_json_and_missing_file(tmp_path):
    source = tmp_path / "t.csv"
    source.write_text(TRANSFERS, "utf-8")
    result = run("mappings", "suggest", str(source), "--json")
    assert json.loads(result.output)[0]["columns"]["Importe"]["field"] == "amount"
    missing = run("mappings", "suggest", str(tmp_path / "nope.csv"))
    assert missing.exit_code != 0
