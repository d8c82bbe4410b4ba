"""FollowTheMoney entities as JSON lines, for Aleph and the other FtM tools.

Entities are built and checked with the ``followthemoney`` package: our labels map to FtM schemata
(:data:`NODE_SCHEMATA`), relationships to FtM interval entities (:data:`REL_SCHEMATA`, anything else
an ``UnknownLink`` whose ``role`` is our type), phones, e-mails and addresses fold into the
``phone``, ``email`` and ``addressEntity`` properties of the party that uses them. Every cited
document is a ``Document`` entity (file name, SHA-256 in its notes) that the entities built from
it name as their ``proof``; evidence quotes go in the ``description`` of each link.

FtM has no place for the metadata of an export as a whole: the marking, title, date and viewer
are not in the JSON lines (the CLI prints them and the audit log keeps them).
"""

from __future__ import annotations

import json

from followthemoney import model
from followthemoney.proxy import EntityProxy

from exports.records import evidence_text
from exports.selection import ExportGraph
from fakefree.errors import InputError
from graph_etl.store import DocumentRecord, NodeView, RelView

__all__ = ["render", "entities", "NODE_SCHEMATA", "REL_SCHEMATA", "FOLDED"]

#: Our label -> FtM schema, most specific first (a node takes the first that matches).
NODE_SCHEMATA = {
    "Person": "Person", "Company": "Company", "Agency": "PublicBody", "Brand": "Organization",
    "BankAccount": "BankAccount", "Vessel": "Vessel", "Address": "Address", "Port": "Address",
    "City": "Address", "Country": "Address", "Shipment": "Asset", "Seizure": "Event",
    "Event": "Event",
}
#: Relationship type -> (FtM schema, property of the source, property of the target).
REL_SCHEMATA = {
    "OWNS": ("Ownership", "owner", "asset"),
    "HOLDS": ("Ownership", "owner", "asset"),
    "DIRECTS": ("Directorship", "director", "organization"),
    "EMPLOYED_BY": ("Employment", "employee", "employer"),
    "PAID": ("Payment", "payer", "beneficiary"),
    "TRANSFERRED": ("Payment", "payer", "beneficiary"),
    "ASSOCIATED_WITH": ("Associate", "person", "associate"),
}
#: Relationship type -> the property of the source that takes the target (its name or entity).
FOLDED = {"HAS_PHONE": "phone", "HAS_EMAIL": "email", "HAS_ADDRESS": "addressEntity"}
#: Our node property -> FtM property, where the entity's schema has it.
_PROPS = {"country": "country", "iban": "iban", "number": "accountNumber", "swift": "bic",
          "bank": "bankName", "imo": "imoNumber", "dob": "birthDate", "nationality": "nationality",
          "registration_number": "registrationNumber", "date": "date"}


def _document_id(sha256: str) -> str:
    return f"doc-{sha256}"


def _node_entity(export: ExportGraph, node: NodeView) -> EntityProxy | None:
    schema = next((NODE_SCHEMATA[label] for label in NODE_SCHEMATA if label in node.labels), None)
    if schema is None:
        return None
    entity = model.make_entity(schema)
    entity.id = node.id
    entity.add("full" if schema == "Address" else "name", node.name)
    if schema != "Address":
        entity.add("alias", node.aliases)
    for key, value in sorted(node.props.items()):
        prop = _PROPS.get(key)
        if prop and entity.schema.get(prop) is not None:
            entity.add(prop, value if isinstance(value, list) else str(value), quiet=True)
    notes = [f"fakefree labels: {', '.join(node.labels)}", f"cases: {', '.join(node.cases)}",
             f"agencies: {', '.join(node.agencies)}"]
    entity.add("notes" if entity.schema.get("notes") else "description", "\n".join(notes))
    entity.add("proof", [_document_id(d) for d in node.documents if d in export.documents])
    return entity


def _link_entity(export: ExportGraph, rel: RelView,
                 entities: dict[str, EntityProxy]) -> EntityProxy | None:
    source, target = entities.get(rel.source), entities.get(rel.target)
    if source is None or target is None:
        return None
    schema, source_prop, target_prop = REL_SCHEMATA.get(rel.type, ("UnknownLink", "", ""))
    if schema == "Payment":
        source_prop = "payerAccount" if source.schema.is_a("BankAccount") else source_prop
        target_prop = ("beneficiaryAccount" if target.schema.is_a("BankAccount")
                       else target_prop)
    link = model.make_entity(schema)
    if not (_fits(link, source_prop, source) and _fits(link, target_prop, target)):
        link, source_prop, target_prop = model.make_entity("UnknownLink"), "subject", "object"
    link.id = rel.id
    link.add(source_prop, source.id)
    link.add(target_prop, target.id)
    if link.schema.get("role") is not None:
        link.add("role", rel.type)
    for key in ("date", "amount", "currency"):
        if rel.props.get(key) not in (None, "") and link.schema.get(key) is not None:
            link.add(key, str(rel.props[key]), quiet=True)
    link.add("recordId", rel.id)
    link.add("description", evidence_text(export, rel))
    link.add("proof", [_document_id(d.id) for d in export.cited(rel)])
    return link


def _fits(link: EntityProxy, prop: str, entity: EntityProxy) -> bool:
    """Whether ``entity`` may stand in property ``prop`` of ``link``."""
    spec = link.schema.get(prop)
    return spec is not None and spec.range is not None and entity.schema.is_a(spec.range)


def _fold(rel: RelView, export: ExportGraph, entities: dict[str, EntityProxy]) -> None:
    source, prop = entities.get(rel.source), FOLDED[rel.type]
    if source is None or source.schema.get(prop) is None:
        return
    target = entities.get(rel.target)
    if prop == "addressEntity":
        if target is not None and target.schema.is_a("Address"):
            source.add(prop, target.id)
    else:
        source.add(prop, export.graph.nodes[rel.target]["view"].name, quiet=True)


def _document_entity(doc: DocumentRecord) -> EntityProxy:
    entity = model.make_entity("Document")
    entity.id = _document_id(doc.id)
    entity.add("fileName", doc.name)
    entity.add("title", doc.name)
    entity.add("notes", f"SHA-256: {doc.id}\nagency: {doc.agency}\n"
                        f"releasability: {doc.releasability}\ncases: {', '.join(doc.cases)}")
    return entity


def entities(export: ExportGraph) -> list[EntityProxy]:
    """The FtM entities of an export: parties and things, documents, then links."""
    nodes: dict[str, EntityProxy] = {}
    for node in export.nodes():
        entity = _node_entity(export, node)
        if entity is not None:
            nodes[node.id] = entity
    links = []
    for rel in export.rels():
        if rel.type in FOLDED:
            _fold(rel, export, nodes)
        else:
            link = _link_entity(export, rel, nodes)
            if link is not None:
                links.append(link)
    documents = [_document_entity(d) for d in sorted(export.documents.values(),
                                                      key=lambda d: (d.name, d.id))]
    out = list(nodes.values()) + documents + links
    for entity in out:
        errors = entity.schema.validate(entity.to_dict())
        if errors:
            raise InputError(f"FollowTheMoney entity {entity.id} ({entity.schema.name}) is "
                             f"invalid: {errors}.")
    return out


def render(export: ExportGraph) -> bytes:
    """One FtM entity per line, as JSON (UTF-8)."""
    lines = [json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) for e in entities(export)]
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
