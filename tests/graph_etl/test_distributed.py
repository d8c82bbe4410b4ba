"""``--executor dask://``: extraction on a real local Dask cluster of worker processes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fakefree.errors import StoreUnavailable
from graph_etl.pipeline import IngestOptions, ingest
from graph_etl.store import Viewer
from graph_etl.ledger import Ledger
from graph_etl.store.sqlite.store import SQLiteStore

distributed = pytest.importorskip("distributed")

DEMO = Path(__file__).resolve().parents[2] / "seed_data" / "demo" / "documents"
SYSTEM = Viewer.system()


def _corpus(tmp_path: Path) -> Path:
    """Five files of one demo case, text and records, with its manifest rows."""
    case = sorted(p for p in DEMO.iterdir() if p.is_dir())[0]
    folder = tmp_path / "in" / case.name
    folder.mkdir(parents=True)
    for path in sorted(p for p in case.iterdir() if p.suffix in (".txt", ".csv", ".eml"))[:5]:
        shutil.copy(path, folder / path.name)
    return tmp_path / "in"


def _ingest(folder: Path, db: Path, executor: str):
    store = SQLiteStore(db)
    summary = ingest([folder], store, Ledger(db.with_suffix(".ledger")),
                     IngestOptions(agency="CBSA", case="CA-DASK", workers=1, executor=executor),
                     "test")
    return store, summary


def _shape(store: SQLiteStore) -> tuple:
    G = store.subgraph(SYSTEM)
    return (sorted((n, d["name"], tuple(d["labels"])) for n, d in G.nodes(data=True)),
            sorted((u, v, k, d["type"]) for u, v, k, d in G.edges(keys=True, data=True)))


@pytest.mark.slow
def test_distributed_dask_cluster_gives_the_local_graph_and_reruns_as_no_op(tmp_path):
    folder = _corpus(tmp_path)
    local, local_summary = _ingest(folder, tmp_path / "local.db", "local")
    with distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        executor = "dask://" + cluster.scheduler_address.removeprefix("tcp://")
        remote, summary = _ingest(folder, tmp_path / "dask.db", executor)
        assert summary.count("loaded") == local_summary.count("loaded") > 0
        assert _shape(remote) == _shape(local)
        assert remote.stats(SYSTEM) == local.stats(SYSTEM)
        remote.close()
        again, rerun = _ingest(folder, tmp_path / "dask.db", executor)
        assert rerun.count("loaded") == 0
        assert rerun.count("duplicate") == summary.count("loaded") + summary.count("quarantined")
        assert _shape(again) == _shape(local)


def test_distributed_unreachable_scheduler_is_one_sentence(tmp_path):
    folder = _corpus(tmp_path)
    with pytest.raises(StoreUnavailable, match="Cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        _ingest(folder, tmp_path / "x.db", "dask://127.0.0.1:9")
