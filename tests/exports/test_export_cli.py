import hashlib
import shutil
from pathlib import Path

import pytest

from security.audit import AuditLog
from cli.commands import export_commands, ingest_commands, store_commands  # noqa: F401
from tests.cli import run_cli

from .data_fixtures import CBSA_SHA, SECRETS, all_text, members, store  # noqa: F401

FORMATS = ["graphml", "gexf", "anb-csv", "ftm", "csv"]
DEMO = Path(__file__).resolve().parents[2] / "seed_data" / "demo" / "documents" / "CA-2024-0334"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("FAKEFREE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("FAKEFREE_SECURITY_DB", raising=False)
    return tmp_path / "home"


def export(monkeypatch, capsys, db, out, fmt, *extra):
    return run_cli(monkeypatch, capsys, "export", "--store", str(db), "--format", fmt,
               "--around", "Maple Leaf Trading", "--hops", "2", "--date", "2026-11-25",
               "-o", str(out), *extra)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_cli_same_graph_same_date_same_bytes(monkeypatch, capsys, store, home, tmp_path,
                                                    fmt):
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    for out in (first, second):
        code, stdout, err = export(monkeypatch, capsys, store.path, out, fmt, "--as-viewer", "CBSA")
        assert code == 0, err
        assert stdout.startswith(f"Wrote {out} ({fmt}, 11 entities")
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_cli_agency_only_document_left_out(monkeypatch, capsys, store, home, tmp_path,
                                                  fmt):
    shown, hidden = tmp_path / "rcmp", tmp_path / "cbsa"
    assert export(monkeypatch, capsys, store.path, shown, fmt, "--as-viewer", "RCMP")[0] == 0
    assert export(monkeypatch, capsys, store.path, hidden, fmt, "--as-viewer", "CBSA")[0] == 0
    assert all(s in all_text(shown.read_bytes()) for s in SECRETS)
    text = all_text(hidden.read_bytes())
    assert not [s for s in SECRETS if s in text]


def test_export_cli_writes_audit_entry(monkeypatch, capsys, store, home, tmp_path):
    out = tmp_path / "maple.zip"
    assert export(monkeypatch, capsys, store.path, out, "csv", "--as-viewer", "CBSA")[0] == 0
    (entry,) = AuditLog(home / "security.db").entries(action="export")
    assert entry.target == str(out)
    assert entry.details["format"] == "csv" and entry.details["viewer"] == "CBSA"
    assert entry.details["documents"] == [CBSA_SHA]
    assert "maple" in entry.details["entities"] and "wu" not in entry.details["entities"]
    assert entry.details["marking"] == "LAW-ENFORCEMENT-SENSITIVE"


@pytest.mark.parametrize("args, message", [
    (["--format", "nope", "--around", "Maple"], "Error: Unknown export format 'nope'"),
    (["--format", "csv", "--around", "Nobody At All"], "Error: No entity matches"),
    (["--format", "csv", "--around", "Maple", "--date", "25/11/2026"],
     "Error: Export date '25/11/2026' is not a date"),
    (["--format", "csv"], "Error: Name at least one entity"),
    (["--around", "Maple"], "Error: Name a format with --format"),
])
def test_export_cli_errors_in_one_sentence(monkeypatch, capsys, store, home, tmp_path, args,
                                           message):
    code, _, err = run_cli(monkeypatch, capsys, "export", "--store", str(store.path),
                       "-o", str(tmp_path / "x"), *args)
    assert code == 1 and err.startswith(message) and len(err.strip().splitlines()) == 1


def test_export_cli_unwritable_output_is_one_sentence(monkeypatch, capsys, store, home,
                                                      tmp_path):
    out = tmp_path / "missing-folder" / "x.zip"
    code, _, err = export(monkeypatch, capsys, store.path, out, "csv")
    assert code == 1 and err.startswith(f"Error: Cannot write the export to {out}")
    assert not AuditLog(home / "security.db").entries(action="export")


SEED_NAMES = ("bill_of_lading_01.txt", "seizure_report_01.txt", "interview_broker_agent.txt")


def ingest_seed_documents(monkeypatch, capsys, tmp_path) -> tuple[Path, dict[str, str]]:
    """Two CBSA documents and an AGENCY-ONLY RCMP interview of the demo corpus, ingested."""
    names = SEED_NAMES
    folder = tmp_path / "docs"
    (folder / DEMO.name).mkdir(parents=True)
    manifest = (DEMO.parent / "manifest.csv").read_text("utf-8").splitlines()
    rows = [manifest[0]] + [line for line in manifest if line.split(",")[0].endswith(names)]
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", "utf-8")
    sha = {}
    for name in names:
        shutil.copy(DEMO / name, folder / DEMO.name / name)
        sha[name] = hashlib.sha256((DEMO / name).read_bytes()).hexdigest()
    db = tmp_path / "demo.db"
    code, _, err = run_cli(monkeypatch, capsys, "ingest", str(folder), "--store", str(db))
    assert code == 0, err
    return db, sha


@pytest.mark.slow
def test_export_cli_on_seed_documents(monkeypatch, capsys, home, tmp_path):
    db, sha = ingest_seed_documents(monkeypatch, capsys, tmp_path)
    outputs = {}
    for viewer in ("CBSA", "RCMP"):
        outputs[viewer] = tmp_path / f"{viewer}.zip"
        code, _, err = run_cli(monkeypatch, capsys, "export", "--store", str(db), "--format", "csv",
                           "--around", "Jade Supply Ltd", "--as-viewer", viewer,
                           "--date", "2026-11-25", "-o", str(outputs[viewer]))
        assert code == 0, err
    cbsa = members(outputs["CBSA"].read_bytes())
    assert "Jade Supply Ltd" in cbsa["nodes.csv"].decode("utf-8-sig")
    documents = cbsa["documents.csv"].decode("utf-8-sig")
    assert f"{sha['bill_of_lading_01.txt']},CA-2024-0334/bill_of_lading_01.txt,CBSA" in documents
    assert f"{sha['seizure_report_01.txt']},CA-2024-0334/seizure_report_01.txt,CBSA" in documents
    secret = sha["interview_broker_agent.txt"]
    assert secret not in all_text(outputs["CBSA"].read_bytes())
    assert "interview_broker_agent" not in all_text(outputs["CBSA"].read_bytes())
    rcmp = members(outputs["RCMP"].read_bytes())["documents.csv"].decode("utf-8-sig")
    assert f"{secret},CA-2024-0334/interview_broker_agent.txt,RCMP,AGENCY-ONLY" in rcmp


@pytest.mark.slow
def test_export_cli_package_for_a_partner_is_audited_and_loads_on_the_other_side(
        monkeypatch, capsys, home, tmp_path):
    db, sha = ingest_seed_documents(monkeypatch, capsys, tmp_path)
    monkeypatch.chdir(tmp_path)
    package = tmp_path / "for-cbsa.zip"
    code, out, err = run_cli(monkeypatch, capsys, "export", "--store", str(db), "--package",
                         "--for", "CBSA", "--date", "2026-11-25", "-o", str(package))
    assert code == 0, err
    (entry,) = AuditLog(home / "security.db").entries(action="export")
    assert entry.target == str(package) and entry.details["partner"] == "CBSA"
    assert sorted(entry.details["documents"]) == sorted(
        sha[name] for name in ("bill_of_lading_01.txt", "seizure_report_01.txt"))
    assert sha["interview_broker_agent.txt"] not in all_text(package.read_bytes())

    partner = tmp_path / "partner.db"
    code, out, err = run_cli(monkeypatch, capsys, "ingest", str(package), "--store", str(partner))
    assert code == 0, err
    code, out, err = run_cli(monkeypatch, capsys, "search", "Jade Supply", "--store", str(partner),
                         "--as-viewer", "CBSA")
    assert code == 0 and "Jade Supply Ltd" in out, err
    code, out, _ = run_cli(monkeypatch, capsys, "ingest", str(package), "--store", str(partner))
    assert code == 0 and "0 loaded" in out


def test_export_cli_help_has_an_example_and_every_format(monkeypatch, capsys):
    code, out, _ = run_cli(monkeypatch, capsys, "export", "--help")
    assert code == 0 and "Example: fakefree export --format graphml" in out
    assert all(fmt in out for fmt in ("html", "svg", "png", "pdf", *FORMATS))
