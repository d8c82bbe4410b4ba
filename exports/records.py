"""What the data formats share: flat rows of plain scalars, safe CSV cells, deterministic zips.

Every data format (GraphML, GEXF, CSV, i2 ANB, FollowTheMoney) writes nodes and relationships as
the rows made here, so a node carries the same attributes whatever the format.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any, Iterable

import networkx as nx

from exports.selection import ExportGraph
from fakefree.schema import primary_label
from graph_etl.store import NodeView, RelView

__all__ = ["SEP", "node_row", "rel_row", "evidence_text", "document_rows", "meta_rows", "meta_text",
           "attribute_graph", "safe_cell", "csv_bytes", "zip_bytes", "zip_entry", "ZIP_DATE"]

#: How lists are joined into one cell or attribute.
SEP = "; "
#: Every member of an export zip bears this time, so the same export gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _join(values: Iterable[Any]) -> str:
    return SEP.join(str(v) for v in values)


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str) if value else ""


def _documents(export: ExportGraph, ids: Iterable[str]) -> tuple[str, str]:
    """The names and the SHA-256 of the documents of ``ids`` that are in the export."""
    docs = [export.documents[i] for i in dict.fromkeys(ids) if i in export.documents]
    return _join(d.name for d in docs), _join(d.id for d in docs)


def node_row(export: ExportGraph, node: NodeView) -> dict[str, str]:
    """A node as plain strings: the same keys for every node."""
    names, hashes = _documents(export, node.documents)
    return {
        "id": node.id,
        "name": node.name,
        "type": primary_label(node.labels),
        "labels": _join(node.labels),
        "aliases": _join(node.aliases),
        "cases": _join(node.cases),
        "agencies": _join(node.agencies),
        "releasability": _join(node.releasability),
        "first_seen": node.first_seen or "",
        "last_seen": node.last_seen or "",
        "documents": names,
        "document_sha256": hashes,
        "properties": _json(node.props),
    }


def evidence_text(export: ExportGraph, rel: RelView) -> str:
    """The quoted evidence of a relationship, each quote with its document and span.

    A span whose start is its end is the row of a spreadsheet or CSV record.
    """
    quotes = []
    for ev in rel.evidence:
        doc = export.documents.get(ev.document_id)
        if doc is not None:
            where = f"row {ev.start}" if ev.start == ev.end else f"characters {ev.start}-{ev.end}"
            quotes.append(f"\u201c{ev.text}\u201d ({doc.name}, {where})")
    return " | ".join(quotes)


def rel_row(export: ExportGraph, rel: RelView) -> dict[str, Any]:
    """A relationship as plain scalars (``confidence`` a float, the rest strings)."""
    docs = [d.id for d in export.cited(rel)]
    names, hashes = _documents(export, docs)
    props = dict(rel.props)
    amount, currency, date = (props.pop(k, "") for k in ("amount", "currency", "date"))
    return {
        "id": rel.id,
        "source": rel.source,
        "target": rel.target,
        "type": rel.type,
        "confidence": float(rel.confidence),
        "amount": "" if amount in (None, "") else str(amount),
        "currency": currency or "",
        "date": date or "",
        "cases": _join(rel.cases),
        "agencies": _join(rel.agencies),
        "evidence": evidence_text(export, rel),
        "documents": names,
        "document_sha256": hashes,
        "properties": _json(props),
    }


def document_rows(export: ExportGraph) -> list[dict[str, str]]:
    """Every document the export cites: name, SHA-256, agency, releasability, cases."""
    return [{"sha256": d.id, "name": d.name, "agency": d.agency,
             "releasability": d.releasability, "cases": _join(d.cases)}
            for d in sorted(export.documents.values(), key=lambda d: (d.name, d.id))]


def meta_rows(export: ExportGraph) -> dict[str, str]:
    """What every export states about itself: marking, title, case, date, viewer."""
    meta = export.meta
    return {"marking": meta.marking, "title": meta.title, "case": meta.case, "date": meta.date,
            "viewer": meta.viewer, "viewer_agencies": _join(meta.agencies),
            "nodes": str(export.graph.number_of_nodes()),
            "relationships": str(export.graph.number_of_edges()),
            "documents": str(len(export.documents))}


def meta_text(export: ExportGraph, contents: dict[str, str]) -> bytes:
    """The ``EXPORT.txt`` of a zip: the marking first, then what the export is and holds."""
    meta = meta_rows(export)
    lines = [meta["marking"], ""] + [f"{k.replace('_', ' ').capitalize()}: {v}"
                                     for k, v in meta.items() if k != "marking"]
    lines += ["", "Files:"] + [f"  {name}: {what}" for name, what in sorted(contents.items())]
    lines += ["", "Documents cited (SHA-256, name):"]
    lines += [f"  {d['sha256']}  {d['name']}" for d in document_rows(export)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def attribute_graph(export: ExportGraph) -> nx.MultiDiGraph:
    """The export as a graph whose every attribute is a plain scalar, in a stable order.

    Nodes carry ``label`` (the name, what Gephi and yEd show) and the :func:`node_row` columns;
    edges are keyed by relationship id and carry ``label`` and ``rel_type`` (the type) and the
    :func:`rel_row` columns. The graph attributes are the :func:`meta_rows` and the documents
    cited, each as ``SHA-256 name``.
    """
    graph = nx.MultiDiGraph()
    graph.graph.update(meta_rows(export))
    graph.graph["document_list"] = SEP.join(f"{d['sha256']} {d['name']}"
                                            for d in document_rows(export))
    for node in export.nodes():
        row = node_row(export, node)
        node_id = row.pop("id")
        graph.add_node(node_id, label=node.name, **row)
    for rel in export.rels():
        row = rel_row(export, rel)
        rel_id, source, target, rel_type = (row.pop(k) for k in ("id", "source", "target", "type"))
        graph.add_edge(source, target, key=rel_id, label=rel_type, rel_type=rel_type, **row)
    return graph


def safe_cell(value: Any) -> str:
    """A cell a spreadsheet will not run as a formula: a leading ``= + - @``, tab or CR is quoted.

    >>> safe_cell('=HYPERLINK("http://evil","x")')
    '\\'=HYPERLINK("http://evil","x")'
    >>> safe_cell("  @SUM(A1)")
    "'  @SUM(A1)"
    >>> safe_cell("Maple Leaf Trading")
    'Maple Leaf Trading'
    """
    text = "" if value is None else str(value)
    return "'" + text if text.lstrip(" ").startswith(_FORMULA_STARTS) else text


def csv_bytes(header: list[str], rows: Iterable[dict[str, Any]], *, bom: bool = True) -> bytes:
    """UTF-8 CSV of neutralised cells; the byte-order mark makes spreadsheets read accents."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(row.get(column, "")) for column in header])
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def zip_entry(name: str) -> zipfile.ZipInfo:
    """A zip member header with nothing time- or machine-dependent: fixed date, Unix, mode 644."""
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    return info


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` that is the same bytes for the same content: sorted, fixed time and mode."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            archive.writestr(zip_entry(name), files[name])
    return buffer.getvalue()
