"""Static court diagrams: SVG and PNG of the network, marked top and bottom, and the PDF exhibit.

One canvas holds the marking banner, title, case, date, viewer and agency, the legend, the chart
(:mod:`exports.diagram`) and, when the graph was capped, how much is not drawn. The same export
gives the same bytes: no randomness, no timestamps, a fixed SVG hash salt.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from exports.diagram import (Drawing, chart_axes, drawing, facts_line, left_out_note,
                             legend_items, rc)
from exports.pdf import render_pdf
from exports.selection import ExportGraph
from exports.style import colour, marking_colour

__all__ = ["render_svg", "render_png", "render_pdf", "full_figure"]

BANNER, HEADER_PT, LEGEND_COL = 0.32, 15.0, 1.85


def _banner(fig: Figure, marking: str, y: float, height: float) -> None:
    fig.patches.append(Rectangle((0, y), 1, height, transform=fig.transFigure,
                                 facecolor=marking_colour(marking), edgecolor="none"))
    fig.text(0.5, y + height / 2, marking, ha="center", va="center", color="#ffffff",
             fontsize=11, fontweight="bold")


def full_figure(export: ExportGraph, d: Drawing) -> Figure:
    """Banner, header, legend, chart, note, banner: the whole diagram on one canvas."""
    focus = set(export.graph.graph.get("focus", ()))
    chart_w, chart_h = d.size
    width = max(chart_w, 9.0)
    labels, rel_types = legend_items(export, d)
    per_row = max(int((width - 0.6) // LEGEND_COL), 1)
    label_rows = -(-len(labels) // per_row)
    rel_text = textwrap.fill("Relationships (arrow from subject to object; the number is the "
                             "evidence entry): " + ", ".join(rel_types), int(width * 15))
    note = textwrap.fill(left_out_note(d), int(width * 15))
    legend_h = 0.3 + 0.22 * label_rows + 0.16 * (rel_text.count("\n") + 1)
    note_h = 0.16 * (note.count("\n") + 1) + 0.1 if note else 0.0
    header_h = 0.85
    height = 2 * BANNER + header_h + legend_h + chart_h + note_h
    fig = Figure(figsize=(width, height))

    def y(inches_from_top: float) -> float:
        return 1 - inches_from_top / height

    _banner(fig, export.meta.marking, y(BANNER), BANNER / height)
    _banner(fig, export.meta.marking, 0, BANNER / height)
    fig.text(0.3 / width, y(BANNER + 0.35), export.meta.title, fontsize=HEADER_PT,
             fontweight="bold", va="center")
    fig.text(0.3 / width, y(BANNER + 0.68), facts_line(export), fontsize=9, va="center",
             color="#333333")
    top = BANNER + header_h
    for i, label in enumerate(labels):
        row, col = divmod(i, per_row)
        x, yy = 0.3 + col * LEGEND_COL, top + 0.15 + row * 0.22
        fig.patches.append(Rectangle((x / width, y(yy + 0.07)), 0.14 / width, 0.14 / height,
                                     transform=fig.transFigure, facecolor=colour(label),
                                     edgecolor="#555555", linewidth=0.5))
        fig.text((x + 0.2) / width, y(yy), label, fontsize=8, va="center")
    fig.text(0.3 / width, y(top + 0.15 + 0.22 * label_rows), rel_text, fontsize=7.5,
             va="top", color="#333333", linespacing=1.3)
    top += legend_h
    ax = fig.add_axes(((width - chart_w) / 2 / width, y(top + chart_h), chart_w / width,
                       chart_h / height))
    chart_axes(ax, d, focus, chart_w, chart_h)
    if note:
        fig.text(0.3 / width, y(top + chart_h + 0.05), note, fontsize=8, va="top",
                 color="#a4161a")
    return fig


def _save(fig: Figure, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format=fmt, facecolor="#ffffff", **options)
    return out.getvalue()


def render_svg(export: ExportGraph) -> bytes:
    """The diagram as SVG, text kept as text (searchable), no date in the file."""
    with matplotlib.rc_context(rc()):
        return _save(full_figure(export, drawing(export)), "svg", metadata={"Date": None})


def render_png(export: ExportGraph, *, dpi: int = 150) -> bytes:
    """The diagram as PNG at ``dpi``."""
    with matplotlib.rc_context(rc()):
        return _save(full_figure(export, drawing(export)), "png", dpi=dpi,
                     metadata={"Software": None})
