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
from graph_etl.ledger import Ledger, LedgerEntry
from graph_etl.store.sqlite.store import SQLiteStore

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


def _one_manifest(tmp_path: Path) -> tuple[Path, Path]:
    """A folder holding the first demo case's vessel manifest, and that case's folder."""
    folder = tmp_path / "in"
    folder.mkdir()
    case = sorted(p for p in (DEMO / "documents").iterdir() if p.is_dir())[0]
    shutil.copy(next(case.glob("vessel_manifest.csv")), folder / "manifest_a.csv")
    return folder, case


def test_pipeline_rerun_is_a_no_op_and_a_changed_file_replaces_its_old_version(tmp_path):
    folder, case = _one_manifest(tmp_path)
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


def test_pipeline_a_wiped_store_behind_the_same_ledger_is_loaded_again(tmp_path, caplog):
    """The ledger says the file is loaded, but the database behind the address is new or was
    wiped: skipping the file would leave the store empty."""
    folder, case = _one_manifest(tmp_path)
    store, _, first = run_ingest([folder], tmp_path, agency="CBSA", case=case.name)
    stats = store.stats(SYSTEM)
    store.close()
    (tmp_path / "graph.db").unlink()
    store, _, again = run_ingest([folder], tmp_path, agency="CBSA", case=case.name)
    assert first.count("loaded") == again.count("loaded") == 1
    assert store.stats(SYSTEM)["documents"] == stats["documents"] == 1
    assert "store holds no document" in caplog.text


@pytest.mark.slow
def test_pipeline_kill_9_then_rerun_loses_and_duplicates_nothing(tmp_path):
    cases = sorted(p for p in (DEMO / "documents").iterdir() if p.is_dir())[:2]
    store_path = tmp_path / "graph.db"
    cmd = [sys.executable, "-m", "cli", "ingest", *map(str, cases), "--store",
           str(store_path)]
    # Groups of 4 files: the kill lands between two groups' writes or inside one.
    env = {"FAKEFREE_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin",
           "FAKEFREE_INGEST_BATCH_FILES": "4"}
    victim = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    ledger_path = tmp_path / "graph.db.ledger"
    while time.time() < deadline:  # wait until some but not all files are in
        if ledger_path.exists() and len(Ledger(ledger_path).entries("loaded")) >= 6:
            break
        time.sleep(0.2)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    recorded = Ledger(ledger_path).entries("loaded")
    assert 6 <= len(recorded) < 50, "killed after some groups and before the end"
    killed = SQLiteStore(store_path)
    stored = {d.id for d in killed.documents(SYSTEM)}
    killed.close()
    for entry in recorded:  # never recorded as loaded before its claims are in the store
        assert set(entry.documents) <= stored, entry.path
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


def _extraction_json(*names: str, label: str = "") -> str:
    entities = [{"id": f"e{i}", "type": "ORG", "name": name, **({"label": label} if label else {})}
                for i, name in enumerate(names)]
    return json.dumps({"entities": entities, "relations": []})


def test_a_file_the_store_rejects_is_quarantined_and_the_rest_of_its_group_loads(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_text(_extraction_json("Acme Trading Ltd"), "utf-8")
    (folder / "b.json").write_text(_extraction_json("Nostromo", label="Spaceship"), "utf-8")
    (folder / "c.json").write_text(_extraction_json("Solvane Imports SA"), "utf-8")
    store, ledger, summary = run_ingest([folder], tmp_path, agency="CBSA", case="C-1",
                                        batch_files=50, batch_seconds=600)
    assert {f.path: f.outcome for f in summary.files} == {
        "a.json": "loaded", "b.json": "quarantined", "c.json": "loaded"}
    assert "Spaceship" in next(f.reason for f in summary.files if f.path == "b.json")
    assert sorted(d.name for d in store.documents(SYSTEM)) == ["a.json", "c.json"]
    assert sorted(e.path for e in ledger.entries("loaded")) == ["a.json", "c.json"]
    assert [e.path for e in ledger.entries("quarantined")] == ["b.json"]
    _, _, again = run_ingest([folder], tmp_path, agency="CBSA", case="C-1")
    assert {f.path: f.outcome for f in again.files} == {
        "a.json": "duplicate", "b.json": "quarantined", "c.json": "duplicate"}


def test_writing_files_in_groups_gives_the_same_graph_as_one_at_a_time(tmp_path):
    case = sorted(p for p in (DEMO / "documents").iterdir() if p.is_dir())[0]
    graphs = []
    for batch_files in (1, 50):
        folder = tmp_path / str(batch_files)
        folder.mkdir()
        store, _, summary = run_ingest([case], folder, batch_files=batch_files,
                                       batch_seconds=600)
        assert summary.count("loaded") == len(summary.files) > 10
        graphs.append(store.subgraph(SYSTEM))
    one, grouped = graphs
    assert dict(one.nodes(data=True)) == dict(grouped.nodes(data=True))
    assert sorted(one.edges(keys=True)) == sorted(grouped.edges(keys=True))


def test_ledger_writes_in_a_batch_are_seen_inside_it_and_undone_by_an_error(tmp_path):
    ledger = Ledger(tmp_path / "ledger.db")
    entry = dict(sha256="abc", size=1, reader="txt", extractor_version="v", case_id="C",
                 agency="CBSA", releasability="LES", outcome="loaded", reason="",
                 documents=["abc"], at="")
    with pytest.raises(RuntimeError):
        with ledger.batch():
            ledger.record(LedgerEntry(path="one.txt", **entry))
            assert ledger.loaded("abc") is not None
            raise RuntimeError("crash before the batch ends")
    assert ledger.entries() == []
    other = Ledger(tmp_path / "ledger.db")
    with ledger.batch():
        ledger.record(LedgerEntry(path="one.txt", **entry))
        with ledger.batch():  # a nested batch is part of the outer one
            ledger.record(LedgerEntry(path="two.txt", **entry))
        assert other.entries() == []  # another connection sees nothing before the end
    assert [e.path for e in other.entries()] == ["one.txt", "two.txt"]


HEADER = "txn_id,value_date,originator,originator_account,beneficiary,beneficiary_account,amount,currency\n"


def test_pipeline_a_name_without_legal_form_joins_its_own_cases_company_found_later(tmp_path):
    """Case 2's bank row names "Harbor Pine Trading" before case 2's "Harbor Pine Trading Inc."
    is known, while case 1 has "Harbor Pine Trading LLC": the row is replayed and its account
    ends with case 2's company, not case 1's."""
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir(), two.mkdir()
    (one / "wires.csv").write_text(HEADER + "T1,2024-01-05,Harbor Pine Trading LLC,11122233344,"
                                   "Kestrel Supply Co. Ltd,55566677788,41000.00,USD\n", "utf-8")
    (two / "a_wires.csv").write_text(HEADER + "T2,2024-03-05,Harbor Pine Trading,99988877766,"
                                     "Osprey Goods Ltd,44433322211,12500.00,USD\n", "utf-8")
    (two / "b_wires.csv").write_text(HEADER + "T3,2024-03-09,Harbor Pine Trading Inc.,"
                                     "99988877700,Osprey Goods Ltd,44433322211,9100.00,USD\n",
                                     "utf-8")
    store = SQLiteStore(tmp_path / "graph.db")
    ledger = Ledger(tmp_path / "graph.db.ledger")
    ingest([one], store, ledger, IngestOptions(agency="HSI", case="C-1"), "test")
    ingest([two], store, ledger, IngestOptions(agency="HSI", case="C-2"), "test")
    G = store.subgraph(SYSTEM)
    holder = {G.nodes[u]["view"].name for u, v, t in G.edges(data="type")
              if t == "HOLDS" and G.nodes[v]["view"].name == "99988877766"}
    assert holder == {"Harbor Pine Trading Inc."}
    llc = next(n for n in G if G.nodes[n]["view"].name == "Harbor Pine Trading LLC")
    assert G.nodes[llc]["view"].cases == ["C-1"]
