"""IBM i2 Analyst's Notebook: entity and link CSV files with their import specifications, in a zip.

Analyst's Notebook imports text files through an import specification (a ``.ximp`` file, one per
source file): ``entities.ximp`` makes one entity per row of ``entities.csv`` (identity, label,
entity type and attributes), ``links.ximp`` one link per row of ``links.csv`` between the entities
of the same identities (type, label, date, evidence as description, SHA-256 as source reference).
Entity types are named after the standard chart template's (:data:`ANB_TYPES`), so each entity
gets that type's icon; a type the template lacks is added with the default icon.

i2 does not publish the ``.ximp`` schema: the element names follow the one public example found,
which its authors checked against the schema shipped with Analyst's Notebook 9. They have not been
opened in Analyst's Notebook here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from exports.records import csv_bytes, meta_rows, meta_text, node_row, rel_row, zip_bytes
from exports.selection import ExportGraph
from fakefree.schema import primary_label

__all__ = ["render", "ANB_TYPES", "ENTITY_COLUMNS", "LINK_COLUMNS"]

NS = "urn:import-specification"
#: Our label -> the Analyst's Notebook entity type (and so icon) of the standard template.
ANB_TYPES = {
    "Person": "Person", "Company": "Organisation", "Agency": "Organisation",
    "Brand": "Organisation", "BankAccount": "Account", "Address": "Address",
    "Phone": "Telephone", "Email": "Email Address", "Domain": "Web Site", "Vessel": "Vessel",
    "Shipment": "Shipment", "Seizure": "Event", "Event": "Event", "Port": "Location",
    "City": "Location", "Country": "Location", "Document": "Document", "Case": "Operation",
}
ENTITY_COLUMNS = ["Entity ID", "Entity Type", "Label", "fakefree Type", "Labels", "Aliases",
                  "Cases", "Agencies", "Releasability", "First Seen", "Last Seen", "Documents",
                  "Document SHA-256", "Properties"]
LINK_COLUMNS = ["Link ID", "From ID", "From Type", "From Label", "To ID", "To Type", "To Label",
                "Link Type", "Link Label", "Date", "Amount", "Currency", "Confidence", "Cases",
                "Evidence", "Documents", "Document SHA-256"]
_ENTITY_ATTRIBUTES = ["fakefree Type", "Labels", "Aliases", "Cases", "Agencies", "Releasability",
                      "First Seen", "Last Seen", "Documents", "Document SHA-256", "Properties"]
_LINK_ATTRIBUTES = [("Amount", "Number"), ("Currency", ""), ("Confidence", "Number"),
                    ("Cases", ""), ("Documents", ""), ("Document SHA-256", ""), ("Link ID", "")]


def anb_type(labels: list[str]) -> str:
    """The Analyst's Notebook entity type of a node."""
    for label in ANB_TYPES:
        if label in labels:
            return ANB_TYPES[label]
    return primary_label(labels)


def _entity_rows(export: ExportGraph) -> list[dict[str, str]]:
    rows = []
    for node in export.nodes():
        row = node_row(export, node)
        rows.append({"Entity ID": node.id, "Entity Type": anb_type(node.labels),
                     "Label": node.name, "fakefree Type": row["type"], "Labels": row["labels"],
                     "Aliases": row["aliases"], "Cases": row["cases"],
                     "Agencies": row["agencies"], "Releasability": row["releasability"],
                     "First Seen": row["first_seen"], "Last Seen": row["last_seen"],
                     "Documents": row["documents"], "Document SHA-256": row["document_sha256"],
                     "Properties": row["properties"]})
    return rows


def _link_rows(export: ExportGraph) -> list[dict[str, str]]:
    views = {node.id: node for node in export.nodes()}
    rows = []
    for rel in export.rels():
        row, source, target = rel_row(export, rel), views[rel.source], views[rel.target]
        label = " ".join(p for p in (rel.type, row["amount"], row["currency"], row["date"]) if p)
        rows.append({"Link ID": rel.id, "From ID": source.id, "From Type": anb_type(source.labels),
                     "From Label": source.name, "To ID": target.id,
                     "To Type": anb_type(target.labels), "To Label": target.name,
                     "Link Type": rel.type, "Link Label": label, "Date": row["date"],
                     "Amount": row["amount"], "Currency": row["currency"],
                     "Confidence": f"{row['confidence']:g}", "Cases": row["cases"],
                     "Evidence": row["evidence"], "Documents": row["documents"],
                     "Document SHA-256": row["document_sha256"]})
    return rows


def _el(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{NS}}}{tag}", attrs)


def _expression(parent: ET.Element, tag: str, column: str) -> None:
    _el(_el(parent, tag), "ColumnExpression").text = f"[{column}]"


def _from_column(parent: ET.Element, tag: str, column: str) -> None:
    _el(_el(parent, tag), "Column", ColumnId=column)


def _attributes(parent: ET.Element, columns: list[tuple[str, str]]) -> None:
    attributes = _el(parent, "Attributes")
    for column, value_type in columns:
        attribute = _el(attributes, "Attribute", **({"Type": value_type} if value_type else {}))
        _el(_el(attribute, "Class"), "Text", Value=column)
        _from_column(attribute, "Value", column)


def _entity(parent: ET.Element, entity_id: str, x: str, columns: tuple[str, str, str],
            attributes: list[str]) -> None:
    """An entity of the import design: its identity, label and type columns, its attributes."""
    identity, label, entity_type = columns
    entity = _el(parent, "Entity", EntityId=entity_id, X=x, Y="80")
    _expression(entity, "Identity", identity)
    _expression(entity, "Label", label)
    _from_column(entity, "Type", entity_type)
    _attributes(entity, [(column, "") for column in attributes])


def specification(export: ExportGraph, csv_name: str, links: bool) -> bytes:
    """The ``.ximp`` import specification of ``entities.csv`` or ``links.csv`` (UTF-16 XML)."""
    ET.register_namespace("imp", NS)
    root = ET.Element(f"{{{NS}}}ImportSpecification",
                      {"Version": "7.0.7", "MinimumApplicationVersion": "7.0.7"})
    _el(_el(root, "Data", Source="File"), "File", Encoding="utf-8", OpenAs="Text",
        Path=f".\\{csv_name}")
    columns = _el(root, "ColumnDefinitions", Format="Delimited")
    _el(columns, "DelimitedColumns", Delimiters=",", IgnoreWhenPrecededBy="",
        IgnoreWhenContainedBy='"')
    _el(columns, "FixedWidthBreaks")
    _el(_el(root, "ColumnReferenceDefinitions"), "RowContainingColumnIdentifiers",
        RowIndex="1", Enabled="true")
    _el(root, "RowDefinitions", IgnoreRowsStartingWith="")
    _el(root, "UserColumnDefinitions")
    _el(root, "ColumnProcessing")
    formats = _el(root, "DateTimeFormats")
    assignment = _el(root, "ColumnAssignment")
    entities = _el(assignment, "Entities")
    connections = _el(assignment, "Connections")
    link_parent = _el(assignment, "Links")
    if links:
        _el(formats, "DateTimeFormat", ColumnId="Date", Format="yyyy-MM-dd")
        _entity(entities, "From", "120", ("From ID", "From Label", "From Type"), [])
        _entity(entities, "To", "420", ("To ID", "To Label", "To Type"), [])
        _el(connections, "Connection", FromEntityId="From", ToEntityId="To",
            ConnectionStyle="Multiple")
        link = _el(link_parent, "Link", FromEntityId="From", ToEntityId="To", LinkId="Link",
                   XPosition="0")
        _from_column(link, "Date", "Date")
        _expression(link, "Label", "Link Label")
        _from_column(link, "Type", "Link Type")
        _expression(link, "Description", "Evidence")
        _expression(link, "SourceReference", "Document SHA-256")
        _attributes(link, _LINK_ATTRIBUTES)
        _el(link, "Card", Multiplicity="One")
    else:
        _entity(entities, "Entity", "120", ("Entity ID", "Label", "Entity Type"),
                _ENTITY_ATTRIBUTES)
    layout = _el(_el(root, "Layouts"), "Layout", Order="1", LayoutId="GRAPHS.GroupLayoutCtrl.7",
                 LayoutImportedItemsOnly="false")
    _el(layout, "Properties")
    _el(root, "Pruning")
    _el(root, "Selection", Enabled="false", Action="ReplaceExisting")
    meta = meta_rows(export)
    details = _el(root, "Details")
    _el(details, "Subject", Value=meta["title"])
    _el(details, "Author", Value=f"fakefree ({meta['viewer']})")
    _el(details, "Category", Value="Intelligence")
    _el(details, "Comments").text = (
        f"{meta['marking']}. Case {meta['case'] or '-'}, exported {meta['date']} for "
        f"{meta['viewer_agencies']}. Import {csv_name} from the same folder.")
    _el(details, "DateCreated", Value=meta["date"])
    _el(details, "DateModified", Value=meta["date"])
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-16"?>\n' + text + "\n").encode("utf-16")


def render(export: ExportGraph) -> bytes:
    """A zip of the entity and link CSV files, their ``.ximp`` specifications and ``EXPORT.txt``."""
    files = {
        "entities.csv": csv_bytes(ENTITY_COLUMNS, _entity_rows(export), bom=False),
        "links.csv": csv_bytes(LINK_COLUMNS, _link_rows(export), bom=False),
        "entities.ximp": specification(export, "entities.csv", links=False),
        "links.ximp": specification(export, "links.csv", links=True),
    }
    files["EXPORT.txt"] = meta_text(export, {
        "entities.csv": "one row per entity: import it first with entities.ximp",
        "links.csv": "one row per link: import it second with links.ximp (same identities)",
        "entities.ximp": "Analyst's Notebook import specification of entities.csv",
        "links.ximp": "Analyst's Notebook import specification of links.csv"})
    return zip_bytes(files)
