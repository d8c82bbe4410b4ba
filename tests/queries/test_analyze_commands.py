import json

import pytest

from cli.commands import (
    analyze_commands,  # noqa: F401  (registers the commands)
    store_commands,  # noqa: F401
)
from tests.cli import run_cli


@pytest.fixture
def db(network_store):
    return str(network_store.path)


@pytest.mark.parametrize("command", ["source-orgs", "money-flows", "key-players", "communities",
                                     "shared-identifiers", "cross-case", "risk"])
def test_analyze_commands_json(monkeypatch, capsys, db, command):
    code, out, err = run_cli(monkeypatch, capsys, "analyze", command, "--store", db, "--json")
    assert code == 0, err
    assert isinstance(json.loads(out), dict)


def test_analyze_commands_source_orgs_case_text(monkeypatch, capsys, db):
    code, out, _ = run_cli(monkeypatch, capsys, "analyze", "source-orgs", "--case", "CASE-B",
                       "--store", db, "--top", "3")
    assert code == 0
    assert out.splitlines()[1].strip().startswith("1. Sunrise Manufacturing Co")


def test_analyze_commands_path_by_name_with_evidence(monkeypatch, capsys, db):
    code, out, _ = run_cli(monkeypatch, capsys, "analyze", "path", "Maple Imports",
                       "Golden Dragon Holdings", "--store", db)
    assert code == 0
    assert out.startswith("1. Maple Imports Inc -[") and "\u201c" in out


def test_analyze_commands_as_viewer_hides_money(monkeypatch, capsys, db):
    code, out, _ = run_cli(monkeypatch, capsys, "analyze", "money-flows", "--store", db,
                       "--as-viewer", "HSI", "--json")
    assert code == 0
    assert all(t["type"] == "PAID" for t in json.loads(out)["transfers"])


def test_analyze_commands_screen(monkeypatch, capsys, db, tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text("name,phone\nPacific Star Trading Ltd,\n,+852-2345-6789\n", "utf-8")
    code, out, _ = run_cli(monkeypatch, capsys, "screen", str(listing), "--store", db, "--json")
    assert code == 0
    entries = json.loads(out)["entries"]
    assert entries[0]["candidates"][0]["entity"]["id"] == "pacific"
    assert {c["entity"]["id"] for c in entries[1]["candidates"]} == {"pacific", "delta"}


def test_analyze_commands_screen_missing_file_is_one_sentence(monkeypatch, capsys, db, tmp_path):
    code, _, err = run_cli(monkeypatch, capsys, "screen", str(tmp_path / "nope.csv"), "--store", db)
    assert code == 1 and err.startswith("Error: Cannot read the watchlist")
