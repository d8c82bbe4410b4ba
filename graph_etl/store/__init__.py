"""Graph stores: one contract (:class:`GraphStore`), an embedded and a Neo4j backend.

>>> from graph_etl.store import open_store  # doctest: +SKIP
>>> store = open_store("./fakefree.db")  # doctest: +SKIP
"""

from __future__ import annotations

from fakefree import settings
from graph_etl.store.base import GraphStore
from fakefree.model import (
    Batch,
    DocumentRecord,
    Evidence,
    NodeClaim,
    NodeView,
    Path,
    RelClaim,
    RelView,
    Viewer,
)

__all__ = [
    "GraphStore", "open_store", "Batch", "DocumentRecord", "Evidence", "NodeClaim", "NodeView",
    "Path", "RelClaim", "RelView", "Viewer", "NEO4J_SCHEMES",
]

NEO4J_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")


def open_store(uri: str | None = None) -> GraphStore:
    """Open the store named by ``uri`` (default: the ``FAKEFREE_STORE`` setting).

    A path opens the embedded SQLite store; a ``neo4j://`` or ``bolt://`` URI opens Neo4j with
    the ``NEO4J_USERNAME`` / ``NEO4J_PASSWORD`` / ``NEO4J_DATABASE`` settings.
    """
    uri = uri or settings.get("FAKEFREE_STORE")
    if uri.startswith(NEO4J_SCHEMES):
        from graph_etl.store.neo4j.retry import RetryPolicy
        from graph_etl.store.neo4j.store import Neo4jStore, credentials

        user, password = credentials()
        return Neo4jStore(uri, user=user, password=password,
                          database=settings.get("NEO4J_DATABASE"),
                          retry=RetryPolicy.from_settings())
    if "://" in uri:
        from fakefree.errors import StoreUnavailable

        raise StoreUnavailable(
            f"Store URI {uri} has an unknown scheme; use a file path or one of "
            f"{', '.join(NEO4J_SCHEMES)}.")
    from graph_etl.store.sqlite.store import SQLiteStore

    return SQLiteStore(uri)
