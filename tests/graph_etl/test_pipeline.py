"""The ingest pipeline end to end: real readers, the shipped NLP model, resolution, the store."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph_etl.pipeline import IngestOptions, ingest
from graph_etl.store import Viewer
from graph_etl.store.ledger import Ledger
from graph_etl.store.sqlite_store import SQLiteStore

DEMO = Path(__file__).resolve().parents[2] / "seed_data" / "demo"
SYSTEM = Viewer.system()


def run_ingest(paths, tmp_path, **options):
    store = SQLiteStore(tmp_path / "graph.db")
    ledger = Ledger(tmp_path / "graph.db.ledger")
    summary = ingest(paths, store, ledger, IngestOptions(**options), "test")
    return store, ledger, summary


def test_pipeline_broken_files_are_quarantined_and_good_ones_loaded(tmp_path):
    expected = json.loads((DEMO / "broken" / "expected.json").read_text("utf-8"))
    quarantine = tmp_path / "quarantine"
    store, ledger, summary = run_ingest([DEMO / "broken"], tmp_path, agency="CBSA",
                                        case="CA-TEST-0001", quarantine_dir=quarantine)
    outcomes = {f.path: f for f in summary.files}
    for name, want in expected.items():
        got = outcomes[name]
        if want["action"] == "quarantine":
            assert got.outcome == "quarantined", (name, got)
            assert name in got.reason and got.reason.endswith(".")
            assert (quarantine / name).exists()
            assert (quarantine / f"{name}.reason.txt").read_text("utf-8").strip() == got.reason
        else:
            assert got.outcome == "loaded", (name, got.reason)
    hostile = store.search("DETACH DELETE", SYSTEM)
    assert hostile, "names full of Cypher are stored verbatim and found"
    assert store.stats(SYSTEM)["documents"] == sum(
        1 for w in expected.values() if w["action"] == "load")


def test_pipeline_rerun_is_a_no_op_and_a_changed_file_replaces_its_old_version(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    source = DEMO / "documents"
    case = sorted(p for p in source.iterdir() if p.is_dir())[0]
    log = next(case.glob("vessel_manifest.csv"))
    shutil.copy(log, folder / "manifest_a.csv")
    store, ledger, first = run_ingest([folder], tmp_path, agency="CBSA", case=case.name)
    stats = store.stats(SYSTEM)
    assert first.count("loaded") == 1
    _, _, again = run_ingest([folder], tmp_path, agency="CBSA", case=case.name)
    assert again.count("duplicate") == 1 and store.stats(SYSTEM) == stats
    lines = (folder / "manifest_a.csv").read_text("utf-8").splitlines()
    (folder / "manifest_a.csv").write_text("\n".join(lines[:2]) + "\n", "utf-8")
    _, _, changed = run_ingest([folder], tmp_path, agency="CBSA", case=case.name)
    assert changed.files[0].reason == "replaced the previous version"
    after = store.stats(SYSTEM)
    assert after["documents"] == 1
    assert after["relationships"] < stats["relationships"]


@pytest.mark.slow
def test_pipeline_kill_9_then_rerun_loses_and_duplicates_nothing(tmp_path):
    cases = sorted(p for p in (DEMO / "documents").iterdir() if p.is_dir())[:2]
    store_path = tmp_path / "graph.db"
    cmd = [sys.executable, "-m", "fakefree.cli", "ingest", *map(str, cases), "--store",
           str(store_path)]
    env = {"FAKEFREE_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    victim = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    ledger_path = tmp_path / "graph.db.ledger"
    while time.time() < deadline:  # wait until some but not all files are in
        if ledger_path.exists() and len(Ledger(ledger_path).entries("loaded")) >= 3:
            break
        time.sleep(0.5)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    finished = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
    assert finished.returncode in (0, 2), finished.stderr
    reference = tmp_path / "reference"
    reference.mkdir()
    ref_store, _, _ = run_ingest(cases, reference)
    assert SQLiteStore(store_path).stats(SYSTEM) == ref_store.stats(SYSTEM)


def test_manifest_is_looked_for_above_a_folder_only_as_far_as_asked(tmp_path):
    from graph_etl.pipeline import discover

    (tmp_path / "manifest.csv").write_text(
        "path,case,agency,releasability\nuploads/note.txt,PLANTED,EVIL,UNCLASSIFIED\n", "utf-8")
    folder = tmp_path / "uploads"
    folder.mkdir()
    (folder / "note.txt").write_text("A note.", "utf-8")
    (found,) = discover([folder], IngestOptions())
    assert (found.case, found.agency) == ("PLANTED", "EVIL")
    (found,) = discover([folder], IngestOptions(case="C-1", manifest_levels=0))
    assert (found.case, found.agency, found.name) == ("C-1", "", "note.txt")
