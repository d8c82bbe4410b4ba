"""The GraphStore contract and the pure functions every backend shares.

Backends keep claims (what each document asserts) and turn the claims a viewer may see into
:class:`NodeView` and :class:`RelView` with :func:`merge_node` and :func:`merge_rel`, so both
backends show exactly the same thing to the same viewer.
"""

from __future__ import annotations

import gc
import json
from contextlib import contextmanager
from functools import lru_cache
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, runtime_checkable

import networkx as nx
import orjson

from fakefree.errors import AmbiguousName, InputError, NotFound
from fakefree.schema import primary_label, schema
from fakefree.text import fold as fold_accents
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
    "GraphStore",
    "ClosingStore",
    "Traversals",
    "bulk_work",
    "document_node",
    "dumps",
    "walk_back",
    "walk_neighbors",
    "shortest_chains",
    "stats_summary",
    "fold",
    "prepare_batch",
    "node_claim_data",
    "rel_claim_data",
    "merge_node",
    "merge_rel",
    "to_graph",
    "DocInfo",
]

DocInfo = dict[str, Any]
"""What the merge functions need of a document: ``agency``, ``releasability``, ``cases``, ``date``."""


@runtime_checkable
class GraphStore(Protocol):
    """One contract, several backends (embedded SQLite, Neo4j).

    Every read takes the caller's :class:`Viewer` and returns only what the documents that viewer
    may see assert. Writes are idempotent: the same batch twice gives the same graph.
    """

    uri: str

    def upsert(self, batch: Batch) -> dict[str, int]: ...
    def get(self, node_id: str, viewer: Viewer) -> NodeView | None: ...
    def get_document(self, document_id: str, viewer: Viewer) -> DocumentRecord | None: ...
    def search(self, text: str, viewer: Viewer, *, label: str | None = None,
               limit: int = 20) -> list[NodeView]: ...
    def neighbors(self, node_id: str, viewer: Viewer, *, hops: int = 1,
                  rel_types: Iterable[str] | None = None, limit: int = 2000) -> nx.MultiDiGraph: ...
    def subgraph(self, viewer: Viewer, *, ids: Iterable[str] | None = None,
                 labels: Iterable[str] | None = None, cases: Iterable[str] | None = None,
                 rel_types: Iterable[str] | None = None) -> nx.MultiDiGraph: ...
    def paths(self, source: str, target: str, viewer: Viewer, *, max_hops: int = 4,
              limit: int = 10) -> list[Path]: ...
    def stats(self, viewer: Viewer) -> dict[str, Any]: ...
    def documents(self, viewer: Viewer) -> list[DocumentRecord]: ...
    def retract(self, document_id: str) -> dict[str, int]: ...
    def close(self) -> None: ...
    def __enter__(self) -> GraphStore: ...
    def __exit__(self, *exc: object) -> None: ...


class Traversals:
    """``neighbors`` and ``paths`` written once, over the primitives every backend supplies:
    the viewer's tags, the visible nodes of a set, the visible relationships touching a set
    (:data:`RelRow`), and the merged views of nodes and relationships."""

    uri: str

    def _tags(self, viewer: Viewer) -> Any:
        raise NotImplementedError

    def _visible_nodes(self, ids: Iterable[str], tags: Any) -> set[str]:
        raise NotImplementedError

    def _expand(self, frontier: set[str], tags: Any, types: list[str] | None) -> list[RelRow]:
        raise NotImplementedError

    def _node_views(self, ids: Iterable[str], tags: Any) -> dict[str, NodeView]:
        raise NotImplementedError

    def _rel_views(self, keys: set[Any], tags: Any) -> dict[str, RelView]:
        raise NotImplementedError

    def _rel_key(self, row: RelRow) -> Any:
        """How :meth:`_rel_views` names the relationship of ``row`` (its id by default)."""
        return row[0]

    def neighbors(self, node_id: str, viewer: Viewer, *, hops: int = 1,
                  rel_types: Iterable[str] | None = None, limit: int = 2000) -> nx.MultiDiGraph:
        """The network within ``hops`` of a node, ignoring direction, capped at ``limit`` nodes."""
        tags = self._tags(viewer)
        if not self._visible_nodes([node_id], tags):
            raise NotFound(f"No entity {node_id} is visible in {self.uri}.")
        types = sorted(rel_types) if rel_types else None
        nodes, rels, truncated = walk_neighbors(
            lambda frontier: self._expand(frontier, tags, types),
            lambda ids: self._visible_nodes(ids, tags), node_id, hops=hops, limit=limit)
        graph = to_graph(self._node_views(nodes, tags).values(),
                         self._rel_views({self._rel_key(r) for r in rels}, tags).values())
        graph.graph["truncated"] = truncated
        return graph

    def paths(self, source: str, target: str, viewer: Viewer, *, max_hops: int = 4,
              limit: int = 10) -> list[Path]:
        """All shortest visible paths (ignoring direction) of at most ``max_hops`` hops."""
        tags = self._tags(viewer)
        if len(self._visible_nodes([source, target], tags)) < len({source, target}):
            return []
        if source == target:
            return [Path(nodes=[self._node_views([source], tags)[source]], rels=[])]
        chains, met = shortest_chains(lambda frontier: self._expand(frontier, tags, None),
                                      lambda ids: self._visible_nodes(ids, tags), source, target,
                                      max_hops=max_hops, limit=limit)
        node_views = self._node_views({n for nodes, _ in chains for n in nodes}, tags)
        rel_views = self._rel_views({self._rel_key(met[r]) for _, rels in chains for r in rels},
                                    tags)
        return [Path([node_views[n] for n in nodes], [rel_views[r] for r in rels])
                for nodes, rels in chains]


class ClosingStore:
    """What every backend inherits: ``with open_store(uri) as store:`` closes the store."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def find_entity(store: GraphStore, entity: str, viewer: Viewer) -> NodeView:
    """An entity by id, or the one entity a name or identifier designates.

    The exact name (or alias) wins over a partial match, then the more specific type
    (:func:`lookup_rank`: a company or person over a port, a city or a country). Raises
    :class:`AmbiguousName` listing the candidates when several remain, rather than picking one.
    """
    from graph_etl.store.search_terms import search_rank

    view = store.get(entity, viewer)
    if view is not None:
        return view
    hits = store.search(entity, viewer, limit=50)
    if not hits:
        raise NotFound(f"No entity matches {entity!r} in {store.uri}.")
    def key(view: NodeView) -> tuple[int, int, int]:
        match = search_rank(entity, view.name, view.aliases)
        match = 3 if match is None else match
        return (match > 1, lookup_rank(view.labels), match)  # exact name or alias first

    best = min(key(h) for h in hits)
    chosen = [h for h in hits if key(h) == best]
    if len(chosen) == 1:
        return chosen[0]
    raise AmbiguousName(entity, [f"{h.id}  {h.name}  [{', '.join(h.labels)}]  cases: "
                                 f"{', '.join(h.cases) or '-'}" for h in chosen])


def lookup_rank(labels: Iterable[str]) -> int:
    """How specific a node's type is when a name is looked up (lower first): the schema's
    order of labels, a person and a company (with its role labels) ranking equal.

    >>> lookup_rank(["Company", "Importer"]) == lookup_rank(["Person"]) < lookup_rank(["City"])
    True
    """
    order = list(schema().labels)
    ranks = [order.index(label) for label in schema().with_parents(list(labels))
             if label in order]
    rank, company = min(ranks, default=len(order)), order.index("Company")
    return company if rank <= company else rank


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, for search.

    >>> fold("  Société GÉNÉRALE ")
    'societe generale'
    """
    if text.isascii():
        return " ".join(text.casefold().split())
    return " ".join(fold_accents(text).split())


def _merge_evidence(items: Iterable[Evidence]) -> list[Evidence]:
    items = list(items)
    if len(items) < 2:
        return items
    seen: dict[tuple, Evidence] = {}
    for ev in items:
        seen.setdefault((ev.document_id, ev.start, ev.end), ev)
    return [seen[k] for k in sorted(seen)]


@contextmanager
def bulk_work() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large batch is built and written.

    A batch allocates hundreds of thousands of small objects that are all alive; without this,
    repeated full collections cost four times the work itself.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def prepare_batch(batch: Batch) -> Batch:
    """Validate a batch against the schema and fold repeated claims of one document into one.

    Raises :class:`fakefree.errors.SchemaError` for a label or type the model does not define.
    """
    model = schema()
    with_parents = lru_cache(maxsize=None)(lambda labels: tuple(model.with_parents(list(labels))))
    documents = {d.id: d for d in batch.documents}
    nodes: dict[tuple[str, str], NodeClaim] = {}
    for claim in batch.nodes:
        key = (claim.id, claim.document_id)
        if key not in nodes:
            model.check_labels(claim.labels, f"Node {claim.name!r}")
            nodes[key] = NodeClaim(claim.id, claim.document_id, list(with_parents(tuple(claim.labels))),
                                   claim.name, sorted(set(claim.aliases) - {claim.name}),
                                   dict(claim.props), _merge_evidence(claim.mentions))
            continue
        seen = nodes[key]
        seen.labels = model.with_parents(seen.labels + claim.labels)
        seen.aliases = sorted((set(seen.aliases) | set(claim.aliases) | {claim.name}) - {seen.name})
        seen.props.update(claim.props)
        seen.mentions = _merge_evidence(seen.mentions + claim.mentions)
    rels: dict[tuple[str, str], RelClaim] = {}
    for claim in batch.rels:
        model.check_type(claim.type, f"Relationship {claim.source}->{claim.target}")
        for end in (claim.source, claim.target):
            if (end, claim.document_id) not in nodes:
                raise InputError(
                    f"Relationship {claim.source}-[{claim.type}]->{claim.target} from document "
                    f"{claim.document_id} names node {end}, which that document does not claim "
                    "in the same batch.")
        key = (claim.id, claim.document_id)
        if key not in rels:
            rels[key] = RelClaim(claim.source, claim.target, claim.type, claim.document_id,
                                 claim.key, dict(claim.props), _merge_evidence(claim.evidence),
                                 claim.confidence)
            continue
        seen = rels[key]
        seen.props.update(claim.props)
        seen.evidence = _merge_evidence(seen.evidence + claim.evidence)
        seen.confidence = max(seen.confidence, claim.confidence)
    return Batch(list(documents.values()), list(nodes.values()), list(rels.values()))


def node_claim_data(claim: NodeClaim) -> dict[str, Any]:
    """The stored form of a node claim (JSON-serialisable)."""
    return {"labels": claim.labels, "name": claim.name, "aliases": claim.aliases,
            "props": claim.props,
            "mentions": [[m.start, m.end, m.text] for m in claim.mentions]}


def rel_claim_data(claim: RelClaim) -> dict[str, Any]:
    """The stored form of a relationship claim (JSON-serialisable)."""
    return {"props": claim.props, "confidence": claim.confidence,
            "evidence": [[e.start, e.end, e.text] for e in claim.evidence]}


def _doc_context(claims: list[tuple[str, dict, DocInfo]]) -> dict[str, Any]:
    cases = sorted({c for _, _, doc in claims for c in doc.get("cases", [])})
    agencies = sorted({doc["agency"] for _, _, doc in claims})
    dates = sorted(doc["date"] for _, _, doc in claims if doc.get("date"))
    return {"cases": cases, "agencies": agencies,
            "releasability": sorted({doc["releasability"] for _, _, doc in claims}),
            "documents": sorted({doc_id for doc_id, _, _ in claims}),
            "first_seen": dates[0] if dates else None, "last_seen": dates[-1] if dates else None}


def merge_node(node_id: str, claims: list[tuple[str, dict, DocInfo]]) -> NodeView | None:
    """Merge visible claims ``(document_id, claim_data, doc_info)`` into the node a viewer sees.

    The name is the one most documents use (then not in capitals, then the longest); other
    names become aliases;
    properties from later documents (by id order) win. Returns ``None`` when nothing is visible.
    """
    if not claims:
        return None
    claims = sorted(claims, key=lambda c: c[0])
    names = Counter(data["name"] for _, data, _ in claims)
    name = sorted(names, key=lambda n: (-names[n], n.isupper(), -len(n), n))[0]
    aliases = {a for _, data, _ in claims for a in data["aliases"]} | set(names)
    labels = sorted({label for _, data, _ in claims for label in data["labels"]})
    props: dict[str, Any] = {}
    mentions: list[Evidence] = []
    for doc_id, data, _ in claims:
        props.update(data["props"])
        mentions += [Evidence(doc_id, s, e, t) for s, e, t in data["mentions"]]
    return NodeView(id=node_id, labels=labels, name=name, aliases=sorted(aliases - {name}),
                    props=props, mentions=_merge_evidence(mentions), **_doc_context(claims))


def merge_rel(rel: tuple[str, str, str, str],
              claims: list[tuple[str, dict, DocInfo]]) -> RelView | None:
    """Merge the visible claims of relationship ``(id, source, target, type)``."""
    if not claims:
        return None
    claims = sorted(claims, key=lambda c: c[0])
    props: dict[str, Any] = {}
    evidence: list[Evidence] = []
    for doc_id, data, _ in claims:
        props.update(data["props"])
        evidence += [Evidence(doc_id, s, e, t) for s, e, t in data["evidence"]]
    ctx = _doc_context(claims)
    ctx.pop("releasability")
    ctx.pop("first_seen")
    ctx.pop("last_seen")
    return RelView(id=rel[0], source=rel[1], target=rel[2], type=rel[3], props=props,
                   evidence=_merge_evidence(evidence),
                   confidence=max(data["confidence"] for _, data, _ in claims), **ctx)


def to_graph(nodes: Iterable[NodeView], rels: Iterable[RelView]) -> nx.MultiDiGraph:
    """A networkx graph of views: node attributes from :class:`NodeView`, edges keyed by id.

    Relationships whose ends are not both in ``nodes`` are left out.
    """
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(node.id, view=node, label=primary_label(node.labels), labels=node.labels,
                       name=node.name, **_flat(node.props))
    for rel in rels:
        if rel.source in graph and rel.target in graph:
            graph.add_edge(rel.source, rel.target, key=rel.id, view=rel, type=rel.type,
                           **_flat(rel.props))
    return graph


def _flat(props: dict[str, Any]) -> dict[str, Any]:
    reserved = {"view", "label", "labels", "name", "type", "key"}
    return {k: v for k, v in props.items() if k not in reserved}


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


_ORJSON_OPTIONS = orjson.OPT_SORT_KEYS


def dumps(value: Any) -> str:
    """Compact, key-sorted JSON: the stored form of claims and properties.

    orjson (13x faster, the same text for the values claims hold); the standard encoder for
    what orjson refuses (integers beyond 64 bits, keys that are not strings).

    >>> dumps({"b": [1, 2.5, "É"], "a": None})
    '{"a":null,"b":[1,2.5,"É"]}'
    >>> dumps({1: 2**70})
    '{"1":1180591620717411303424}'
    """
    try:
        return orjson.dumps(value, option=_ORJSON_OPTIONS).decode("utf-8")
    except TypeError:
        return _ENCODER.encode(value)


def document_node(doc: DocumentRecord) -> NodeClaim:
    """Every document is also a node of the graph, asserted by itself."""
    props = {"sha256": doc.id, "agency": doc.agency, "releasability": doc.releasability,
             **{k: v for k, v in doc.props.items() if isinstance(v, (str, int, float, bool))}}
    return NodeClaim(id=doc.id, document_id=doc.id, labels=["Document"], name=doc.name,
                     props=props)


def walk_back(parents: dict[str, list[tuple[str, str]]], source: str, target: str,
               limit: int) -> list[tuple[list[str], list[str]]]:
    """Enumerate shortest paths from BFS parent links, in a stable order."""
    out: list[tuple[list[str], list[str]]] = []

    def walk(node: str, nodes: list[str], rels: list[str]) -> None:
        if len(out) >= limit:
            return
        if node == source:
            out.append((list(reversed(nodes)), list(reversed(rels))))
            return
        for parent, rid in sorted(parents[node]):
            walk(parent, nodes + [parent], rels + [rid])

    walk(target, [target], [])
    return out


RelRow = tuple[str, str, str, str]
"""A relationship as traversals see it: ``(id, source, target, type)``."""


def walk_neighbors(expand: Callable[[set[str]], list[RelRow]],
                   visible: Callable[[set[str]], set[str]], start: str, *, hops: int,
                   limit: int) -> tuple[set[str], set[RelRow], bool]:
    """Breadth-first walk from ``start`` ignoring direction, through visible nodes only.

    ``expand`` gives the visible relationships touching a set of nodes and ``visible`` the
    visible nodes of a set; both backends supply their own. Returns the nodes, the relationships
    between them and whether ``limit`` cut the walk short.
    """
    nodes, rels, frontier, truncated = {start}, set(), {start}, False
    for _ in range(hops):
        found = expand(frontier)
        reached = visible({end for r in found for end in r[1:3]} - nodes)
        if len(nodes) + len(reached) > limit:
            reached = set(sorted(reached)[: max(limit - len(nodes), 0)])
            truncated = True
        nodes |= reached
        rels |= {r for r in found if r[1] in nodes and r[2] in nodes}
        frontier = reached
        if not frontier or truncated:
            break
    return nodes, rels, truncated


def shortest_chains(expand: Callable[[set[str]], list[RelRow]],
                    visible: Callable[[set[str]], set[str]], source: str, target: str, *,
                    max_hops: int, limit: int) -> tuple[list[tuple[list[str], list[str]]],
                                                        dict[str, RelRow]]:
    """All shortest undirected chains ``(node ids, relationship ids)`` from source to target.

    Returns the chains (at most ``limit``) and the relationships met, by id.
    """
    parents: dict[str, list[tuple[str, str]]] = {source: []}
    met: dict[str, RelRow] = {}
    frontier = {source}
    for _ in range(max_hops):
        found = expand(frontier)
        reached = visible({end for r in found for end in r[1:3]} - set(parents))
        layer: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for row in found:
            met[row[0]] = row
            for here, there in ((row[1], row[2]), (row[2], row[1])):
                if here in frontier and there in reached:
                    layer[there].append((here, row[0]))
        parents.update(layer)
        frontier = set(layer)
        if target in layer or not frontier:
            break
    if target not in parents:
        return [], met
    return walk_back(parents, source, target, limit), met


def stats_summary(documents: list[DocumentRecord], nodes: int, labels: dict[str, int],
                  types: dict[str, int]) -> dict[str, Any]:
    """The ``stats()`` result every backend returns, from its counts."""
    by_case: Counter[str] = Counter(case for doc in documents for case in doc.cases)
    by_agency: Counter[str] = Counter(doc.agency for doc in documents)
    return {"documents": len(documents), "nodes": nodes, "relationships": sum(types.values()),
            "labels": dict(sorted(labels.items())), "types": dict(sorted(types.items())),
            "cases": dict(sorted(by_case.items())), "agencies": dict(sorted(by_agency.items()))}
