"""The chart of a court diagram, shared by the SVG, PNG and PDF exports.

Nodes are boxes coloured by label, the focus entities framed in black; each line carries its
relationship type and the number of its entry in the PDF's evidence appendix. The layout has no
randomness, so the same export draws the same chart.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import matplotlib
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from exports.layout import Box, keep_most_central, label_boxes, label_text, midway, text_size
from exports.selection import ExportGraph
from exports.style import colour, font_families, text_colour

__all__ = ["Drawing", "drawing", "draw_chart", "chart_axes", "chart_figure", "legend_items",
           "facts_line", "left_out_note", "rc", "MAX_NODES"]

MAX_NODES = 60
NODE_PT, EDGE_PT, PAD = 8.0, 6.0, 0.06  # font sizes (pt) and padding inside a node box (in)
MARGIN = 0.35
RC = {"svg.hashsalt": "fakefree", "svg.fonttype": "none", "path.simplify": False}


@dataclass
class Drawing:
    """What a diagram draws: the capped graph, label boxes, numbered relationships."""

    graph: nx.MultiDiGraph
    boxes: dict[str, Box]
    labels: dict[str, str]
    numbers: dict[str, int]  # relationship id -> its number in the appendix
    left_out: tuple[int, int]  # nodes, relationships not drawn

    @property
    def size(self) -> tuple[float, float]:
        """Width and height in inches of the chart, margins included."""
        right = max((b.x + b.w / 2 for b in self.boxes.values()), default=1.0)
        top = max((b.y + b.h / 2 for b in self.boxes.values()), default=1.0)
        return right + 2 * MARGIN, top + 2 * MARGIN


def rc() -> dict:
    return {**RC, "font.family": font_families()}


def drawing(export: ExportGraph, *, max_nodes: int = MAX_NODES) -> Drawing:
    """Cap the graph to ``max_nodes`` (focus first), number its relationships, lay it out."""
    focus = set(export.graph.graph.get("focus", ()))
    graph = keep_most_central(export.graph, focus, max_nodes)
    with matplotlib.rc_context(rc()):
        font = FontProperties(family=font_families())
        bold = FontProperties(family=font_families(), weight="bold")
        labels = {n: label_text(graph.nodes[n]["view"].name) for n in graph.nodes}
        sizes = {}
        for node, text in labels.items():
            w, h = text_size(text, bold if node in focus else font, NODE_PT)
            sizes[node] = (round(w + 2 * PAD, 4), round(h + 2 * PAD, 4))
    drawn = {data["view"].id for _, _, data in graph.edges(data=True)}
    numbers = {}
    for rel in export.rels():
        if rel.id in drawn:
            numbers[rel.id] = len(numbers) + 1
    left_out = (export.graph.number_of_nodes() - graph.number_of_nodes(),
                export.graph.number_of_edges() - graph.number_of_edges())
    return Drawing(graph, label_boxes(graph, sizes), labels, numbers, left_out)


def _edge_groups(d: Drawing) -> dict[tuple[str, str], list[tuple[int, str]]]:
    groups: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for source, target, data in d.graph.edges(data=True):
        rel = data["view"]
        if source != target:
            groups[(source, target)].append((d.numbers[rel.id], rel.type))
    return {key: sorted(value) for key, value in sorted(groups.items())}


def _edge_label(items: list[tuple[int, str]]) -> str:
    by_type: dict[str, list[int]] = defaultdict(list)
    for number, rtype in items:
        by_type[rtype].append(number)
    lines = [f"{rtype} {', '.join(map(str, nums[:4]))}{'…' if len(nums) > 4 else ''}"
             for rtype, nums in sorted(by_type.items())]
    return "\n".join(lines[:3] + ([f"+{len(lines) - 3} more"] if len(lines) > 3 else []))


def draw_chart(ax, d: Drawing, focus: set[str]) -> None:
    """Draw nodes, lines and their labels on ``ax``, whose data units are inches."""
    patches = {}
    for node, box in sorted(d.boxes.items()):
        fill = colour(d.graph.nodes[node]["label"])
        is_focus = node in focus
        patch = FancyBboxPatch((box.x - box.w / 2, box.y - box.h / 2), box.w, box.h,
                               boxstyle="round,pad=0,rounding_size=0.05", facecolor=fill,
                               edgecolor="#000000" if is_focus else "#555555",
                               linewidth=2.2 if is_focus else 0.6, zorder=3)
        ax.add_patch(patch)
        patches[node] = patch
        ax.text(box.x, box.y, d.labels[node], ha="center", va="center", fontsize=NODE_PT,
                color=text_colour(fill), fontweight="bold" if is_focus else "normal",
                linespacing=1.1, zorder=4)
    groups = _edge_groups(d)
    degree = dict(d.graph.degree())
    for (source, target), items in groups.items():
        a, b = d.boxes[source], d.boxes[target]
        rad = 0.12 if (target, source) in groups else 0.0
        ax.add_patch(FancyArrowPatch((a.x, a.y), (b.x, b.y), patchA=patches[source],
                                     patchB=patches[target], arrowstyle="-|>", mutation_scale=9,
                                     connectionstyle=f"arc3,rad={rad}", color="#666666",
                                     linewidth=0.8, shrinkA=1, shrinkB=1, zorder=1))
        # labels of lines into a hub sit away from it, where they have room
        at = 0.5 + 0.15 * ((degree[source] > degree[target]) - (degree[source] < degree[target]))
        mx, my = midway(a, b, at)
        mx, my = mx + rad * (b.y - a.y) / 2, my - rad * (b.x - a.x) / 2
        ax.text(mx, my, _edge_label(items), ha="center", va="center", fontsize=EDGE_PT,
                color="#333333", zorder=2, linespacing=1.0,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "#ffffff",
                      "edgecolor": "none", "alpha": 0.85})


def chart_figure(d: Drawing, focus: set[str]) -> Figure:
    """The chart alone, one data unit per inch (the PDF puts it on its first page)."""
    width, height = d.size
    fig = Figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1))
    chart_axes(ax, d, focus, width, height)
    return fig


def chart_axes(ax, d: Drawing, focus: set[str], width: float, height: float) -> None:
    ax.set_xlim(-MARGIN, width - MARGIN)
    ax.set_ylim(-MARGIN, height - MARGIN)
    ax.set_axis_off()
    draw_chart(ax, d, focus)


def legend_items(export: ExportGraph, d: Drawing) -> tuple[list[str], list[str]]:
    """The node labels drawn, and each relationship type drawn with how many lines have it."""
    labels = sorted({data["label"] for _, data in d.graph.nodes(data=True)})
    counts: dict[str, int] = defaultdict(int)
    for _, _, data in d.graph.edges(data=True):
        counts[data["view"].type] += 1
    return labels, [f"{rtype} ({n})" for rtype, n in sorted(counts.items())]


def facts_line(export: ExportGraph) -> str:
    meta = export.meta
    return (f"Case: {meta.case or 'all cases'}   Date: {meta.date}   Exported by: {meta.viewer}"
            f"   Agency: {', '.join(meta.agencies)}")


def left_out_note(d: Drawing) -> str:
    nodes, rels = d.left_out
    if not nodes and not rels:
        return ""
    return (f"{nodes} entities and {rels} relationships are not drawn (only the focus and the "
            f"{MAX_NODES} best-connected entities are); the interactive and data exports hold "
            "them all.")
