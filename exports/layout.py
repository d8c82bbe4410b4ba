"""Deterministic, readable positions for a drawn network: no two node labels overlap.

Distances are in inches of the drawing, so the labels' sizes (measured with the font that draws
them) and the positions live in one space; the drawing is then sized to fit.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import networkx as nx
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextPath

__all__ = ["Box", "label_text", "text_size", "label_boxes", "midway", "overlaps",
           "keep_most_central"]

LINE = 1.25  # line height, in font sizes


@dataclass(frozen=True)
class Box:
    """A node's label box: centre ``x``, ``y`` and size ``w``, ``h``, in inches."""

    x: float
    y: float
    w: float
    h: float

    def overlap(self, other: "Box") -> tuple[float, float]:
        """How far the boxes overlap along x and y (both > 0 when they overlap)."""
        return ((self.w + other.w) / 2 - abs(self.x - other.x),
                (self.h + other.h) / 2 - abs(self.y - other.y))


def label_text(name: str, width: int = 22, lines: int = 3) -> str:
    """A name wrapped for a diagram, shortened with an ellipsis past ``lines`` lines.

    >>> label_text("Meilin International Trading Limited")
    'Meilin International\\nTrading Limited'
    """
    wrapped = textwrap.wrap(name, width, break_long_words=True) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1] + "…"
    return "\n".join(wrapped)


def text_size(text: str, font: FontProperties, size: float) -> tuple[float, float]:
    """Width and height in inches of ``text`` (lines split on newlines) drawn at ``size`` pt."""
    lines = text.split("\n")
    width = max(TextPath((0, 0), line or " ", size=size, prop=font).get_extents().width
                for line in lines)
    return width / 72, len(lines) * size * LINE / 72


def midway(a: Box, b: Box, at: float = 0.5) -> tuple[float, float]:
    """The point ``at`` (0 at ``a``, 1 at ``b``) of the part of the line between the box
    centres that lies outside both boxes: where the line's label goes.

    >>> midway(Box(0, 0, 2, 1), Box(4, 0, 1, 1))
    (2.25, 0.0)
    """
    dx, dy = b.x - a.x, b.y - a.y

    def leave(box: Box) -> float:  # fraction of the line inside ``box``
        return min(box.w / 2 / abs(dx) if dx else 1.0, box.h / 2 / abs(dy) if dy else 1.0)

    start, end = leave(a), 1 - leave(b)
    t = start + at * (end - start)
    return round(a.x + t * dx, 4), round(a.y + t * dy, 4)


def overlaps(boxes: dict[str, Box], pad: float = 0.0) -> list[tuple[str, str]]:
    """The pairs of boxes closer than ``pad`` inches (both ways)."""
    ids = sorted(boxes)
    return [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]
            if min(boxes[a].overlap(boxes[b])) > -pad]


def label_boxes(graph: nx.MultiDiGraph, sizes: dict[str, tuple[float, float]], *,
                spread: float = 1.0, pad: tuple[float, float] = (0.9, 0.4), rounds: int = 400,
                ) -> dict[str, Box]:
    """Kamada-Kawai positions (deterministic), scaled so labels have room, then pushed apart.

    ``sizes`` gives each node's label width and height in inches; ``pad`` the room left between
    boxes side by side and one above the other (for the label of a line). The result is shifted
    so the lowest-left box corner is at (0, 0).
    """
    nodes = sorted(graph.nodes)
    if not nodes:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from(sorted((u, v) for u, v in graph.edges() if u != v))
    start = {n: (i % 7, i // 7) for i, n in enumerate(nodes)}  # fixed start: no randomness
    pos = nx.kamada_kawai_layout(simple, pos=start) if len(nodes) > 1 else {nodes[0]: (0, 0)}
    mean_w = sum(w for w, _ in sizes.values()) / len(sizes)
    scale = spread * mean_w * max(len(nodes), 2) ** 0.5
    xs = {n: float(pos[n][0]) * scale for n in nodes}
    ys = {n: float(pos[n][1]) * scale * 0.7 for n in nodes}
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                dx = (sizes[a][0] + sizes[b][0]) / 2 + pad[0] - abs(xs[a] - xs[b])
                dy = (sizes[a][1] + sizes[b][1]) / 2 + pad[1] - abs(ys[a] - ys[b])
                if dx <= 0 or dy <= 0:
                    continue
                moved = True
                if dy < dx:  # push apart along the axis where the overlap is smaller
                    sign = 1 if (ys[a], a) >= (ys[b], b) else -1
                    ys[a] += sign * dy / 2
                    ys[b] -= sign * dy / 2
                else:
                    sign = 1 if (xs[a], a) >= (xs[b], b) else -1
                    xs[a] += sign * dx / 2
                    xs[b] -= sign * dx / 2
        if not moved:
            break
    left = min(xs[n] - sizes[n][0] / 2 for n in nodes)
    bottom = min(ys[n] - sizes[n][1] / 2 for n in nodes)
    return {n: Box(round(xs[n] - left, 4), round(ys[n] - bottom, 4), *sizes[n]) for n in nodes}


def keep_most_central(graph: nx.MultiDiGraph, focus: set[str], cap: int) -> nx.MultiDiGraph:
    """At most ``cap`` nodes: the focus, then the best-connected (degree, then id)."""
    if graph.number_of_nodes() <= cap:
        return graph
    degree = dict(graph.degree())
    rest = sorted((n for n in graph.nodes if n not in focus), key=lambda n: (-degree[n], n))
    keep = sorted(focus & set(graph.nodes)) + rest
    return graph.subgraph(keep[:max(cap, len(focus))]).copy()
