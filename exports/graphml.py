"""GraphML for Gephi, yEd and Cytoscape: every node, edge and export attribute a plain scalar.

The graph-level data keys hold the marking, title, case, date and viewer of the export and the
SHA-256 of every document it cites.
"""

from __future__ import annotations

import io

import networkx as nx

from exports.records import attribute_graph
from exports.selection import ExportGraph

__all__ = ["render"]


def render(export: ExportGraph) -> bytes:
    """The export as a GraphML document (UTF-8)."""
    out = io.BytesIO()
    nx.write_graphml(attribute_graph(export), out, encoding="utf-8", prettyprint=True)
    return out.getvalue()
