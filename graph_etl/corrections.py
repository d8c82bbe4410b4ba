"""Analyst corrections: merge two entities, split them again; recorded, reversible, respected.

A merge records the analyst's *same* judgement and a redirect, then replays the stored
extractions of every document that asserted the absorbed entity, so its claims move to the
survivor with their evidence. A split records *not same*, removes the redirects and replays the
survivor's documents, so each entity gets its own claims back. Later ingests go through the same
resolver, which follows redirects and never re-merges a pair judged different.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from fakefree.errors import NotFound
from graph_etl.claims import extraction_batch
from graph_etl.resolve import Resolver
from graph_etl.store.base import GraphStore
from graph_etl.ledger import Ledger
from fakefree.model import DocumentRecord, Viewer

__all__ = ["Correction", "merge", "split", "replay"]

log = logging.getLogger(__name__)


@dataclass
class Correction:
    action: str
    survivor: str
    others: list[str]
    documents: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def replay(store: GraphStore, ledger: Ledger, document_ids: list[str]) -> list[str]:
    """Retract and reload documents from their stored extractions; return those replayed."""
    resolver = Resolver(ledger)
    replayed = []
    for doc_id in sorted(set(document_ids)):
        saved = ledger.extraction(doc_id)
        if saved is None:
            log.warning("no stored extraction for document %s; it keeps its claims", doc_id)
            continue
        document, extraction = saved
        store.retract(doc_id)
        store.upsert(extraction_batch(extraction, DocumentRecord(**document), resolver))
        replayed.append(doc_id)
    return replayed


def _documents_of(store: GraphStore, node_id: str) -> list[str]:
    view = store.get(node_id, Viewer.system())
    if view is None:
        raise NotFound(f"No entity {node_id} in {store.uri}.")
    return view.documents


def merge(store: GraphStore, ledger: Ledger, survivor: str, others: list[str], *, who: str,
          reason: str) -> Correction:
    """Merge ``others`` into ``survivor``."""
    _documents_of(store, survivor)
    documents: list[str] = []
    for other in others:
        documents += _documents_of(store, other)
        ledger.judge(survivor, other, same=True, who=who, reason=reason)
        ledger.redirect(other, survivor)
    return Correction("merge", survivor, list(others), replay(store, ledger, documents))


def split(store: GraphStore, ledger: Ledger, node_id: str, *, who: str,
          reason: str) -> Correction:
    """Undo every merge into ``node_id``; the pairs are judged different from now on."""
    documents = _documents_of(store, node_id)
    absorbed = ledger.unredirect(node_id)
    if not absorbed:
        raise NotFound(f"Entity {node_id} has no merge to split in {store.uri}.")
    for other in absorbed:
        ledger.judge(node_id, other, same=False, who=who, reason=reason)
    return Correction("split", node_id, absorbed, replay(store, ledger, documents))
