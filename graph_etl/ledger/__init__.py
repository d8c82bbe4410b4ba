"""The ETL ledger: which file was loaded when, with which hash, reader and extractor, and how.

It lives in its own SQLite file beside the graph (``<store>.ledger`` for an embedded store,
``FAKEFREE_HOME/ledger-<host>.db`` for Neo4j), so re-runs know what is already done whatever
the backend. Its four parts sit in one file and are read by different steps: the file records
(:mod:`graph_etl.pipeline`), the entity-resolution index and the same / not-same judgements
(:mod:`graph_etl.resolve`), and the extractions merges and splits replay
(:mod:`graph_etl.corrections`).
"""

from __future__ import annotations

import re
from pathlib import Path

from graph_etl.ledger.extractions import Extractions
from graph_etl.ledger.files import FileRecords, LedgerEntry
from graph_etl.ledger.index import IndexedEntity, ResolutionIndex
from graph_etl.ledger.judgements import Judgements

__all__ = ["Ledger", "LedgerEntry", "IndexedEntity", "ledger_path_for"]


class Ledger(FileRecords, ResolutionIndex, Judgements, Extractions):
    """The file records, resolution index, judgements and extractions in one private SQLite file."""


def ledger_path_for(store_uri: str, home: Path) -> Path:
    """Where the ledger of a store lives."""
    if "://" not in store_uri:
        return Path(store_uri).with_name(Path(store_uri).name + ".ledger")
    safe = re.sub(r"[^A-Za-z0-9]+", "_", store_uri.split("://", 1)[1]).strip("_")
    return home / f"ledger-{safe}.db"
