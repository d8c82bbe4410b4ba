"""The dashboard's network view: the exports' pyvis drawing, and which part of the graph to show."""

from __future__ import annotations

import networkx as nx

from exports.interactive import REMOTE_URL, legend_html, network_html
from exports.selection import HIDDEN_LABELS, restrict

__all__ = ["to_html", "legend_html", "restrict", "expansion_types", "REMOTE_URL",
           "HIDDEN_LABELS", "CONTEXT_TYPES"]

# Context that ties everything together (every Chinese company is REGISTERED_IN China): hidden
# and not walked through unless the analyst asks for it (HIDDEN_LABELS: see exports.selection).
CONTEXT_TYPES = ("MENTIONED_IN", "PART_OF", "REGISTERED_IN", "LOCATED_IN")


def to_html(graph: nx.MultiDiGraph, *, height: str = "640px", focus: set[str] = frozenset()
            ) -> str:
    """The network drawing of :func:`exports.interactive.network_html`, offline."""
    return network_html(graph, height=height, focus=focus)


def expansion_types(chosen: list[str], known: list[str], hide_context: bool) -> tuple[str, ...]:
    """The relationship types to walk: those chosen, else every known one (minus context ones)."""
    if chosen:
        return tuple(sorted(chosen))
    if not hide_context:
        return ()
    return tuple(sorted(set(known) - set(CONTEXT_TYPES)))
