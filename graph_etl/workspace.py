"""One way to open a workspace: the store a URI names and its ledger, closed together.

The CLI, the dashboard and the benchmarks open what they read and write here, so that the
ledger always sits beside its store and nothing is left open:

>>> import tempfile; from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> with open_workspace(str(folder / "graph.db"), home=folder) as (store, ledger):
...     store.uri.endswith("graph.db"), ledger.path == folder / "graph.db.ledger"
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from fakefree import settings
from graph_etl.store import GraphStore, open_store
from graph_etl.ledger import Ledger, ledger_path_for

__all__ = ["Workspace", "open_workspace", "open_ledger"]


class Workspace(NamedTuple):
    store: GraphStore
    ledger: Ledger


def open_ledger(uri: str | None = None, *, home: Path | None = None) -> Ledger:
    """The ledger of the store ``uri`` names (default: the ``FAKEFREE_STORE`` setting), in
    ``home`` (default: ``FAKEFREE_HOME``)."""
    uri = uri or settings.get("FAKEFREE_STORE")
    return Ledger(ledger_path_for(uri, home or settings.home()))


@contextmanager
def open_workspace(uri: str | None = None, *, home: Path | None = None) -> Iterator[Workspace]:
    """The store ``uri`` names and its ledger; both are closed when the block ends."""
    with open_store(uri) as store, open_ledger(uri, home=home) as ledger:
        yield Workspace(store, ledger)
