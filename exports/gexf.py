"""GEXF 1.2 for Gephi: every node and edge attribute a plain scalar.

GEXF has no graph-level attributes: the marking, title, case, date, viewer and the SHA-256 of the
documents cited go in its ``meta`` element (``description`` and ``keywords``), whose
``lastmodifieddate`` is the export's date so that the same export gives the same bytes.
"""

from __future__ import annotations

from xml.etree.ElementTree import SubElement, tostring

from networkx.readwrite.gexf import GEXFWriter

from exports.records import attribute_graph, meta_rows
from exports.selection import ExportGraph

__all__ = ["render"]


def render(export: ExportGraph) -> bytes:
    """The export as a GEXF 1.2 document (UTF-8)."""
    graph = attribute_graph(export)
    graph_meta = dict(graph.graph)
    graph.graph.clear()  # GEXF would otherwise read them as graph modes
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    meta.set("lastmodifieddate", export.meta.date)
    meta.find("creator").text = "fakefree"
    SubElement(meta, "keywords").text = ", ".join(
        value for key, value in meta_rows(export).items()
        if key in ("marking", "case", "viewer_agencies") and value)
    SubElement(meta, "description").text = "\n".join(
        f"{key}: {value}" for key, value in graph_meta.items())
    writer.add_graph(graph)
    writer.indent(writer.xml)
    text = tostring(writer.xml, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text).encode("utf-8")
