"""Load benchmark: a deterministic synthetic graph, and how fast a store takes it in.

>>> batches = list(generate_batches(1200, 2000, seed=7, chunk_nodes=1000))
>>> [len(b.rels) for b in batches]
[1667, 333]
>>> batches[0].nodes[0] == list(generate_batches(1200, 2000, seed=7, chunk_nodes=1000))[0].nodes[0]
True
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Iterable, Iterator
from typing import Any

from graph_etl.store.base import GraphStore
from fakefree.model import Batch, DocumentRecord, Evidence, NodeClaim, RelClaim, stable_id

__all__ = ["generate_batches", "load_rate"]

log = logging.getLogger(__name__)

_LABELS = (["Person"], ["Company", "Importer"], ["Company", "Exporter"],
           ["Company", "Manufacturer"],
           ["Company"], ["Address"], ["BankAccount"], ["Shipment"], ["Phone"], ["Port"])
_TYPES = ("OWNS", "DIRECTS", "PAID", "SHIPPED", "IMPORTED", "EXPORTED", "HAS_ADDRESS", "HOLDS",
          "CONSIGNED_TO", "ASSOCIATED_WITH")
_WORDS = ("Han", "Tong", "Global", "Trading", "Zhang", "Wei", "Société", "Générale", "Pérez",
          "Logistics", "Import", "Export", "Shenzhen", "Vancouver", "Nuevo", "Laredo", "Müller",
          "O'Brien", "Holdings", "Textiles", "Pacific", "Atlantic", "Dragon", "Star")
_AGENCIES = ("RCMP", "CBSA", "HSI", "CBP", "SAT")
_RELEASABILITY = ("UNCLASSIFIED", "LAW-ENFORCEMENT-SENSITIVE", "AGENCY-ONLY")


def generate_batches(n_nodes: int, n_rels: int, seed: int = 0, *, chunk_nodes: int = 10_000,
                     claims_per_document: int = 500) -> Iterator[Batch]:
    """Yield a synthetic graph of ``n_nodes`` nodes and ``n_rels`` relationships in batches.

    Each batch holds ``chunk_nodes`` new nodes, one document per ``claims_per_document`` of them,
    and its share of relationships, each between nodes its document names (a fifth reach back to
    a node of an earlier batch, which that document then claims too). Same arguments, same graph.
    """
    rng = random.Random(seed)
    names: list[str] = []
    made = rels_made = doc_count = 0
    while made < n_nodes:
        size = min(chunk_nodes, n_nodes - made)
        rel_size = round(n_rels * (made + size) / n_nodes) - rels_made
        docs = []
        for _ in range(max(1, -(-size // claims_per_document))):
            docs.append(DocumentRecord(
                id=f"bench-doc-{doc_count:06d}", name=f"Bench report {doc_count}",
                agency=rng.choice(_AGENCIES), releasability=rng.choice(_RELEASABILITY),
                cases=[f"CASE-{rng.randrange(50):03d}"],
                props={"date": f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"}))
            doc_count += 1
        nodes, own = [], []
        for i in range(made, made + size):
            doc = docs[(i - made) // claims_per_document]
            names.append(" ".join(rng.choice(_WORDS) for _ in range(3)) + f" {i}")
            nodes.append(_claim(i, doc, names[i], rng))
            own.append(i)
        rels = []
        for j in range(rels_made, rels_made + rel_size):
            d = rng.randrange(len(docs))
            doc = docs[d]
            first = d * claims_per_document
            source = own[rng.randrange(first, min(first + claims_per_document, size))]
            if made and rng.random() < 0.2:  # a link to an earlier node, which this doc names too
                target = rng.randrange(made)
                nodes.append(_claim(target, doc, names[target], rng))
            else:
                target = own[rng.randrange(first, min(first + claims_per_document, size))]
            rels.append(RelClaim(
                source=_node_id(source), target=_node_id(target), type=rng.choice(_TYPES),
                document_id=doc.id, key=str(j), props={"amount": rng.randrange(1, 10**6)},
                evidence=[Evidence(doc.id, 0, 20, "synthetic evidence")],
                confidence=round(rng.random(), 3)))
        made += size
        rels_made += rel_size
        yield Batch(documents=docs, nodes=nodes, rels=rels)


def _claim(i: int, doc: DocumentRecord, name: str, rng: random.Random) -> NodeClaim:
    return NodeClaim(id=_node_id(i), document_id=doc.id, labels=list(_LABELS[i % len(_LABELS)]),
                     name=name, aliases=[name.upper()] if rng.random() < 0.2 else [],
                     props={"rank": i % 97},
                     mentions=[Evidence(doc.id, i % 1000, i % 1000 + 9, name)])


def _node_id(i: int) -> str:
    return "b" + stable_id("bench", str(i))


def load_rate(store: GraphStore, batches: Iterable[Batch]) -> dict[str, Any]:
    """Upsert ``batches`` into ``store``; return counts, seconds and nodes+relationships per second.

    Only the time spent in ``store.upsert`` is counted, not generating the batches.
    """
    nodes = rels = documents = 0
    elapsed = 0.0
    for batch in batches:
        started = time.perf_counter()
        store.upsert(batch)
        elapsed += time.perf_counter() - started
        nodes += len(batch.nodes)
        rels += len(batch.rels)
        documents += len(batch.documents)
        log.info("%s: %d nodes, %d rels loaded in %.1f s", store.uri, nodes, rels, elapsed)
    return {"store": store.uri, "documents": documents, "nodes": nodes, "rels": rels,
            "seconds": round(elapsed, 2),
            "per_second": round((nodes + rels) / elapsed) if elapsed else 0}
