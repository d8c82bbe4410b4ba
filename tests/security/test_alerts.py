"""The alerts queue: stable ids, triage with who/when/why, and the CLI that fills and reads it."""

from __future__ import annotations

import json

import pytest

from security.alerts import AlertStore
from cli.commands import alert_commands, analyze_commands  # noqa: F401  (registers them)
from fakefree.errors import InputError, NotFound
from graph_etl.store import Viewer
from graph_etl.store.sqlite.store import SQLiteStore
from queries.screening import parse_watchlist, screen
from tests.queries.network import build_network
from tests.cli import run_cli

WATCHLIST = "name,country\nGolden Dragon Holdings Limited,HK\nPacific Star Trading Ltd,\n"


@pytest.fixture
def store_path(tmp_path, monkeypatch):
    monkeypatch.setenv("FAKEFREE_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("FAKEFREE_SECURITY_DB", str(tmp_path / "home" / "security.db"))
    path = tmp_path / "graph.db"
    store = SQLiteStore(path)
    store.upsert(build_network().batch)
    store.close()
    return path


def _result(store_path):
    graph = SQLiteStore(store_path).subgraph(Viewer.system())
    return screen(graph, parse_watchlist(WATCHLIST))


def test_alerts_same_list_twice_adds_no_duplicate(store_path, tmp_path):
    queue = AlertStore(tmp_path / "alerts.db")
    result = _result(store_path)
    assert queue.add(result, watchlist="list.csv", who="ana") == (2, 0)
    assert queue.add(result, watchlist="list-again.csv", who="bob") == (0, 2)
    alerts = queue.list()
    assert {a.entity_name for a in alerts} == {"Golden Dragon Holdings Ltd",
                                               "Pacific Star Trading Co"}
    assert all(a.status == "open" and a.created_by == "ana" for a in alerts)


def test_alerts_triage_keeps_who_when_and_note(store_path, tmp_path):
    queue = AlertStore(tmp_path / "alerts.db")
    queue.add(_result(store_path), watchlist="list.csv", who="ana")
    first = queue.list()[0]
    done = queue.triage(first.id, "escalated", who="bob", note="  same director  ")
    assert (done.status, done.triaged_by, done.note) == ("escalated", "bob", "same director")
    assert done.triaged_at
    assert [a.id for a in queue.list("escalated")] == [first.id]
    assert first.id not in [a.id for a in queue.list("open")]
    queue.add(_result(store_path), watchlist="list.csv", who="ana")  # re-screening
    assert queue.get(first.id).status == "escalated"  # keeps the triage done


def test_alerts_bad_status_and_unknown_id(tmp_path):
    queue = AlertStore(tmp_path / "alerts.db")
    with pytest.raises(InputError, match="Unknown alert status 'closed'"):
        queue.list("closed")
    with pytest.raises(NotFound, match="No alert alert-nope"):
        queue.triage("alert-nope", "dismissed", who="ana")


def test_alerts_cli_screen_list_triage(monkeypatch, capsys, store_path, tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text(WATCHLIST, "utf-8")
    db = str(store_path)
    code, out, err = run_cli(monkeypatch, capsys, "screen", str(listing), "--alerts", "--store", db)
    assert code == 0, err
    assert "2 new alerts, 0 already in the queue." in out
    code, out, _ = run_cli(monkeypatch, capsys, "screen", str(listing), "--alerts", "--store", db)
    assert "0 new alerts, 2 already in the queue." in out

    code, out, _ = run_cli(monkeypatch, capsys, "alerts", "--status", "open", "--json", "--store", db)
    assert code == 0
    alerts = json.loads(out)
    assert len(alerts) == 2 and {a["status"] for a in alerts} == {"open"}
    target = alerts[0]["id"]
    code, out, _ = run_cli(monkeypatch, capsys, "alerts", "triage", target, "--status", "dismissed",
                       "--note", "other firm", "--store", db)
    assert code == 0 and out.strip() == f"{target} is now dismissed."
    code, out, _ = run_cli(monkeypatch, capsys, "alerts", "--store", db)
    assert f"{target}  dismissed" in out and "other firm" in out

    from security.signin import open_security

    _, audit = open_security()
    assert [e.action for e in audit.entries() if e.action in ("screen", "alert_triage")] == [
        "screen", "screen", "alert_triage"]


def test_alerts_cli_errors_are_one_sentence(monkeypatch, capsys, store_path):
    code, _, err = run_cli(monkeypatch, capsys, "alerts", "triage", "alert-nope", "--status",
                       "dismissed", "--store", str(store_path))
    assert code == 1 and err.startswith("Error: No alert alert-nope")
    code, _, err = run_cli(monkeypatch, capsys, "alerts", "--status", "closed",
                       "--store", str(store_path))
    assert code == 1 and err.startswith("Error: Unknown alert status 'closed'")
