"""Interactive HTML diagram: a pyvis network that opens offline, from a USB stick.

:func:`network_html` draws any graph of store views (the dashboard's network explorer uses it);
:func:`render` adds what a court exhibit states: title, case, date, viewer, marking and legend.

Names and evidence come from hostile documents. They reach the page in two ways only: as JSON
inside the vis.js data (pyvis' ``tojson`` escapes ``<``, ``>``, ``&`` and ``'``), drawn on a
canvas or shown as tooltips through ``innerText`` by the bundled vis-network 9.1.2; and in the
header and legend written here, through :func:`html.escape`.
"""

from __future__ import annotations

import html
import re

import networkx as nx
from pyvis.network import Network

from exports.selection import ExportGraph
from exports.style import colour, marking_colour

__all__ = ["render", "network_html", "legend_html", "REMOTE_URL"]

REMOTE_URL = re.compile(r"""<(?:script|link)[^>]+(?:src|href)=["']https?://""", re.I)
_REMOTE_TAG = re.compile(
    r"""<(?:script|link)[^>]+(?:src|href)=["']https?://[^>]*>(?:\s*</script>)?""", re.I)
_EVIDENCE_SHOWN = 3


def _size(degree: int, biggest: int) -> float:
    return 12 + 28 * (degree / biggest) ** 0.5 if biggest else 15


def _short(name: str, width: int = 28) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _edge_tip(rel, documents: dict[str, str]) -> str:
    lines = [rel.type]
    for evidence in rel.evidence[:_EVIDENCE_SHOWN]:
        lines.append(f"“{evidence.text}”")
        if evidence.document_id in documents:
            lines.append(f"  — {documents[evidence.document_id]}")
    if len(rel.evidence) > _EVIDENCE_SHOWN:
        lines.append(f"(+{len(rel.evidence) - _EVIDENCE_SHOWN} more)")
    return "\n".join(lines)


def network_html(graph: nx.MultiDiGraph, *, height: str = "640px",
                 focus: set[str] = frozenset(), documents: dict[str, str] | None = None) -> str:
    """A pyvis page: nodes coloured by label and sized by degree, edges labelled by type.

    Edge tooltips quote the evidence and name its document (``documents``: id -> name). Every
    script is inlined and remote tags dropped, so the page draws offline; the same graph gives
    the same bytes.
    """
    documents = documents or {}
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line",
                  bgcolor="#ffffff", font_color="#222222")
    degrees = dict(graph.degree())
    biggest = max(degrees.values(), default=0)
    for node_id in sorted(graph.nodes):
        data = graph.nodes[node_id]
        view = data["view"]
        tip = "\n".join(filter(None, [view.name, ", ".join(view.labels), ", ".join(view.cases)]))
        net.add_node(node_id, label=_short(view.name), title=tip, color=colour(data["label"]),
                     size=_size(degrees[node_id], biggest),
                     borderWidth=4 if node_id in focus else 1)
    edges = sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["view"].type,
                                                          e[2]["view"].id))
    for source, target, data in edges:
        rel = data["view"]
        net.add_edge(source, target, label=rel.type, title=_edge_tip(rel, documents),
                     arrows="to", color="#888888", font={"size": 9, "align": "middle"})
    net.set_options("""{"physics": {"solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
        "stabilization": {"iterations": 200}},
      "layout": {"randomSeed": 7},
      "interaction": {"hover": true, "navigationButtons": false}}""")
    page = net.generate_html(notebook=False)
    return _REMOTE_TAG.sub("", page)


def legend_html(labels: list[str], rel_types: list[str] = ()) -> str:
    """Coloured swatches, one per node label shown, then the relationship types drawn."""
    items = "".join(
        f'<span style="display:inline-block;margin:0 12px 4px 0">'
        f'<span style="display:inline-block;width:12px;height:12px;border-radius:6px;'
        f'background:{colour(label)};margin-right:4px;vertical-align:middle"></span>'
        f"{html.escape(label)}</span>" for label in labels)
    types = ""
    if rel_types:
        types = ('<div style="margin-top:4px">Relationships (arrow from subject to object): '
                 + ", ".join(html.escape(t) for t in rel_types) + "</div>")
    return f'<div style="font-size:0.9em">{items}{types}</div>'


def _banner(marking: str) -> str:
    return (f'<div style="background:{marking_colour(marking)};color:#fff;text-align:center;'
            'font:bold 14px sans-serif;padding:4px;letter-spacing:1px">'
            f"{html.escape(marking)}</div>")


def _header(export: ExportGraph) -> str:
    meta = export.meta
    facts = [("Case", meta.case or "all cases"), ("Date", meta.date),
             ("Exported by", meta.viewer), ("Agency", ", ".join(meta.agencies)),
             ("Marking", meta.marking)]
    line = " · ".join(f"<b>{html.escape(k)}:</b> {html.escape(v)}" for k, v in facts)
    labels = sorted({d["label"] for _, d in export.graph.nodes(data=True)})
    rel_types = sorted({r.type for r in export.rels()})
    counts = (f"{export.graph.number_of_nodes()} entities, {export.graph.number_of_edges()} "
              f"relationships, {len(export.documents)} source documents. "
              "Hover a line for its evidence and source document.")
    return (f'{_banner(meta.marking)}<div style="font-family:sans-serif;margin:8px 12px">'
            f'<h1 style="font-size:1.4em;margin:4px 0">{html.escape(meta.title)}</h1>'
            f'<div>{line}</div><div style="color:#555;margin:4px 0">{html.escape(counts)}</div>'
            f"{legend_html(labels, rel_types)}</div>")


def render(export: ExportGraph) -> bytes:
    """The export as one self-contained HTML page, marked top and bottom."""
    names = {doc_id: doc.name for doc_id, doc in export.documents.items()}
    page = network_html(export.graph, height="760px", focus=set(export.graph.graph["focus"]),
                        documents=names)
    page = page.replace("<html>", '<!DOCTYPE html>\n<html lang="en">', 1)
    page = page.replace("<head>", f"<head>\n<title>{html.escape(export.meta.title)}</title>", 1)
    page = page.replace("<body>", f"<body>\n{_header(export)}", 1)
    page = page.replace("</body>", f'<div style="clear:both"></div>{_banner(export.meta.marking)}'
                        "\n</body>", 1)
    return page.encode("utf-8")
