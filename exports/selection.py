"""What an export contains: the subgraph a viewer may see around some entities, and its marking.

Every format writes from one :class:`ExportGraph`, so every format shows the same nodes, the same
relationships and the same documents, filtered by the viewer in the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

import networkx as nx

from fakefree.errors import NotFound
from fakefree.schema import schema
from graph_etl.store import DocumentRecord, GraphStore, NodeView, RelView, Viewer
from graph_etl.store.base import find_entity
from fakefree.model import LES, REL_TO, UNCLASSIFIED

__all__ = ["ExportMeta", "ExportGraph", "select", "from_graph", "marking_of", "restrict", "HIDDEN_LABELS"]

# Hubs that tie everything to everything (every document, every country): left out of diagrams
# unless asked for, as in the dashboard's network explorer (``hidden: true`` in the schema).
HIDDEN_LABELS = tuple(sorted(schema().hidden_labels()))


@dataclass(frozen=True)
class ExportMeta:
    """What every page of an export states: title, case, date, who exported it, the marking."""

    title: str
    date: str
    viewer: str
    agencies: tuple[str, ...]
    marking: str
    case: str = ""


@dataclass
class ExportGraph:
    """The subgraph to export, with node and edge attribute ``view`` (NodeView / RelView)."""

    graph: nx.MultiDiGraph
    meta: ExportMeta
    documents: dict[str, DocumentRecord] = field(default_factory=dict)

    def nodes(self) -> list[NodeView]:
        """Node views in a stable order (by label, then name, then id)."""
        views = [data["view"] for _, data in self.graph.nodes(data=True)]
        return sorted(views, key=lambda v: (v.labels[0] if v.labels else "", v.name, v.id))

    def rels(self) -> list[RelView]:
        """Relationship views in a stable order (by type, source, target, id)."""
        views = [data["view"] for _, _, data in self.graph.edges(data=True)]
        return sorted(views, key=lambda r: (r.type, r.source, r.target, r.id))

    def cited(self, rel: RelView) -> list[DocumentRecord]:
        """The documents a relationship's evidence comes from, that are in this export."""
        ids = dict.fromkeys([e.document_id for e in rel.evidence] + list(rel.documents))
        return [self.documents[i] for i in ids if i in self.documents]


def marking_of(documents: Iterable[DocumentRecord]) -> str:
    """The most restrictive releasability of the documents: what every page must be marked."""
    docs = list(documents)
    agency_only = sorted({d.agency for d in docs if d.releasability == "AGENCY-ONLY"})
    if agency_only:
        return f"AGENCY-ONLY ({', '.join(agency_only)})"
    rel_to = [d for d in docs if d.releasability.startswith(REL_TO)]
    if rel_to:
        allowed = None
        for doc in rel_to:
            names = {a.strip() for a in doc.releasability[len(REL_TO):].split(",")} | {doc.agency}
            allowed = names if allowed is None else allowed & names
        return f"{REL_TO}{','.join(sorted(allowed or set()))}"
    if any(d.releasability == LES for d in docs):
        return LES
    return UNCLASSIFIED


def select(store: GraphStore, viewer: Viewer, around: Iterable[str], *, hops: int = 1,
           case: str = "", rel_types: Iterable[str] | None = None, keep_context: bool = False,
           title: str = "", date: str = "") -> ExportGraph:
    """The subgraph within ``hops`` of the ``around`` entities (ids, names or identifiers).

    Only what ``viewer`` may see is read (the store filters); ``case`` keeps the nodes of that
    case (the focus entities always stay). ``date`` is the one date the export states (ISO,
    default today): nothing else time-dependent goes into an export.
    """
    focus = [find_entity(store, entity, viewer) for entity in around]
    if not focus:
        raise NotFound("Nothing to export: name at least one entity with --around.")
    graph = nx.MultiDiGraph()
    for view in focus:
        graph = nx.compose(graph, store.neighbors(view.id, viewer, hops=hops, rel_types=rel_types))
    keep = {v.id for v in focus}
    shown = restrict(graph, cases=[case] if case else None, keep=keep,
                     hide_labels=() if keep_context else HIDDEN_LABELS)
    title = title or f"Network around {', '.join(v.name for v in focus)}"
    return from_graph(store, viewer, shown, focus=keep, title=title, case=case, date=date)


def restrict(graph: nx.MultiDiGraph, *, cases: list[str] | None = None,
             hide_labels: tuple[str, ...] = (), keep: set[str] = frozenset()) -> nx.MultiDiGraph:
    """The part of ``graph`` in any of ``cases`` and without ``hide_labels`` (``keep`` stays)."""
    shown = [n for n, d in graph.nodes(data=True)
             if n in keep or ((not cases or set(d["view"].cases) & set(cases))
                              and not set(d["labels"]) & set(hide_labels))]
    out = graph.subgraph(shown).copy()
    out.graph.update(graph.graph)
    return out


def from_graph(store: GraphStore, viewer: Viewer, graph: nx.MultiDiGraph, *, focus: Iterable[str],
               title: str, case: str = "", date: str = "") -> ExportGraph:
    """An export of a graph the viewer already has (e.g. the dashboard's view), with the
    documents its nodes and relationships cite, read again as that viewer."""
    doc_ids = sorted({d for _, data in graph.nodes(data=True) for d in data["view"].documents}
                     | {d for _, _, data in graph.edges(data=True) for d in data["view"].documents})
    documents = {}
    for doc_id in doc_ids:
        doc = store.get_document(doc_id, viewer)
        if doc is not None:
            documents[doc_id] = doc
    meta = ExportMeta(
        title=title,
        date=date or dt.date.today().isoformat(),
        viewer=viewer.name,
        agencies=tuple(sorted(viewer.agencies)) if not viewer.all_access else ("ALL",),
        marking=marking_of(documents.values()),
        case=case)
    graph.graph["focus"] = sorted(focus)
    return ExportGraph(graph=graph, meta=meta, documents=documents)
