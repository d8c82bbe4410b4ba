"""Plotly figures for the pages; each takes plain rows or counts and returns a figure."""

from __future__ import annotations

from typing import Any

import plotly.express as px
import plotly.graph_objects as go

__all__ = ["counts_bar", "histogram"]


def counts_bar(counts: dict[str, int], x_title: str, y_title: str) -> go.Figure:
    """A bar per key of ``counts``."""
    fig = px.bar(x=list(counts), y=list(counts.values()),
                 labels={"x": x_title, "y": y_title})
    return _layout(fig)


def histogram(rows: list[dict[str, Any]], field: str, title: str, y_title: str) -> go.Figure:
    """Count rows by the value of ``field`` (rows without it are left out)."""
    values = sorted(str(r[field]) for r in rows if r.get(field))
    fig = px.histogram(x=values, labels={"x": title})
    fig.update_layout(yaxis_title=y_title)
    return _layout(fig)


def _layout(fig: go.Figure) -> go.Figure:
    """Whole-number counts, categories (months too) as they are, compact margins."""
    fig.update_layout(height=300, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                      xaxis={"type": "category", "categoryorder": "category ascending"},
                      yaxis={"tickformat": ",d", "rangemode": "tozero"})
    return fig
