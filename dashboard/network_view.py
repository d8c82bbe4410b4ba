"""Draw a networkx graph of store views as a self-contained pyvis page (no CDN, works offline)."""

from __future__ import annotations

import html
import re

import networkx as nx
from pyvis.network import Network

from dashboard.style import colour

__all__ = ["to_html", "legend_html", "restrict", "expansion_types", "REMOTE_URL",
           "CONTEXT_LABELS", "CONTEXT_TYPES"]

# Context that ties everything together (every Chinese company is REGISTERED_IN China): hidden
# and not walked through unless the analyst asks for it.
CONTEXT_LABELS = ("Document", "Case", "Country", "City")
CONTEXT_TYPES = ("MENTIONED_IN", "PART_OF", "REGISTERED_IN", "LOCATED_IN")

REMOTE_URL = re.compile(r"""<(?:script|link)[^>]+(?:src|href)=["']https?://""", re.I)
_REMOTE_TAG = re.compile(
    r"""<(?:script|link)[^>]+(?:src|href)=["']https?://[^>]*>(?:\s*</script>)?""", re.I)


def _size(degree: int, biggest: int) -> float:
    return 12 + 28 * (degree / biggest) ** 0.5 if biggest else 15


def to_html(graph: nx.MultiDiGraph, *, height: str = "640px", focus: set[str] = frozenset()
            ) -> str:
    """A pyvis page: nodes coloured by label and sized by degree, edges labelled by type.

    Every script is inlined and remote stylesheets dropped, so the page draws offline.
    """
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line",
                  bgcolor="#ffffff", font_color="#222222")
    degrees = dict(graph.degree())
    biggest = max(degrees.values(), default=0)
    for node_id, data in graph.nodes(data=True):
        view = data["view"]
        tip = f"{view.name}\n{', '.join(view.labels)}\n{', '.join(view.cases)}"
        net.add_node(node_id, label=_short(view.name), title=tip, color=colour(data["label"]),
                     size=_size(degrees[node_id], biggest),
                     borderWidth=4 if node_id in focus else 1)
    for source, target, data in graph.edges(data=True):
        rel = data["view"]
        evidence = rel.evidence[0].text if rel.evidence else ""
        net.add_edge(source, target, label=rel.type, title=f"{rel.type}\n{evidence}",
                     arrows="to", color="#888888", font={"size": 9, "align": "middle"})
    net.set_options("""{"physics": {"solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
        "stabilization": {"iterations": 200}},
      "interaction": {"hover": true, "navigationButtons": false}}""")
    page = net.generate_html(notebook=False)
    return _REMOTE_TAG.sub("", page)


def _short(name: str, width: int = 28) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def legend_html(labels: list[str]) -> str:
    """Coloured swatches, one per label shown."""
    items = "".join(
        f'<span style="display:inline-block;margin:0 12px 4px 0">'
        f'<span style="display:inline-block;width:12px;height:12px;border-radius:6px;'
        f'background:{colour(label)};margin-right:4px;vertical-align:middle"></span>'
        f"{html.escape(label)}</span>" for label in labels)
    return f'<div style="font-size:0.9em">{items}</div>'


def restrict(graph: nx.MultiDiGraph, *, cases: list[str] | None = None,
             hide_labels: tuple[str, ...] = (), keep: set[str] = frozenset()) -> nx.MultiDiGraph:
    """The part of ``graph`` in any of ``cases`` and without ``hide_labels`` (``keep`` stays)."""
    shown = [n for n, d in graph.nodes(data=True)
             if n in keep or ((not cases or set(d["view"].cases) & set(cases))
                              and not set(d["labels"]) & set(hide_labels))]
    out = graph.subgraph(shown).copy()
    out.graph.update(graph.graph)
    return out


def expansion_types(chosen: list[str], known: list[str], hide_context: bool) -> tuple[str, ...]:
    """The relationship types to walk: those chosen, else every known one (minus context ones)."""
    if chosen:
        return tuple(sorted(chosen))
    if not hide_context:
        return ()
    return tuple(sorted(set(known) - set(CONTEXT_TYPES)))
