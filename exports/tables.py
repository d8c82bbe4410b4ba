"""CSV node and edge lists (Excel, LibreOffice, pandas, Gephi's spreadsheet import), in a zip.

``nodes.csv`` and ``edges.csv`` hold one row per node and per relationship, with the evidence,
the names and SHA-256 of the documents cited; ``documents.csv`` lists those documents and
``EXPORT.txt`` the marking, title, case, date and viewer. Every cell a spreadsheet could run as a
formula is neutralised (:func:`exports.records.safe_cell`).
"""

from __future__ import annotations

from exports.records import csv_bytes, document_rows, meta_text, node_row, rel_row, zip_bytes
from exports.selection import ExportGraph

__all__ = ["render", "NODE_COLUMNS", "EDGE_COLUMNS", "DOCUMENT_COLUMNS"]

NODE_COLUMNS = ["id", "name", "type", "labels", "aliases", "cases", "agencies", "releasability",
                "first_seen", "last_seen", "documents", "document_sha256", "properties"]
EDGE_COLUMNS = ["id", "source", "source_name", "type", "target", "target_name", "date", "amount",
                "currency", "confidence", "cases", "agencies", "evidence", "documents",
                "document_sha256", "properties"]
DOCUMENT_COLUMNS = ["sha256", "name", "agency", "releasability", "cases"]


def render(export: ExportGraph) -> bytes:
    """A zip of ``nodes.csv``, ``edges.csv``, ``documents.csv`` and ``EXPORT.txt``."""
    names = {node.id: node.name for node in export.nodes()}
    edges = []
    for rel in export.rels():
        row = rel_row(export, rel)
        edges.append(row | {"source_name": names[rel.source], "target_name": names[rel.target]})
    files = {
        "nodes.csv": csv_bytes(NODE_COLUMNS, (node_row(export, n) for n in export.nodes())),
        "edges.csv": csv_bytes(EDGE_COLUMNS, edges),
        "documents.csv": csv_bytes(DOCUMENT_COLUMNS, document_rows(export)),
    }
    files["EXPORT.txt"] = meta_text(export, {
        "nodes.csv": "one row per entity",
        "edges.csv": "one row per relationship, with its evidence and source documents",
        "documents.csv": "the documents cited, with their SHA-256"})
    return zip_bytes(files)
