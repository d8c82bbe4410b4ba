"""Plotly figures for the pages; each takes plain rows or counts and returns a figure."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import plotly.express as px
import plotly.graph_objects as go

from dashboard.style import CSS_FAMILIES

__all__ = ["counts_bar", "histogram", "sankey"]


def counts_bar(counts: dict[str, int], x_title: str, y_title: str) -> go.Figure:
    """A bar per key of ``counts``."""
    fig = px.bar(x=list(counts), y=list(counts.values()),
                 labels={"x": x_title, "y": y_title})
    return _layout(fig, max(counts.values(), default=0))


def histogram(rows: list[dict[str, Any]], field: str, title: str, y_title: str) -> go.Figure:
    """Count rows by the value of ``field`` (rows without it are left out)."""
    values = sorted(str(r[field]) for r in rows if r.get(field))
    fig = px.histogram(x=values, labels={"x": title})
    fig.update_layout(yaxis_title=y_title)
    return _layout(fig, max(Counter(values).values(), default=0))


def _layout(fig: go.Figure, highest: int) -> go.Figure:
    """Whole-number count ticks, categories (months too) as they are, compact margins."""
    fig.update_layout(height=300, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                      font_family=CSS_FAMILIES, xaxis={"type": "category", "categoryorder": "category ascending"},
                      yaxis={"tickformat": ",d", "rangemode": "tozero", "tick0": 0,
                             "dtick": max(1, math.ceil(highest / 5))})
    return fig


def sankey(nodes: list[tuple[str, str, str]], links: list[tuple[str, str, float]],
           currency: str) -> go.Figure:
    """A Sankey of money between parties.

    ``nodes`` are ``(id, name, label)``, ``links`` are ``(from id, to id, value)``.
    """
    from dashboard.style import colour

    index = {node_id: i for i, (node_id, _, _) in enumerate(nodes)}
    fig = go.Figure(go.Sankey(
        valueformat=",.0f", valuesuffix=f" {currency}",
        node={"label": [name for _, name, _ in nodes], "pad": 18, "thickness": 16,
              "color": [colour(label) for _, _, label in nodes]},
        link={"source": [index[a] for a, _, _ in links], "target": [index[b] for _, b, _ in links],
              "value": [v for _, _, v in links],
              "color": [_translucent(colour(nodes[index[a]][2])) for a, _, _ in links]}))
    fig.update_layout(height=520, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                      font={"size": 13, "color": "#222222", "family": CSS_FAMILIES})
    return fig


def _translucent(hex_colour: str, alpha: float = 0.35) -> str:
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"
