"""A case timeline as CSV (for spreadsheets) and SVG (for a report), byte for byte reproducible.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``)
get a leading quote. The SVG carries the marking at its top and bottom.

>>> from queries.timeline import TimelineEvent
>>> to_csv([TimelineEvent(date="2024-01-05", kind="payment", title="=HYPERLINK(1)")]
...        ).decode("utf-8-sig")  # doctest: +ELLIPSIS
"date,kind,title,...\\r\\n2024-01-05,payment,'=HYPERLINK(1),...
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from exports.records import csv_bytes
from queries.timeline import KINDS, TimelineEvent

__all__ = ["COLUMNS", "to_csv", "to_svg", "KIND_COLOURS"]

COLUMNS = ("date", "kind", "title", "detail", "amount", "currency", "entities", "documents",
           "evidence")
KIND_COLOURS = {"shipment": "#bcbd22", "seizure": "#c0392b", "payment": "#d4a017",
                "transfer": "#edc948", "court": "#34495e", "event": "#ff7f0e"}


def _row(event: TimelineEvent) -> dict[str, object]:
    return {"date": event.date, "kind": event.kind, "title": event.title, "detail": event.detail,
            "amount": f"{event.amount:.2f}" if event.amount is not None else "",
            "currency": event.currency, "entities": "; ".join(e.name for e in event.entities),
            "documents": "; ".join(event.documents),
            "evidence": " | ".join(e["text"] for e in event.evidence)}


def to_csv(events: Sequence[TimelineEvent]) -> bytes:
    """UTF-8 CSV (with a byte-order mark for spreadsheets), one row per event in the given order,
    every cell neutralised by :func:`exports.records.safe_cell`."""
    return csv_bytes(list(COLUMNS), (_row(e) for e in events))


ROW, TOP, WIDTH = 26, 70, 1000


def _text(x: int, y: int, text: str, *, size: int = 13, weight: str = "normal",
          anchor: str = "start", fill: str = "#222222") -> str:
    return (f'<text x="{x}" y="{y}" font-size="{size}" font-weight="{weight}" '
            f'text-anchor="{anchor}" fill="{fill}">{escape(text)}</text>')


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def to_svg(events: Sequence[TimelineEvent], title: str, marking: str) -> bytes:
    """A vertical timeline: one line per event (date, coloured dot, title and detail), a legend,
    and ``marking`` centred at the top and the bottom. Same input, same bytes.
    """
    height = TOP + ROW * max(len(events), 1) + 70
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" font-family="DejaVu Sans, Arial, sans-serif">',
             f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
             _text(WIDTH // 2, 18, marking, size=12, weight="bold", anchor="middle",
                   fill="#b00020"),
             _text(20, 46, _clip(title, 90), size=18, weight="bold")]
    legend_x = 620
    for kind in KINDS:
        parts.append(f'<circle cx="{legend_x}" cy="41" r="5" fill="{KIND_COLOURS[kind]}"/>')
        parts.append(_text(legend_x + 9, 46, kind, size=11))
        legend_x += 62
    axis = 130
    if events:
        parts.append(f'<line x1="{axis}" y1="{TOP - 8}" x2="{axis}" '
                     f'y2="{TOP + ROW * (len(events) - 1) + 8}" stroke="#999999" '
                     'stroke-width="2"/>')
    for i, event in enumerate(events):
        y = TOP + ROW * i
        parts.append(_text(20, y + 5, event.date, size=12))
        parts.append(f'<circle cx="{axis}" cy="{y}" r="6" '
                     f'fill="{KIND_COLOURS.get(event.kind, "#999999")}"/>')
        label = _clip(event.title, 60) + (f" — {_clip(event.detail, 50)}" if event.detail else "")
        parts.append(_text(axis + 16, y + 5, label, size=12))
    if not events:
        parts.append(_text(20, TOP + 5, "No dated event.", size=12))
    parts.append(_text(WIDTH // 2, height - 10, marking, size=12, weight="bold",
                       anchor="middle", fill="#b00020"))
    parts.append("</svg>")
    return ("\n".join(parts) + "\n").encode("utf-8")
